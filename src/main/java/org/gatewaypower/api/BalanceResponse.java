package org.gatewaypower.api;

import java.util.List;

import org.gatewaypower.units.Units;
import org.gatewaypower.analysis.BalanceReport;
import org.gatewaypower.physics.energy.EnergyLedger;

/**
 * The design-case energy balance as JSON: every number carries its unit in its name. Battery figures
 * are null when the workspace has no battery.
 *
 * <p>{@code verdict} ("PASS" or "FAIL") and {@code allChecksPass} are the overall verdict: every check of
 * every life case shown (BOL, EOL, EOL with failed strings) must pass. {@code failingCases} names the
 * cases that fail and {@code failingChecks} lists their failing checks, each naming its {@code caseName};
 * {@code checks} are the checks of this run's own case, and every life case carries its own.
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
        double allocationW,
        String marginPolicy,
        Double minStateOfChargePercent,
        Double minStateOfChargeCbePercent,
        Double maxDepthOfDischargePercent,
        Double maxDepthOfDischargeLimitPercent,
        Double batteryCapacityWh,
        Double eclipseEnergyDrawnWh,
        Double rechargeTimeHours,
        Double unservedEnergyWh,
        Double shedEnergyWh,
        Double offInEclipseEnergyWh,
        Integer orbitsNotClosing,
        Ledger ledger,
        boolean allChecksPass,
        String verdict,
        List<String> failingCases,
        List<BalanceReport.Check> failingChecks,
        List<BalanceReport.Check> checks,
        List<LifeCase> lifeCases,
        List<ModeSizing> sizing,
        List<Shed> shedding,
        Mission mission,
        List<Visit> visits) {

    /**
     * A visiting vehicle's docking on a calendar run: its MEV draw (orbit average and coincident peak, W), its export
     * (W) and the run's minimum state of charge with and without it (%), the effect in percentage points; the SOC
     * figures are null for a docking outside the run's span ({@code inRun} false).
     */
    public record Visit(long dockingId, long vehicleElementId, String vehicle, java.time.Instant from,
                        java.time.Instant to, boolean inRun, double mevAverageW, double mevPeakW, double exportW,
                        Double minStateOfChargeWithPercent, Double minStateOfChargeWithoutPercent,
                        Double minStateOfChargeEffectPoints) {

        static Visit of(org.gatewaypower.analysis.Visit v) {
            return new Visit(v.dockingId(), v.vehicleElementId(), v.vehicleName(), v.from(), v.to(), v.inRun(),
                    v.mevAverageW(), v.mevPeakW(), v.exportW(), v.minSocWith() == null ? null : 100 * v.minSocWith(),
                    v.minSocWithout() == null ? null : 100 * v.minSocWithout(), v.minSocEffectPoints());
        }
    }

    /** One eclipse pass of the mission span, in UTC; duration penumbra entry to exit. */
    public record Pass(String body, java.time.Instant start, java.time.Instant end, double durationMinutes) {

        static Pass of(BalanceReport.Pass p) {
            return p == null ? null : new Pass(p.body(), p.start(), p.end(), p.durationS() / 60);
        }
    }

    /** A pass of the eclipse coverage that breaks a rule, and which. */
    public record FailingPass(Pass pass, Double minStateOfChargePercent, double shedEnergyWh, double unservedEnergyWh,
                              List<String> broken) {
    }

    /**
     * The mission span (beginning of life to mission end), where the design eclipse came from, warnings, the
     * longest passes beyond the design eclipse (at most 20, longest first) and the eclipse coverage's failures.
     */
    public record Mission(java.time.Instant from, java.time.Instant to, String designEclipseSource,
                          double designEclipseMinutes, Pass designPass, List<String> notes, List<Pass> longerPasses,
                          int passesJudged, List<FailingPass> failingPasses) {

        static Mission of(BalanceReport.Mission m) {
            return m == null ? null : new Mission(m.from(), m.to(), m.source(), m.designEclipseS() / 60,
                    Pass.of(m.designPass()), m.notes(), m.longerPasses().stream().map(Pass::of).toList(),
                    m.passesJudged(), m.failingPasses().stream().map(f -> new FailingPass(Pass.of(f.pass()),
                            finitePercent(f.minStateOfCharge()), f.shedJ() / WH, f.unservedJ() / WH, f.broken()))
                            .toList());
        }
    }

    /** Beginning or end of life, side by side, each with its own checks. */
    public record LifeCase(String name, double arrayAgeYears, double sunlitGenerationW, double sustainableLoadW,
                           Double powerMarginPercent, Double minStateOfChargePercent, double shedEnergyWh,
                           double unservedEnergyWh, boolean allChecksPass, List<BalanceReport.Check> checks) {
    }

    /** The largest extra constant load a mode could carry with every check passing. */
    public record ModeSizing(long modeId, String mode, double mevAverageLoadW, double maxExtraLoadW) {
    }

    /**
     * Loads of one priority switched off: {@code cause} BATTERY_FLOOR (to protect the battery) or ECLIPSE_POLICY
     * (by plan while in eclipse).
     */
    public record Shed(String priority, String cause, double startHours, double endHours, double energyWh,
                       double maxPowerW) {
    }

    private static final double WH = Units.J_PER_WH;

    /** Where the energy of the run went (Wh). */
    public record Ledger(double availableWh, double deliveredWh, double storedChangeWh, double pathLossWh,
                         double batteryLossWh, double curtailedWh, double shedWh, double offInEclipseWh,
                         double unservedWh, double demandWh, double relativeClosureError, double importedWh) {

        static Ledger of(EnergyLedger l) {
            return new Ledger(l.availableJ() / WH, l.deliveredJ() / WH, l.storedChangeJ() / WH, l.pathLossJ() / WH,
                    (l.chargeLossJ() + l.dischargeLossJ()) / WH, l.curtailedJ() / WH, l.shedJ() / WH,
                    l.offInEclipseJ() / WH, l.unservedJ() / WH, l.demandJ() / WH, l.relativeClosureError(),
                    l.importedJ() / WH);
        }
    }

    static BalanceResponse of(BalanceReport r) {
        BalanceReport.BatteryResult b = r.battery();
        return new BalanceResponse(r.workspaceId(), r.modeName(), r.illumination(), r.spanS() / 3600, r.eclipseCount(),
                r.longestEclipseS() / 60,
                r.arrayAgeYears(), r.cbeAverageLoadW(), r.mevAverageLoadW(), r.cbePeakLoadW(), r.mevPeakLoadW(),
                r.arrayRatedPowerW(), r.sunlitGenerationW(), r.orbitAverageGenerationW(), r.sustainableLoadW(),
                finitePercent(r.powerMargin()), r.allocationW(), r.marginPolicy(),
                b == null ? null : 100 * b.minStateOfCharge(),
                b == null ? null : 100 * b.minStateOfChargeCbe(),
                b == null ? null : 100 * b.maxDepthOfDischarge(),
                b == null ? null : 100 * b.maxDepthOfDischargeLimit(),
                b == null ? null : b.capacityJ() / WH,
                b == null ? null : b.eclipseEnergyDrawnJ() / WH,
                b == null || b.rechargeTimeS() == null ? null : b.rechargeTimeS() / 3600,
                b == null ? null : b.ledger().unservedJ() / WH,
                b == null ? null : b.ledger().shedJ() / WH,
                b == null ? null : r.offInEclipseJ() / WH,
                b == null ? null : b.orbitsNotClosing(),
                b == null ? null : Ledger.of(b.ledger()),
                r.allChecksPass(), r.verdict(), r.failingCases(), r.failingChecks(), r.checks(),
                r.lifeCases().stream().map(l -> new LifeCase(l.name(), l.arrayAgeYears(), l.sunlitGenerationW(),
                        l.sustainableLoadW(), finitePercent(l.powerMargin()), finitePercent(l.minStateOfCharge()),
                        l.shedJ() / WH, l.unservedJ() / WH, l.allChecksPass(), l.checks())).toList(),
                r.sizing().stream().map(m -> new ModeSizing(m.modeId(), m.modeName(), m.mevAverageW(),
                        m.maxExtraLoadW())).toList(),
                b == null ? List.of() : b.shedding().stream().map(x -> new Shed(x.priority().name(),
                        x.cause().name(), x.startS() / 3600, x.endS() / 3600, x.energyJ() / WH, x.maxPowerW()))
                        .toList(),
                Mission.of(r.mission()), r.visits().stream().map(Visit::of).toList());
    }

    private static Double finitePercent(double fraction) {
        return Double.isFinite(fraction) ? 100 * fraction : null;
    }
}
