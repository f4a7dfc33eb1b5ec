package org.gatewaypower.physics.eclipse;

import java.util.List;

/**
 * Shadow-pass statistics of one body over a span.
 *
 * @param body           the occulter
 * @param count          number of passes (passes cut by the span ends included)
 * @param completeCount  number of complete passes, those the durations are taken from; 0 when the span is
 *                       too short to hold one (its durations then say nothing and are 0)
 * @param countPerYear   passes per Julian year of span (1/year)
 * @param minDurationS   shortest complete pass (s), 0 when there is none
 * @param medianDurationS median complete pass (s), 0 when there is none
 * @param maxDurationS   longest complete pass (s), 0 when there is none
 * @param totalShadowS   summed penumbra-to-penumbra time (s)
 * @param totalUmbraS    summed umbra time (s)
 */
public record EclipseStatistics(Occulter body, int count, int completeCount, double countPerYear, double minDurationS,
                                double medianDurationS, double maxDurationS, double totalShadowS,
                                double totalUmbraS) {

    /** Seconds in a Julian year. */
    public static final double JULIAN_YEAR_S = 365.25 * 86_400;

    /** Statistics of the passes of {@code body} among {@code events} over a span of {@code spanS} seconds. */
    public static EclipseStatistics of(Occulter body, List<EclipseEvent> events, double spanS) {
        List<EclipseEvent> mine = events.stream().filter(e -> e.body() == body).toList();
        // Durations of passes cut by the span ends are not pass durations: only complete ones count there.
        double[] d = mine.stream().filter(EclipseEvent::complete).mapToDouble(EclipseEvent::durationS).sorted()
                .toArray();
        double umbra = mine.stream().filter(e -> e.umbra() != null).mapToDouble(e -> e.umbra().durationS()).sum();
        double total = mine.stream().mapToDouble(EclipseEvent::durationS).sum();
        double perYear = mine.size() / (spanS / JULIAN_YEAR_S);
        if (d.length == 0) {
            return new EclipseStatistics(body, mine.size(), 0, perYear, 0, 0, 0, total, umbra);
        }
        double median = d.length % 2 == 1 ? d[d.length / 2] : (d[d.length / 2 - 1] + d[d.length / 2]) / 2;
        return new EclipseStatistics(body, mine.size(), d.length, perYear, d[0], median, d[d.length - 1], total,
                umbra);
    }
}
