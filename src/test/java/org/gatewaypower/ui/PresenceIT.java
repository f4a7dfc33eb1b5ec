package org.gatewaypower.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.gatewaypower.SpringTestBase;
import org.gatewaypower.workspace.EquipmentService;
import org.gatewaypower.workspace.TestWorkspaces;
import org.gatewaypower.workspace.ReadModels;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Two users in two real browsers on one fixture workspace: each sees the other's avatar, the row the
 * other edits is marked, and a change that moves the battery's minimum state of charge is announced.
 */
class PresenceIT extends SpringTestBase {

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces fixtures;

    @Autowired
    EquipmentService equipment;

    private BrowserSession nasa;
    private BrowserSession admin;
    private TestWorkspaces.Fixture fixture;

    @BeforeEach
    void openTwoBrowsers() throws Exception {
        assumeTrue(BrowserSession.available(), "Debian chromium and chromium-driver are needed (see .ci/run)");
        fixture = fixtures.create("Presence", 3);
        String base = "http://localhost:" + port;
        nasa = new BrowserSession(base).signIn("nasa", "gateway");
        admin = new BrowserSession(base).signIn("admin", "gateway");
        nasa.open("/workspace/" + fixture.workspaceId());
        admin.open("/workspace/" + fixture.workspaceId());
        nasa.text("result-min-soc");
        admin.text("result-min-soc");
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
    void each_sees_the_other_and_the_row_the_other_edits() throws Exception {
        nasa.waitFor(d -> nasa.avatarNames("presence").contains("Administrator"));
        admin.waitFor(d -> admin.avatarNames("presence").contains("NASA power team (NASA)"));
        assertThat(nasa.avatarNames("presence")).containsExactlyInAnyOrder("NASA power team (NASA)", "Administrator");

        admin.doubleClick(admin.cell("load-grid", "Load 1"));
        admin.waitFor(d -> admin.displayed("load-editor-operatingPowerW"));

        nasa.waitFor(d -> nasa.gridShows("load-grid", "✎ Administrator"));
        nasa.waitFor(d -> nasa.avatarNames("presence").contains("Administrator · editing load Load 1"));
        WebElement marked = nasa.waitFor(d -> d.findElements(By.cssSelector("#load-grid vaadin-grid-cell-content"))
                .stream().filter(c -> c.getText().trim().equals("✎ Administrator")).findFirst().orElse(null));
        assertThat(marked).isNotNull();
        assertThat(nasa.gridShows("load-grid", "✎ NASA power team")).isFalse();
        assertThat(nasa.text("load-others-editing")).isEqualTo("Being edited: Load 1 ✎ Administrator");
        assertThat(nasa.script("return document.getElementById('load-grid').shadowRoot"
                + ".querySelectorAll('[part~=\"edited-elsewhere\"]').length;")).as("cells of the marked row")
                .isNotEqualTo(0L);
        nasa.screenshot("presence-row-marked");

        // Saving closes the editor: the mark goes away.
        admin.typeAndEnter("load-editor-name", "Load 1");
        nasa.waitFor(d -> !nasa.gridShows("load-grid", "✎ Administrator"));
        nasa.waitFor(d -> nasa.avatarNames("presence").contains("Administrator"));

        // Leaving the page (not only the view) takes the avatar away: at once through the page's close beacon, and
        // at the latest after three missed heartbeats (vaadin.heartbeatInterval=10 s) if the beacon is lost.
        admin.open("/");
        nasa.waitFor(java.time.Duration.ofSeconds(75),
                d -> nasa.avatarNames("presence").equals(java.util.List.of("NASA power team (NASA)")));
    }

    @Test
    void a_change_that_moves_the_minimum_state_of_charge_is_announced_to_the_other() {
        nasa.waitFor(d -> nasa.avatarNames("presence").contains("Administrator"));
        long loadId = fixture.loadIds().get(0);
        ReadModels.LoadItem load = equipment.load(loadId);
        equipment.updateLoad(loadId, load.version(),
                TestWorkspaces.withPowers(TestWorkspaces.draft(load), 50.0, 4_000.0, 6_000.0), "nasa");

        String notice = admin.waitFor(d -> d.findElements(By.cssSelector(".impact-notice")).stream()
                .map(WebElement::getText).filter(t -> !t.isBlank()).findFirst().orElse(null));
        assertThat(notice).startsWith("NASA (nasa) changed load " + load.name() + ": minimum state of charge ")
                .endsWith(", Crewed EOL case");
        String own = nasa.waitFor(d -> d.findElements(By.cssSelector(".impact-notice")).stream()
                .map(WebElement::getText).filter(t -> !t.isBlank()).findFirst().orElse(null));
        assertThat(own).isEqualTo(notice);
    }
}
