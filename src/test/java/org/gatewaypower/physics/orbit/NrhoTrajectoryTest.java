package org.gatewaypower.physics.orbit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.hipparchus.util.FastMath;
import org.junit.jupiter.api.Test;

class NrhoTrajectoryTest {

    private static final double DAY_S = 86_400.0;
    /** An arbitrary perilune epoch, about 2027-03 (s of TT since J2000.0). */
    private static final double PERILUNE_TT = 857_000_000.0;

    private final CircularMoon moon = CircularMoon.inclinedTestPlane();
    private final NrhoTrajectory trajectory = NrhoTrajectory.earthMoon(NineToTwoNrho.ORBIT, moon, PERILUNE_TT);

    @Test
    void the_real_period_is_two_ninths_of_a_synodic_month() {
        // 2/9 × 29.530589 d (docs/domain/orbit.md §2); 1e-5 d ≈ 1 s.
        assertThat(trajectory.periodS() / DAY_S).isCloseTo(2.0 / 9.0 * 29.530589, within(1e-5));
    }

    @Test
    void the_station_stays_between_perilune_and_apolune_distance_over_three_revolutions() {
        // Bounds as briefed (3,100 / 75,000 km) around the published 3,249 / 71,222 km. Sampled
        // every 10 s, so the sampled extremes are within ~0.1 km of the true ones.
        double smallestKm = Double.MAX_VALUE;
        double largestKm = 0;
        for (double t = PERILUNE_TT - 0.5 * trajectory.periodS(); t <= PERILUNE_TT + 2.5 * trajectory.periodS(); t += 10) {
            double km = trajectory.stationRelativeToMoon(t).getNorm() / 1_000;
            smallestKm = FastMath.min(smallestKm, km);
            largestKm = FastMath.max(largestKm, km);
        }
        assertThat(smallestKm).isBetween(3_100.0, 75_000.0);
        assertThat(largestKm).isBetween(3_100.0, 75_000.0);
        // With the circular test Moon at l* the pulsating frame does not pulsate: the extremes are
        // the rotating-frame radii scaled by l* (0.1 km sampling tolerance, see above).
        assertThat(smallestKm).isCloseTo(trajectory.periluneRadiusM() / 1_000, within(0.1));
        assertThat(largestKm).isCloseTo(trajectory.apoluneRadiusM() / 1_000, within(0.1));
    }

    @Test
    void the_station_passes_perilune_at_the_given_epoch() {
        // Scan ±1 h at 1 s for the distance minimum; the briefed tolerance is ±60 s.
        double bestT = Double.NaN;
        double best = Double.MAX_VALUE;
        for (double t = PERILUNE_TT - 3_600; t <= PERILUNE_TT + 3_600; t += 1) {
            double d = trajectory.stationRelativeToMoon(t).getNorm();
            if (d < best) {
                best = d;
                bestT = t;
            }
        }
        assertThat(bestT).isCloseTo(PERILUNE_TT, within(60.0));
    }

    @Test
    void at_perilune_the_station_is_over_the_pole_north_of_the_moons_orbit_plane() {
        // Lunar orbit normal from the test ephemeris; latitude above 60° as for the CR3BP orbit.
        Vector3D normal = Vector3D.crossProduct(moon.position(PERILUNE_TT), moon.velocity(PERILUNE_TT)).normalize();
        Vector3D relative = trajectory.stationRelativeToMoon(PERILUNE_TT);
        double latitudeDeg = FastMath.toDegrees(FastMath.asin(relative.dotProduct(normal) / relative.getNorm()));
        assertThat(latitudeDeg).isGreaterThan(60);
    }

    @Test
    void the_motion_relative_to_the_moon_repeats_with_the_period() {
        // In the rotating frame the placed orbit is exactly periodic; with the circular test Moon
        // so is the distance to the Moon. Tolerances: 1 m after one period (interpolation and the
        // rounding of ~1e9 s epochs, both far below).
        double p = trajectory.periodS();
        for (double t = PERILUNE_TT; t < PERILUNE_TT + p; t += p / 37) {
            assertThat(trajectory.stationRelativeToMoon(t + p).getNorm())
                    .isCloseTo(trajectory.stationRelativeToMoon(t).getNorm(), within(1.0));
            assertThat(trajectory.stationRotatingNd(t + 3 * p).distance(trajectory.stationRotatingNd(t)) * CircularMoon.RADIUS_M)
                    .isLessThan(1.0);
        }
    }

    @Test
    void the_geocentric_position_is_the_moon_plus_the_relative_position() {
        // Pure vector identity: agreement to double rounding of 4e8 m values (~1e-7 m); 1e-3 m.
        double t = PERILUNE_TT + 123_456.7;
        assertThat(trajectory.stationGeocentric(t)
                .distance(moon.position(t).add(trajectory.stationRelativeToMoon(t)))).isLessThan(1e-3);
    }

    @Test
    void the_relative_position_is_the_rotating_frame_offset_from_the_moon_turned_into_eme2000() {
        // Rebuild x̂, ŷ, ẑ by hand at one epoch and project: the components must be the rotating
        // coordinates minus the Moon's, times |r_M| (1e-3 m tolerance, rounding only).
        double t = PERILUNE_TT + 200_000.0;
        Vector3D r = moon.position(t);
        Vector3D xHat = r.normalize();
        Vector3D zHat = Vector3D.crossProduct(r, moon.velocity(t)).normalize();
        Vector3D yHat = Vector3D.crossProduct(zHat, xHat);
        Vector3D relative = trajectory.stationRelativeToMoon(t);
        Vector3D rotating = trajectory.stationRotatingNd(t);
        double scale = r.getNorm();
        assertThat(relative.dotProduct(xHat)).isCloseTo((rotating.getX() - (1 - Cr3bp.EARTH_MOON_MU)) * scale, within(1e-3));
        assertThat(relative.dotProduct(yHat)).isCloseTo(rotating.getY() * scale, within(1e-3));
        assertThat(relative.dotProduct(zHat)).isCloseTo(rotating.getZ() * scale, within(1e-3));
    }

    @Test
    void the_next_perilune_is_the_reference_one_shifted_by_whole_periods() {
        double p = trajectory.periodS();
        // Exact arithmetic on the epochs; 1e-6 s tolerance for the rounding of ~1e9 s values.
        assertThat(trajectory.nextPerilune(PERILUNE_TT)).isCloseTo(PERILUNE_TT, within(1e-6));
        assertThat(trajectory.nextPerilune(PERILUNE_TT + 0.3 * p)).isCloseTo(PERILUNE_TT + p, within(1e-6));
        assertThat(trajectory.nextPerilune(PERILUNE_TT - 4.3 * p)).isCloseTo(PERILUNE_TT - 4 * p, within(1e-6));
        double[] passages = trajectory.perilunesBetween(PERILUNE_TT - 0.5 * p, PERILUNE_TT + 2.5 * p);
        assertThat(passages).hasSize(3);
        assertThat(passages[2]).isCloseTo(PERILUNE_TT + 2 * p, within(1e-6));
        assertThat(trajectory.phaseNd(PERILUNE_TT + 5 * p))
                .isCloseTo(NineToTwoNrho.ORBIT.perilunePhaseNd(), within(1e-9));
    }

    @Test
    void a_non_positive_time_unit_is_rejected() {
        assertThatThrownBy(() -> new NrhoTrajectory(NineToTwoNrho.ORBIT, 3.844e8, 0, moon, 0))
                .hasMessageContaining("tStarS");
    }
}
