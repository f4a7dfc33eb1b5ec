package org.gatewaypower.analysis;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Prints a fraction in percent with enough decimals that the printed figure never contradicts the
 * verdict judged on the exact value: a margin of 19.99 % against a 20 % rule prints "19.99", not
 * "20.0". One decimal when one suffices; more only near the limit.
 */
public final class PercentText {

    /** The most decimals printed; closer than that to the limit prints at this precision. */
    static final int MAX_DECIMALS = 9;

    private PercentText() {
    }

    /**
     * The fraction in percent (without the sign): with one decimal, or with as many more (up to
     * {@value #MAX_DECIMALS}) as it takes for the printed value to lie on the same side of the printed
     * limit as the exact value lies of the exact limit. A value equal to the limit prints equal to it.
     *
     * @param fraction      the value (dimensionless, e.g. 0.1999 for 19.99 %)
     * @param limitFraction the limit it is judged against (dimensionless)
     * @return e.g. "19.99"; "—" when the value is not finite
     */
    public static String beside(double fraction, double limitFraction) {
        if (!Double.isFinite(fraction)) {
            return "—";
        }
        int sign = Double.compare(fraction, limitFraction);
        BigDecimal v = new BigDecimal(fraction).movePointRight(2);
        BigDecimal l = Double.isFinite(limitFraction) ? new BigDecimal(limitFraction).movePointRight(2) : null;
        int decimals = 1;
        while (l != null && sign != 0 && decimals < MAX_DECIMALS) {
            int printed = v.setScale(decimals, RoundingMode.HALF_UP)
                    .compareTo(l.setScale(decimals, RoundingMode.HALF_UP));
            if (Integer.signum(printed) == Integer.signum(sign)) {
                break;
            }
            decimals++;
        }
        return v.setScale(decimals, RoundingMode.HALF_UP).toPlainString();
    }
}
