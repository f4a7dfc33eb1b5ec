package org.gatewaypower.physics.energy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.gatewaypower.physics.energy.Fixtures.KWH;
import static org.gatewaypower.physics.energy.Fixtures.array;
import static org.gatewaypower.physics.energy.Fixtures.bank;

import java.util.List;

import org.gatewaypower.physics.load.EclipseShedding;
import org.gatewaypower.physics.load.LoadItemSpec;
import org.gatewaypower.physics.load.LoadPriority;
import org.gatewaypower.physics.load.MaturityClass;
import org.junit.jupiter.api.Test;

/**
 * Eclipse-aware loads, hand-worked: a shadow level beside the sunlit one, planned shedding at eclipse entry,
 * and the sustainable power of a profile that is not constant. Design orbit throughout: period 6.5 h with the
 * 1-h eclipse first, so the sunlit time is T_s = 5.5 h and the eclipse T_e = 1 h.
 */
class EclipseLoadsTest {

    private static final double HOUR = 3600;
    private static final SunlightTimeline ORBIT = SunlightTimeline.designOrbit(6.5 * HOUR, 1 * HOUR);

    @Test
    void a_heater_working_harder_in_shadow_draws_its_shadow_load_from_the_battery_for_the_whole_eclipse() {
        // A 1 kW critical base load and a 4 kW heater (one unit, 0 W standby) at duty 0.25 in sunlight and 1.0 in
        // shadow: sunlit 1 + 4 × 0.25 = 2 kW, shadow 1 + 4 × 1.0 = 5 kW.
        LoadItemSpec heater = new LoadItemSpec("heater", 1, 0, 4_000, 4_000, MaturityClass.OFF_THE_SHELF,
                LoadPriority.CRITICAL);
        LoadLevel sunlit = LoadLevel.critical(1_000 + heater.averagePowerW(0.25));
        LoadLevel shadow = LoadLevel.critical(1_000 + heater.averagePowerW(1.0));
        assertThat(sunlit.totalW()).isEqualTo(2_000.0);
        assertThat(shadow.totalW()).isEqualTo(5_000.0);
        // 20 kWh battery, full, η_c = η_d = 0.95; 12 kW at the bus in sunlight.
        BatteryBank b = bank(20, 0.3, 1.0, 1.0, 0.95, 0.95, 20_000, 20_000);
        EnergyBalanceRun run = EnergyBalanceSimulator.run(new EnergyBalanceInput(ORBIT, array(12_000, 1.0), 0, b,
                LoadSchedule.constant(sunlit, shadow)));

        // Drawn in eclipse: shadow load × T_e / η_d = 5 kW × 1 h / 0.95 = 5.263158 kWh (the sunlit 2 kW would draw
        // only 2.105263 kWh: averaging the duty through the eclipse would hide 3.16 kWh).
        double drawnJ = b.initialJ() - run.storedAtJ(1 * HOUR);
        assertThat(drawnJ / KWH).isCloseTo(5.0 / 0.95, within(1e-9));
        assertThat(drawnJ / KWH).isCloseTo(5.263158, within(1e-6));
        assertThat(run.stateAt(0.5 * HOUR).loadW()).isEqualTo(5_000.0);
        assertThat(run.stateAt(0.5 * HOUR).batteryPowerW()).isCloseTo(-5_000.0, within(1e-9));
        // Min SOC = 1 − 5.263158 / 20 = 0.7368421.
        assertThat(run.minStateOfCharge()).isCloseTo(1 - 5.0 / 0.95 / 20, within(1e-12));
        // In sunlight the 2 kW sunlit load holds: 12 − 2 = 10 kW charges at η_c 0.95, 9.5 kW stored, so the
        // 5.263158 kWh come back in 5.263158 / 9.5 h = 0.554017 h = 1,994.46 s after eclipse exit (the recharge
        // rule counts 1e-9 of capacity, 0.072 J, as back: 7.6 µs early at 9.5 kW, hence 1e-4 s).
        assertThat(run.stateAt(2 * HOUR).loadW()).isEqualTo(2_000.0);
        assertThat(run.rechargeTimeS(new SunlightTimeline.Interval(0, HOUR)).orElseThrow())
                .isCloseTo(5.0 / 0.95 / 9.5 * HOUR, within(1e-4));
        // Demand 5 kW × 1 h + 2 kW × 5.5 h = 16 kWh, all delivered; nothing off, shed or unserved.
        EnergyLedger l = run.ledger();
        assertThat(l.demandJ() / KWH).isCloseTo(16.0, within(1e-9));
        assertThat(l.deliveredJ() / KWH).isCloseTo(16.0, within(1e-9));
        assertThat(l.offInEclipseJ() + l.shedJ() + l.unservedJ()).isZero();
        assertThat(l.relativeClosureError()).isLessThan(1e-12);
    }

    @Test
    void shedding_deferrable_loads_at_eclipse_entry_serves_the_critical_load_the_floor_rule_leaves_unserved() {
        // Critical 5.8 kW and deferrable 6.2 kW, in sunlight and shadow alike; η_d = 0.95. The battery holds
        // exactly what 12 kW draw in half an hour above its floor: 12 kW × 0.5 h / 0.95 = 6.315789 kWh, which is
        // 70 % (full down to a 0.3 floor) of 6.315789 / 0.7 = 9.022556 kWh. 20 kW at the bus in sunlight.
        double usableKwh = 12 * 0.5 / 0.95;
        BatteryBank b = bank(usableKwh / 0.7, 0.3, 1.0, 1.0, 0.95, 0.95, 20_000, 20_000);
        LoadSchedule loads = LoadSchedule.constant(new LoadLevel(5_800, 0, 6_200));

        EnergyBalanceRun none = EnergyBalanceSimulator.run(new EnergyBalanceInput(ORBIT, array(20_000, 1.0), 0, b,
                loads, EclipseShedding.NONE));
        EnergyBalanceRun deferrable = EnergyBalanceSimulator.run(new EnergyBalanceInput(ORBIT, array(20_000, 1.0), 0,
                b, loads, EclipseShedding.DEFERRABLE));

        // NONE: 12 kW reach the floor after 0.5 h; for the other 0.5 h the floor rule sheds the 6.2 kW deferrable
        // (3.1 kWh) and 5.8 kW × 0.5 h = 2.9 kWh of critical load goes unserved. Demand 12 kW × 6.5 h = 78 kWh;
        // delivered 78 − 3.1 − 2.9 = 72 kWh.
        EnergyLedger n = none.ledger();
        assertThat(n.demandJ() / KWH).isCloseTo(78.0, within(1e-9));
        assertThat(n.unservedJ() / KWH).isCloseTo(2.9, within(1e-9));
        assertThat(n.shedDeferrableJ() / KWH).isCloseTo(3.1, within(1e-9));
        assertThat(n.offInEclipseJ()).isZero();
        assertThat(n.deliveredJ() / KWH).isCloseTo(72.0, within(1e-9));
        assertThat(none.shedding()).singleElement().satisfies(s -> {
            assertThat(s.cause()).isEqualTo(ShedInterval.Cause.BATTERY_FLOOR);
            assertThat(s.startS()).isCloseTo(0.5 * HOUR, within(1e-6));
            assertThat(s.endS()).isCloseTo(1 * HOUR, within(1e-6));
        });
        assertThat(none.reachedFloor()).isTrue();

        // DEFERRABLE: the 6.2 kW are off for the whole hour of eclipse by plan (6.2 kWh off in eclipse); the battery
        // carries 5.8 kW × 1 h / 0.95 = 6.105263 kWh < 6.315789 kWh, so nothing is shed at the floor and nothing is
        // unserved. Min SOC = 1 − 6.105263 / 9.022556 = 1 − 5.8 × 0.7 / 6 = 0.3233333. Delivered 78 − 6.2 = 71.8 kWh.
        EnergyLedger d = deferrable.ledger();
        assertThat(d.demandJ() / KWH).isCloseTo(78.0, within(1e-9));
        assertThat(d.offInEclipseJ() / KWH).isCloseTo(6.2, within(1e-9));
        assertThat(d.unservedJ()).isZero();
        assertThat(d.shedJ()).isZero();
        assertThat(d.deliveredJ() / KWH).isCloseTo(71.8, within(1e-9));
        assertThat(deferrable.minStateOfCharge()).isCloseTo(1 - 5.8 * 0.7 / 6, within(1e-12));
        assertThat(deferrable.shedding()).singleElement().satisfies(s -> {
            assertThat(s.cause()).isEqualTo(ShedInterval.Cause.ECLIPSE_POLICY);
            assertThat(s.planned()).isTrue();
            assertThat(s.priority()).isEqualTo(LoadPriority.DEFERRABLE);
            assertThat(s.startS()).isZero();
            assertThat(s.endS()).isCloseTo(1 * HOUR, within(1e-9));
            assertThat(s.energyJ() / KWH).isCloseTo(6.2, within(1e-9));
        });
        assertThat(deferrable.stateAt(0.5 * HOUR).offInEclipseW()).isEqualTo(6_200.0);
        assertThat(deferrable.stateAt(2 * HOUR).offInEclipseW()).isZero();
        // Both ledgers close on the supply side too.
        assertThat(n.relativeClosureError()).isLessThan(1e-12);
        assertThat(d.relativeClosureError()).isLessThan(1e-12);
        assertThat(n.relativeDemandError()).isLessThan(1e-12);
        assertThat(d.relativeDemandError()).isLessThan(1e-12);
    }

    @Test
    void the_floor_rule_still_applies_on_top_of_planned_eclipse_shedding() {
        // Essential 4 kW and deferrable 3 kW, critical 1 kW; policy DEFERRABLE; the battery at its floor in a 1-h
        // eclipse: the deferrable 3 kWh are off by plan, the floor rule sheds the essential 4 kWh, and the
        // critical 1 kWh is unserved. Demand 8 kWh = 0 delivered + 4 shed + 3 off + 1 unserved.
        BatteryBank b = bank(10, 0.3, 1.0, 0.3, 0.95, 0.95, 10_000, 10_000);
        EnergyBalanceRun run = EnergyBalanceSimulator.run(new EnergyBalanceInput(Fixtures.dark(HOUR), List.of(), 0,
                b, LoadSchedule.constant(new LoadLevel(1_000, 4_000, 3_000)), EclipseShedding.DEFERRABLE));

        EnergyLedger l = run.ledger();
        assertThat(l.offInEclipseJ() / KWH).isCloseTo(3.0, within(1e-9));
        assertThat(l.shedEssentialJ() / KWH).isCloseTo(4.0, within(1e-9));
        assertThat(l.shedDeferrableJ()).isZero();
        assertThat(l.unservedJ() / KWH).isCloseTo(1.0, within(1e-9));
        assertThat(run.shedding()).extracting(ShedInterval::cause).containsExactlyInAnyOrder(
                ShedInterval.Cause.ECLIPSE_POLICY, ShedInterval.Cause.BATTERY_FLOOR);
    }

    @Test
    void the_profile_capability_of_a_constant_profile_is_the_textbook_constant_load() {
        // L = P·T_s / (T_s + T_e / (η_c·η_d)) with P = 12 kW, T_s = 5.5 h, T_e = 1 h, η_c = η_d = 0.95:
        // 66 / (5.5 + 1 / 0.9025) = 66 / 6.6080332 = 9.987843 kW.
        BatteryBank b = bank(20, 0.3, 1.0, 1.0, 0.95, 0.95, 20_000, 20_000);
        double textbook = 12_000 * 5.5 / (5.5 + 1 / (0.95 * 0.95));
        assertThat(textbook).isCloseTo(9_987.843, within(1e-3));

        SourceCapability.ProfileCapability p = SourceCapability.sustainableProfile(ORBIT, 12_000, b,
                LoadSchedule.constant(new LoadLevel(1_000, 500, 1_500)), EclipseShedding.NONE);

        assertThat(p.sustainableAverageW()).isCloseTo(textbook, within(1e-5));
        // Exactly today's constant-load value: the profile form reduces to it bit for bit.
        assertThat(p.sustainableAverageW()).isEqualTo(SourceCapability.sustainableLoadW(ORBIT, 12_000, b));
        assertThat(p.averageLoadW()).isEqualTo(3_000.0);
        assertThat(p.factor()).isCloseTo(textbook / 3_000, within(1e-9));
    }

    @Test
    void a_heavier_eclipse_load_lowers_the_sustainable_orbit_average_power() {
        // Sunlit S = 2 kW, shadow E = 5 kW, scaled by k: the battery closes when η_c·(P − k·S)·T_s = k·E·T_e / η_d,
        // so k = η_c·P·T_s / (η_c·S·T_s + E·T_e / η_d) = 0.95 × 12 × 5.5 / (0.95 × 2 × 5.5 + 5 / 0.95)
        // = 62.7 / 15.713158 = 3.990286 (k·S = 7.98 kW < P: the sunlit pieces charge, as assumed). The profile's
        // average A = (2 × 5.5 + 5 × 1) / 6.5 = 2.461538 kW, so the sustainable average k·A = 9.822242 kW, below the
        // 9.987843 kW of a constant load.
        BatteryBank b = bank(20, 0.3, 1.0, 1.0, 0.95, 0.95, 20_000, 20_000);
        double k = 0.95 * 12 * 5.5 / (0.95 * 2 * 5.5 + 5 / 0.95);
        double average = (2 * 5.5 + 5 * 1) / 6.5 * 1000;
        assertThat(k).isCloseTo(3.990286, within(1e-6));
        assertThat(k * average).isCloseTo(9_822.24, within(0.01));

        SourceCapability.ProfileCapability p = SourceCapability.sustainableProfile(ORBIT, 12_000, b,
                LoadSchedule.constant(LoadLevel.critical(2_000), LoadLevel.critical(5_000)), EclipseShedding.NONE);

        assertThat(p.averageLoadW()).isCloseTo(average, within(1e-9));
        assertThat(p.factor()).isCloseTo(k, within(1e-9));
        assertThat(p.sustainableAverageW()).isCloseTo(k * average, within(1e-5));
        assertThat(p.sustainableAverageW()).isLessThan(SourceCapability.sustainableLoadW(ORBIT, 12_000, b) - 100);

        // The simulation agrees: k × the profile ends the orbit with the energy it started with (battery half
        // full, so neither limit binds).
        BatteryBank half = bank(100, 0.0, 1.0, 0.5, 0.95, 0.95, 1e6, 1e6);
        LoadSchedule scaled = LoadSchedule.constant(LoadLevel.critical(2_000 * k), LoadLevel.critical(5_000 * k));
        EnergyBalanceRun run = EnergyBalanceSimulator.run(new EnergyBalanceInput(ORBIT, array(12_000, 1.0), 0, half,
                scaled));
        assertThat(run.ledger().storedChangeJ() / KWH).isCloseTo(0.0, within(1e-6));
        assertThat(SourceCapability.sustains(ORBIT, 12_000, half, scaled.map(l -> l.scaled(0.999)),
                EclipseShedding.NONE)).isTrue();
        assertThat(SourceCapability.sustains(ORBIT, 12_000, half, scaled.map(l -> l.scaled(1.001)),
                EclipseShedding.NONE)).isFalse();
    }

    @Test
    void loads_off_in_eclipse_by_plan_are_not_part_of_the_profile_the_arrays_must_sustain() {
        // Shadow level 2 kW critical + 3 kW deferrable; with the deferrable loads off in eclipse the planned
        // profile is 2 kW in sunlight and in shadow: constant, so its capability is the textbook 9.987843 kW;
        // without the policy the 5-kW shadow level gives the 9.822242 kW of the two-level profile above.
        BatteryBank b = bank(20, 0.3, 1.0, 1.0, 0.95, 0.95, 20_000, 20_000);
        LoadSchedule loads = LoadSchedule.constant(LoadLevel.critical(2_000), new LoadLevel(2_000, 0, 3_000));

        SourceCapability.ProfileCapability off = SourceCapability.sustainableProfile(ORBIT, 12_000, b, loads,
                EclipseShedding.DEFERRABLE);
        SourceCapability.ProfileCapability on = SourceCapability.sustainableProfile(ORBIT, 12_000, b, loads,
                EclipseShedding.NONE);

        assertThat(off.averageLoadW()).isEqualTo(2_000.0);
        assertThat(off.sustainableAverageW()).isCloseTo(12_000 * 5.5 / (5.5 + 1 / (0.95 * 0.95)), within(1e-5));
        assertThat(on.sustainableAverageW()).isCloseTo(9_822.24, within(0.01));
    }
}
