package org.gatewaypower.physics.ephemeris;

/**
 * A geocentric position in spherical ecliptic coordinates, referred to the mean equinox and ecliptic
 * of date (no nutation), as the Meeus series give it.
 *
 * @param longitudeDeg ecliptic longitude λ in [0, 360) (deg)
 * @param latitudeDeg  ecliptic latitude β (deg)
 * @param distanceKm   distance from the Earth's centre to the body's centre (km)
 */
public record EclipticPosition(double longitudeDeg, double latitudeDeg, double distanceKm) {

    /** Distance from the Earth's centre to the body's centre (m). */
    public double distanceM() {
        return distanceKm * 1000.0;
    }
}
