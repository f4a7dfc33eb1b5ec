package org.gatewaypower.physics.eclipse;

import org.gatewaypower.physics.ephemeris.CelestialEphemeris;
import org.gatewaypower.physics.ephemeris.InterpolatedEphemeris;
import org.gatewaypower.physics.ephemeris.MeeusMoon;
import org.gatewaypower.physics.ephemeris.MeeusSun;
import org.gatewaypower.physics.orbit.NrhoTrajectory;
import org.gatewaypower.physics.orbit.PeriodicOrbit;
import org.hipparchus.geometry.euclidean.threed.Vector3D;

/**
 * The shadow geometry of the station on its NRHO: the station placed with the Moon's ephemeris, and
 * the Sun's ephemeris, all geocentric EME2000 (m).
 *
 * @param trajectory the placed orbit (its Moon ephemeris is the one used for the Moon's shadow)
 * @param sun        the Sun's ephemeris
 */
public record StationGeometry(NrhoTrajectory trajectory, CelestialEphemeris sun) implements ShadowGeometry {

    /** Spacing of the interpolated Moon ephemeris (s): cubic Hermite error well under 100 m. */
    public static final double MOON_NODE_S = 6 * 3600.0;
    /** Spacing of the interpolated Sun ephemeris (s). */
    public static final double SUN_NODE_S = 86_400.0;
    /**
     * Margin of the interpolation span beyond the analysis span (s): more than one revolution (6.56 d),
     * so that the event finder can calibrate its rate bound over a whole revolution even for a short span.
     */
    private static final double MARGIN_S = 8 * 86_400.0;

    /**
     * The geometry over [startTt, endTt] for the orbit with a perilune passage at {@code periluneTt}:
     * the Meeus Moon and Sun series are evaluated once per node and interpolated in between.
     */
    public static StationGeometry over(PeriodicOrbit orbit, double periluneTt, double startTt, double endTt) {
        CelestialEphemeris moon = InterpolatedEphemeris.of(new MeeusMoon(), startTt - MARGIN_S, endTt + MARGIN_S,
                MOON_NODE_S);
        CelestialEphemeris sun = InterpolatedEphemeris.of(new MeeusSun(), startTt - MARGIN_S, endTt + MARGIN_S,
                SUN_NODE_S);
        return new StationGeometry(NrhoTrajectory.earthMoon(orbit, moon, periluneTt), sun);
    }

    /** The same interpolated ephemerides with another orbit phase (perilune epoch, s of TT). */
    public StationGeometry withPerilune(double periluneTt) {
        return new StationGeometry(NrhoTrajectory.earthMoon(trajectory.orbit(), trajectory.moon(), periluneTt), sun);
    }

    @Override
    public Vector3D station(double tt) {
        return trajectory.stationGeocentric(tt);
    }

    @Override
    public Vector3D sun(double tt) {
        return sun.position(tt);
    }

    @Override
    public Vector3D moon(double tt) {
        return trajectory.moon().position(tt);
    }
}
