package org.gatewaypower.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.gatewaypower.SpringTestBase;
import org.gatewaypower.workspace.DesignCaseService;
import org.gatewaypower.workspace.EquipmentService;
import org.gatewaypower.workspace.ReadModels;
import org.gatewaypower.workspace.StructureService;
import org.gatewaypower.workspace.WorkspaceService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Life cases and source-driven sizing of the demo workspace, against hand formulas on its own inputs. */
class BalanceAnalysisTest extends SpringTestBase {

    @Autowired
    WorkspaceService workspaces;

    @Autowired
    org.gatewaypower.workspace.TestWorkspaces fixtures;

    @Autowired
    StructureService structure;

    @Autowired
    EquipmentService equipment;

    @Autowired
    DesignCaseService designCases;

    @Autowired
    BalanceService balances;

    private ReadModels.WorkspaceSnapshot demo() {
        long id = workspaces.listWorkspaces().stream().filter(w -> w.name().equals("Gateway demo")).findFirst()
                .orElseThrow().id();
        return workspaces.snapshot(id);
    }

    @Test
    void beginning_of_life_has_the_undegraded_arrays_and_at_least_the_end_of_life_margin() {
        ReadModels.WorkspaceSnapshot ws = demo();
        BalanceReport r = balances.balance(ws, false);
        BalanceReport.LifeCase bol = r.lifeCases().get(0);
        BalanceReport.LifeCase eol = r.lifeCases().get(1);
        double years = ws.designCase().arrayAgeYears();

        // the elements' shares add up to the mode's MEV load (the stacked power chart); the demo's 28 V converters
        // lose a line of their own on top, what the bus carries beyond the loads
        assertThat(r.elementLoads().stream().filter(e -> e.elementId() != BalanceReport.ElementLoad.CONVERTER_LOSSES)
                .mapToDouble(e -> e.mevByModeW().get(r.modeId())).sum()).isCloseTo(r.mevAverageLoadW(), within(1e-6));
        assertThat(r.elementLoads()).filteredOn(e -> e.elementId() == BalanceReport.ElementLoad.CONVERTER_LOSSES)
                .singleElement().satisfies(e -> assertThat(e.mevByModeW().get(r.modeId())).isPositive());
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
        org.gatewaypower.workspace.TestWorkspaces.Fixture f = fixtures.create("mode steps", 3);
        ReadModels.WorkspaceSnapshot ws = workspaces.snapshot(f.workspaceId());
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
        org.gatewaypower.workspace.TestWorkspaces.Fixture f = fixtures.create("life and policy", 2);
        long ihab = structure.addElement(f.workspaceId(), "I-Hab", org.gatewaypower.workspace.ElementKind.I_HAB,
                "ESA", org.gatewaypower.workspace.TestWorkspaces.SEEDER);
        // 1 kW operating in the active mode on an element without arrays: 1,000 W × 1.20 (new design) = 1,200 W.
        equipment.createLoad(f.workspaceId(), new org.gatewaypower.workspace.Drafts.LoadItemDraft(ihab, "Heater",
                "Thermal", org.gatewaypower.workspace.Bus.V120, 1, 0.0, 1_000.0, 1_000.0,
                java.util.Map.of(f.activeModeId(), 1.0), org.gatewaypower.physics.load.MaturityClass.NEW_DESIGN,
                org.gatewaypower.physics.load.LoadPriority.ESSENTIAL), "esa");
        ReadModels.DesignCase dc = workspaces.snapshot(f.workspaceId()).designCase();
        designCases.updateDesignCase(f.workspaceId(), dc.version(),
                new org.gatewaypower.workspace.Drafts.DesignCaseDraft(dc.activeModeId(), dc.orbitPeriodS(),
                        dc.eclipseDurationS(), dc.arrayAgeYears(), dc.timeline(), dc.periluneEpoch(), dc.spanStart(),
                        dc.spanDays(), 0.25, org.gatewaypower.physics.load.MarginPolicy.NASA_PHASE_B, 1_100.0), "nasa");

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
                .containsExactly("BOL", "EOL", "EOL, 25 % of strings failed", "Eclipse coverage");
        BalanceReport.LifeCase eol = r.lifeCases().get(1);
        BalanceReport.LifeCase failed = r.lifeCases().get(2);
        // same energy drawn from three quarters of the capacity: depth of discharge × 4/3
        assertThat(1 - failed.minStateOfCharge()).isCloseTo((1 - eol.minStateOfCharge()) * 4 / 3, within(1e-9));
    }

    @Test
    void sizing_of_the_active_mode_is_the_tightest_of_the_margin_peak_and_depth_of_discharge_limits() {
        // The hand formulas below hold for loads that are the same in sunlight and shadow: the demo without its
        // heaters' eclipse duty cycles and without switching deferrable loads off in eclipse.
        ReadModels.WorkspaceSnapshot ws = sameLoadsInShadow(demo());
        BalanceReport r = balances.balance(ws, false);
        ModeSizing active = r.sizing().stream().filter(m -> m.modeId() == r.modeId()).findFirst()
                .orElseThrow();

        // end of life: each battery's capacity after its calendar fade over the design case's years
        double years = ws.designCase().arrayAgeYears();
        java.util.function.ToDoubleFunction<ReadModels.Battery> faded = b -> b.capacityJ()
                * Math.pow(1 - b.capacityFadePerYear(), years);
        double capacity = ws.batteries().stream().mapToDouble(faded).sum();
        double usable = ws.batteries().stream()
                .mapToDouble(b -> faded.applyAsDouble(b) * (b.initialStateOfCharge() - b.minStateOfCharge())).sum();
        double etaD = ws.batteries().stream().mapToDouble(b -> faded.applyAsDouble(b) * b.dischargeEfficiency())
                .sum() / capacity;
        double maxDischarge = ws.batteries().stream().mapToDouble(ReadModels.Battery::maxDischargePowerW).sum();
        // margin: (S − (L + x)) / S ≥ 20 %; peak: P + x ≤ discharge limit; DoD: (L + x)·Te / ηd < usable energy
        double byMargin = (1 - r.requiredMargin()) * r.sustainableLoadW() - r.mevAverageLoadW();
        double byPeak = maxDischarge - r.mevPeakLoadW();
        double byDod = usable * etaD / r.longestEclipseS() - r.mevAverageLoadW();
        double expected = Math.max(0, Math.min(byMargin, Math.min(byPeak, byDod)));

        assertThat(active.maxExtraLoadW()).isCloseTo(expected, within(2.0));
        assertThat(r.sizing()).hasSize(ws.modes().size());
    }

    /** The snapshot with every load's eclipse duty cleared and nothing switched off at eclipse entry. */
    private static ReadModels.WorkspaceSnapshot sameLoadsInShadow(ReadModels.WorkspaceSnapshot s) {
        ReadModels.DesignCase d = s.designCase();
        ReadModels.DesignCase plain = new ReadModels.DesignCase(d.id(), d.activeModeId(), d.orbitPeriodS(),
                d.eclipseDurationS(), d.arrayAgeYears(), d.timeline(), d.periluneEpoch(), d.spanStart(), d.spanDays(),
                d.failedCapacityShare(), d.marginPolicy(), d.transferLimitW(), d.bolDate(), d.missionEnd(),
                d.eclipseSource(), d.pickedEclipseStart(), org.gatewaypower.physics.load.EclipseShedding.NONE,
                d.version(), d.updatedAt(), d.updatedBy());
        java.util.List<ReadModels.LoadItem> loads = s.loads().stream().map(l -> new ReadModels.LoadItem(l.id(),
                l.elementId(), l.name(), l.subsystem(), l.bus(), l.quantity(), l.standbyPowerW(), l.operatingPowerW(),
                l.peakPowerW(), l.dutyByMode(), null, l.maturity(), l.priority(), l.version(), l.updatedAt(),
                l.updatedBy())).toList();
        return new ReadModels.WorkspaceSnapshot(s.id(), s.name(), s.description(), s.version(), s.teams(),
                s.elements(), s.modes(), loads, s.batteries(), s.arrays(), plain);
    }

    private void setCase(long workspaceId, double failedShare, double transferLimitW) {
        ReadModels.DesignCase dc = workspaces.snapshot(workspaceId).designCase();
        designCases.updateDesignCase(workspaceId, dc.version(), new org.gatewaypower.workspace.Drafts.DesignCaseDraft(
                dc.activeModeId(), dc.orbitPeriodS(), dc.eclipseDurationS(), dc.arrayAgeYears(), dc.timeline(),
                dc.periluneEpoch(), dc.spanStart(), dc.spanDays(), failedShare, dc.marginPolicy(), transferLimitW),
                "nasa");
    }

    private void addLoad(long workspaceId, long elementId, String name, int quantity, double standbyW,
                         double operatingW, double peakW, java.util.Map<Long, Double> duty,
                         org.gatewaypower.physics.load.MaturityClass maturity) {
        equipment.createLoad(workspaceId, new org.gatewaypower.workspace.Drafts.LoadItemDraft(elementId, name,
                "Test", org.gatewaypower.workspace.Bus.V120, quantity, standbyW, operatingW, peakW, duty, maturity,
                org.gatewaypower.physics.load.LoadPriority.ESSENTIAL), "nasa");
    }

    @Test
    void a_failing_failed_strings_case_fails_the_overall_verdict_and_is_named_while_end_of_life_passes() {
        org.gatewaypower.workspace.TestWorkspaces.Fixture f = fixtures.create("verdict", 0);
        // One 8 kW load all the time, off the shelf: 8,000 W × 1.05 = 8,400 W MEV through the 90-min eclipse at
        // ηd = 0.95: 8.4 kW × 1.5 h / 0.95 = 13.26 kWh drawn from storage.
        addLoad(f.workspaceId(), f.elementId(), "Big load", 1, 0.0, 8_000.0, 8_000.0,
                java.util.Map.of(f.activeModeId(), 1.0), org.gatewaypower.physics.load.MaturityClass.OFF_THE_SHELF);
        // EOL: 30 kWh × 0.98^(15 + 0.018 y) = 22.15 kWh, 70 % usable = 15.50 kWh ≥ 13.26 kWh: DoD 59.9 %, passes.
        // 25 % of strings failed: 16.61 kWh, 70 % usable = 11.63 kWh < 13.26 kWh: the floor is reached and the
        // essential load is shed.
        setCase(f.workspaceId(), 0.25, 24_000.0);

        BalanceReport r = balances.balance(f.workspaceId());

        BalanceReport.LifeCase eol = r.lifeCases().get(1);
        BalanceReport.LifeCase failed = r.lifeCases().get(2);
        assertThat(eol.name()).isEqualTo("EOL");
        assertThat(1 - eol.minStateOfCharge()).isCloseTo(8.4 * 1.5 / 0.95 / (30 * Math.pow(0.98,
                15 + org.gatewaypower.workspace.TestWorkspaces.ORBIT_PERIOD_S
                        / org.gatewaypower.physics.energy.EnergyBalanceSimulator.SECONDS_PER_YEAR)), within(1e-9));
        assertThat(eol.allChecksPass()).isTrue();
        assertThat(r.checks()).allMatch(BalanceReport.Check::passed).allMatch(c -> c.caseName().equals("EOL"));
        assertThat(failed.name()).isEqualTo("EOL, 25 % of strings failed");
        assertThat(failed.allChecksPass()).isFalse();
        assertThat(failed.shedJ()).isGreaterThan(0);

        assertThat(r.allChecksPass()).isFalse();
        assertThat(r.verdict()).isEqualTo("FAIL");
        // The fixture's 30 kWh battery is sized for its 90-min design eclipse, so the mission's multi-hour Earth
        // passes fail the eclipse coverage too: judged after the life cases, it is listed after them.
        assertThat(r.failingCases()).containsExactly("EOL, 25 % of strings failed", "Eclipse coverage");
        assertThat(r.failingChecks()).filteredOn(c -> c.caseName().equals("EOL, 25 % of strings failed"))
                .extracting(BalanceReport.Check::name).containsExactly("Depth of discharge", "Loads served");
        assertThat(r.failingChecks()).extracting(BalanceReport.Check::caseName)
                .containsOnly("EOL, 25 % of strings failed", "Eclipse coverage");
        // every case names its checks; the BOL headline is the BOL case and gives the same verdict
        assertThat(r.lifeCases()).allSatisfy(l -> assertThat(l.checks()).isNotEmpty()
                .allMatch(c -> c.caseName().equals(l.name())));
        BalanceReport bol = balances.balance(f.workspaceId(), true);
        assertThat(bol.checks()).allMatch(c -> c.caseName().equals("BOL"));
        assertThat(bol.verdict()).isEqualTo("FAIL");
        assertThat(bol.failingCases()).containsExactly("EOL, 25 % of strings failed", "Eclipse coverage");
    }

    @Test
    void the_beginning_of_life_headline_and_the_beginning_of_life_case_are_the_same_run() {
        ReadModels.WorkspaceSnapshot ws = demo();
        BalanceReport bol = balances.balance(ws, true);
        BalanceReport.LifeCase bolCase = bol.lifeCases().get(0);

        assertThat(bolCase.name()).isEqualTo("BOL");
        // same arrays (age 0), same batteries (faded over the span only), same loads: identical figures
        assertThat(bol.battery().minStateOfCharge()).isEqualTo(bolCase.minStateOfCharge());
        assertThat(bol.powerMargin()).isEqualTo(bolCase.powerMargin());
        assertThat(bol.sustainableLoadW()).isEqualTo(bolCase.sustainableLoadW());
        assertThat(bol.checks()).isEqualTo(bolCase.checks());
        // and the EOL headline is the EOL case
        BalanceReport eol = balances.balance(ws, false);
        assertThat(eol.battery().minStateOfCharge()).isEqualTo(eol.lifeCases().get(1).minStateOfCharge());
        assertThat(eol.checks()).isEqualTo(eol.lifeCases().get(1).checks());
    }

    @Test
    void power_transfer_is_judged_on_the_coincident_peak_of_every_mode_the_run_holds() {
        org.gatewaypower.workspace.TestWorkspaces.Fixture f = fixtures.create("transfer peak", 1);
        long ihab = structure.addElement(f.workspaceId(), "I-Hab", org.gatewaypower.workspace.ElementKind.I_HAB,
                "ESA", org.gatewaypower.workspace.TestWorkspaces.SEEDER);
        long active = f.activeModeId();
        long other = f.otherModeId();
        // I-Hab has no array, so the power element passes on all of its loads:
        // Heater, 2 × (standby 100 W, operating 1,000 W, peak 3,000 W), new design (× 1.20):
        //   active (duty 0.50): peak 2 × 3,000 × 1.2 = 7,200 W; average 2 × (100 · 0.5 + 1,000 · 0.5) × 1.2 = 1,320 W
        //   other  (duty 0.25): peak 7,200 W;                   average 2 × (100 · 0.75 + 1,000 · 0.25) × 1.2 = 780 W
        addLoad(f.workspaceId(), ihab, "Heater", 2, 100.0, 1_000.0, 3_000.0, java.util.Map.of(active, 0.5, other, 0.25),
                org.gatewaypower.physics.load.MaturityClass.NEW_DESIGN);
        // Pump, 1 × (standby 200 W, operating 2,000 W, peak 5,000 W), off the shelf (× 1.05):
        //   active (duty 0): at standby, peak = average = 200 × 1.05 = 210 W
        //   other  (duty 1): peak 5,000 × 1.05 = 5,250 W; average 2,000 × 1.05 = 2,100 W
        addLoad(f.workspaceId(), ihab, "Pump", 1, 200.0, 2_000.0, 5_000.0, java.util.Map.of(active, 0.0, other, 1.0),
                org.gatewaypower.physics.load.MaturityClass.OFF_THE_SHELF);
        // Active mode: coincident peak 7,410 W, average 1,530 W. Against 5 kW the average would pass; the peak fails.
        setCase(f.workspaceId(), 0.0, 5_000.0);

        BalanceReport r = balances.balance(f.workspaceId());

        assertThat(r.transferDemandW()).isCloseTo(7_410, within(1e-9));
        assertThat(r.transferAverageW()).isCloseTo(1_530, within(1e-9));
        assertThat(r.checks()).filteredOn(c -> c.name().equals("Power transfer")).singleElement().satisfies(c -> {
            assertThat(c.passed()).isFalse();
            assertThat(c.figures()).isEqualTo("coincident peak 7.41 kW (orbit average 1.53 kW) vs limit 5.00 kW");
        });
        assertThat(r.failingCases()).containsExactly("BOL", "EOL");

        // A timeline switching to the other mode half-way: other mode peak 7,200 + 5,250 = 12,450 W (average
        // 780 + 2,100 = 2,880 W) exceeds a 10 kW limit the active mode's 7,410 W keeps.
        setCase(f.workspaceId(), 0.0, 10_000.0);
        ReadModels.WorkspaceSnapshot ws = workspaces.snapshot(f.workspaceId());
        org.gatewaypower.physics.energy.SunlightTimeline orbit = org.gatewaypower.physics.energy.SunlightTimeline
                .designOrbit(ws.designCase().orbitPeriodS(), ws.designCase().eclipseDurationS());
        BalanceReport single = BalanceCalculator.calculate(ws, orbit, "test", ws.designCase().orbitPeriodS());
        BalanceReport switched = BalanceCalculator.calculate(ws, orbit, "test", ws.designCase().orbitPeriodS(),
                java.util.List.of(new BalanceCalculator.ModeStep(ws.designCase().orbitPeriodS() / 2, other)));

        assertThat(single.checks()).filteredOn(c -> c.name().equals("Power transfer")).singleElement()
                .satisfies(c -> assertThat(c.passed()).isTrue());
        assertThat(switched.transferDemandW()).isCloseTo(12_450, within(1e-9));
        assertThat(switched.transferAverageW()).isCloseTo(2_880, within(1e-9));
        assertThat(switched.checks()).filteredOn(c -> c.name().equals("Power transfer")).singleElement()
                .satisfies(c -> {
                    assertThat(c.passed()).isFalse();
                    assertThat(c.figures()).isEqualTo("Crewed: coincident peak 7.41 kW (orbit average 1.53 kW); "
                            + "Uncrewed: coincident peak 12.45 kW (orbit average 2.88 kW) vs limit 10.00 kW");
                });
    }

    @Test
    void without_an_eclipse_the_closure_check_passes_and_says_there_is_nothing_to_recover_from() {
        org.gatewaypower.workspace.TestWorkspaces.Fixture f = fixtures.create("no eclipse", 2);
        ReadModels.WorkspaceSnapshot ws = workspaces.snapshot(f.workspaceId());
        double period = ws.designCase().orbitPeriodS();
        // Two orbits in full sunlight: 18 kW × 0.9925^15 = 16.1 kW at the bus against 1.2 kW of load.
        org.gatewaypower.physics.energy.SunlightTimeline sunlit = org.gatewaypower.physics.energy.SunlightTimeline
                .designOrbit(2 * period, 0);

        BalanceReport r = BalanceCalculator.calculate(ws, sunlit, "test", period);

        assertThat(r.eclipseCount()).isZero();
        assertThat(r.lifeCases()).allSatisfy(l -> assertThat(l.checks())
                .filteredOn(c -> c.name().equals("Orbit energy closes")).singleElement().satisfies(c -> {
                    assertThat(c.passed()).isTrue();
                    assertThat(c.figures()).endsWith("no eclipse in the run to recover from")
                            .doesNotContain("not recharged");
                }));
        assertThat(r.verdict()).isEqualTo("PASS");
    }
}
