package org.gatewaypower.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.gatewaypower.physics.load.EclipseShedding;
import org.gatewaypower.workspace.ReadModels;

/**
 * Builds {@link ElementBudgets} from a workspace and judges the check "Element allocations". An element's load
 * in a mode is its items' planned load there ({@link LoadPlan#planned}): CBE and MEV orbit averages over the
 * run's share of eclipse. Kept apart from {@link BalanceCalculator}, which only places the result in the report.
 */
final class ElementBudgetsCalculator {

    private ElementBudgetsCalculator() {
    }

    /**
     * Every element's budget in every mode, and the analysed mode's allocations summed; the sustainable power
     * is set once the run has computed it ({@link ElementBudgets#withSustainableW}).
     *
     * @param eclipseFraction share of the run in eclipse (dimensionless)
     */
    static ElementBudgets budgets(ReadModels.WorkspaceSnapshot ws, long modeId, double eclipseFraction,
                                  EclipseShedding shedding) {
        List<ElementBudgets.Line> lines = new ArrayList<>();
        double allocated = 0;
        for (ReadModels.Element e : ws.elements()) {
            for (ReadModels.Mode m : ws.modes()) {
                LoadPlan.Planned p = LoadPlan.planned(ws, m.id(), eclipseFraction, shedding,
                        l -> l.elementId() == e.id());
                Double allocation = ws.allocation(e.id(), m.id()).map(ReadModels.Allocation::allocationW)
                        .orElse(null);
                lines.add(new ElementBudgets.Line(e.id(), e.name(), e.ownerTeamCode(), m.id(), m.name(),
                        p.orbit().cbeAverageW(), p.orbit().mevAverageW(), allocation));
                if (allocation != null && m.id() == modeId) {
                    allocated += allocation;
                }
            }
        }
        return new ElementBudgets(modeId, lines, allocated, 0);
    }

    /**
     * The check "Element allocations" in case {@code caseName}: every element's MEV load within its allocation in
     * every mode the run holds; failing, it names each element over its allocation and by how much. Empty when
     * no allocation is set in those modes, so a workspace without allocations is judged as before.
     */
    static Optional<BalanceReport.Check> check(ElementBudgets budgets, List<Long> modesOfRun, String caseName) {
        List<ElementBudgets.Line> judged = budgets.lines().stream()
                .filter(l -> l.judged() && modesOfRun.contains(l.modeId())).toList();
        if (judged.isEmpty()) {
            return Optional.empty();
        }
        boolean severalModes = modesOfRun.size() > 1;
        List<String> over = judged.stream().filter(l -> !l.passed()).map(l -> String.format(Locale.ROOT,
                "%s%s: MEV %.2f kW > allocation %.2f kW", l.elementName(), severalModes ? " in " + l.modeName() : "",
                l.mevW() / 1000, l.allocationW() / 1000)).toList();
        String figures = over.isEmpty()
                ? String.format(Locale.ROOT, "%d element allocations met; smallest margin %.2f kW", judged.size(),
                        judged.stream().mapToDouble(ElementBudgets.Line::marginW).min().orElse(0) / 1000)
                : String.join("; ", over);
        return Optional.of(new BalanceReport.Check(ElementBudgets.CHECK, "Each element's orbit-average MEV load ≤ its power "
                + "allocation, in every mode the run holds that has one", over.isEmpty(), figures, caseName));
    }
}
