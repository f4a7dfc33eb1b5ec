package org.gatewaypower.physics.eclipse;

/** A body that can hide the Sun from the station, with its mean equatorial radius (m). */
public enum Occulter {
    /** The Earth: WGS-84 / IERS equatorial radius 6,378.137 km. */
    EARTH(6_378_137.0),
    /** The Moon: IAU mean radius 1,737.4 km. */
    MOON(1_737_400.0);

    /** The Sun's radius (m), IAU 2015 nominal 695,700 km. */
    public static final double SUN_RADIUS_M = 695_700_000.0;

    private final double radiusM;

    Occulter(double radiusM) {
        this.radiusM = radiusM;
    }

    /** Radius of the occulting body (m). */
    public double radiusM() {
        return radiusM;
    }
}
