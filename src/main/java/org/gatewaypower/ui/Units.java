package org.gatewaypower.ui;

import java.util.Locale;

/**
 * How the UI shows SI values to power engineers: kW and kWh for system figures, W for single
 * equipment, % for fractions, h and min for times. Storage stays SI; only display converts.
 */
public final class Units {

    /** Joules per watt-hour. */
    public static final double J_PER_WH = 3600.0;

    private Units() {
    }

    public static String kw(double watts) {
        return String.format(Locale.US, "%,.2f kW", noNegativeZero(watts / 1000, 2));
    }

    public static String kwh(double joules) {
        return String.format(Locale.US, "%,.2f kWh", noNegativeZero(joules / J_PER_WH / 1000, 2));
    }

    /** Rounding residue such as −1e−12 would print as "−0.00": show it as 0. */
    private static double noNegativeZero(double v, int decimals) {
        return Math.abs(v) < 0.5 * Math.pow(10, -decimals) ? 0.0 : v;
    }

    public static String percent(double fraction) {
        if (!Double.isFinite(fraction)) {
            return "—";
        }
        return String.format(Locale.US, "%.1f %%", fraction * 100);
    }

    public static String hours(double seconds) {
        return String.format(Locale.US, "%.2f h", seconds / 3600);
    }

    public static String minutes(double seconds) {
        return String.format(Locale.US, "%.1f min", seconds / 60);
    }
}
