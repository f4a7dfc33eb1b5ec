package org.gatewaypower.physics.energy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gatewaypower.physics.energy.Fixtures.array;
import static org.gatewaypower.physics.energy.Fixtures.bank;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Chart downsampling keeps the extremes an engineer looks for, in time order, within the point limit. */
class DownsamplerTest {

    /** One 9:2 NRHO revolution (s). */
    private static final double ORBIT_S = 6.5624 * 86_400;
    /** Longest sunlit segment, as the ephemeris illumination cuts them (s). */
    private static final double SUNLIT_SEGMENT_S = 6 * 3600;
    /** Shadow segment, as the ephemeris illumination cuts them (s). */
    private static final double SHADOW_SEGMENT_S = 60;

    @Test
    void a_fifteen_year_ephemeris_like_run_reduces_to_at_most_2000_points_keeping_its_extremes() {
        EnergyBalanceRun run = EnergyBalanceSimulator.run(fifteenYearInput());
        assertThat(run.states()).as("the synthetic run is long").hasSizeGreaterThan(50_000);

        List<PowerState> out = Downsampler.downsample(run.states(), 2_000);

        assertThat(out).hasSizeLessThanOrEqualTo(2_000);
        assertKeepsExtremesInOrder(run.states(), out);
        assertThat(out).contains(run.minimumState());
    }

    @Test
    void the_global_minimum_and_maximum_state_of_charge_survive_in_random_runs_for_every_limit() {
        Random random = new Random(20_270_101);
        for (int trial = 0; trial < 200; trial++) {
            List<PowerState> states = randomWalk(random, 1 + random.nextInt(5_000));
            int limit = Downsampler.MIN_POINTS + random.nextInt(400);

            List<PowerState> out = Downsampler.downsample(states, limit);

            assertThat(out).as("trial %d", trial).hasSizeLessThanOrEqualTo(limit);
            assertKeepsExtremesInOrder(states, out);
        }
    }

    @Test
    void a_run_with_no_more_states_than_the_limit_is_returned_unchanged() {
        List<PowerState> states = randomWalk(new Random(7), 1_500);

        assertThat(Downsampler.downsample(states, 2_000)).containsExactlyElementsOf(states);
        assertThat(Downsampler.downsample(states, 1_500)).containsExactlyElementsOf(states);
    }

    @Test
    void the_first_of_several_states_at_the_minimum_is_the_one_kept_as_in_the_run_report() {
        // SOC 0.5 at t = 100 s and again at t = 900 s; the run reports the first, so must the chart.
        List<PowerState> states = new ArrayList<>();
        for (int k = 0; k <= 1_000; k++) {
            double soc = (k == 100 || k == 900) ? 0.5 : 0.9 + 0.05 * Math.sin(k);
            states.add(state(k, soc, 0));
        }

        List<PowerState> out = Downsampler.downsample(states, 20);

        assertThat(out).contains(states.get(100));
    }

    @Test
    void a_limit_below_one_bucket_and_the_last_state_is_refused() {
        List<PowerState> states = randomWalk(new Random(3), 100);

        assertThatThrownBy(() -> Downsampler.downsample(states, Downsampler.MIN_POINTS - 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxPoints");
    }

    // ---------------------------------------------------------------- helpers

    /**
     * The output is a subsequence of the input (so in time order and exact), and holds the first and
     * last states and the states of global minimum and maximum SOC and battery power.
     */
    private static void assertKeepsExtremesInOrder(List<PowerState> in, List<PowerState> out) {
        Map<PowerState, Integer> index = new IdentityHashMap<>();
        for (int i = 0; i < in.size(); i++) {
            index.put(in.get(i), i);
        }
        int previous = -1;
        for (PowerState s : out) {
            Integer i = index.get(s);
            assertThat(i).as("every output state is an input state").isNotNull();
            assertThat(i).as("output in time order, without repeats").isGreaterThan(previous);
            previous = i;
        }
        assertThat(out.get(0)).isSameAs(in.get(0));
        assertThat(out.get(out.size() - 1)).isSameAs(in.get(in.size() - 1));
        // Exact equality: kept states are the input's own objects, nothing is interpolated.
        assertThat(min(out, PowerState::stateOfCharge)).isEqualTo(min(in, PowerState::stateOfCharge));
        assertThat(max(out, PowerState::stateOfCharge)).isEqualTo(max(in, PowerState::stateOfCharge));
        assertThat(min(out, PowerState::batteryPowerW)).isEqualTo(min(in, PowerState::batteryPowerW));
        assertThat(max(out, PowerState::batteryPowerW)).isEqualTo(max(in, PowerState::batteryPowerW));
        PowerState firstMinimum = in.stream().min(Comparator.comparingDouble(PowerState::storedJ)).orElseThrow();
        assertThat(out).as("the first state at the minimum").anySatisfy(s -> assertThat(s).isSameAs(firstMinimum));
    }

    private static double min(List<PowerState> s, java.util.function.ToDoubleFunction<PowerState> f) {
        return s.stream().mapToDouble(f).min().orElseThrow();
    }

    private static double max(List<PowerState> s, java.util.function.ToDoubleFunction<PowerState> f) {
        return s.stream().mapToDouble(f).max().orElseThrow();
    }

    /** States at irregular times (gaps up to 10 h, some bursts) with a bounded random walk of SOC. */
    private static List<PowerState> randomWalk(Random random, int n) {
        List<PowerState> out = new ArrayList<>(n);
        double t = 0;
        double soc = 0.8;
        for (int k = 0; k < n; k++) {
            double power = (random.nextDouble() - 0.5) * 20_000;
            soc = Math.min(1.0, Math.max(0.3, soc + (random.nextDouble() - 0.5) * 0.02));
            out.add(state(t, soc, power));
            t += random.nextInt(10) == 0 ? random.nextDouble() * 36_000 : random.nextDouble() * 60;
        }
        return out;
    }

    private static PowerState state(double tS, double soc, double batteryW) {
        return new PowerState(tS, 1.0, 20_000, 10_000, batteryW, 0, 0, 0, 0, 0, soc * 1e8, soc);
    }

    /**
     * Fifteen years of 9:2 NRHO-like illumination: each orbit one shadow pass cut into 60-s segments with
     * a penumbra ramp, its length varying slowly between 20 and 80 minutes like the eclipse seasons, then
     * sunlight in 6-h segments. 10 kW load on a 30 kWh battery, 20 kW array.
     */
    static EnergyBalanceInput fifteenYearInput() {
        List<SunlightSegment> segments = new ArrayList<>();
        int orbits = (int) Math.floor(15 * 365.25 * 86_400 / ORBIT_S);
        for (int k = 0; k < orbits; k++) {
            int shadowMinutes = 20 + (int) Math.round(60 * Math.abs(Math.sin(k * 0.013)));
            for (int m = 0; m < shadowMinutes; m++) {
                // Penumbra: the first and last two minutes are partly lit.
                int edge = Math.min(m, shadowMinutes - 1 - m);
                double lit = edge >= 2 ? 0.0 : 0.3 * (2 - edge);
                segments.add(new SunlightSegment(SHADOW_SEGMENT_S, lit, 1.0));
            }
            double sunlit = ORBIT_S - shadowMinutes * SHADOW_SEGMENT_S;
            while (sunlit > 0) {
                double d = Math.min(SUNLIT_SEGMENT_S, sunlit);
                segments.add(new SunlightSegment(d, 1.0, 1.0 + 0.017 * Math.sin(k * 0.0096)));
                sunlit -= d;
            }
        }
        BatteryBank b = bank(30, 0.3, 1.0, 1.0, 0.95, 0.95, 6_000, 12_000);
        return new EnergyBalanceInput(new SunlightTimeline(segments), array(20_000, 0.9), 0, b, 10_000);
    }
}
