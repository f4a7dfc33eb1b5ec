package org.gatewaypower.physics.energy;

/**
 * A stretch of time over which the illumination of the arrays is taken as constant.
 *
 * @param durationS     length of the segment (s, &gt; 0)
 * @param litFraction   fraction of the solar disc visible from the station (dimensionless,
 *                      1 in full sunlight, 0 in umbra)
 * @param sunDistanceAu distance from the Sun (AU, &gt; 0); array output scales with its inverse square
 */
public record SunlightSegment(double durationS, double litFraction, double sunDistanceAu) {

    public SunlightSegment {
        if (!(durationS > 0) || Double.isInfinite(durationS)) {
            throw new IllegalArgumentException("durationS must be a finite number > 0, was " + durationS);
        }
        if (!(litFraction >= 0 && litFraction <= 1)) {
            throw new IllegalArgumentException("litFraction must be within [0, 1], was " + litFraction);
        }
        if (!(sunDistanceAu > 0) || Double.isInfinite(sunDistanceAu)) {
            throw new IllegalArgumentException("sunDistanceAu must be a finite number > 0, was " + sunDistanceAu);
        }
    }

    /** Solar flux relative to the flux at 1 AU in full sunlight (dimensionless). */
    public double relativeFlux() {
        return litFraction / (sunDistanceAu * sunDistanceAu);
    }

    /** True when any part of the solar disc is hidden. */
    public boolean inShadow() {
        return litFraction < 1.0;
    }
}
