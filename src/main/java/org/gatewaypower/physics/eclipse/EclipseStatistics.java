package org.gatewaypower.physics.eclipse;

import java.util.Arrays;
import java.util.List;

/**
 * Shadow-pass statistics of one body over a span.
 *
 * @param body           the occulter
 * @param count          number of passes (clipped passes at the span ends included)
 * @param countPerYear   passes per Julian year of span (1/year)
 * @param minDurationS   shortest pass (s), 0 when there is none
 * @param medianDurationS median pass (s), 0 when there is none
 * @param maxDurationS   longest pass (s), 0 when there is none
 * @param totalShadowS   summed penumbra-to-penumbra time (s)
 * @param totalUmbraS    summed umbra time (s)
 */
public record EclipseStatistics(Occulter body, int count, double countPerYear, double minDurationS,
                                double medianDurationS, double maxDurationS, double totalShadowS,
                                double totalUmbraS) {

    /** Seconds in a Julian year. */
    public static final double JULIAN_YEAR_S = 365.25 * 86_400;

    /** Statistics of the passes of {@code body} among {@code events} over a span of {@code spanS} seconds. */
    public static EclipseStatistics of(Occulter body, List<EclipseEvent> events, double spanS) {
        double[] d = events.stream().filter(e -> e.body() == body).mapToDouble(EclipseEvent::durationS).sorted()
                .toArray();
        double umbra = events.stream().filter(e -> e.body() == body && e.umbra() != null)
                .mapToDouble(e -> e.umbra().durationS()).sum();
        if (d.length == 0) {
            return new EclipseStatistics(body, 0, 0, 0, 0, 0, 0, 0);
        }
        double median = d.length % 2 == 1 ? d[d.length / 2] : (d[d.length / 2 - 1] + d[d.length / 2]) / 2;
        return new EclipseStatistics(body, d.length, d.length / (spanS / JULIAN_YEAR_S), d[0], median,
                d[d.length - 1], Arrays.stream(d).sum(), umbra);
    }
}
