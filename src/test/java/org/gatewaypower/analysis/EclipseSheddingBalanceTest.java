package org.gatewaypower.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.gatewaypower.physics.energy.ShedInterval;
import org.gatewaypower.physics.energy.SunlightTimeline;
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
 * The design case's eclipse shedding policy through the whole balance, on the motivating case. Design
 * orbit 6.5 h with a 1-h eclipse first; array 20 kW at the bus; one critical item of 5.8 kW and one deferrable
 * item of 6.2 kW MEV (off-the-shelf, CBE × 1.05); the battery holds exactly what 12 kW draw in half an hour
 * above its 30 % floor: 12 kW × 0.5 h / 0.95 = 6.315789 kWh usable, 9.022556 kWh in all; η_c = η_d = 0.95.
 */
class EclipseSheddingBalanceTest {

    private static final double H = 3600;
    private static final Instant T0 = Instant.parse("2027-01-01T00:00:00Z");

    private static ReadModels.WorkspaceSnapshot workspace(EclipseShedding policy) {
        ReadModels.LoadItem critical = item(1, "Life support", 5_800, LoadPriority.CRITICAL);
        ReadModels.LoadItem deferrable = item(2, "Science rack", 6_200, LoadPriority.DEFERRABLE);
        double capacityJ = 12_000 * 0.5 * H / 0.95 / 0.7;
        ReadModels.Battery battery = new ReadModels.Battery(1, 1, "Bank", capacityJ, 0.3, 1.0, 0.95, 0.95, 20_000, 20_000, 1.0,
                0.0, 0, T0, "test", "NASA");
        ReadModels.SolarArray array = new ReadModels.SolarArray(1, 1, "Array", 20_000, 0.0, 1.0, 0, 0, 0, 0, T0, "test",
                "NASA");
        ReadModels.DesignCase dc = new ReadModels.DesignCase(1, 1, 6.5 * H, 1 * H, 0, AnalysisTimeline.DESIGN_CASE, T0, T0,
                6.5 / 24, 0, MarginPolicy.ESA_SYSTEM, 24_000, T0, T0.plusSeconds((long) (6.5 * H)),
                DesignEclipseSource.HAND, null, policy, 0, T0, "test");
        return new ReadModels.WorkspaceSnapshot(1, "eclipse shedding", "", 0, List.of(),
                List.of(new ReadModels.Element(1, "HALO", ElementKind.HALO, 1, "NASA", 0)),
                List.of(new ReadModels.Mode(1, "Crewed", "", 0, 0)), List.of(critical, deferrable), List.of(battery),
                List.of(array), dc);
    }

    /** An item whose MEV is {@code mevW}: CBE = MEV / 1.05, on all the time in both sunlight and eclipse. */
    private static ReadModels.LoadItem item(long id, String name, double mevW, LoadPriority priority) {
        double cbe = mevW / 1.05;
        return new ReadModels.LoadItem(id, 1, name, "Test", Bus.V120, 1, cbe, cbe, cbe, Map.of(1L, 1.0), null,
                MaturityClass.OFF_THE_SHELF, priority, 0, T0, "test");
    }

    private static BalanceReport balance(EclipseShedding policy) {
        return BalanceCalculator.calculate(workspace(policy), SunlightTimeline.designOrbit(6.5 * H, 1 * H),
                "design orbit", 6.5 * H);
    }

    private static BalanceReport.Check check(BalanceReport r, String name) {
        return r.checks().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void without_a_policy_the_floor_rule_leaves_2_9_kwh_of_critical_load_unserved_and_the_check_fails() {
        // 12 kW reach the floor after 0.5 h; then 6.2 kW × 0.5 h = 3.1 kWh shed, 5.8 kW × 0.5 h = 2.9 kWh unserved.
        BalanceReport r = balance(EclipseShedding.NONE);

        assertThat(r.battery().ledger().unservedJ() / H).isCloseTo(2_900, within(1e-6));
        assertThat(r.battery().ledger().shedJ() / H).isCloseTo(3_100, within(1e-6));
        assertThat(r.offInEclipseJ()).isZero();
        BalanceReport.Check served = check(r, "Loads served");
        assertThat(served.passed()).isFalse();
        assertThat(served.figures()).isEqualTo("shed 3100.0 Wh, unserved 2900.0 Wh");
    }

    @Test
    void deferrable_loads_off_in_eclipse_serve_every_critical_load_and_the_planned_energy_is_shown_not_failed() {
        // The 6.2 kW are off for the whole hour by plan: 6.2 kWh off in eclipse; the battery carries
        // 5.8 kW × 1 h / 0.95 = 6.105263 kWh < 6.315789 kWh, so nothing is shed at the floor or unserved.
        BalanceReport r = balance(EclipseShedding.DEFERRABLE);

        assertThat(r.offInEclipseJ() / H).isCloseTo(6_200, within(1e-6));
        assertThat(r.battery().ledger().unservedJ()).isZero();
        assertThat(r.battery().ledger().shedJ()).isZero();
        assertThat(r.battery().eclipseEnergyDrawnJ() / H).isCloseTo(5_800 / 0.95, within(1e-6));
        BalanceReport.Check served = check(r, "Loads served");
        assertThat(served.passed()).isTrue();
        assertThat(served.figures()).isEqualTo("shed 0.0 Wh, unserved 0.0 Wh, off in eclipse 6,200.0 Wh by policy");
        assertThat(r.battery().shedding()).singleElement().satisfies(s -> {
            assertThat(s.cause()).isEqualTo(ShedInterval.Cause.ECLIPSE_POLICY);
            assertThat(s.priority()).isEqualTo(LoadPriority.DEFERRABLE);
        });
        // The eclipse peak the battery must deliver leaves the planned-off rack out: 5.8 kW, not 12 kW.
        assertThat(check(r, "Peak load in eclipse").figures()).startsWith("peak 5.80 kW");
    }

    @Test
    void the_margin_is_judged_on_the_profile_the_station_plans_to_serve() {
        // ESA, MEV basis. k = η_c·P·T_s / (η_c·S·T_s + E·T_e / η_d) with P = 20 kW, T_s = 5.5 h, T_e = 1 h, S = 12 kW.
        // NONE, E = 12 kW: k = 104.5 / (62.7 + 12.631579) = 1.387200, average 12 kW → 16.64641 kW, margin 1 − 1/k
        // = 27.912 %. DEFERRABLE, E = 5.8 kW: k = 104.5 / (62.7 + 6.105263) = 1.518779, average (12 × 5.5 + 5.8) / 6.5
        // = 11.046154 kW → 16.77667 kW, margin 34.158 %.
        double p = 20_000;
        double kNone = 0.95 * p * 5.5 / (0.95 * 12_000 * 5.5 + 12_000 / 0.95);
        double kDeferrable = 0.95 * p * 5.5 / (0.95 * 12_000 * 5.5 + 5_800 / 0.95);
        double planned = (12_000 * 5.5 + 5_800) / 6.5;

        BalanceReport none = balance(EclipseShedding.NONE);
        BalanceReport deferrable = balance(EclipseShedding.DEFERRABLE);

        assertThat(none.sustainableLoadW()).isCloseTo(kNone * 12_000, within(1e-3));
        assertThat(none.sustainableLoadW()).isCloseTo(16_646.41, within(0.01));
        assertThat(none.powerMargin()).isCloseTo(1 - 1 / kNone, within(1e-9));
        assertThat(deferrable.mevAverageLoadW()).isCloseTo(planned, within(1e-9));
        assertThat(deferrable.sustainableLoadW()).isCloseTo(kDeferrable * planned, within(1e-3));
        assertThat(deferrable.sustainableLoadW()).isCloseTo(16_776.67, within(0.01));
        assertThat(deferrable.powerMargin()).isCloseTo(1 - 1 / kDeferrable, within(1e-9));
    }
}
