package org.gatewaypower.physics.energy;

/**
 * The state of the power system at one instant, with the flows that hold from that instant until the
 * next recorded one (flows are right-continuous; stored energy is continuous and piecewise linear).
 *
 * @param timeS           time from the start of the run (s)
 * @param litFraction     lit fraction of the arrays (dimensionless)
 * @param generationW     array power available at the bus (W)
 * @param loadW           load demand, as a magnitude (W): everything the loads in force ask for, including
 *                        loads switched off in eclipse by plan
 * @param batteryPowerW   battery terminal power (W): positive charging, negative discharging
 * @param curtailedW      available bus power not used (W)
 * @param shedDeferrableW demand of deferrable loads switched off to protect the battery (W)
 * @param shedEssentialW  demand of essential loads switched off (W); non-zero only once all deferrable are off
 * @param offInEclipseW   demand switched off by the eclipse shedding policy while in eclipse (W); planned, so
 *                        neither floor shedding nor unserved
 * @param unservedW       demand of critical loads not met (W)
 * @param storedJ         stored energy (J)
 * @param stateOfCharge   stored energy / capacity (dimensionless)
 */
public record PowerState(
        double timeS,
        double litFraction,
        double generationW,
        double loadW,
        double batteryPowerW,
        double curtailedW,
        double shedDeferrableW,
        double shedEssentialW,
        double offInEclipseW,
        double unservedW,
        double storedJ,
        double stateOfCharge) {

    /** All load switched off at the battery floor (W); loads off in eclipse by plan are not included. */
    public double shedW() {
        return shedDeferrableW + shedEssentialW;
    }
}
