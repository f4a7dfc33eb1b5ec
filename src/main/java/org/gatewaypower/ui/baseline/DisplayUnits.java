package org.gatewaypower.ui.baseline;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.gatewaypower.baseline.Baselines;
import org.gatewaypower.units.Units;

/**
 * How the baselines page shows the SI values and deltas of a comparison: kW (W below 1 kW), kWh, %, h; deltas
 * signed, fractions' deltas in percentage points.
 */
public final class DisplayUnits {

    private static final String NONE = "—";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.UK)
            .withZone(ZoneOffset.UTC);

    private DisplayUnits() {
    }

    /** When a baseline was frozen or a variant forked, to the minute in UTC. */
    public static String when(Instant t) {
        return WHEN.format(t);
    }

    /** A value in its display unit; "—" when there is none. */
    public static String value(String unit, Double v) {
        if (v == null) {
            return NONE;
        }
        return switch (unit) {
            // Below 1 kW in W, so that a 5 W standby does not read "0.01 kW".
            case Baselines.W -> Math.abs(v) < 1000 ? String.format(Locale.US, "%,.0f W", v) : Units.kw(v);
            case Baselines.J -> Units.kwh(v);
            case Baselines.FRACTION -> Units.percent(v);
            case Baselines.S -> Units.hours(v);
            case Baselines.COUNT -> String.format(Locale.US, "%.0f", v);
            default -> String.format(Locale.US, "%.4g %s", v, unit).strip();
        };
    }

    /**
     * A difference in its display unit, signed; fractions in percentage points; "—" when there is none. A
     * difference that rounds to zero is shown unsigned ("0.00 pp", not "+0.00 pp"): it moved nothing.
     */
    public static String delta(String unit, Double d) {
        if (d == null) {
            return NONE;
        }
        String shown = signed(unit, d);
        return shown.matches("[+-][0.,]+( .*)?") ? shown.substring(1) : shown;
    }

    private static String signed(String unit, double d) {
        return switch (unit) {
            case Baselines.W -> String.format(Locale.US, "%+,.2f kW", d / 1000);
            case Baselines.J -> Units.kwhDelta(d);
            case Baselines.FRACTION -> Units.pointsDelta(d);
            case Baselines.S -> String.format(Locale.US, "%+.2f h", d / 3600);
            case Baselines.COUNT -> String.format(Locale.US, "%+.0f", d);
            default -> String.format(Locale.US, "%+.4g %s", d, unit).strip();
        };
    }

    /** A field of a changed item: its number in display units, or its text. */
    public static String field(String unit, Double number, String text) {
        if (number != null) {
            return value(unit, number);
        }
        return text == null ? NONE : text;
    }
}
