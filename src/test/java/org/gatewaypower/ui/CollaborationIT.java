package org.gatewaypower.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.Locale;

import org.gatewaypower.SpringTestBase;
import org.gatewaypower.analysis.BalanceService;
import org.gatewaypower.workspace.ReadModels;
import org.gatewaypower.workspace.WorkspaceService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Two partner engineers in two real browsers on the same workspace: one edits, the other sees the
 * new value and the recomputed battery results without reloading; a stale edit is refused and
 * explained; a broken rule is shown and nothing is saved.
 */
class CollaborationIT extends SpringTestBase {

    @LocalServerPort
    int port;

    @Autowired
    WorkspaceService workspaces;

    @Autowired
    BalanceService balances;

    private BrowserSession nasa;
    private BrowserSession esa;
    private long workspaceId;

    @BeforeEach
    void openTwoBrowsers() throws Exception {
        assumeTrue(BrowserSession.available(), "Debian chromium and chromium-driver are needed (see .ci/run)");
        workspaceId = workspaces.listWorkspaces().stream().filter(w -> w.name().equals("Gateway demo")).findFirst()
                .orElseThrow().id();
        String base = "http://localhost:" + port;
        nasa = new BrowserSession(base).signIn("nasa", "gateway");
        esa = new BrowserSession(base).signIn("esa", "gateway");
        nasa.open("/workspace/" + workspaceId);
        esa.open("/workspace/" + workspaceId);
        nasa.text("result-min-soc");
        esa.text("result-min-soc");
    }

    @AfterEach
    void close(org.junit.jupiter.api.TestInfo test) throws Exception {
        String name = test.getTestMethod().map(java.lang.reflect.Method::getName).orElse("test");
        if (nasa != null) {
            nasa.screenshot(name + "-nasa");
        }
        if (esa != null) {
            esa.screenshot(name + "-esa");
        }
        if (nasa != null) {
            nasa.close();
        }
        if (esa != null) {
            esa.close();
        }
    }

    @Test
    void an_edit_in_one_browser_shows_up_with_new_results_in_the_other_without_reload() throws Exception {
        ReadModels.LoadItem avionics = load("Orion quiescent avionics");
        double newPower = avionics.operatingPowerW() + 5_000;
        String newText = String.format(Locale.US, "%,.0f", newPower);
        String socBefore = esa.text("result-min-soc");
        double expectedSoc = 100 * balances.balance(workspaceId).battery().minStateOfCharge();
        assertThat(socBefore).isEqualTo(String.format(Locale.US, "%.1f %%", expectedSoc));

        edit(nasa, avionics.name());
        nasa.type("load-editor-operatingPowerW", String.valueOf((long) newPower));
        nasa.typeAndEnter("load-editor-peakPowerW", String.valueOf((long) newPower + 500));

        nasa.waitFor(Duration.ofSeconds(5), d -> !nasa.displayed("load-editor-operatingPowerW"));
        esa.scrollToLoad(workspaces.snapshot(workspaceId), avionics.id());
        esa.waitFor(Duration.ofSeconds(5), d -> esa.gridShows("load-grid", newText));
        String socAfter = esa.waitFor(Duration.ofSeconds(5), d -> {
            String s = d.findElement(By.id("result-min-soc")).getText();
            return s.equals(socBefore) ? null : s;
        });
        double savedSoc = 100 * balances.balance(workspaceId).battery().minStateOfCharge();
        assertThat(socAfter).isEqualTo(String.format(Locale.US, "%.1f %%", savedSoc));
        assertThat(savedSoc).isLessThan(expectedSoc);
        assertThat(load(avionics.name()).operatingPowerW()).isEqualTo(newPower);
        assertThat(load(avionics.name()).updatedBy()).isEqualTo("nasa");
        esa.screenshot("esa-after-nasa-edit");
        nasa.screenshot("nasa-after-edit");
    }

    @Test
    void a_save_based_on_an_old_version_is_refused_and_the_current_value_is_shown() {
        ReadModels.LoadItem heaters = load("Cabin heaters");
        long first = (long) heaters.operatingPowerW() - 40;
        long second = (long) heaters.operatingPowerW() - 70;

        edit(esa, heaters.name());
        edit(nasa, heaters.name());
        nasa.typeAndEnter("load-editor-operatingPowerW", String.valueOf(first));
        nasa.waitFor(d -> load(heaters.name()).operatingPowerW() == first);

        esa.typeAndEnter("load-editor-operatingPowerW", String.valueOf(second));
        String message = esa.text("load-errors");
        assertThat(message).contains("Not saved").contains("nasa changed");
        assertThat(load(heaters.name()).operatingPowerW()).isEqualTo(first);
        esa.waitFor(d -> esa.gridShows("load-grid", String.format(Locale.US, "%,d", first)));
    }

    @Test
    void a_negative_power_is_rejected_on_its_cell_and_nothing_is_saved() {
        ReadModels.LoadItem galley = load("Galley");
        edit(esa, galley.name());
        esa.typeAndEnter("load-editor-operatingPowerW", "-250");

        String message = esa.text("load-errors");
        assertThat(message).contains("Operating power must not be negative");
        ReadModels.LoadItem after = load(galley.name());
        assertThat(after.operatingPowerW()).isEqualTo(galley.operatingPowerW());
        assertThat(after.version()).isEqualTo(galley.version());
    }

    /** Opens the editor on the row of the named load, as a user would: scroll to it, double-click it. */
    private void edit(BrowserSession browser, String loadName) {
        browser.scrollToLoad(workspaces.snapshot(workspaceId), load(loadName).id());
        browser.doubleClick(browser.cell("load-grid", loadName));
    }

    private ReadModels.LoadItem load(String name) {
        return workspaces.snapshot(workspaceId).loads().stream().filter(l -> l.name().equals(name)).findFirst()
                .orElseThrow();
    }
}
