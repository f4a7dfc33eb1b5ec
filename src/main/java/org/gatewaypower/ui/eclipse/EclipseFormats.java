package org.gatewaypower.ui.eclipse;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import org.gatewaypower.analysis.EclipseService;
import org.gatewaypower.exchange.CsvCells;
import org.gatewaypower.physics.eclipse.Occulter;

/** How the eclipse page writes times, counts, bodies and numbers, and its catalogue as CSV. */
final class EclipseFormats {

    static final String CSV_HEADER = "body,start,end,umbraStart,umbraEnd,durationSeconds,minLitFraction";

    private static final DateTimeFormatter ISO_SECONDS = DateTimeFormatter.ISO_INSTANT;

    private EclipseFormats() {
    }

    /** The catalogue as CSV: one line per eclipse, ISO-8601 UTC instants, empty umbra times when penumbral. */
    static byte[] csv(EclipseService.Catalogue cat) {
        StringBuilder out = new StringBuilder(CSV_HEADER).append('\n');
        for (EclipseService.Eclipse e : cat.eclipses()) {
            out.append(CsvCells.text(e.body().name())).append(',').append(csvTime(e.start())).append(',')
                    .append(csvTime(e.end()))
                    .append(',').append(csvTime(e.umbraStart())).append(',').append(csvTime(e.umbraEnd())).append(',')
                    .append(String.format(Locale.US, "%.3f,%.6f", e.durationSeconds(), e.minLitFraction()))
                    .append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String csvTime(Instant t) {
        return t == null ? "" : t.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    static String iso(Instant t) {
        return t == null ? "" : ISO_SECONDS.format(t.truncatedTo(ChronoUnit.SECONDS));
    }

    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    static String bodyName(Occulter body) {
        return body == Occulter.EARTH ? "Earth" : "Moon";
    }

    static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.US, "%.2f", v);
    }
}
