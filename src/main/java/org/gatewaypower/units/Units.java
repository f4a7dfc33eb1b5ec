package org.gatewaypower.units;

import java.util.Locale;

/**
 * The one place where SI values become what power engineers read: kW and kWh for system figures, W for
 * single equipment, % for fractions, h and min for times, always with a point as decimal separator and
 * thousands grouped by commas (the UI, the PDF and the spreadsheets all print through here). Storage and
 * computation stay SI; only display converts. Typed input is read by {@code ui.NumberEntry} with the same
 * conversion factors.
 */
public final class Units {

    /** Joules per watt-hour. */
    public static final double J_PER_WH = 3600.0;
    /** Joules per kilowatt-hour. */
    public static final double J_PER_KWH = 3.6e6;
    /** Watts per kilowatt. */
    public static final double W_PER_KW = 1000.0;
    /** Seconds per hour. */
    public static final double S_PER_HOUR = 3600.0;
    /** Seconds per minute. */
    public static final double S_PER_MINUTE = 60.0;

    private Units() {
    }

    /** A power in kW with two decimals, from W. */
    public static String kw(double watts) {
        return String.format(Locale.US, "%,.2f kW", noNegativeZero(watts / W_PER_KW, 2));
    }

    /** An energy in kWh with two decimals, from J. */
    public static String kwh(double joules) {
        return String.format(Locale.US, "%,.2f kWh", noNegativeZero(joules / J_PER_KWH, 2));
    }

    /** A change of energy in kWh with two decimals and its sign, from J ("+1.20 kWh"). */
    public static String kwhDelta(double joules) {
        return String.format(Locale.US, "%+,.2f kWh", noNegativeZero(joules / J_PER_KWH, 2));
    }

    /** A change of a fraction in percentage points with two decimals and its sign ("−0.35 pp"). */
    public static String pointsDelta(double fraction) {
        return String.format(Locale.US, "%+.2f pp", noNegativeZero(fraction * 100, 2));
    }

    /** A power in whole W without the unit (table cells whose header names it), from W. */
    public static String watts(double watts) {
        return String.format(Locale.US, "%,.0f", noNegativeZero(watts, 0));
    }

    /** A fraction in percent with one decimal; "—" when not finite (no arrays, no battery). */
    public static String percent(double fraction) {
        if (!Double.isFinite(fraction)) {
            return "—";
        }
        return String.format(Locale.US, "%.1f %%", fraction * 100);
    }

    /** A time in hours with two decimals, from s. */
    public static String hours(double seconds) {
        return String.format(Locale.US, "%.2f h", seconds / S_PER_HOUR);
    }

    /** A time in minutes with one decimal, from s. */
    public static String minutes(double seconds) {
        return String.format(Locale.US, "%.1f min", seconds / S_PER_MINUTE);
    }

    /** Any number with a {@link String#format} pattern, in the same locale as the rest. */
    public static String number(String pattern, double value) {
        return String.format(Locale.US, pattern, value);
    }

    /** Rounding residue such as −1e−12 would print as "−0.00": show it as 0. */
    private static double noNegativeZero(double v, int decimals) {
        return Math.abs(v) < 0.5 * Math.pow(10, -decimals) ? 0.0 : v;
    }
}
