package org.gatewaypower.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.gatewaypower.SpringTestBase;
import org.gatewaypower.analysis.BalanceService;
import org.gatewaypower.workspace.AnalysisTimeline;
import org.gatewaypower.workspace.DesignCaseService;
import org.gatewaypower.workspace.Drafts;
import org.gatewaypower.workspace.Operations;
import org.gatewaypower.workspace.OperationsService;
import org.gatewaypower.workspace.PhaseKind;
import org.gatewaypower.workspace.TestWorkspaces;
import org.gatewaypower.workspace.ReadModels;
import org.gatewaypower.workspace.WorkspaceService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The energy balance on the ephemeris orbit follows the operations timeline: an engineer changes a
 * load's duty cycle in the mode the timeline uses, and a colleague's dashboard shows the new minimum
 * state of charge without a reload.
 */
class TimelineBalanceIT extends SpringTestBase {

    @LocalServerPort
    int port;

    @Autowired
    WorkspaceService workspaces;

    @Autowired
    TestWorkspaces fixtures;

    @Autowired
    DesignCaseService designCases;

    @Autowired
    OperationsService operations;

    @Autowired
    BalanceService balances;

    private BrowserSession esa;
    private BrowserSession csa;

    @AfterEach
    void close() throws Exception {
        if (esa != null) {
            esa.screenshot("timeline-balance-esa");
            esa.close();
        }
        if (csa != null) {
            csa.screenshot("timeline-balance-csa");
            csa.close();
        }
    }

    /** The figures of the depth-of-discharge check as the service computes them now. */
    private String dodFigures(long workspaceId) {
        return balances.balance(workspaceId).checks().stream().filter(c -> c.name().equals("Depth of discharge"))
                .findFirst().orElseThrow().figures();
    }

    @Test
    void a_duty_cycle_edit_in_the_timeline_mode_moves_the_other_sessions_minimum_state_of_charge() throws Exception {
        assumeTrue(BrowserSession.available(), "Debian chromium and chromium-driver are needed (see .ci/run)");
        TestWorkspaces.Fixture f = fixtures.create("Timeline", 3);
        ReadModels.DesignCase dc = workspaces.snapshot(f.workspaceId()).designCase();
        Instant from = Instant.parse("2027-04-01T00:00:00Z");
        designCases.updateDesignCase(f.workspaceId(), dc.version(), new Drafts.DesignCaseDraft(dc.activeModeId(),
                dc.orbitPeriodS(), dc.eclipseDurationS(), dc.arrayAgeYears(), AnalysisTimeline.EPHEMERIS,
                Instant.parse("2027-01-01T00:00:00Z"), from, 59.0), "nasa");
        operations.create(f.workspaceId(), new Operations.OperationPhaseDraft("Quiet period", PhaseKind.UNCREWED,
                f.otherModeId(), from, from.plusSeconds(59 * 86_400)), "nasa");
        String before = String.format(Locale.US, "%.1f %%",
                100 * balances.balance(f.workspaceId()).battery().minStateOfCharge());

        String base = "http://localhost:" + port;
        esa = new BrowserSession(base).signIn("esa", "gateway");
        csa = new BrowserSession(base).signIn("csa", "gateway");
        esa.open("/workspace/" + f.workspaceId());
        csa.open("/workspace/" + f.workspaceId());
        assertThat(csa.text("result-min-soc")).isEqualTo(before);
        String dodBefore = csa.cell("checks", dodFigures(f.workspaceId())).getText().trim();
        assertThat(csa.text("result-illumination")).contains("NRHO").contains("1 operations phase");

        esa.doubleClick(esa.cell("load-grid", "Load 0"));
        esa.typeAndEnter("load-editor-dutyByMode-" + f.otherModeId(), "100");

        String after = csa.waitFor(Duration.ofSeconds(5), d -> {
            String s = d.findElement(By.id("result-min-soc")).getText();
            return s.equals(before) ? null : s;
        });
        double expected = 100 * balances.balance(f.workspaceId()).battery().minStateOfCharge();
        assertThat(after).isEqualTo(String.format(Locale.US, "%.1f %%", expected));
        // the checks table follows: the depth-of-discharge check now shows the new figures
        String dodAfter = dodFigures(f.workspaceId());
        assertThat(dodAfter).isNotEqualTo(dodBefore);
        csa.cell("checks", dodAfter);
        assertThat(expected).isLessThan(Double.parseDouble(before.replace(" %", "")));
        assertThat(workspaces.snapshot(f.workspaceId()).loads().get(0).duty(f.otherModeId())).isEqualTo(1.0);
    }
}
