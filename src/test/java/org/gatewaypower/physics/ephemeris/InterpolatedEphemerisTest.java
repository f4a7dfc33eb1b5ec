package org.gatewaypower.physics.ephemeris;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.SplittableRandom;

import org.gatewaypower.physics.time.TimeScales;
import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.junit.jupiter.api.Test;

class InterpolatedEphemerisTest {

    private static final double DAY_S = 86400.0;
    private static final double START_TT = TimeScales.ttSecondsSinceJ2000(Instant.parse("2027-01-01T00:00:00Z"));
    private static final double END_TT = START_TT + 365 * DAY_S;

    // Pins at about 3× the maxima measured over 2027 with 20,000 random times (seed 47): Moon 19.6 m and
    // 2.8e-3 m/s (the position pin is the required 50 m, 2.6×); Sun 39.0 m and 1.4e-3 m/s.
    private static final double POSITION_PIN_MOON_M = 50.0;
    private static final double VELOCITY_PIN_MOON_MPS = 8e-3;
    private static final double POSITION_PIN_SUN_M = 120.0;
    private static final double VELOCITY_PIN_SUN_MPS = 4e-3;

    @Test
    void moon_with_6_hour_nodes_over_a_year_stays_within_pinned_position_and_velocity_errors() {
        MeeusMoon moon = new MeeusMoon();
        InterpolatedEphemeris fast = InterpolatedEphemeris.of(moon, START_TT, END_TT, 6 * 3600.0);
        double[] worst = worstErrors(moon, fast, 20_000);
        System.out.printf("Moon, 6 h nodes: max position error %.3f m, max velocity error %.3e m/s%n",
                worst[0], worst[1]);

        assertThat(worst[0]).isLessThan(POSITION_PIN_MOON_M);
        assertThat(worst[1]).isLessThan(VELOCITY_PIN_MOON_MPS);
    }

    @Test
    void sun_with_1_day_nodes_over_a_year_stays_within_pinned_position_and_velocity_errors() {
        MeeusSun sun = new MeeusSun();
        InterpolatedEphemeris fast = InterpolatedEphemeris.of(sun, START_TT, END_TT, DAY_S);
        double[] worst = worstErrors(sun, fast, 20_000);
        System.out.printf("Sun, 1 d nodes: max position error %.3f m, max velocity error %.3e m/s%n",
                worst[0], worst[1]);

        assertThat(worst[0]).isLessThan(1000.0);
        assertThat(worst[0]).isLessThan(POSITION_PIN_SUN_M);
        assertThat(worst[1]).isLessThan(VELOCITY_PIN_SUN_MPS);
    }

    @Test
    void nodes_and_both_ends_of_the_span_reproduce_the_source_exactly() {
        MeeusMoon moon = new MeeusMoon();
        InterpolatedEphemeris fast = InterpolatedEphemeris.of(moon, START_TT, START_TT + 10 * DAY_S + 1000, 6 * 3600.0);
        // 10 days + 1000 s does not divide into 6-hour steps: the step is shortened to land on the end.
        assertThat(fast.nodeStepS()).isLessThanOrEqualTo(6 * 3600.0).isGreaterThan(6 * 3600.0 * 0.97);
        for (double t : new double[] {fast.startTt(), fast.startTt() + 7 * fast.nodeStepS(), fast.endTt()}) {
            // A time near 8.5e8 s resolves only 1.2e-7 s (one ulp), i.e. 1e-4 m of lunar motion.
            assertThat(fast.position(t).distance(moon.position(t))).as("t = %s", t).isLessThan(1e-3);
            assertThat(fast.velocity(t).distance(moon.velocity(t))).as("t = %s", t).isLessThan(1e-6);
        }
    }

    @Test
    void times_outside_the_span_are_rejected_with_the_time_in_the_message() {
        InterpolatedEphemeris fast = InterpolatedEphemeris.of(new MeeusSun(), 0.0, 10 * DAY_S, DAY_S);
        assertThatThrownBy(() -> fast.position(-1.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1.5");
        assertThatThrownBy(() -> fast.velocity(10 * DAY_S + 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("864001.0");
        assertThatThrownBy(() -> fast.position(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InterpolatedEphemeris.of(new MeeusSun(), 1.0, 0.0, DAY_S))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InterpolatedEphemeris.of(new MeeusSun(), 0.0, 1.0, 0.0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void velocity_is_the_derivative_of_the_interpolated_position() {
        InterpolatedEphemeris fast = InterpolatedEphemeris.of(new MeeusMoon(), START_TT, END_TT, 6 * 3600.0);
        for (double t = START_TT + 100; t < END_TT - 100; t += 3.3 * DAY_S) {
            Vector3D numeric = new Vector3D(1 / 20.0, fast.position(t + 10), -1 / 20.0, fast.position(t - 10));
            assertThat(fast.velocity(t).distance(numeric)).isCloseTo(0.0, within(1e-4));
        }
    }

    /** {max position error (m), max velocity error (m/s)} at {@code samples} random times in the span. */
    private static double[] worstErrors(CelestialEphemeris truth, InterpolatedEphemeris fast, int samples) {
        SplittableRandom random = new SplittableRandom(47);
        double worstP = 0;
        double worstV = 0;
        for (int i = 0; i < samples; i++) {
            double t = random.nextDouble(START_TT, END_TT);
            worstP = Math.max(worstP, fast.position(t).distance(truth.position(t)));
            worstV = Math.max(worstV, fast.velocity(t).distance(truth.velocity(t)));
        }
        return new double[] {worstP, worstV};
    }
}
