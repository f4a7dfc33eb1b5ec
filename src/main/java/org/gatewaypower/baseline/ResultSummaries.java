package org.gatewaypower.baseline;

import java.util.ArrayList;
import java.util.List;

import org.gatewaypower.analysis.BalanceReport;
import org.gatewaypower.physics.energy.Downsampler;

/** Turns a balance report into the figures, checks and curve a baseline keeps. */
final class ResultSummaries {

    /** Points kept of the state-of-charge curve: enough for a chart, small enough to store per baseline. */
    static final int CURVE_POINTS = 400;

    /** Keys of the energy figures that still move when the battery sits at its floor. */
    static final String UNSERVED = "unservedEnergyJ";
    static final String SHED = "shedEnergyJ";
    static final String OFF_IN_ECLIPSE = "offInEclipseEnergyJ";

    private ResultSummaries() {
    }

    static Baselines.Results of(BalanceReport r) {
        List<Baselines.Figure> f = new ArrayList<>();
        BalanceReport.BatteryResult b = r.battery();
        f.add(fig("minStateOfCharge", "Minimum state of charge (MEV)", Baselines.FRACTION,
                b == null ? null : b.minStateOfCharge()));
        f.add(fig("minStateOfChargeCbe", "Minimum state of charge (CBE)", Baselines.FRACTION,
                b == null ? null : b.minStateOfChargeCbe()));
        f.add(fig("maxDepthOfDischarge", "Maximum depth of discharge", Baselines.FRACTION,
                b == null ? null : b.maxDepthOfDischarge()));
        f.add(fig("finalStateOfCharge", "Final state of charge", Baselines.FRACTION,
                b == null ? null : b.finalStateOfCharge()));
        f.add(fig("eclipseEnergyDrawnJ", "Energy drawn in the deepest eclipse", Baselines.J,
                b == null ? null : b.eclipseEnergyDrawnJ()));
        f.add(fig("rechargeTimeS", "Recharge time after the deepest eclipse", Baselines.S,
                b == null ? null : b.rechargeTimeS()));
        f.add(fig("orbitsNotClosing", "Orbits not regaining their eclipse energy", Baselines.COUNT,
                b == null ? null : (double) b.orbitsNotClosing()));
        // What the floor costs: once the battery sits at its floor the state of charge stops moving, these do not.
        f.add(fig(UNSERVED, "Critical energy unserved", Baselines.J,
                b == null ? null : b.ledger().unservedJ()));
        f.add(fig(SHED, "Energy shed at the battery floor", Baselines.J, b == null ? null : b.ledger().shedJ()));
        f.add(fig(OFF_IN_ECLIPSE, "Energy switched off in eclipse (planned)", Baselines.J,
                b == null ? null : r.offInEclipseJ()));
        f.add(fig("powerMargin", "Power margin", Baselines.FRACTION, r.powerMargin()));
        f.add(fig("requiredMargin", "Required power margin", Baselines.FRACTION, r.requiredMargin()));
        f.add(fig("cbeAverageLoadW", "Average load (CBE)", Baselines.W, r.cbeAverageLoadW()));
        f.add(fig("mevAverageLoadW", "Average load (MEV)", Baselines.W, r.mevAverageLoadW()));
        f.add(fig("cbePeakLoadW", "Peak load (CBE)", Baselines.W, r.cbePeakLoadW()));
        f.add(fig("mevPeakLoadW", "Peak load (MEV)", Baselines.W, r.mevPeakLoadW()));
        f.add(fig("arrayRatedPowerW", "Array rating", Baselines.W, r.arrayRatedPowerW()));
        f.add(fig("sunlitGenerationW", "Generation in sunlight", Baselines.W, r.sunlitGenerationW()));
        f.add(fig("orbitAverageGenerationW", "Orbit-average generation", Baselines.W, r.orbitAverageGenerationW()));
        f.add(fig("sustainableLoadW", "Sustainable load", Baselines.W, r.sustainableLoadW()));
        f.add(fig("allocationW", "Power allocation", Baselines.W, r.allocationW()));
        f.add(fig("transferDemandW", "Power transfer demand", Baselines.W, r.transferDemandW()));
        f.add(fig("transferLimitW", "Power transfer limit", Baselines.W, r.transferLimitW()));
        f.add(fig("eclipseCount", "Eclipses in the run", Baselines.COUNT, (double) r.eclipseCount()));
        f.add(fig("longestEclipseS", "Longest eclipse", Baselines.S, r.longestEclipseS()));
        elementMargins(r, f);
        List<Baselines.CheckResult> checks = new java.util.ArrayList<>(r.checks().stream()
                .map(c -> new Baselines.CheckResult(c.name(), c.rule(), c.passed(), c.figures())).toList());
        // The other life cases are part of the verdict: their checks are named "case: check".
        java.util.Set<String> own = new java.util.HashSet<>();
        r.checks().forEach(c -> own.add(c.caseName()));
        r.lifeCases().stream().filter(l -> !own.contains(l.name())).forEach(l -> l.checks().forEach(c -> checks.add(
                new Baselines.CheckResult(l.name() + ": " + c.name(), c.rule(), c.passed(), c.figures()))));
        List<Baselines.SocPoint> curve = r.timeline().isEmpty() ? List.of()
                : Downsampler.downsample(r.timeline(), CURVE_POINTS).stream()
                        .map(s -> new Baselines.SocPoint(s.timeS(), s.stateOfCharge())).toList();
        return new Baselines.Results(r.modeName(), r.illumination(), r.allChecksPass(), f, checks, curve);
    }

    /**
     * The analysed mode's allocations summed and each allocated element's margin (allocation − MEV), so that a
     * comparison lists per-element margin changes; nothing when no element has an allocation there, so that
     * the figures of a workspace without allocations stay as they were.
     */
    private static void elementMargins(BalanceReport r, List<Baselines.Figure> f) {
        List<org.gatewaypower.analysis.ElementBudgets.Line> judged = r.elementBudgets().analysed().stream()
                .filter(org.gatewaypower.analysis.ElementBudgets.Line::judged).toList();
        if (judged.isEmpty()) {
            return;
        }
        f.add(fig("allocatedW", "Element allocations, summed", Baselines.W, r.elementBudgets().allocatedW()));
        judged.forEach(l -> f.add(fig("elementMarginW." + l.elementName(), "Allocation margin · " + l.elementName(),
                Baselines.W, l.marginW())));
    }

    /** A figure; not-finite values (a margin of −∞ when the arrays give nothing) have none. */
    private static Baselines.Figure fig(String key, String label, String unit, Double value) {
        return new Baselines.Figure(key, label, unit, value == null || !Double.isFinite(value) ? null : value);
    }
}
