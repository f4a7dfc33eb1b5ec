package org.gatewaypower.physics.energy;

import java.util.List;

/**
 * All batteries on the bus, treated as one store.
 *
 * <p>Assumption: the batteries sit in parallel on a common regulated bus and share power in
 * proportion to their capacity, so they move together in state of charge. The bank's capacity, floor,
 * ceiling, initial energy and power limits are sums; its efficiencies are capacity-weighted means.
 * A battery with a much smaller power limit per unit of capacity than the others would in reality
 * limit earlier; that refinement is not modelled.
 *
 * @param capacityJ           total nameplate capacity (J, &gt; 0)
 * @param floorJ              total stored energy at the state-of-charge floors (J)
 * @param ceilingJ            total stored energy at the state-of-charge ceilings (J)
 * @param initialJ            total stored energy at the start of a run (J)
 * @param chargeEfficiency    capacity-weighted charge efficiency (dimensionless)
 * @param dischargeEfficiency capacity-weighted discharge efficiency (dimensionless)
 * @param maxChargePowerW     summed charge power limit at the terminals (W)
 * @param maxDischargePowerW  summed discharge power limit at the terminals (W)
 */
public record BatteryBank(
        double capacityJ,
        double floorJ,
        double ceilingJ,
        double initialJ,
        double chargeEfficiency,
        double dischargeEfficiency,
        double maxChargePowerW,
        double maxDischargePowerW) {

    public BatteryBank {
        if (!(capacityJ > 0)) {
            throw new IllegalArgumentException("a battery bank needs a capacity > 0 J");
        }
        if (!(floorJ >= 0 && floorJ < ceilingJ && ceilingJ <= capacityJ * (1 + 1e-12))) {
            throw new IllegalArgumentException("battery bank needs 0 ≤ floor < ceiling ≤ capacity");
        }
        if (!(initialJ >= floorJ * (1 - 1e-12) && initialJ <= ceilingJ * (1 + 1e-12))) {
            throw new IllegalArgumentException("battery bank initial energy must lie between floor and ceiling");
        }
    }

    /** The bank formed by the given batteries (at least one). */
    public static BatteryBank of(List<BatterySpec> batteries) {
        if (batteries == null || batteries.isEmpty()) {
            throw new IllegalArgumentException("a battery bank needs at least one battery");
        }
        double cap = 0;
        double floor = 0;
        double ceiling = 0;
        double initial = 0;
        double etaC = 0;
        double etaD = 0;
        double pC = 0;
        double pD = 0;
        for (BatterySpec b : batteries) {
            cap += b.capacityJ();
            floor += b.capacityJ() * b.minStateOfCharge();
            ceiling += b.capacityJ() * b.maxStateOfCharge();
            initial += b.capacityJ() * b.initialStateOfCharge();
            etaC += b.capacityJ() * b.chargeEfficiency();
            etaD += b.capacityJ() * b.dischargeEfficiency();
            pC += b.maxChargePowerW();
            pD += b.maxDischargePowerW();
        }
        return new BatteryBank(cap, floor, Math.min(ceiling, cap), Math.min(Math.max(initial, floor), ceiling),
                etaC / cap, etaD / cap, pC, pD);
    }

    /**
     * The bank with a share of its strings failed: capacity, stored energies and power limits all shrink
     * by {@code failedShare} (dimensionless, [0, 1)); fractions and efficiencies stay.
     */
    public BatteryBank withFailedShare(double failedShare) {
        if (!(failedShare >= 0 && failedShare < 1)) {
            throw new IllegalArgumentException("failedShare must be within [0, 1), was " + failedShare);
        }
        double k = 1 - failedShare;
        return new BatteryBank(capacityJ * k, floorJ * k, ceilingJ * k, initialJ * k, chargeEfficiency,
                dischargeEfficiency, maxChargePowerW * k, maxDischargePowerW * k);
    }

    /** State-of-charge floor of the bank (dimensionless). */
    public double minStateOfCharge() {
        return floorJ / capacityJ;
    }

    /** State-of-charge ceiling of the bank (dimensionless). */
    public double maxStateOfCharge() {
        return ceilingJ / capacityJ;
    }

    /** Initial state of charge of the bank (dimensionless). */
    public double initialStateOfCharge() {
        return initialJ / capacityJ;
    }

    /** Round-trip efficiency, charge × discharge (dimensionless). */
    public double roundTripEfficiency() {
        return chargeEfficiency * dischargeEfficiency;
    }
}
