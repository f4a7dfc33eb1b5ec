package org.gatewaypower.physics.ephemeris;

import org.hipparchus.geometry.euclidean.threed.Vector3D;

/**
 * Where a body is, as seen from the Earth's centre.
 *
 * <p>Frame: geocentric, mean equator and equinox of J2000.0 (EME2000). Time: seconds of Terrestrial
 * Time (TT) since J2000.0 = 2000-01-01T12:00:00 TT (JD 2451545.0 TT); see
 * {@link org.gatewaypower.physics.time.TimeScales}.
 */
public interface CelestialEphemeris {

    /** Geocentric position in EME2000 axes (m) at {@code ttSeconds} (s of TT since J2000.0). */
    Vector3D position(double ttSeconds);

    /** Geocentric velocity in EME2000 axes (m/s) at {@code ttSeconds} (s of TT since J2000.0). */
    Vector3D velocity(double ttSeconds);

    /**
     * Velocity of an ephemeris by a central difference of its positions over ±{@code halfStepS} (m/s):
     * for series whose analytic derivative is not worth writing out.
     */
    static Vector3D centralDifference(CelestialEphemeris e, double ttSeconds, double halfStepS) {
        Vector3D after = e.position(ttSeconds + halfStepS);
        Vector3D before = e.position(ttSeconds - halfStepS);
        double k = 0.5 / halfStepS;
        return new Vector3D(k, after, -k, before);
    }
}
