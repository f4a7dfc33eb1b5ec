package org.gatewaypower.physics.eclipse;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.hipparchus.util.FastMath;

/**
 * A test geometry with known answers: the Sun fixed at 1 AU on −x, the station on a circular orbit
 * about the Earth (radius, period, inclination of its plane to the Sun line), and the Moon parked
 * far off the Sun line so that it never occults.
 */
final class SyntheticGeometry implements ShadowGeometry {

    static final double AU = 149_597_870_700.0;

    private final double radiusM;
    private final double periodS;
    private final double inclinationRad;

    SyntheticGeometry(double radiusM, double periodS, double inclinationRad) {
        this.radiusM = radiusM;
        this.periodS = periodS;
        this.inclinationRad = inclinationRad;
    }

    @Override
    public Vector3D station(double tt) {
        double u = 2 * FastMath.PI * tt / periodS;
        double x = radiusM * FastMath.cos(u);
        double y = radiusM * FastMath.sin(u);
        // tilt the orbit about the y axis, so that at u = 0 it passes behind the Earth offset in z
        return new Vector3D(x * FastMath.cos(inclinationRad), y, x * FastMath.sin(inclinationRad));
    }

    @Override
    public Vector3D sun(double tt) {
        return new Vector3D(-AU, 0, 0);
    }

    @Override
    public Vector3D moon(double tt) {
        return new Vector3D(0, 0, 3.844e8);
    }
}
