package org.gatewaypower.api;

import java.util.List;

import org.gatewaypower.analysis.BalanceReport;
import org.gatewaypower.physics.energy.EnergyLedger;

/**
 * The design-case energy balance as JSON: every number carries its unit in its name. Battery figures
 * are null when the workspace has no battery.
 */
public record BalanceResponse(
        long workspaceId,
        String mode,
        String illumination,
        double spanHours,
        int eclipseCount,
        double longestEclipseMinutes,
        double arrayAgeYears,
        double cbeAverageLoadW,
        double mevAverageLoadW,
        double cbePeakLoadW,
        double mevPeakLoadW,
        double arrayRatedPowerW,
        double sunlitGenerationW,
        double orbitAverageGenerationW,
        double sustainableLoadW,
        Double powerMarginPercent,
        Double minStateOfChargePercent,
        Double minStateOfChargeCbePercent,
        Double maxDepthOfDischargePercent,
        Double maxDepthOfDischargeLimitPercent,
        Double batteryCapacityWh,
        Double eclipseEnergyDrawnWh,
        Double rechargeTimeHours,
        Double unservedEnergyWh,
        Ledger ledger,
        boolean allChecksPass,
        List<BalanceReport.Check> checks) {

    private static final double WH = 3600.0;

    /** Where the energy of the orbit went (Wh). */
    public record Ledger(double availableWh, double deliveredWh, double storedChangeWh, double pathLossWh,
                         double batteryLossWh, double curtailedWh, double unservedWh, double demandWh,
                         double relativeClosureError) {

        static Ledger of(EnergyLedger l) {
            return new Ledger(l.availableJ() / WH, l.deliveredJ() / WH, l.storedChangeJ() / WH, l.pathLossJ() / WH,
                    (l.chargeLossJ() + l.dischargeLossJ()) / WH, l.curtailedJ() / WH, l.unservedJ() / WH,
                    l.demandJ() / WH, l.relativeClosureError());
        }
    }

    static BalanceResponse of(BalanceReport r) {
        BalanceReport.BatteryResult b = r.battery();
        return new BalanceResponse(r.workspaceId(), r.modeName(), r.illumination(), r.spanS() / 3600, r.eclipseCount(),
                r.longestEclipseS() / 60,
                r.arrayAgeYears(), r.cbeAverageLoadW(), r.mevAverageLoadW(), r.cbePeakLoadW(), r.mevPeakLoadW(),
                r.arrayRatedPowerW(), r.sunlitGenerationW(), r.orbitAverageGenerationW(), r.sustainableLoadW(),
                Double.isFinite(r.powerMargin()) ? 100 * r.powerMargin() : null,
                b == null ? null : 100 * b.minStateOfCharge(),
                b == null ? null : 100 * b.minStateOfChargeCbe(),
                b == null ? null : 100 * b.maxDepthOfDischarge(),
                b == null ? null : 100 * b.maxDepthOfDischargeLimit(),
                b == null ? null : b.capacityJ() / WH,
                b == null ? null : b.eclipseEnergyDrawnJ() / WH,
                b == null || b.rechargeTimeS() == null ? null : b.rechargeTimeS() / 3600,
                b == null ? null : b.ledger().unservedJ() / WH,
                b == null ? null : Ledger.of(b.ledger()),
                r.allChecksPass(), r.checks());
    }
}
