package org.gatewaypower.physics.ephemeris;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;

import org.gatewaypower.physics.time.TimeScales;
import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.junit.jupiter.api.Test;

class MeeusSunTest {

    private static final double AU_M = MeeusSun.ASTRONOMICAL_UNIT_M;

    private final MeeusSun sun = new MeeusSun();

    @Test
    void example_25a_gives_the_book_true_geometric_longitude_and_radius_vector() {
        // 1992 October 13.0 TD: ☉ = 199.90988°, R = 0.99766 AU (Meeus, Example 25.a).
        EclipticPosition p = sun.eclipticOfDate(2448908.5);
        assertThat(p.longitudeDeg()).isCloseTo(199.90988, within(0.002));
        assertThat(p.latitudeDeg()).isZero();
        assertThat(p.distanceM() / AU_M).isCloseTo(0.99766, within(1e-5));
    }

    @Test
    void position_is_the_series_longitude_and_distance_rotated_into_the_equator_of_date() {
        // Example 25.a gives apparent α = 198.38083°, δ = −7.78507° (with aberration −0.00569°, nutation and the
        // true obliquity). The geometric mean-of-date values must lie within 0.01° of them.
        double tt = TimeScales.ttSecondsFromJulianDate(2448908.5);
        Vector3D eq = sun.equatorialOfDate(tt);
        double alphaDeg = Math.toDegrees(Math.atan2(eq.getY(), eq.getX())) + 360.0;
        double deltaDeg = Math.toDegrees(Math.asin(eq.getZ() / eq.getNorm()));
        assertThat(alphaDeg).isCloseTo(198.38083, within(0.01));
        assertThat(deltaDeg).isCloseTo(-7.78507, within(0.01));
        assertThat(sun.position(tt).getNorm() / AU_M).isCloseTo(0.99766, within(1e-5));
    }

    @Test
    void at_the_2026_march_equinox_the_declination_is_zero_of_date_and_minus_0_15_deg_in_eme2000() {
        // Equinox 2026-03-20T14:46Z: the Sun crosses the mean equator of date (within the series' 0.01° and the
        // minute of rounding). In J2000 axes the equinox of date lies 26.2 yr × 50.29″/yr ≈ 0.366° further along
        // the ecliptic, so the Sun there is at λ_J2000 ≈ −0.366° and δ ≈ −0.366°·sin 23.44° ≈ −0.146°.
        double tt = TimeScales.ttSecondsSinceJ2000(Instant.parse("2026-03-20T14:46:00Z"));
        Vector3D ofDate = sun.equatorialOfDate(tt);
        Vector3D eme = sun.position(tt);
        double deltaOfDateDeg = Math.toDegrees(Math.asin(ofDate.getZ() / ofDate.getNorm()));
        double deltaEmeDeg = Math.toDegrees(Math.asin(eme.getZ() / eme.getNorm()));

        assertThat(deltaOfDateDeg).isCloseTo(0.0, within(0.01));
        assertThat(deltaEmeDeg).isCloseTo(0.0, within(0.35));
        assertThat(deltaEmeDeg).isCloseTo(-0.146, within(0.01));
    }

    @Test
    void distance_stays_between_0_9832_and_1_0168_au_over_a_year_with_perihelion_in_early_january() {
        double startTt = TimeScales.ttSecondsSinceJ2000(Instant.parse("2027-01-01T00:00:00Z"));
        double min = Double.MAX_VALUE;
        double max = 0;
        double minAtDay = -1;
        for (int day = 0; day < 366; day++) {
            double au = sun.position(startTt + day * 86400.0).getNorm() / AU_M;
            if (au < min) {
                min = au;
                minAtDay = day;
            }
            max = Math.max(max, au);
        }
        assertThat(min).isBetween(0.9832, 0.9835);
        assertThat(max).isBetween(1.0165, 1.0168);
        assertThat(minAtDay).isBetween(0.0, 8.0);
    }

    @Test
    void geocentric_speed_of_the_sun_is_29_3_to_30_3_km_per_s() {
        double startTt = TimeScales.ttSecondsSinceJ2000(Instant.parse("2027-01-01T00:00:00Z"));
        for (int day = 0; day < 366; day += 5) {
            assertThat(sun.velocity(startTt + day * 86400.0).getNorm()).isBetween(29_250.0, 30_350.0);
        }
    }
}
