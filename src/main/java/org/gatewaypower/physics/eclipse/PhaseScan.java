package org.gatewaypower.physics.eclipse;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * Eclipses as a function of the orbit's phase: for N perilune epochs spread over one revolution,
 * the Earth-shadow time and the longest eclipse over the same span, so an engineer can choose an
 * eclipse-favourable phase (NASA flies one; docs/domain/orbit.md §2).
 */
public final class PhaseScan {

    private PhaseScan() {
    }

    /**
     * One phase of the scan.
     *
     * @param periluneOffsetS   shift of the perilune epoch from the reference (s, in [0, period))
     * @param earthShadowHours  total time in the Earth's penumbra over the span (h)
     * @param longestEclipseS   longest single pass of either body (s)
     * @param eclipseCount      number of passes of both bodies
     */
    public record Point(double periluneOffsetS, double earthShadowHours, double longestEclipseS, int eclipseCount) {
    }

    /**
     * Scans {@code n} phases.
     *
     * @param finderForOffset a finder for the orbit whose perilune epoch is shifted by the given seconds
     * @param n               number of phases (≥ 1)
     * @param periodS         orbit period (s)
     * @param startTt         span start (s of TT since J2000.0)
     * @param endTt           span end (s of TT since J2000.0)
     */
    public static List<Point> scan(DoubleFunction<EclipseFinder> finderForOffset, int n, double periodS,
                                   double startTt, double endTt) {
        return scan(finderForOffset, n, periodS, startTt, endTt, done -> { });
    }

    /**
     * As {@link #scan(DoubleFunction, int, double, double, double)}, telling {@code phasesDone} after each
     * phase how many are done (1 … n): a caller shows progress with it, or stops the scan by throwing from it.
     */
    public static List<Point> scan(DoubleFunction<EclipseFinder> finderForOffset, int n, double periodS,
                                   double startTt, double endTt, java.util.function.IntConsumer phasesDone) {
        if (n < 1) {
            throw new IllegalArgumentException("a phase scan needs at least one phase");
        }
        List<Point> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            double offset = k * periodS / n;
            List<EclipseEvent> events = finderForOffset.apply(offset).find(startTt, endTt);
            double earth = events.stream().filter(e -> e.body() == Occulter.EARTH).mapToDouble(EclipseEvent::durationS)
                    .sum();
            double longest = events.stream().mapToDouble(EclipseEvent::durationS).max().orElse(0);
            out.add(new Point(offset, earth / 3600, longest, events.size()));
            phasesDone.accept(k + 1);
        }
        return out;
    }
}
