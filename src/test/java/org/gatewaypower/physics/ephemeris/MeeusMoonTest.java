package org.gatewaypower.physics.ephemeris;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;

import org.gatewaypower.physics.time.TimeScales;
import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.junit.jupiter.api.Test;

class MeeusMoonTest {

    /** Example 47.a: 1992 April 12, 0h TD. */
    private static final double EXAMPLE_JDE = 2448724.5;

    private final MeeusMoon moon = new MeeusMoon();

    @Test
    void example_47a_gives_the_book_longitude_latitude_and_distance() {
        EclipticPosition p = moon.eclipticOfDate(EXAMPLE_JDE);

        assertThat(p.longitudeDeg()).isCloseTo(133.162655, within(1e-5));
        assertThat(p.latitudeDeg()).isCloseTo(-3.229126, within(1e-5));
        assertThat(p.distanceKm()).isCloseTo(368409.7, within(0.1));
    }

    @Test
    void mean_of_date_right_ascension_and_declination_are_within_0_01_deg_of_the_book_apparent_ones() {
        // The book's apparent α = 134.688470°, δ = 13.768368° include nutation: λ + Δψ (Δψ = +0.004610°) and
        // the true obliquity ε = 23.440636°. Our equator of date is the mean one (ε₀ only, no Δψ), so α is
        // about Δψ·(cos ε + sin ε sin α tan δ) ≈ 0.0045° smaller and δ about 0.001° larger.
        double tt = TimeScales.ttSecondsFromJulianDate(EXAMPLE_JDE);
        Vector3D eq = moon.equatorialOfDate(tt);
        double alphaDeg = Math.toDegrees(Math.atan2(eq.getY(), eq.getX()));
        double deltaDeg = Math.toDegrees(Math.asin(eq.getZ() / eq.getNorm()));

        assertThat(alphaDeg).isCloseTo(134.688470, within(0.01));
        assertThat(deltaDeg).isCloseTo(13.768368, within(0.01));

        // The rotation itself, checked against the textbook formulas (Meeus 13.3, 13.4) applied to the
        // book's λ, β with the mean obliquity of date.
        double t = (EXAMPLE_JDE - 2451545.0) / 36525.0;
        double eps0Deg = (84381.448 - 46.8150 * t - 0.00059 * t * t + 0.001813 * t * t * t) / 3600.0;
        double[] expected = equatorial(133.162655, -3.229126, eps0Deg);
        assertThat(alphaDeg).isCloseTo(expected[0], within(2e-5));
        assertThat(deltaDeg).isCloseTo(expected[1], within(2e-5));
    }

    @Test
    void adding_the_book_nutation_to_the_book_longitude_reproduces_the_book_apparent_coordinates() {
        // Confirms how the example's apparent values were formed: λ + Δψ with Δψ = +0.004610° and the true
        // obliquity 23.440636° (= ε₀ 23.440295° + Δε 0.000341°).
        double[] apparent = equatorial(133.162655 + 0.004610, -3.229126, 23.440636);
        assertThat(apparent[0]).isCloseTo(134.688470, within(2e-6));
        assertThat(apparent[1]).isCloseTo(13.768368, within(2e-6));
    }

    @Test
    void position_length_equals_the_series_distance() {
        for (double jde = 2461041.5; jde < 2462500; jde += 37.3) {
            double tt = TimeScales.ttSecondsFromJulianDate(jde);
            double distanceM = moon.eclipticOfDate(jde).distanceM();
            assertThat(moon.position(tt).getNorm() / distanceM).as("JDE %s", jde).isCloseTo(1.0, within(1e-6));
        }
    }

    @Test
    void at_j2000_precession_is_the_identity_and_eme2000_equals_the_equator_of_date() {
        Vector3D eme = moon.position(0.0);
        Vector3D ofDate = moon.equatorialOfDate(0.0);
        assertThat(eme.subtract(ofDate).getNorm() / ofDate.getNorm()).isLessThan(1e-9);
    }

    @Test
    void precession_moves_the_2026_position_by_the_expected_0_37_deg() {
        // 26.2 years × 50.29″/yr ≈ 0.366° of general precession, as a rotation of the whole frame.
        double tt = TimeScales.ttSecondsSinceJ2000(Instant.parse("2026-03-20T00:00:00Z"));
        double angleDeg = Math.toDegrees(Vector3D.angle(moon.position(tt), moon.equatorialOfDate(tt)));
        assertThat(angleDeg).isBetween(0.10, 0.37);
    }

    @Test
    void velocity_by_60_s_central_difference_agrees_with_a_10_s_difference_to_1e_6() {
        double worst = 0;
        for (double tt = 8.0e8; tt < 8.0e8 + 86400.0 * 365; tt += 86400.0 * 3.7) {
            Vector3D v60 = moon.velocity(tt);
            Vector3D v10 = moon.centralDifference(tt, 10.0);
            worst = Math.max(worst, v60.subtract(v10).getNorm() / v10.getNorm());
        }
        assertThat(worst).isLessThan(1e-6);
    }

    @Test
    void orbital_speed_is_960_to_1110_m_per_s_and_the_orbit_is_inclined_18_to_29_deg_to_the_j2000_equator() {
        // Vis-viva with GM(Earth + Moon) = 4.035e14 m³/s² and a = 384,400 km gives 1.10 km/s at the closest
        // perigees (356,400 km) and 0.97 km/s at the farthest apogees (406,700 km); this series gives
        // 965.6–1104.2 m/s over 2026–2035, so the often quoted 1.09 km/s ceiling is exceeded near perigee.
        // The inclination to the J2000 equator swings between about 23.44° ∓ 5.15° over the 18.6-year nodal
        // cycle (major standstill in 2024–2025).
        double startTt = TimeScales.ttSecondsSinceJ2000(Instant.parse("2026-01-01T00:00:00Z"));
        double minSpeed = Double.MAX_VALUE;
        double maxSpeed = 0;
        double minIncl = 180;
        double maxIncl = 0;
        for (double tt = startTt; tt < startTt + 86400.0 * 365 * 10; tt += 86400.0 * 0.37) {
            Vector3D r = moon.position(tt);
            Vector3D v = moon.velocity(tt);
            double speed = v.getNorm();
            minSpeed = Math.min(minSpeed, speed);
            maxSpeed = Math.max(maxSpeed, speed);
            double inclinationDeg = Math.toDegrees(Vector3D.angle(r.crossProduct(v), Vector3D.PLUS_K));
            minIncl = Math.min(minIncl, inclinationDeg);
            maxIncl = Math.max(maxIncl, inclinationDeg);
        }
        assertThat(minSpeed).isGreaterThan(960.0);
        assertThat(maxSpeed).isBetween(1090.0, 1110.0);
        assertThat(minIncl).isGreaterThan(18.0);
        assertThat(maxIncl).isLessThan(29.0);
    }

    /** {α, δ} (deg) from ecliptic λ, β (deg) with obliquity ε (deg), Meeus 13.3 and 13.4. */
    private static double[] equatorial(double lambdaDeg, double betaDeg, double epsDeg) {
        double l = Math.toRadians(lambdaDeg);
        double b = Math.toRadians(betaDeg);
        double e = Math.toRadians(epsDeg);
        double alpha = Math.toDegrees(Math.atan2(Math.sin(l) * Math.cos(e) - Math.tan(b) * Math.sin(e), Math.cos(l)));
        double delta = Math.toDegrees(Math.asin(Math.sin(b) * Math.cos(e) + Math.cos(b) * Math.sin(e) * Math.sin(l)));
        return new double[] {alpha < 0 ? alpha + 360 : alpha, delta};
    }
}
