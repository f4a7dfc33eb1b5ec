package org.gatewaypower.report;

import java.util.Locale;

/**
 * How the report prints SI values: exactly as the workspace page does (kW and kWh for system figures,
 * W for single equipment, % for fractions, h and min for times), so a reviewer finds the same numbers
 * in both. The report may not depend on the UI module, hence this small copy of its formats.
 */
final class Figures {

    private static final double J_PER_KWH = 3.6e6;

    private Figures() {
    }

    static String kw(double watts) {
        return String.format(Locale.US, "%,.2f kW", noNegativeZero(watts / 1000));
    }

    static String kwh(double joules) {
        return String.format(Locale.US, "%,.2f kWh", noNegativeZero(joules / J_PER_KWH));
    }

    static String watts(double watts) {
        return String.format(Locale.US, "%,.0f", watts);
    }

    /** A fraction in percent with one decimal; "—" when not finite (no arrays, no battery). */
    static String percent(double fraction) {
        if (!Double.isFinite(fraction)) {
            return "—";
        }
        return String.format(Locale.US, "%.1f %%", fraction * 100);
    }

    static String hours(double seconds) {
        return String.format(Locale.US, "%.2f h", seconds / 3600);
    }

    static String minutes(double seconds) {
        return String.format(Locale.US, "%.1f min", seconds / 60);
    }

    static String number(String pattern, double value) {
        return String.format(Locale.US, pattern, value);
    }

    /** Rounding residue such as −1e−12 would print as "−0.00": show it as 0. */
    private static double noNegativeZero(double v) {
        return Math.abs(v) < 0.005 ? 0.0 : v;
    }
}
