package org.gatewaypower.physics.energy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.gatewaypower.physics.energy.Fixtures.KWH;
import static org.gatewaypower.physics.energy.Fixtures.array;
import static org.gatewaypower.physics.energy.Fixtures.bank;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The engine against textbook sizing formulas (SMAD ch. 11, energy form). */
class SizingTest {

    @Test
    void battery_sized_by_the_smad_formula_reaches_exactly_the_design_depth_of_discharge() {
        // C = P·T / (DoD · n · η): P = 12 kW, T = 1.5 h, DoD 0.35, one battery, η_batt→load 0.95
        // -> C = 18 kWh / (0.35 × 0.95) = 54.135 kWh. The engine must discharge it by exactly 35 %.
        double capacityKwh = 12 * 1.5 / (0.35 * 1 * 0.95);
        BatteryBank b = BatteryBank.of(List.of(new BatterySpec("b", capacityKwh * KWH, 0.2, 1.0, 0.95, 0.95, 20_000,
                20_000, 1.0)));
        SunlightTimeline orbit = SunlightTimeline.designOrbit(157.5 * 3600, 90 * 60);
        EnergyBalanceRun run = EnergyBalanceSimulator.run(new EnergyBalanceInput(orbit, array(40_000, 0.9), 0, b,
                12_000));

        assertThat(run.maxDepthOfDischarge()).isCloseTo(0.35, within(1e-12));
    }

    @Test
    void sustainable_load_matches_the_closed_form_for_one_eclipse() {
        // L = P·Ts / (Ts + Te / (ηc·ηd)): P = 50 kW, Ts = 156 h, Te = 1.5 h, ηc = ηd = 0.95.
        BatteryBank b = bank(100, 0.3, 1.0, 1.0, 0.95, 0.95, 1e6, 1e6);
        SunlightTimeline orbit = SunlightTimeline.designOrbit(157.5 * 3600, 90 * 60);
        double expected = 50_000 * 156 / (156 + 1.5 / (0.95 * 0.95));

        double sustainable = SourceCapability.sustainableLoadW(orbit, 50_000, b);

        assertThat(sustainable).isCloseTo(expected, within(1e-6));
        assertThat(expected).isCloseTo(49_472.9, within(0.1)); // 7.8e6 / 157.66205
    }

    @Test
    void at_the_sustainable_load_the_orbit_ends_with_the_energy_it_started_with() {
        BatteryBank b = bank(500, 0.0, 1.0, 0.5, 0.92, 0.96, 1e6, 1e6);
        SunlightTimeline orbit = SunlightTimeline.designOrbit(10 * 3600, 3 * 3600);
        double load = SourceCapability.sustainableLoadW(orbit, 30_000, b);

        EnergyBalanceRun run = EnergyBalanceSimulator.run(new EnergyBalanceInput(orbit, array(30_000, 1.0), 0, b, load));

        assertThat(run.ledger().storedChangeJ() / KWH).isCloseTo(0.0, within(1e-6));
        assertThat(run.ledger().curtailedJ()).isCloseTo(0.0, within(1e-3));
    }
}
