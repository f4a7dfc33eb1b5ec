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
 * @param lostSunS       sunlight lost in the pass, ∫(1 − ν) dt over it, this body alone (s of full Sun):
 *                       what the arrays miss, so the measure of how hard a pass is on the battery
 * @param startClipped   true when the pass was already under way at the span start ({@code startTt} is
 *                       then the span start, not the penumbra entry)
 * @param endClipped     true when the pass was still under way at the span end
 */
public record EclipseEvent(Occulter body, double startTt, double endTt, Window umbra, double minLitFraction,
                           double lostSunS, boolean startClipped, boolean endClipped) {

    /** A time window (s of TT since J2000.0). */
    public record Window(double startTt, double endTt) {

        public Window {
            if (!(endTt >= startTt)) {
                throw new IllegalArgumentException("a window ends after it starts");
            }
        }

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
        if (!(lostSunS >= 0 && lostSunS <= endTt - startTt + 1e-6)) {
            throw new IllegalArgumentException("lostSunS must be within [0, duration], was " + lostSunS);
        }
    }

    /** True when the pass lies wholly inside the span, so its duration is the real one. */
    public boolean complete() {
        return !startClipped && !endClipped;
    }

    /** Penumbra entry to penumbra exit (s). */
    public double durationS() {
        return endTt - startTt;
    }
}
