package org.gatewaypower.physics.energy;

/**
 * Where every joule of a run went. All terms are energies over the whole run (J, ≥ 0 except
 * {@code storedChangeJ}, which is signed: positive when the battery ends fuller than it started).
 *
 * <p>Balance: {@code availableJ = deliveredJ + storedChangeJ + pathLossJ + chargeLossJ
 * + dischargeLossJ + curtailedJ}, and on the demand side {@code demandJ = deliveredJ + unservedJ}.
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
 * @param unservedJ      energy the loads asked for and did not receive
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
        double unservedJ) {

    /** Energy the arrays actually produced for the bus at their terminals (J). */
    public double generatedJ() {
        return availableJ - curtailedJ;
    }

    /** All conversion losses (J). */
    public double lossesJ() {
        return pathLossJ + chargeLossJ + dischargeLossJ;
    }

    /**
     * Supply-side imbalance relative to the largest flow (dimensionless): zero when every joule is
     * accounted for.
     */
    public double relativeClosureError() {
        double residual = availableJ - (deliveredJ + storedChangeJ + lossesJ() + curtailedJ);
        double scale = Math.max(1.0, Math.max(availableJ, Math.max(deliveredJ, Math.abs(storedChangeJ))));
        return Math.abs(residual) / scale;
    }

    /** Demand-side imbalance relative to the demand (dimensionless). */
    public double relativeDemandError() {
        return Math.abs(demandJ - deliveredJ - unservedJ) / Math.max(1.0, demandJ);
    }
}
