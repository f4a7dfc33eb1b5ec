package org.gatewaypower.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.gatewaypower.SpringTestBase;
import org.gatewaypower.workspace.Views;
import org.gatewaypower.workspace.WorkspaceService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Life cases and source-driven sizing of the demo workspace, against hand formulas on its own inputs. */
class BalanceAnalysisTest extends SpringTestBase {

    @Autowired
    WorkspaceService workspaces;

    @Autowired
    BalanceService balances;

    private Views.WorkspaceSnapshot demo() {
        long id = workspaces.listWorkspaces().stream().filter(w -> w.name().equals("Gateway demo")).findFirst()
                .orElseThrow().id();
        return workspaces.snapshot(id);
    }

    @Test
    void beginning_of_life_has_the_undegraded_arrays_and_at_least_the_end_of_life_margin() {
        Views.WorkspaceSnapshot ws = demo();
        BalanceReport r = balances.balance(ws);
        BalanceReport.LifeCase bol = r.lifeCases().get(0);
        BalanceReport.LifeCase eol = r.lifeCases().get(1);
        double years = ws.designCase().arrayAgeYears();

        // the elements' shares add up to the mode's MEV load (the stacked power chart)
        assertThat(r.elementLoads().stream().mapToDouble(e -> e.mevByModeW().get(r.modeId())).sum())
                .isCloseTo(r.mevAverageLoadW(), within(1e-6));
        assertThat(bol.name()).isEqualTo("BOL");
        assertThat(eol.name()).isEqualTo("EOL");
        double expectedBol = ws.arrays().stream().mapToDouble(a -> a.ratedPowerW() * a.pathEfficiency()).sum();
        assertThat(bol.sunlitGenerationW()).isCloseTo(expectedBol, within(1e-6));
        double expectedEol = ws.arrays().stream().mapToDouble(a -> a.ratedPowerW() * a.pathEfficiency()
                * Math.pow(1 - a.degradationPerYear(), years)).sum();
        assertThat(eol.sunlitGenerationW()).isCloseTo(expectedEol, within(1e-6));
        assertThat(bol.powerMargin()).isGreaterThanOrEqualTo(eol.powerMargin());
        assertThat(bol.minStateOfCharge()).isGreaterThanOrEqualTo(eol.minStateOfCharge() - 1e-12);
    }

    @Test
    void the_operations_timeline_switches_the_mode_the_battery_sees() {
        org.gatewaypower.workspace.TestWorkspaces.Fixture f = org.gatewaypower.workspace.TestWorkspaces.create(
                workspaces, "mode steps", 3);
        Views.WorkspaceSnapshot ws = workspaces.snapshot(f.workspaceId());
        org.gatewaypower.physics.energy.SunlightTimeline orbit = org.gatewaypower.physics.energy.SunlightTimeline
                .designOrbit(ws.designCase().orbitPeriodS(), ws.designCase().eclipseDurationS());

        BalanceReport constant = BalanceCalculator.calculate(ws, orbit, "test", ws.designCase().orbitPeriodS());
        BalanceReport switched = BalanceCalculator.calculate(ws, orbit, "test", ws.designCase().orbitPeriodS(),
                java.util.List.of(new BalanceCalculator.ModeStep(0, f.otherModeId())));

        // Other mode: 3 items × 2 units × (50 W · 0.75 + 500 W · 0.25) × 1.10 = 1,072.5 W through the 90-min
        // eclipse at ηd = 0.95: 1,072.5 × 1.5 / 0.95 = 1,693.42 Wh drawn; the active mode draws 1,815 W.
        assertThat(switched.battery().eclipseEnergyDrawnJ() / 3600).isCloseTo(1_072.5 * 1.5 / 0.95, within(1e-6));
        assertThat(constant.battery().eclipseEnergyDrawnJ() / 3600).isCloseTo(1_815 * 1.5 / 0.95, within(1e-6));
        assertThat(switched.battery().minStateOfCharge()).isGreaterThan(constant.battery().minStateOfCharge());
        assertThat(switched.modeAt(0)).isEqualTo(f.otherModeId());
        assertThat(constant.modeAt(0)).isEqualTo(f.activeModeId());
    }

    @Test
    void failed_strings_margin_policy_and_transfer_limit_change_the_judgement_as_set() {
        org.gatewaypower.workspace.TestWorkspaces.Fixture f = org.gatewaypower.workspace.TestWorkspaces.create(
                workspaces, "life and policy", 2);
        long ihab = workspaces.addElement(f.workspaceId(), "I-Hab", org.gatewaypower.workspace.ElementKind.I_HAB,
                "ESA", org.gatewaypower.workspace.TestWorkspaces.SEEDER);
        // 1 kW operating in the active mode on an element without arrays: 1,000 W × 1.20 (new design) = 1,200 W.
        workspaces.createLoad(f.workspaceId(), new org.gatewaypower.workspace.Drafts.LoadItemDraft(ihab, "Heater",
                "Thermal", org.gatewaypower.workspace.Bus.V120, 1, 0.0, 1_000.0, 1_000.0,
                java.util.Map.of(f.activeModeId(), 1.0), org.gatewaypower.physics.load.MaturityClass.NEW_DESIGN,
                org.gatewaypower.physics.load.LoadPriority.ESSENTIAL), "esa");
        Views.DesignCase dc = workspaces.snapshot(f.workspaceId()).designCase();
        workspaces.updateDesignCase(f.workspaceId(), dc.version(), new org.gatewaypower.workspace.Drafts.DesignCaseDraft(
                dc.activeModeId(), dc.orbitPeriodS(), dc.eclipseDurationS(), dc.arrayAgeYears(), dc.timeline(),
                dc.periluneEpoch(), dc.spanStart(), dc.spanDays(), 0.25,
                org.gatewaypower.physics.load.MarginPolicy.NASA_PHASE_B, 1_100.0), "nasa");

        BalanceReport r = balances.balance(f.workspaceId());

        assertThat(r.requiredMargin()).isEqualTo(0.30);
        // the allocation the policy leaves for the loads: sustainable power less 30 %
        assertThat(r.allocationW()).isCloseTo(0.70 * r.sustainableLoadW(), within(1e-9));
        assertThat(r.checks()).filteredOn(c -> c.name().equals("Power margin")).singleElement()
                .satisfies(c -> assertThat(c.rule()).contains("30 %").contains("NASA"));
        assertThat(r.transferDemandW()).isCloseTo(1_200, within(1e-9));
        assertThat(r.checks()).filteredOn(c -> c.name().equals("Power transfer")).singleElement()
                .satisfies(c -> assertThat(c.passed()).isFalse());
        assertThat(r.lifeCases()).extracting(BalanceReport.LifeCase::name)
                .containsExactly("BOL", "EOL", "EOL, 25 % of strings failed");
        BalanceReport.LifeCase eol = r.lifeCases().get(1);
        BalanceReport.LifeCase failed = r.lifeCases().get(2);
        // same energy drawn from three quarters of the capacity: depth of discharge × 4/3
        assertThat(1 - failed.minStateOfCharge()).isCloseTo((1 - eol.minStateOfCharge()) * 4 / 3, within(1e-9));
    }

    @Test
    void sizing_of_the_active_mode_is_the_tightest_of_the_margin_peak_and_depth_of_discharge_limits() {
        Views.WorkspaceSnapshot ws = demo();
        BalanceReport r = balances.balance(ws);
        BalanceReport.ModeSizing active = r.sizing().stream().filter(m -> m.modeId() == r.modeId()).findFirst()
                .orElseThrow();

        // end of life: each battery's capacity after its calendar fade over the design case's years
        double years = ws.designCase().arrayAgeYears();
        java.util.function.ToDoubleFunction<Views.Battery> faded = b -> b.capacityJ()
                * Math.pow(1 - b.capacityFadePerYear(), years);
        double capacity = ws.batteries().stream().mapToDouble(faded).sum();
        double usable = ws.batteries().stream()
                .mapToDouble(b -> faded.applyAsDouble(b) * (b.initialStateOfCharge() - b.minStateOfCharge())).sum();
        double etaD = ws.batteries().stream().mapToDouble(b -> faded.applyAsDouble(b) * b.dischargeEfficiency())
                .sum() / capacity;
        double maxDischarge = ws.batteries().stream().mapToDouble(Views.Battery::maxDischargePowerW).sum();
        // margin: (S − (L + x)) / S ≥ 20 %; peak: P + x ≤ discharge limit; DoD: (L + x)·Te / ηd < usable energy
        double byMargin = (1 - r.requiredMargin()) * r.sustainableLoadW() - r.mevAverageLoadW();
        double byPeak = maxDischarge - r.mevPeakLoadW();
        double byDod = usable * etaD / r.longestEclipseS() - r.mevAverageLoadW();
        double expected = Math.max(0, Math.min(byMargin, Math.min(byPeak, byDod)));

        assertThat(active.maxExtraLoadW()).isCloseTo(expected, within(2.0));
        assertThat(r.sizing()).hasSize(ws.modes().size());
    }
}
