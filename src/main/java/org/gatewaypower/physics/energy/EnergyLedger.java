package org.gatewaypower.physics.energy;

/**
 * Where every joule of a run went. All terms are energies over the whole run (J, ≥ 0 except
 * {@code storedChangeJ}, which is signed: positive when the battery ends fuller than it started).
 *
 * <p>Balance: {@code availableJ + importedJ = deliveredJ + storedChangeJ + pathLossJ + chargeLossJ
 * + dischargeLossJ + curtailedJ}, and on the demand side
 * {@code demandJ = deliveredJ + shedDeferrableJ + shedEssentialJ + offInEclipseJ + unservedJ}.
 *
 * @param availableJ     what the arrays could have produced at their terminals
 * @param curtailedJ     array output not taken because the bus and the battery could not use it
 * @param pathLossJ      loss between array terminals and the bus on the energy that was taken
 * @param chargedJ       energy into the battery terminals
 * @param chargeLossJ    loss inside the battery while charging
 * @param dischargedJ    energy out of the battery terminals
 * @param dischargeLossJ loss inside the battery while discharging
 * @param storedChangeJ  change of stored energy, end minus start (signed)
 * @param demandJ        energy the loads asked for
 * @param deliveredJ     energy the loads received
 * @param shedDeferrableJ energy of deferrable loads switched off
 * @param shedEssentialJ energy of essential loads switched off
 * @param offInEclipseJ  energy of loads switched off in eclipse by the eclipse shedding policy (planned: neither
 *                       floor shedding nor unserved)
 * @param unservedJ      energy critical loads asked for and did not receive
 * @param importedJ      energy drawn from external supplies at the bus (e.g. a docked vehicle's export); only what
 *                       was drawn, not what was offered
 */
public record EnergyLedger(
        double availableJ,
        double curtailedJ,
        double pathLossJ,
        double chargedJ,
        double chargeLossJ,
        double dischargedJ,
        double dischargeLossJ,
        double storedChangeJ,
        double demandJ,
        double deliveredJ,
        double shedDeferrableJ,
        double shedEssentialJ,
        double offInEclipseJ,
        double unservedJ,
        double importedJ) {

    /** A ledger without external supplies ({@code importedJ} = 0). */
    public EnergyLedger(double availableJ, double curtailedJ, double pathLossJ, double chargedJ, double chargeLossJ,
                        double dischargedJ, double dischargeLossJ, double storedChangeJ, double demandJ,
                        double deliveredJ, double shedDeferrableJ, double shedEssentialJ, double offInEclipseJ,
                        double unservedJ) {
        this(availableJ, curtailedJ, pathLossJ, chargedJ, chargeLossJ, dischargedJ, dischargeLossJ, storedChangeJ,
                demandJ, deliveredJ, shedDeferrableJ, shedEssentialJ, offInEclipseJ, unservedJ, 0.0);
    }

    /** Energy the arrays actually produced for the bus at their terminals (J). */
    public double generatedJ() {
        return availableJ - curtailedJ;
    }

    /** All conversion losses (J). */
    public double lossesJ() {
        return pathLossJ + chargeLossJ + dischargeLossJ;
    }

    /**
     * Supply-side imbalance relative to the largest flow through the bus (dimensionless): zero when every
     * joule is accounted for, ~1e-15 in practice from floating-point rounding.
     */
    public double relativeClosureError() {
        double residual = availableJ + importedJ - (deliveredJ + storedChangeJ + lossesJ() + curtailedJ);
        double scale = Math.max(1.0, Math.max(Math.max(availableJ + importedJ, demandJ),
                Math.max(chargedJ, dischargedJ)));
        return Math.abs(residual) / scale;
    }

    /** Energy of all loads shed at the battery floor (J); loads off in eclipse by plan are not included. */
    public double shedJ() {
        return shedDeferrableJ + shedEssentialJ;
    }

    /**
     * Demand-side imbalance relative to the demand (dimensionless): demand = delivered + shed at the floor + off
     * in eclipse + unserved.
     */
    public double relativeDemandError() {
        return Math.abs(demandJ - deliveredJ - shedJ() - offInEclipseJ - unservedJ) / Math.max(1.0, demandJ);
    }
}
