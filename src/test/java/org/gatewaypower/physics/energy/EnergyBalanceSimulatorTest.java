package org.gatewaypower.physics.energy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.gatewaypower.physics.energy.Fixtures.KWH;
import static org.gatewaypower.physics.energy.Fixtures.WH;
import static org.gatewaypower.physics.energy.Fixtures.array;
import static org.gatewaypower.physics.energy.Fixtures.bank;
import static org.gatewaypower.physics.energy.Fixtures.dark;
import static org.gatewaypower.physics.energy.Fixtures.sun;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Hand-computed energy-balance cases; each expected value is worked out in the comment above it. */
class EnergyBalanceSimulatorTest {

    @Test
    void constant_10_kW_load_through_60_min_eclipse_draws_10_526_kWh_at_95_percent_discharge_efficiency() {
        // 10 kW × 1 h = 10 kWh delivered; removed from storage = 10 / 0.95 = 10.526316 kWh.
        BatteryBank b = bank(100, 0.2, 1.0, 1.0, 0.95, 0.95, 50_000, 50_000);
        EnergyBalanceRun run = EnergyBalanceSimulator.run(new EnergyBalanceInput(dark(3600), List.of(), 0, b, 10_000));

        double removedKwh = (b.initialJ() - run.states().get(run.states().size() - 1).storedJ()) / KWH;
        assertThat(removedKwh).isCloseTo(10.526316, within(1e-6));
        assertThat(run.ledger().dischargedJ() / KWH).isCloseTo(10.0, within(1e-9));
        assertThat(run.ledger().dischargeLossJ() / KWH).isCloseTo(0.526316, within(1e-6));
        assertThat(run.minStateOfCharge()).isCloseTo(1.0 - 0.10526316, within(1e-8));
        assertThat(run.ledger().unservedJ()).isZero();
    }

    @Test
    void full_battery_with_surplus_curtails_the_surplus_at_the_array_terminals() {
        // Bus 20 kW at path efficiency 0.8 (25 kW at the terminals), load 5 kW, battery full, 2 h.
        // Taken at the bus 5 kW -> 6.25 kW at the terminals; curtailed 25 − 6.25 = 18.75 kW -> 37.5 kWh.
        BatteryBank b = bank(50, 0.3, 1.0, 1.0, 0.95, 0.95, 10_000, 10_000);
        EnergyBalanceRun run = EnergyBalanceSimulator.run(new EnergyBalanceInput(sun(7200), array(20_000, 0.8), 0, b,
                5_000));

        EnergyLedger l = run.ledger();
        assertThat(l.availableJ() / KWH).isCloseTo(50.0, within(1e-9));
        assertThat(l.curtailedJ() / KWH).isCloseTo(37.5, within(1e-9));
        assertThat(l.pathLossJ() / KWH).isCloseTo(2.5, within(1e-9));
        assertThat(l.deliveredJ() / KWH).isCloseTo(10.0, within(1e-9));
        assertThat(l.chargedJ()).isZero();
        assertThat(run.timeAtCeilingS()).isCloseTo(7200, within(1e-9));
        assertThat(l.relativeClosureError()).isLessThan(1e-12);
    }

    @Test
    void charging_stops_exactly_when_the_battery_reaches_its_ceiling() {
        // 20 kWh battery at 50 % charging towards 90 %: 8 kWh to store. Surplus 10 kW but the charge limit
        // is 4 kW at 0.9 efficiency -> 3.6 kW stored -> 8 / 3.6 h = 8000 s. Then 6 kW curtailed, then 10 kW.
        BatteryBank b = bank(20, 0.2, 0.9, 0.5, 0.9, 0.95, 4_000, 10_000);
        EnergyBalanceRun run = EnergyBalanceSimulator.run(new EnergyBalanceInput(sun(10_000), array(12_000, 1.0), 0, b,
                2_000));

        PowerState full = run.states().stream().filter(s -> s.stateOfCharge() >= 0.9 - 1e-12).findFirst().orElseThrow();
        assertThat(full.timeS()).isCloseTo(8000.0, within(1e-6));
        assertThat(run.finalStateOfCharge()).isCloseTo(0.9, within(1e-12));
        // curtailed: 6 kW for 8000 s + 10 kW for 2000 s = 13.333 + 5.556 kWh = 18.888... kWh
        assertThat(run.ledger().curtailedJ() / KWH).isCloseTo((6_000 * 8000 + 10_000 * 2000) / 3.6e6, within(1e-9));
        assertThat(run.ledger().chargeLossJ() / KWH).isCloseTo(4.0 * 8000 / 3600 * 0.1, within(1e-9));
    }

    @Test
    void battery_at_its_floor_leaves_the_rest_of_the_load_unserved_and_reports_it() {
        // 10 kWh battery, 100 % -> floor 40 %: 6 kWh usable from storage, 5.7 kWh at the terminals (η 0.95).
        // Load 6 kW: floor reached after 5.7 / 6 h = 3420 s; the remaining 180 s of a 3600 s eclipse is
        // unserved: 6 kW × 180 s = 0.3 kWh.
        BatteryBank b = bank(10, 0.4, 1.0, 1.0, 0.95, 0.95, 10_000, 10_000);
        EnergyBalanceRun run = EnergyBalanceSimulator.run(new EnergyBalanceInput(dark(3600), List.of(), 0, b, 6_000));

        assertThat(run.reachedFloor()).isTrue();
        assertThat(run.minStateOfCharge()).isCloseTo(0.4, within(1e-12));
        assertThat(run.ledger().unservedJ() / KWH).isCloseTo(0.3, within(1e-9));
        assertThat(run.timeAtFloorS()).isCloseTo(180, within(1e-6));
        assertThat(run.ledger().deliveredJ() / KWH).isCloseTo(5.7, within(1e-9));
    }

    @Test
    void discharge_power_limit_leaves_the_excess_demand_unserved() {
        // Load 8 kW, discharge limit 5 kW, 1 h of eclipse: unserved 3 kWh, delivered 5 kWh.
        BatteryBank b = bank(100, 0.2, 1.0, 1.0, 1.0, 1.0, 5_000, 5_000);
        EnergyBalanceRun run = EnergyBalanceSimulator.run(new EnergyBalanceInput(dark(3600), List.of(), 0, b, 8_000));

        assertThat(run.ledger().unservedJ() / KWH).isCloseTo(3.0, within(1e-9));
        assertThat(run.ledger().deliveredJ() / KWH).isCloseTo(5.0, within(1e-9));
        assertThat(run.reachedFloor()).isFalse();
    }

    @Test
    void design_orbit_recharges_after_the_eclipse_in_the_hand_computed_time() {
        // 90 min eclipse at 10 kW, ηd 0.9: 15 kWh delivered, 16.667 kWh removed. Sun: bus 30 kW, 10 kW to the
        // load, charge limit 12 kW at ηc 0.9 -> 10.8 kW stored -> recharge 16.667 / 10.8 h = 5555.6 s.
        BatteryBank b = bank(60, 0.3, 1.0, 1.0, 0.9, 0.9, 12_000, 20_000);
        SunlightTimeline orbit = SunlightTimeline.designOrbit(6 * 3600, 90 * 60);
        EnergyBalanceRun run = EnergyBalanceSimulator.run(new EnergyBalanceInput(orbit, array(30_000, 1.0), 0, b,
                10_000));

        SunlightTimeline.Interval eclipse = orbit.shadowIntervals().get(0);
        assertThat(eclipse.durationS()).isEqualTo(5400.0);
        assertThat(run.rechargeTimeS(eclipse).orElseThrow()).isCloseTo(16.666667 * 3600 / 10.8, within(1e-3));
        assertThat(run.minimumState().timeS()).isCloseTo(5400, within(1e-9));
        assertThat(run.finalStateOfCharge()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void uniform_samples_interpolate_the_exact_events() {
        BatteryBank b = bank(10, 0.0, 1.0, 1.0, 1.0, 1.0, 10_000, 10_000);
        EnergyBalanceRun run = EnergyBalanceSimulator.run(new EnergyBalanceInput(dark(3600), List.of(), 0, b, 5_000));

        List<PowerState> samples = run.sampleEvery(60);
        assertThat(samples).hasSize(61);
        // After 30 min at 5 kW: 2.5 kWh of 10 kWh removed.
        assertThat(samples.get(30).stateOfCharge()).isCloseTo(0.75, within(1e-12));
        assertThat(samples.get(60).timeS()).isEqualTo(3600.0);
    }

    @Test
    void arrays_keep_ageing_through_a_multi_year_run() {
        // 10 kW, 10 %/yr, two one-year sunlit segments starting at age 2: midpoints at 2.5 and 3.5 years,
        // available = 10 kW × 1 yr × (0.9^2.5 + 0.9^3.5).
        double year = EnergyBalanceSimulator.SECONDS_PER_YEAR;
        SunlightTimeline two = new SunlightTimeline(List.of(new SunlightSegment(year, 1, 1),
                new SunlightSegment(year, 1, 1)));
        BatteryBank b = bank(10, 0.2, 1.0, 1.0, 1.0, 1.0, 1_000, 1_000);
        EnergyBalanceRun run = EnergyBalanceSimulator.run(new EnergyBalanceInput(two,
                List.of(new SolarArraySpec("a", 10_000, 0.10, 1.0)), 2.0, b, 0.0));

        assertThat(run.ledger().availableJ()).isCloseTo(10_000 * year * (Math.pow(0.9, 2.5) + Math.pow(0.9, 3.5)),
                within(1e-3));
        assertThat(run.states().get(1).generationW()).isCloseTo(10_000 * Math.pow(0.9, 3.5), within(1e-9));
    }

    @Test
    void incidence_and_temperature_scale_the_array_output() {
        // 10 kW at 30° incidence: × cos 30° = 0.866025; 40 K above rating at −0.25 %/K: × (1 − 0.1) = 0.9.
        SolarArraySpec a = new SolarArraySpec("a", 10_000, 0.0, 1.0, 30, -0.0025, 40);
        assertThat(a.busPowerW(0)).isCloseTo(10_000 * Math.cos(Math.toRadians(30)) * 0.9, within(1e-9));
        assertThat(a.busPowerW(0)).isCloseTo(7_794.23, within(0.01));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SolarArraySpec("a", 1, 0, 1, 91, 0, 0))
                .hasMessageContaining("incidenceDeg");
    }

    @Test
    void array_output_scales_with_inverse_square_distance_lit_fraction_and_degradation() {
        // 10 kW rated, 1 %/yr for 10 years: 10 × 0.99^10 = 9.0438 kW; at 1.0167 AU (aphelion) × 1/1.0167²;
        // half the disc hidden: × 0.5; path 0.9.
        SolarArraySpec a = new SolarArraySpec("a", 10_000, 0.01, 0.9);
        SunlightSegment seg = new SunlightSegment(100, 0.5, 1.0167);
        double bus = a.busPowerW(10) * seg.relativeFlux();
        assertThat(bus).isCloseTo(10_000 * Math.pow(0.99, 10) * 0.9 * 0.5 / (1.0167 * 1.0167), within(1e-9));
        assertThat(a.terminalPowerW(10)).isCloseTo(9043.82, within(0.01));
    }
}
