package org.gatewaypower.physics.orbit;

import org.gatewaypower.physics.ephemeris.CelestialEphemeris;
import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.hipparchus.util.FastMath;

/**
 * Test-only Moon: a circular orbit of radius 384,400 km and sidereal period 27.321661 d in a fixed
 * plane inclined 5.145° to the ecliptic, ascending node at ecliptic longitude 125°, ecliptic
 * obliquity 23.439291° (round J2000 values, good enough for a fixed inclined test plane). Not a
 * lunar theory; the real ephemeris is elsewhere.
 */
record CircularMoon(double radiusM, double periodS, Vector3D p, Vector3D q) implements CelestialEphemeris {

    static final double RADIUS_M = 384_400_000.0;
    static final double PERIOD_S = 27.321661 * 86_400.0;

    static CircularMoon inclinedTestPlane() {
        double node = FastMath.toRadians(125.0);
        double inclination = FastMath.toRadians(5.145);
        double obliquity = FastMath.toRadians(23.439291);
        Vector3D pEcliptic = new Vector3D(FastMath.cos(node), FastMath.sin(node), 0.0);
        Vector3D qEcliptic = new Vector3D(-FastMath.sin(node) * FastMath.cos(inclination),
                FastMath.cos(node) * FastMath.cos(inclination), FastMath.sin(inclination));
        return new CircularMoon(RADIUS_M, PERIOD_S, eclipticToEquator(pEcliptic, obliquity),
                eclipticToEquator(qEcliptic, obliquity));
    }

    private static Vector3D eclipticToEquator(Vector3D v, double obliquity) {
        double c = FastMath.cos(obliquity);
        double s = FastMath.sin(obliquity);
        return new Vector3D(v.getX(), c * v.getY() - s * v.getZ(), s * v.getY() + c * v.getZ());
    }

    @Override
    public Vector3D position(double ttSeconds) {
        double angle = 2.0 * FastMath.PI * ttSeconds / periodS;
        return new Vector3D(radiusM * FastMath.cos(angle), p, radiusM * FastMath.sin(angle), q);
    }

    @Override
    public Vector3D velocity(double ttSeconds) {
        double angle = 2.0 * FastMath.PI * ttSeconds / periodS;
        double speed = 2.0 * FastMath.PI * radiusM / periodS;
        return new Vector3D(-speed * FastMath.sin(angle), p, speed * FastMath.cos(angle), q);
    }
}
