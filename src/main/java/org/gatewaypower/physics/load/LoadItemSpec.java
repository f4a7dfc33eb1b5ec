package org.gatewaypower.physics.load;

import java.util.Objects;

/**
 * One line of the power equipment list, as the physics sees it.
 *
 * <p>Model: each unit spends the fraction {@code duty} of the time at its operating power and the
 * rest at standby, so its average power is {@code standby·(1 − duty) + operating·duty}. Peak power
 * is drawn only by an item that operates in the mode ({@code duty > 0}); an idle item's peak is
 * its standby power. Summing peaks over items assumes every item peaks at once, which is the
 * conservative hand-sizing assumption.
 *
 * @param name            item name, for messages
 * @param quantity        number of identical units (≥ 1)
 * @param standbyPowerW   power of one unit at standby (W, ≥ 0)
 * @param operatingPowerW power of one unit when operating (W, ≥ 0)
 * @param peakPowerW      short-term peak power of one unit (W, ≥ operating power)
 * @param maturity        design maturity, which sets the contingency
 * @param priority        load-shedding priority
 */
public record LoadItemSpec(
        String name,
        int quantity,
        double standbyPowerW,
        double operatingPowerW,
        double peakPowerW,
        MaturityClass maturity,
        LoadPriority priority) {

    public LoadItemSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(maturity, "maturity");
        Objects.requireNonNull(priority, "priority");
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be at least 1, was " + quantity);
        }
        requireNonNegative("standbyPowerW", standbyPowerW);
        requireNonNegative("operatingPowerW", operatingPowerW);
        requireNonNegative("peakPowerW", peakPowerW);
        if (peakPowerW < operatingPowerW) {
            throw new IllegalArgumentException("peakPowerW must be at least operatingPowerW");
        }
    }

    /** Average power of all units at the given duty cycle, current best estimate (W). */
    public double averagePowerW(double duty) {
        requireDuty(duty);
        return quantity * (standbyPowerW * (1.0 - duty) + operatingPowerW * duty);
    }

    /** Peak power of all units at the given duty cycle, current best estimate (W). */
    public double peakPowerAtDutyW(double duty) {
        requireDuty(duty);
        return quantity * (duty > 0.0 ? peakPowerW : standbyPowerW);
    }

    /** Multiplier from current best estimate to maximum expected value (dimensionless, ≥ 1). */
    public double mevFactor() {
        return 1.0 + maturity.contingency();
    }

    private static void requireDuty(double duty) {
        if (!(duty >= 0.0 && duty <= 1.0)) {
            throw new IllegalArgumentException("duty cycle must be within [0, 1], was " + duty);
        }
    }

    private static void requireNonNegative(String field, double value) {
        if (!(value >= 0.0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(field + " must be a finite number ≥ 0, was " + value);
        }
    }
}
