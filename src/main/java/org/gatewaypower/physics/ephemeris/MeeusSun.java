package org.gatewaypower.physics.ephemeris;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.hipparchus.util.FastMath;

/**
 * The Sun's geocentric position from Meeus, <i>Astronomical Algorithms</i> (2nd ed. 1998), ch. 25, the
 * "low accuracy" method: mean longitude L₀, mean anomaly M, eccentricity e, equation of centre C, true
 * geometric longitude ☉ = L₀ + C, radius vector R; ecliptic latitude taken as 0 (the true one stays
 * below 1.2″).
 *
 * <p>Accuracy: about 0.01° (36″) in longitude, as stated by Meeus; R agrees with the book's Example 25.a
 * to its printed 1e-5 AU.
 *
 * <p>What is returned is the <b>geometric</b> position referred to the mean equinox and ecliptic of date.
 * The ch. 25 "apparent" corrections are deliberately not applied: nutation (because the output is
 * converted to the mean equator of J2000.0, not the true equator of date) and aberration (−20.5″,
 * the light-time displacement of the Sun as seen from the moving Earth). For shadow geometry the
 * aberrated direction is the physically relevant one, so shadow axes computed from this class lie about
 * 20″ off along the ecliptic, which is about 40 km at the Moon's distance: up to about 40 s of eclipse
 * timing for a spacecraft moving at ~1 km/s relative to the shadow. That is comparable to, not larger
 * than, the 0.01° error of the series itself.
 *
 * <p>Conversion chain of {@link #position(double)}: (☉, 0, R) in the mean ecliptic and equinox of date →
 * equator of date with the mean obliquity ε₀ (Meeus 22.2) → EME2000 by inverse IAU 1976 precession
 * (Meeus ch. 21); see {@link EclipticToEme2000}. Precession matters: it moves the equinox by about 50″
 * a year, 0.37° by 2026, which a J2000-fixed low-precision Sun would miss.
 *
 * <p>{@link #velocity(double)} is the central difference of {@link #position(double)} over ±60 s
 * (truncation error ≈ 1e-13 of the speed, rounding ≈ 1e-5 m/s). The class is stateless and thread-safe.
 */
public final class MeeusSun implements CelestialEphemeris {

    /** The astronomical unit (m), IAU 2012 Resolution B2. */
    public static final double ASTRONOMICAL_UNIT_M = 149_597_870_700.0;

    /** Half-width of the central difference used by {@link #velocity(double)} (s). */
    static final double VELOCITY_STEP_S = 60.0;

    private static final double DEG = FastMath.PI / 180.0;

    /**
     * Geometric ☉, β = 0 and R (as km) referred to the mean equinox and ecliptic of date, at the Julian
     * Ephemeris Day {@code jde} (d, TT), as in Meeus ch. 25.
     */
    public EclipticPosition eclipticOfDate(double jde) {
        double t = (jde - 2451545.0) / 36525.0;
        double[] lr = longitudeDegAndRadiusAu(t);
        return new EclipticPosition(lr[0], 0.0, lr[1] * ASTRONOMICAL_UNIT_M / 1000.0);
    }

    /** Geocentric position in EME2000 axes (m) at {@code ttSeconds} (s of TT since J2000.0). */
    @Override
    public Vector3D position(double ttSeconds) {
        return cartesian(ttSeconds, true);
    }

    /** Geocentric velocity in EME2000 axes (m/s) at {@code ttSeconds} (s of TT since J2000.0). */
    @Override
    public Vector3D velocity(double ttSeconds) {
        return CelestialEphemeris.centralDifference(this, ttSeconds, VELOCITY_STEP_S);
    }

    /** Geocentric position in the mean equator and equinox of date (m); for tests of the conversion. */
    Vector3D equatorialOfDate(double ttSeconds) {
        return cartesian(ttSeconds, false);
    }

    /** Position (m) in EME2000 axes, or in the mean equator of date if {@code toEme2000} is false. */
    private static Vector3D cartesian(double ttSeconds, boolean toEme2000) {
        double t = EclipticToEme2000.centuries(ttSeconds);
        double[] lr = longitudeDegAndRadiusAu(t);
        double lambda = lr[0] * DEG;
        double r = lr[1] * ASTRONOMICAL_UNIT_M;
        double x = r * FastMath.cos(lambda);
        double y = r * FastMath.sin(lambda);
        return toEme2000
                ? EclipticToEme2000.eclipticOfDateToEme2000(t, x, y, 0.0)
                : EclipticToEme2000.eclipticToEquatorialOfDate(t, x, y, 0.0);
    }

    /** {☉ (deg, [0, 360)), R (AU)} at {@code t} Julian centuries of TT since J2000.0 (cy), Meeus ch. 25. */
    private static double[] longitudeDegAndRadiusAu(double t) {
        double l0 = 280.46646 + t * (36000.76983 + t * 0.0003032);
        double m = (357.52911 + t * (35999.05029 - t * 0.0001537)) * DEG;
        double e = 0.016708634 - t * (0.000042037 + t * 0.0000001267);
        double c = (1.914602 - t * (0.004817 + t * 0.000014)) * FastMath.sin(m)
                + (0.019993 - t * 0.000101) * FastMath.sin(2.0 * m)
                + 0.000289 * FastMath.sin(3.0 * m);
        double trueLongitude = l0 + c;
        double trueAnomaly = m + c * DEG;
        double radiusAu = 1.000001018 * (1.0 - e * e) / (1.0 + e * FastMath.cos(trueAnomaly));
        double reduced = trueLongitude - 360.0 * FastMath.floor(trueLongitude / 360.0);
        return new double[] {reduced, radiusAu};
    }
}
