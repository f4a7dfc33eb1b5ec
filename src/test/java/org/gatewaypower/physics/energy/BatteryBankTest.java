package org.gatewaypower.physics.energy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

class BatteryBankTest {

    @Test
    void bank_adds_capacities_and_limits_and_weights_efficiencies_by_capacity() {
        // 30 kWh at η 0.96 and 20 kWh at η 0.91: weighted η = (30·0.96 + 20·0.91) / 50 = 0.94.
        BatterySpec a = new BatterySpec("a", 30 * 3.6e6, 0.3, 1.0, 0.96, 0.96, 6_000, 12_000, 1.0);
        BatterySpec b = new BatterySpec("b", 20 * 3.6e6, 0.4, 0.9, 0.91, 0.91, 4_000, 8_000, 0.5);
        BatteryBank bank = BatteryBank.of(List.of(a, b));

        assertThat(bank.capacityJ()).isEqualTo(50 * 3.6e6);
        assertThat(bank.floorJ() / 3.6e6).isCloseTo(30 * 0.3 + 20 * 0.4, within(1e-12));
        assertThat(bank.ceilingJ() / 3.6e6).isCloseTo(30 + 18, within(1e-12));
        assertThat(bank.initialJ() / 3.6e6).isCloseTo(30 + 10, within(1e-12));
        assertThat(bank.chargeEfficiency()).isCloseTo(0.94, within(1e-12));
        assertThat(bank.maxChargePowerW()).isEqualTo(10_000);
        assertThat(bank.maxDischargePowerW()).isEqualTo(20_000);
        assertThat(bank.minStateOfCharge()).isCloseTo(17.0 / 50, within(1e-12));
    }

    @Test
    void calendar_fade_compounds_and_a_failed_share_shrinks_capacity_and_power_alike() {
        // 100 kWh at 2 %/year for 15 years: 100 × 0.98^15 = 73.86 kWh.
        BatterySpec b = new BatterySpec("b", 100 * 3.6e6, 0.3, 1.0, 0.95, 0.95, 10_000, 20_000, 1.0);
        assertThat(b.aged(0.02, 15).capacityWh() / 1000).isCloseTo(73.8569, within(1e-4));
        // a quarter of the strings failed: 75 % of capacity, energies and power limits remain.
        BatteryBank bank = BatteryBank.of(List.of(b)).withFailedShare(0.25);
        assertThat(bank.capacityJ() / 3.6e6).isCloseTo(75, within(1e-9));
        assertThat(bank.floorJ() / 3.6e6).isCloseTo(22.5, within(1e-9));
        assertThat(bank.maxDischargePowerW()).isCloseTo(15_000, within(1e-9));
        assertThat(bank.minStateOfCharge()).isCloseTo(0.3, within(1e-12));
        assertThatThrownBy(() -> BatteryBank.of(List.of(b)).withFailedShare(1.0)).hasMessageContaining("failedShare");
    }

    @Test
    void battery_spec_rejects_values_outside_their_physical_ranges() {
        assertThatThrownBy(() -> new BatterySpec("x", 0, 0.3, 1, 0.9, 0.9, 1, 1, 1))
                .hasMessageContaining("capacityJ");
        assertThatThrownBy(() -> new BatterySpec("x", 1, 0.5, 0.5, 0.9, 0.9, 1, 1, 0.5))
                .hasMessageContaining("maxStateOfCharge");
        assertThatThrownBy(() -> new BatterySpec("x", 1, 0.3, 1, 1.1, 0.9, 1, 1, 1))
                .hasMessageContaining("chargeEfficiency");
        assertThatThrownBy(() -> new BatterySpec("x", 1, 0.3, 1, 0.9, 0, 1, 1, 1))
                .hasMessageContaining("dischargeEfficiency");
        assertThatThrownBy(() -> new BatterySpec("x", 1, 0.3, 1, 0.9, 0.9, 1, 1, 0.2))
                .hasMessageContaining("initialStateOfCharge");
        assertThatThrownBy(() -> BatteryBank.of(List.of())).hasMessageContaining("at least one battery");
    }

    @Test
    void design_orbit_puts_the_eclipse_first_and_rejects_an_eclipse_longer_than_the_orbit() {
        SunlightTimeline t = SunlightTimeline.designOrbit(7200, 1800);
        assertThat(t.segments()).extracting(SunlightSegment::litFraction).containsExactly(0.0, 1.0);
        assertThat(t.durationS()).isEqualTo(7200);
        assertThat(t.shadowIntervals()).containsExactly(new SunlightTimeline.Interval(0, 1800));
        assertThatThrownBy(() -> SunlightTimeline.designOrbit(3600, 3600)).hasMessageContaining("eclipseS");
    }
}
