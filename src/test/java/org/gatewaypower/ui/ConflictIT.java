package org.gatewaypower.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.gatewaypower.SpringTestBase;
import org.gatewaypower.workspace.EquipmentService;
import org.gatewaypower.workspace.TestWorkspaces;
import org.gatewaypower.workspace.ReadModels;
import org.gatewaypower.workspace.WorkspaceService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A stale save in a real browser: the battery form of one user is saved by another first; the first
 * user's save opens the conflict dialog with the other's value and name, and both resolutions work.
 */
class ConflictIT extends SpringTestBase {

    private static final double KWH = 3.6e6;

    @LocalServerPort
    int port;

    @Autowired
    WorkspaceService workspaces;

    @Autowired
    TestWorkspaces fixtures;

    @Autowired
    EquipmentService equipment;

    private BrowserSession nasa;
    private BrowserSession admin;
    private TestWorkspaces.Fixture fixture;
    private String capacity;
    private String save;

    @BeforeEach
    void openTwoBrowsers() throws Exception {
        assumeTrue(BrowserSession.available(), "Debian chromium and chromium-driver are needed (see .ci/run)");
        fixture = fixtures.create("Conflict", 2);
        capacity = "battery-" + fixture.batteryId() + "-capacityJ";
        save = "battery-" + fixture.batteryId() + "-save";
        String base = "http://localhost:" + port;
        nasa = new BrowserSession(base).signIn("nasa", "gateway");
        admin = new BrowserSession(base).signIn("admin", "gateway");
        for (BrowserSession b : new BrowserSession[] {nasa, admin}) {
            b.open("/workspace/" + fixture.workspaceId());
            b.text("result-min-soc");
            b.tab("Batteries");
            b.waitFor(d -> "30".equals(b.value(capacity)));
        }
    }

    @AfterEach
    void close(org.junit.jupiter.api.TestInfo test) throws Exception {
        String name = test.getTestMethod().map(java.lang.reflect.Method::getName).orElse("test");
        for (BrowserSession b : new BrowserSession[] {nasa, admin}) {
            if (b != null) {
                b.screenshot(name + "-" + (b == nasa ? "nasa" : "admin"));
                b.close();
            }
        }
    }

    @Test
    void keep_theirs_shows_the_value_the_other_saved() throws Exception {
        long before = battery().version();
        loseRace("40", "35");

        String row = nasa.text("conflict-row-capacityJ");
        assertThat(row).contains("Capacity (kWh)").contains("Mine: 40").contains("Theirs (admin): 35");
        assertThat(nasa.text("conflict-summary")).contains("admin saved battery Battery");
        assertThat(nasa.displayed("conflict-row-minStateOfCharge")).as("fields that do not differ").isFalse();
        nasa.screenshot("conflict-dialog");

        nasa.click("conflict-keep-theirs");
        nasa.waitFor(d -> "35".equals(nasa.value(capacity)));
        assertThat(battery().capacityJ()).isEqualTo(35 * KWH);
        assertThat(battery().version()).isEqualTo(before + 1);
    }

    @Test
    void apply_mine_saves_my_value_over_the_current_version() {
        loseRace("45", "50");
        assertThat(nasa.text("conflict-row-capacityJ")).contains("Mine: 45").contains("Theirs (admin): 50");

        nasa.click("conflict-apply-mine");
        nasa.waitFor(d -> battery().capacityJ() == 45 * KWH);
        assertThat(battery().updatedBy()).isEqualTo("nasa");
        admin.waitFor(d -> "45".equals(admin.value(capacity)));
    }

    @Test
    void a_row_conflict_merges_per_field_my_change_and_theirs() {
        long loadId = fixture.loadIds().get(0);
        for (BrowserSession b : new BrowserSession[] {nasa, admin}) {
            b.tab("Loads");
        }
        nasa.doubleClick(nasa.cell("load-grid", "Load 0"));
        nasa.type("load-editor-operatingPowerW", "700");

        admin.doubleClick(admin.cell("load-grid", "Load 0"));
        admin.type("load-editor-operatingPowerW", "500");
        admin.typeAndEnter("load-editor-peakPowerW", "2500");
        admin.waitFor(d -> equipment.load(loadId).peakPowerW() == 2500.0);

        nasa.typeAndEnter("load-editor-operatingPowerW", "700");
        assertThat(nasa.text("conflict-row-operatingPowerW")).contains("Operating W").contains("Mine: 700")
                .contains("Theirs (admin): 500");
        assertThat(nasa.text("conflict-row-peakPowerW")).contains("Mine: 2,000").contains("Theirs (admin): 2,500");
        assertThat(nasa.displayed("conflict-row-standbyPowerW")).isFalse();
        assertThat(nasa.displayed("load-errors")).as("the grid says why nothing was saved").isTrue();

        // Defaults: my operating power (I changed it), their peak power (they changed it).
        nasa.click("conflict-apply-selected");
        nasa.waitFor(d -> equipment.load(loadId).operatingPowerW() == 700.0);
        ReadModels.LoadItem merged = equipment.load(loadId);
        assertThat(merged.peakPowerW()).isEqualTo(2500.0);
        assertThat(merged.updatedBy()).isEqualTo("nasa");
        nasa.waitFor(d -> nasa.gridShows("load-grid", "2,500") && nasa.gridShows("load-grid", "700"));
        // The conflict is settled: its message is gone.
        nasa.waitFor(d -> !nasa.displayed("load-errors"));
    }

    /** nasa types {@code mine} (unsaved), admin saves {@code theirs}, then nasa saves: the dialog opens. */
    private void loseRace(String mine, String theirs) {
        nasa.type(capacity, mine);
        nasa.driver().findElement(org.openqa.selenium.By.cssSelector("#" + capacity + " input")).sendKeys(Keys.TAB);
        nasa.waitForServer();

        admin.type(capacity, theirs);
        admin.click(save);
        admin.waitFor(d -> battery().capacityJ() == Double.parseDouble(theirs) * KWH);

        nasa.click(save);
        nasa.waitFor(d -> nasa.displayed("conflict-summary"));
    }

    private ReadModels.Battery battery() {
        return workspaces.snapshot(fixture.workspaceId()).batteries().stream()
                .filter(b -> b.id() == fixture.batteryId()).findFirst().orElseThrow();
    }
}
