package org.gatewaypower.physics.eclipse;

import org.hipparchus.geometry.euclidean.threed.Vector3D;

/**
 * The positions the shadow model needs, all geocentric in one inertial frame (EME2000), in metres, at
 * a time in seconds of TT since J2000.0. The Earth is at the origin.
 */
public interface ShadowGeometry {

    /** The station (m). */
    Vector3D station(double tt);

    /** The Sun's centre (m). */
    Vector3D sun(double tt);

    /** The Moon's centre (m). */
    Vector3D moon(double tt);

    /** The centre of an occulter (m). */
    default Vector3D centre(Occulter body, double tt) {
        return body == Occulter.EARTH ? Vector3D.ZERO : moon(tt);
    }
}
