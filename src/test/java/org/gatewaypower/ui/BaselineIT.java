package org.gatewaypower.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;

import org.gatewaypower.SpringTestBase;
import org.gatewaypower.analysis.BalanceService;
import org.gatewaypower.baseline.BaselineService;
import org.gatewaypower.baseline.Baselines;
import org.gatewaypower.baseline.VariantService;
import org.gatewaypower.ui.baseline.DisplayUnits;
import org.gatewaypower.workspace.EquipmentService;
import org.gatewaypower.workspace.TestWorkspaces;
import org.gatewaypower.workspace.TestWorkspaces.Fixture;
import org.gatewaypower.workspace.ReadModels;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A power engineer opens the baselines of a workspace from its page, freezes a baseline (a missing
 * name is refused on the field), a load changes, and the comparison of the baseline with the current
 * state shows the change row, the min-SOC delta, both curves and the ranking; a variant is forked and
 * compared with its parent on its own baselines page.
 */
class BaselineIT extends SpringTestBase {

    private static final Duration COMPUTE = Duration.ofSeconds(60);

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces fixtures;

    @Autowired
    EquipmentService equipment;

    @Autowired
    BalanceService balances;

    @Autowired
    BaselineService baselines;

    @Autowired
    VariantService variants;

    private BrowserSession browser;

    @BeforeEach
    void openBrowser() throws Exception {
        assumeTrue(BrowserSession.available(), "Debian chromium and chromium-driver are needed (see .ci/run)");
        browser = new BrowserSession("http://localhost:" + port).signIn("admin", "gateway");
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void a_frozen_baseline_compared_with_a_changed_workspace_shows_the_change_and_the_min_soc_delta()
            throws Exception {
        Fixture f = fixtures.create("Baseline IT", 3);
        double minSocBefore = balances.balance(f.workspaceId()).battery().minStateOfCharge();
        browser.open("/workspace/" + f.workspaceId());
        browser.waitFor(d -> d.findElement(By.id("baselines-link"))).click();

        browser.waitFor(d -> d.findElement(By.id("freeze-baseline"))).click();
        browser.waitFor(d -> d.findElement(By.cssSelector("#baseline-name[invalid]")));
        assertThat(browser.text("baseline-errors")).contains("Baseline name is required");

        browser.type("baseline-name", "PDR");
        browser.type("baseline-description", "Preliminary design review");
        browser.waitFor(d -> d.findElement(By.id("freeze-baseline"))).click();
        browser.cell("baselines-grid", "PDR");
        assertThat(baselines.baselines(f.workspaceId())).singleElement()
                .extracting(Baselines.Baseline::createdBy).isEqualTo("admin");

        ReadModels.LoadItem l0 = equipment.load(f.loadIds().get(0));
        equipment.updateLoad(l0.id(), l0.version(), TestWorkspaces.withOperating(TestWorkspaces.draft(l0), 1_500.0),
                TestWorkspaces.SEEDER);
        double delta = balances.balance(f.workspaceId()).battery().minStateOfCharge() - minSocBefore;
        assertThat(delta).as("the change moves the minimum state of charge").isLessThan(-1e-3);

        browser.waitFor(d -> d.findElement(By.id("compare-button"))).click();
        browser.waitFor(COMPUTE, d -> browser.gridShows("changes-grid", "operating power") ? true : null);
        assertThat(browser.gridShows("changes-grid", "Load 0 · HALO")).isTrue();
        assertThat(browser.gridShows("changes-grid", "500 W → 1.50 kW")).isTrue();
        assertThat(browser.text("comparison-summary")).contains("Baseline PDR → Current: 1 change");
        String shownDelta = DisplayUnits.delta("fraction", delta);
        assertThat(shownDelta).startsWith("-");
        assertThat(browser.gridShows("figures-grid", shownDelta)).as("min-SOC delta %s", shownDelta).isTrue();
        assertThat(browser.gridShows("ranking-grid", shownDelta)).isTrue();
        assertThat(baselines.compare(f.workspaceId(), "baseline:" + baselines.baselines(f.workspaceId()).get(0).id(),
                "current", "admin").figure("minStateOfCharge").orElseThrow().delta()).isCloseTo(delta, within(1e-9));
        browser.waitFor(COMPUTE, d -> d.findElement(By.cssSelector("#soc-chart[data-rendered]")));
        browser.screenshot("baseline-comparison");

        browser.type("variant-name", "Second rack");
        browser.waitFor(d -> d.findElement(By.id("create-variant"))).click();
        String variantName = f.name() + " — Second rack";
        browser.waitFor(d -> d.findElement(By.id("variants-list")).getText().contains(variantName) ? true : null);
        long variantId = variants.variants(f.workspaceId()).get(0).workspaceId();

        browser.waitFor(d -> d.findElement(By.id("variant-baselines-" + variantId))).click();
        browser.waitFor(d -> d.findElement(By.id("parent-link")));
        assertThat(browser.text("compare-a")).contains("Parent");
        browser.waitFor(d -> d.findElement(By.id("compare-button"))).click();
        assertThat(browser.text("changes-none")).contains("No differences");
        assertThat(browser.text("comparison-summary")).contains("Parent (" + f.name() + ") → Current: 0 changes");
    }
}
