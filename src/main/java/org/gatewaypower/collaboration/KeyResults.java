package org.gatewaypower.collaboration;

import java.util.LinkedHashMap;
import java.util.Map;

import org.gatewaypower.analysis.BalanceReport;

/**
 * The figures of the standard analysis that an impact notice watches.
 *
 * @param minStateOfCharge    lowest state of charge with MEV loads (dimensionless), NaN without a battery
 * @param maxDepthOfDischarge 1 − lowest state of charge (dimensionless), NaN without a battery
 * @param powerMargin         (sustainable − MEV average) / sustainable (dimensionless; may be −∞)
 * @param checks              each check's name and whether it passes, in report order; checks of the other
 *                            life cases are named "case: check"
 * @param caseName            the analysed case in words ("Orion docked EOL")
 * @param allocations         every element with an allocation, per mode, keyed "elementId:modeId"
 */
public record KeyResults(double minStateOfCharge, double maxDepthOfDischarge, double powerMargin,
                         Map<String, Boolean> checks, String caseName, Map<String, Allocated> allocations) {

    public KeyResults {
        checks = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(checks));
        allocations = Map.copyOf(allocations);
    }

    /** Key results without element allocations. */
    public KeyResults(double minStateOfCharge, double maxDepthOfDischarge, double powerMargin,
                      Map<String, Boolean> checks, String caseName) {
        this(minStateOfCharge, maxDepthOfDischarge, powerMargin, checks, caseName, Map.of());
    }

    /**
     * One element's MEV load against its allocation in one mode (W).
     *
     * @param element     the element's name
     * @param mode        the mode's name
     * @param teamCode    the team that owns the element
     * @param mevW        orbit-average MEV load (W)
     * @param allocationW its allocation (W)
     * @param passed      whether the load is within the allocation
     */
    public record Allocated(String element, String mode, String teamCode, double mevW, double allocationW,
                            boolean passed) {
    }

    /** The key results of an end-of-life (design array age) report. */
    public static KeyResults of(BalanceReport report) {
        Map<String, Boolean> checks = new LinkedHashMap<>();
        report.checks().forEach(c -> checks.put(c.name(), c.passed()));
        // The other life cases count for the verdict too: a check flipping there ("EOL, 25 % of strings
        // failed: Loads served") is worth a notice as well.
        java.util.Set<String> own = new java.util.HashSet<>();
        report.checks().forEach(c -> own.add(c.caseName()));
        report.lifeCases().stream().filter(l -> !own.contains(l.name()))
                .forEach(l -> l.checks().forEach(c -> checks.put(l.name() + ": " + c.name(), c.passed())));
        BalanceReport.BatteryResult b = report.battery();
        Map<String, Allocated> allocations = new LinkedHashMap<>();
        report.elementBudgets().lines().stream().filter(org.gatewaypower.analysis.ElementBudgets.Line::judged)
                .forEach(l -> allocations.put(l.elementId() + ":" + l.modeId(), new Allocated(l.elementName(),
                        l.modeName(), l.ownerTeamCode(), l.mevW(), l.allocationW(), l.passed())));
        return new KeyResults(b == null ? Double.NaN : b.minStateOfCharge(),
                b == null ? Double.NaN : b.maxDepthOfDischarge(), report.powerMargin(), checks,
                report.modeName() + " EOL", allocations);
    }
}
