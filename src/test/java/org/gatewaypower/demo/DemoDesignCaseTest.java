package org.gatewaypower.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.gatewaypower.SpringTestBase;
import org.gatewaypower.analysis.BalanceReport;
import org.gatewaypower.analysis.BalanceService;
import org.gatewaypower.analysis.EclipseService;
import org.gatewaypower.physics.eclipse.Occulter;
import org.gatewaypower.workspace.DesignEclipseSource;
import org.gatewaypower.workspace.ReadModels;
import org.gatewaypower.workspace.WorkspaceService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The demo's design case is derived from its orbit, as the README says: the longest pass of the 15-year
 * mission at the eclipse-favourable perilune epoch 2027-01-01T06:15Z, an 85.4-min Earth-shadow pass, and it
 * passes every case with the coincident peak under the PPE's 24 kW.
 */
class DemoDesignCaseTest extends SpringTestBase {

    @Autowired
    WorkspaceService workspaces;

    @Autowired
    BalanceService balances;

    @Autowired
    EclipseService eclipses;

    private ReadModels.WorkspaceSnapshot demo() {
        long id = workspaces.listWorkspaces().stream().filter(w -> w.name().equals(DemoData.WORKSPACE)).findFirst()
                .orElseThrow().id();
        return workspaces.snapshot(id);
    }

    @Test
    void the_design_eclipse_is_the_longest_pass_of_the_mission_at_the_demo_phase() {
        ReadModels.WorkspaceSnapshot ws = demo();
        ReadModels.DesignCase dc = ws.designCase();
        assertThat(dc.eclipseSource()).isEqualTo(DesignEclipseSource.WORST_SPAN);
        assertThat(dc.periluneEpoch()).isEqualTo(DemoData.PERILUNE);
        assertThat(dc.bolDate()).isEqualTo(DemoData.BOL);
        assertThat(dc.missionEnd()).isEqualTo(DemoData.MISSION_END);

        BalanceReport r = balances.balance(ws, false);

        BalanceReport.Mission m = r.mission();
        assertThat(m.designEclipseS() / 60).isCloseTo(85.4, within(0.05));
        assertThat(m.designPass().body()).isEqualTo("Earth");
        assertThat(m.designPass().start().toString()).startsWith("2030-08-13");
        assertThat(m.notes()).isEmpty();
        // at this phase no Moon pass of the mission reaches 74 min
        double longestMoon = eclipses.catalogue(dc.periluneEpoch(), dc.bolDate(), dc.missionEnd()).eclipses().stream()
                .filter(e -> e.body() == Occulter.MOON && e.complete())
                .mapToDouble(EclipseService.Eclipse::durationSeconds).max().orElseThrow();
        assertThat(longestMoon / 60).isCloseTo(73.6, within(0.05));
    }

    @Test
    void the_demo_passes_every_case_with_its_coincident_peak_under_the_transfer_limit() {
        BalanceReport r = balances.balance(demo(), false);

        assertThat(r.verdict()).as(r.failingChecks().toString()).isEqualTo("PASS");
        assertThat(r.lifeCases()).extracting(BalanceReport.LifeCase::name)
                .containsExactly("BOL", "EOL", "Eclipse coverage");
        assertThat(r.mission().failingPasses()).isEmpty();
        assertThat(r.mission().passesJudged()).isGreaterThan(150);
        // Orion docked, every load of the elements without arrays at its peak, with MEV contingency (kW):
        // HALO 8.223 + I-Hab 8.275 + Lunar View 0.794 + airlock 0.935 + Canadarm3 1.212 + Orion 4.070 = 23.509
        assertThat(r.transferDemandW()).isCloseTo(23_509, within(1e-6));
        assertThat(r.transferLimitW()).isEqualTo(24_000);
        // deferrable loads are off for the design eclipse by the demo's policy, not shed at the floor
        assertThat(r.offInEclipseJ()).isGreaterThan(0);
        assertThat(r.battery().ledger().shedJ()).isZero();
        assertThat(r.checks()).filteredOn(c -> c.name().equals("Loads served")).singleElement()
                .satisfies(c -> assertThat(c.figures()).contains("off in eclipse").contains("by policy"));
    }

    @Test
    void the_demo_meets_its_illustrative_allocations_with_i_hab_the_tight_one_when_orion_is_docked() {
        BalanceReport r = balances.balance(demo(), false);
        org.gatewaypower.analysis.ElementBudgets b = r.elementBudgets();

        assertThat(r.modeName()).isEqualTo("Orion docked");
        assertThat(r.checks()).filteredOn(c -> c.name().equals("Element allocations")).singleElement()
                .satisfies(c -> assertThat(c.passed()).as(c.figures()).isTrue());
        // Seven elements judged; the logistics module, not aboard with Orion, has neither load nor allocation there.
        assertThat(b.analysed()).hasSize(8).filteredOn(org.gatewaypower.analysis.ElementBudgets.Line::judged)
                .hasSize(7).noneMatch(l -> l.elementName().equals("Logistics module"));
        // 3.0 + 6.5 + 4.1 + 0.7 + 0.75 + 1.0 + 3.2 kW, well within what the arrays sustain
        assertThat(b.allocatedW()).isCloseTo(19_250, within(1e-6));
        assertThat(b.overAllocated()).isFalse();
        org.gatewaypower.analysis.ElementBudgets.Line ihab = b.analysed().stream()
                .filter(l -> l.elementName().equals("I-Hab")).findFirst().orElseThrow();
        // MEV about 3.96 kW: within 5 % of its 4.1 kW, and the smallest margin of the mode
        assertThat(ihab.marginW()).isBetween(0.0, 0.05 * 4_100);
        assertThat(b.analysed()).filteredOn(org.gatewaypower.analysis.ElementBudgets.Line::judged)
                .allSatisfy(l -> assertThat(l.marginW()).isGreaterThanOrEqualTo(ihab.marginW()));
    }

    @Test
    void on_its_calendar_span_the_demo_counts_orion_and_the_logistics_module_while_docked_and_still_passes() {
        ReadModels.WorkspaceSnapshot ws = demo();
        ReadModels.WorkspaceSnapshot calendar = ws.withDesignCase(ws.designCase()
                .withEphemerisSpan(DemoData.SPAN_START, 59.0));
        BalanceReport r = balances.balance(calendar, false);

        assertThat(r.visits()).extracting(org.gatewaypower.analysis.Visit::vehicleName)
                .containsExactly("Orion (docked)", "Logistics module");
        assertThat(r.visits()).allSatisfy(v -> {
            assertThat(v.inRun()).isTrue();
            assertThat(v.minSocEffectPoints()).isNotNull();
        });
        org.gatewaypower.analysis.Visit orion = r.visits().get(0);
        assertThat(orion.exportW()).isEqualTo(2_000);
        // Orion's loads run in the "Orion docked" mode only: avionics 1.8 kW and 0.8 × 1.2 kW of thermal, MEV × 1.1
        assertThat(orion.mevPeakW()).isPositive();
        assertThat(r.battery().ledger().importedJ()).isPositive();
        assertThat(r.verdict()).as(r.failingChecks().toString()).isEqualTo("PASS");
    }
}
