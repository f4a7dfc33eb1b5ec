package org.gatewaypower.physics.eclipse;

import java.util.Objects;

/**
 * One pass of the station through the shadow of one body. Times in seconds of TT since J2000.0.
 *
 * @param body           the occulter
 * @param startTt        penumbra entry (s); the span start if the pass was already under way
 * @param endTt          penumbra exit (s); the span end if the pass was still under way
 * @param umbra          the total-shadow part, or null when the Sun was never fully hidden
 * @param minLitFraction least visible fraction of the Sun during the pass, this body alone ([0, 1])
 */
public record EclipseEvent(Occulter body, double startTt, double endTt, Window umbra, double minLitFraction) {

    /** A time window (s of TT since J2000.0). */
    public record Window(double startTt, double endTt) {
        /** Length (s). */
        public double durationS() {
            return endTt - startTt;
        }
    }

    public EclipseEvent {
        Objects.requireNonNull(body, "body");
        if (!(endTt >= startTt)) {
            throw new IllegalArgumentException("an eclipse ends after it starts");
        }
        if (!(minLitFraction >= 0 && minLitFraction <= 1)) {
            throw new IllegalArgumentException("minLitFraction must be within [0, 1], was " + minLitFraction);
        }
    }

    /** Penumbra entry to penumbra exit (s). */
    public double durationS() {
        return endTt - startTt;
    }
}
