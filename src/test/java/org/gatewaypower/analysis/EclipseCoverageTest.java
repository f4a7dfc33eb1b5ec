package org.gatewaypower.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.gatewaypower.physics.energy.SunlightSegment;
import org.gatewaypower.physics.energy.SunlightTimeline;
import org.gatewaypower.physics.energy.TimelineWindows;
import org.gatewaypower.physics.load.EclipseShedding;
import org.gatewaypower.physics.load.LoadPriority;
import org.gatewaypower.physics.load.MarginPolicy;
import org.gatewaypower.physics.load.MaturityClass;
import org.gatewaypower.workspace.AnalysisTimeline;
import org.gatewaypower.workspace.Bus;
import org.gatewaypower.workspace.DesignEclipseSource;
import org.gatewaypower.workspace.ElementKind;
import org.gatewaypower.workspace.ReadModels;
import org.junit.jupiter.api.Test;

/**
 * The eclipse coverage case and the worst-orbit margin, on a hand-built mission: three orbits of 10 h with
 * eclipses of 1, 2 and 3 h of full shadow at their starts, then 10 h of sunlight (40 h in all). Array 10 kW at
 * the bus, no ageing; battery 10 kWh, floor 30 %, starting full, both efficiencies 0.95; one critical load of
 * 3 kW MEV.
 */
class EclipseCoverageTest {

    private static final double H = 3600;
    private static final double WH = 3600;
    private static final Instant T0 = Instant.parse("2027-01-01T00:00:00Z");
    private static final double LOAD_MEV_W = 3_000;
    private static final double ARRAY_W = 10_000;

    private static SunlightTimeline mission() {
        return new SunlightTimeline(List.of(
                new SunlightSegment(1 * H, 0, 1), new SunlightSegment(9 * H, 1, 1),
                new SunlightSegment(2 * H, 0, 1), new SunlightSegment(8 * H, 1, 1),
                new SunlightSegment(3 * H, 0, 1), new SunlightSegment(17 * H, 1, 1)));
    }

    private static ReadModels.WorkspaceSnapshot workspace() {
        // MEV = CBE × 1.05 for an off-the-shelf item: CBE chosen so that MEV is exactly 3 kW.
        double cbe = LOAD_MEV_W / 1.05;
        ReadModels.LoadItem load = new ReadModels.LoadItem(1, 1, "Avionics", "Avionics", Bus.V120, 1, cbe, cbe, cbe,
                Map.of(1L, 1.0), null, MaturityClass.OFF_THE_SHELF, LoadPriority.CRITICAL, 0, T0, "test");
        ReadModels.Battery battery = new ReadModels.Battery(1, 1, "Bank", 10_000 * WH, 0.3, 1.0, 0.95, 0.95, 20_000, 20_000,
                1.0, 0.0, 0, T0, "test", "NASA");
        ReadModels.SolarArray array = new ReadModels.SolarArray(1, 1, "Array", ARRAY_W, 0.0, 1.0, 0, 0, 0, 0, T0, "test",
                "NASA");
        ReadModels.DesignCase dc = new ReadModels.DesignCase(1, 1, 10 * H, 1 * H, 0, AnalysisTimeline.EPHEMERIS, T0, T0,
                40.0 / 24, 0, MarginPolicy.ESA_SYSTEM, 24_000, T0, T0.plusSeconds(40 * 3600), DesignEclipseSource.HAND,
                null, EclipseShedding.NONE, 0, T0, "test");
        return new ReadModels.WorkspaceSnapshot(1, "hand", "", 0, List.of(),
                List.of(new ReadModels.Element(1, "PPE", ElementKind.PPE, 1, "NASA", 0)),
                List.of(new ReadModels.Mode(1, "Crewed", "", 0, 0)), List.of(load), List.of(battery), List.of(array), dc);
    }

    private static EclipseCoverage.MissionPass pass(double startH, double hours) {
        Instant start = T0.plusSeconds((long) (startH * H));
        return new EclipseCoverage.MissionPass(new BalanceReport.Pass("Moon", start,
                start.plusSeconds((long) (hours * H)), hours * H), startH * H);
    }

    @Test
    void every_pass_runs_as_the_design_case_and_only_the_one_that_empties_the_battery_fails() {
        EclipseCoverage.Coverage c = EclipseCoverage.coverage(workspace(), new TimelineWindows(mission()),
                List.of(pass(0, 1), pass(10, 2), pass(20, 3)), 10 * H);

        assertThat(c.judged()).isEqualTo(3);
        // 1 h: 3 kW × 1 h / 0.95 = 3.158 kWh of 7 kWh usable; 2 h: 6.316 kWh, SOC 1 − 0.6316 = 36.84 % > 30 %.
        // 3 h: the usable 7 kWh lasts 7 kWh × 0.95 / 3 kW = 2.2167 h; the last 0.7833 h of 3 kW is unserved:
        // 2,350.0 Wh. Recharge afterwards: (10 − 3) kW × 0.95 = 6.65 kW into storage, 7 kWh in 1.05 h < 7 h sunlit.
        assertThat(c.failing()).singleElement().satisfies(f -> {
            assertThat(f.pass().start()).isEqualTo(T0.plusSeconds(20 * 3600));
            assertThat(f.minStateOfCharge()).isCloseTo(0.3, within(1e-12));
            assertThat(f.unservedJ() / WH).isCloseTo(3_000 * (3 - 7 * 0.95 / 3), within(1e-6));
            assertThat(f.broken()).anyMatch(b -> b.contains("floor")).anyMatch(b -> b.contains("unserved"))
                    .noneMatch(b -> b.contains("recharged"));
        });
        assertThat(c.lifeCase().name()).isEqualTo("Eclipse coverage");
        assertThat(c.lifeCase().allChecksPass()).isFalse();
        assertThat(c.lifeCase().unservedJ() / WH).isCloseTo(2_350.0, within(1e-6));
        assertThat(c.lifeCase().checks()).singleElement().satisfies(check -> {
            assertThat(check.caseName()).isEqualTo("Eclipse coverage");
            assertThat(check.figures()).startsWith("1 of 3 complete passes break a rule: 2027-01-01T20:00 Moon pass "
                    + "180.0 min");
        });
    }

    @Test
    void a_battery_that_carries_the_longest_pass_passes_the_coverage_with_its_lowest_state_of_charge() {
        EclipseCoverage.Coverage c = EclipseCoverage.coverage(workspace(), new TimelineWindows(mission()),
                List.of(pass(0, 1), pass(10, 2)), 10 * H);

        assertThat(c.failing()).isEmpty();
        assertThat(c.lifeCase().allChecksPass()).isTrue();
        // the 2-h pass: SOC 1 − 3 kW × 2 h / 0.95 / 10 kWh = 0.368421
        assertThat(c.lifeCase().minStateOfCharge()).isCloseTo(1 - 3.0 * 2 / 0.95 / 10, within(1e-12));
        assertThat(c.lifeCase().checks().get(0).figures()).contains("all 2 complete passes");
    }

    @Test
    void the_margin_of_a_run_longer_than_an_orbit_is_that_of_its_worst_orbit_not_of_the_span_average() {
        BalanceReport r = BalanceCalculator.calculate(workspace(), mission(), "hand mission", 10 * H);

        // Worst orbit (3 h eclipse, 7 h sun): L = P·Ts / (Ts + Te/(ηc·ηd)) = 10 kW × 7 / (7 + 3/0.9025) = 6,780.25 W.
        double worst = ARRAY_W * 7 / (7 + 3 / (0.95 * 0.95));
        // The span average (6 h of shadow in 40 h) would claim 10 kW × 34 / (34 + 6/0.9025) = 8,364.5 W.
        double average = ARRAY_W * 34 / (34 + 6 / (0.95 * 0.95));
        assertThat(r.sustainableLoadW()).isCloseTo(worst, within(1e-3)).isLessThan(average - 1_000);
        // ESA: margin over MEV = (6,780.25 − 3,000) / 6,780.25 = 55.75 %
        assertThat(r.powerMargin()).isCloseTo((worst - LOAD_MEV_W) / worst, within(1e-6));
    }
}
