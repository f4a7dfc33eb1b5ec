package org.gatewaypower.physics.energy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.gatewaypower.physics.energy.Fixtures.KWH;
import static org.gatewaypower.physics.energy.Fixtures.array;
import static org.gatewaypower.physics.energy.Fixtures.bank;
import static org.gatewaypower.physics.energy.Fixtures.dark;
import static org.gatewaypower.physics.energy.Fixtures.sun;

import java.util.List;

import org.junit.jupiter.api.Test;

/** An external supply on a load step (a docked vehicle's export): hand-computed cases. */
class ExternalSupplyTest {

    @Test
    void a_supply_during_a_window_lowers_the_discharge_by_its_power() {
        // Eclipse, 10 kW constant load, 100 kWh battery at 90 %, discharge efficiency 0.95.
        // First hour a 4 kW supply: the battery gives 6 kW → 6 / 0.95 = 6.315789 kWh out of store → 83.6842 %.
        // Second hour no supply: 10 / 0.95 = 10.526316 kWh → 73.1579 %.
        BatteryBank b = bank(100, 0.2, 1.0, 0.9, 0.95, 0.95, 20_000, 20_000);
        LoadSchedule loads = new LoadSchedule(List.of(
                new LoadSchedule.Step(0, LoadLevel.critical(10_000), LoadLevel.critical(10_000), 4_000),
                new LoadSchedule.Step(3600, LoadLevel.critical(10_000))));
        EnergyBalanceRun run = EnergyBalanceSimulator.run(new EnergyBalanceInput(dark(7200), List.of(), 0, b, loads));

        assertThat(run.stateAt(3600).stateOfCharge()).isCloseTo(0.9 - 6.0 / 0.95 / 100, within(1e-9));
        assertThat(run.finalStateOfCharge()).isCloseTo(0.9 - 16.0 / 0.95 / 100, within(1e-9));
        assertThat(run.minStateOfCharge()).isCloseTo(0.731579, within(1e-6));
        assertThat(run.ledger().importedJ() / KWH).isCloseTo(4.0, within(1e-9));
        assertThat(run.ledger().relativeClosureError()).isLessThan(1e-12);
    }

    @Test
    void a_supply_beyond_the_load_charges_the_battery_up_to_its_limit_and_the_rest_is_not_drawn() {
        // Eclipse, 3 kW load, 5 kW supply, charge limit 1 kW at η 0.9: the bus draws 3 + 1 = 4 kW of the supply for
        // 1 h; stored energy rises by 0.9 kWh; the 1 kW not drawn is neither imported nor curtailed.
        BatteryBank b = bank(100, 0.2, 1.0, 0.5, 0.9, 0.95, 1_000, 20_000);
        LoadSchedule loads = new LoadSchedule(List.of(
                new LoadSchedule.Step(0, LoadLevel.critical(3_000), LoadLevel.critical(3_000), 5_000)));
        EnergyBalanceRun run = EnergyBalanceSimulator.run(new EnergyBalanceInput(dark(3600), List.of(), 0, b, loads));

        assertThat(run.finalStateOfCharge()).isCloseTo(0.5 + 0.9 / 100, within(1e-9));
        assertThat(run.ledger().importedJ() / KWH).isCloseTo(4.0, within(1e-9));
        assertThat(run.ledger().curtailedJ()).isCloseTo(0.0, within(1e-6));
        assertThat(run.ledger().relativeClosureError()).isLessThan(1e-12);
    }

    @Test
    void the_arrays_are_drawn_before_the_supply_and_are_curtailed_only_beyond_it() {
        // Sunlight, arrays 8 kW at the bus (path efficiency 1), load 5 kW, supply 2 kW, battery full:
        // the arrays carry the load, nothing is imported, 3 kW of array power is curtailed for 1 h.
        BatteryBank b = bank(100, 0.2, 1.0, 1.0, 0.9, 0.95, 1_000, 20_000);
        LoadSchedule loads = new LoadSchedule(List.of(
                new LoadSchedule.Step(0, LoadLevel.critical(5_000), LoadLevel.critical(5_000), 2_000)));
        EnergyBalanceRun run = EnergyBalanceSimulator.run(
                new EnergyBalanceInput(sun(3600), array(8_000, 1.0), 0, b, loads));

        assertThat(run.ledger().importedJ()).isCloseTo(0.0, within(1e-6));
        assertThat(run.ledger().curtailedJ() / KWH).isCloseTo(3.0, within(1e-9));
        // Arrays 4 kW short of a 6 kW load: the supply gives its 2 kW, the battery nothing.
        EnergyBalanceRun shortRun = EnergyBalanceSimulator.run(new EnergyBalanceInput(sun(3600), array(4_000, 1.0), 0,
                b, new LoadSchedule(List.of(
                        new LoadSchedule.Step(0, LoadLevel.critical(6_000), LoadLevel.critical(6_000), 2_000)))));
        assertThat(shortRun.ledger().importedJ() / KWH).isCloseTo(2.0, within(1e-9));
        assertThat(shortRun.finalStateOfCharge()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void a_negative_or_infinite_supply_is_refused() {
        assertThatThrownBy(() -> new LoadSchedule.Step(0, LoadLevel.critical(1), LoadLevel.critical(1), -1))
                .hasMessageContaining("supplyW");
        assertThatThrownBy(() -> new LoadSchedule.Step(0, LoadLevel.critical(1), LoadLevel.critical(1),
                Double.POSITIVE_INFINITY)).hasMessageContaining("supplyW");
    }
}
