package org.gatewaypower.physics.energy;

import java.util.Objects;

/**
 * One battery (or battery string group) as specified by its owner.
 *
 * <p>Model: an energy store with constant charge and discharge efficiencies and power limits at its
 * terminals; no voltage, temperature or rate dependence of capacity, no self-discharge. Its usable
 * window is between the state-of-charge floor and ceiling.
 *
 * @param name                 battery name, for messages
 * @param capacityJ            nameplate energy capacity (J, &gt; 0)
 * @param minStateOfCharge     floor; 1 − maximum depth of discharge (dimensionless, [0, 1))
 * @param maxStateOfCharge     ceiling (dimensionless, (floor, 1])
 * @param chargeEfficiency     stored energy / energy taken at the terminals (dimensionless, (0, 1])
 * @param dischargeEfficiency  energy delivered at the terminals / stored energy removed (dimensionless, (0, 1])
 * @param maxChargePowerW      largest power accepted at the terminals while charging (W, ≥ 0)
 * @param maxDischargePowerW   largest power delivered at the terminals while discharging (W, ≥ 0)
 * @param initialStateOfCharge state of charge at the start of a run (dimensionless, [floor, ceiling])
 */
public record BatterySpec(
        String name,
        double capacityJ,
        double minStateOfCharge,
        double maxStateOfCharge,
        double chargeEfficiency,
        double dischargeEfficiency,
        double maxChargePowerW,
        double maxDischargePowerW,
        double initialStateOfCharge) {

    /** Joules per watt-hour. */
    public static final double J_PER_WH = 3600.0;

    public BatterySpec {
        Objects.requireNonNull(name, "name");
        if (!(capacityJ > 0) || Double.isInfinite(capacityJ)) {
            throw new IllegalArgumentException("capacityJ must be a finite number > 0, was " + capacityJ);
        }
        if (!(minStateOfCharge >= 0 && minStateOfCharge < 1)) {
            throw new IllegalArgumentException("minStateOfCharge must be within [0, 1), was " + minStateOfCharge);
        }
        if (!(maxStateOfCharge > minStateOfCharge && maxStateOfCharge <= 1)) {
            throw new IllegalArgumentException("maxStateOfCharge must be above minStateOfCharge and at most 1, was "
                    + maxStateOfCharge);
        }
        if (!(chargeEfficiency > 0 && chargeEfficiency <= 1)) {
            throw new IllegalArgumentException("chargeEfficiency must be within (0, 1], was " + chargeEfficiency);
        }
        if (!(dischargeEfficiency > 0 && dischargeEfficiency <= 1)) {
            throw new IllegalArgumentException("dischargeEfficiency must be within (0, 1], was " + dischargeEfficiency);
        }
        if (!(maxChargePowerW >= 0) || Double.isInfinite(maxChargePowerW)) {
            throw new IllegalArgumentException("maxChargePowerW must be a finite number ≥ 0, was " + maxChargePowerW);
        }
        if (!(maxDischargePowerW >= 0) || Double.isInfinite(maxDischargePowerW)) {
            throw new IllegalArgumentException("maxDischargePowerW must be a finite number ≥ 0, was " + maxDischargePowerW);
        }
        if (!(initialStateOfCharge >= minStateOfCharge && initialStateOfCharge <= maxStateOfCharge)) {
            throw new IllegalArgumentException("initialStateOfCharge must be within [minStateOfCharge, maxStateOfCharge], was "
                    + initialStateOfCharge);
        }
    }

    /**
     * This battery after {@code years} of calendar fade at {@code fadePerYear} (dimensionless per year,
     * compounding): capacity shrinks, fractions and power limits stay. Assumption: calendar ageing
     * dominates (the Gateway sees ~180 deep cycles in 15 years, docs/domain/power-system.md §4).
     */
    public BatterySpec aged(double fadePerYear, double years) {
        if (!(fadePerYear >= 0 && fadePerYear < 1) || !(years >= 0)) {
            throw new IllegalArgumentException("fadePerYear must be within [0, 1) and years ≥ 0");
        }
        return new BatterySpec(name, capacityJ * Math.pow(1 - fadePerYear, years), minStateOfCharge,
                maxStateOfCharge, chargeEfficiency, dischargeEfficiency, maxChargePowerW, maxDischargePowerW,
                initialStateOfCharge);
    }

    /** Nameplate capacity (Wh). */
    public double capacityWh() {
        return capacityJ / J_PER_WH;
    }
}
