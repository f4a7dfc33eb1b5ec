package org.gatewaypower.physics.energy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.gatewaypower.physics.energy.Fixtures.array;
import static org.gatewaypower.physics.energy.Fixtures.bank;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Streaming the exact states on a uniform grid reads them the same way as the run itself does. */
class UniformSamplerTest {

    @Test
    void samples_agree_with_the_runs_own_reading_at_every_grid_instant() {
        // Design orbit: 90-min eclipse then sunlight, 6.56 d; 10 kW load, 30 kWh battery, 20 kW array.
        SunlightTimeline orbit = SunlightTimeline.designOrbit(6.5624 * 86_400, 90 * 60.0);
        BatteryBank b = bank(30, 0.3, 1.0, 1.0, 0.95, 0.95, 6_000, 12_000);
        EnergyBalanceRun run = EnergyBalanceSimulator.run(new EnergyBalanceInput(orbit, array(20_000, 0.9), 0, b,
                10_000));
        double step = 97;

        List<PowerState> samples = new ArrayList<>();
        UniformSampler.every(run.states(), step).forEachRemaining(samples::add);

        assertThat((long) samples.size()).isEqualTo((long) Math.floor(run.durationS() / step) + 1);
        for (PowerState s : samples) {
            PowerState expected = run.stateAt(s.timeS());
            // Stored energy of 1e8 J scale: 1e-6 J is far below anything shown.
            assertThat(s.storedJ()).isCloseTo(expected.storedJ(), within(1e-6));
            assertThat(s.stateOfCharge()).isCloseTo(expected.stateOfCharge(), within(1e-12));
            assertThat(s.batteryPowerW()).isEqualTo(expected.batteryPowerW());
            assertThat(s.generationW()).isEqualTo(expected.generationW());
        }
        assertThat(samples.get(0).stateOfCharge()).isEqualTo(run.initialStateOfCharge());
        assertThat(samples.stream().mapToDouble(PowerState::stateOfCharge).min().orElseThrow())
                .isGreaterThanOrEqualTo(run.minStateOfCharge() - 1e-12);
    }

    @Test
    void a_span_that_is_a_whole_number_of_steps_ends_with_a_sample_at_the_end() {
        assertThat(UniformSampler.sampleCount(3600, 600)).isEqualTo(7);
        assertThat(UniformSampler.sampleCount(3599.9, 600)).isEqualTo(6);
        assertThat(UniformSampler.sampleCount(0, 60)).isEqualTo(1);
    }
}
