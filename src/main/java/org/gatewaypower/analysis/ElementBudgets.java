package org.gatewaypower.analysis;

import java.util.List;
import java.util.Optional;

/**
 * Each element's power budget against its allocation, per operating mode, and the workspace's allocations against
 * the sustainable power. Powers are orbit averages as planned (W): time-weighted over sunlight and eclipse with
 * the items' duty cycles in eclipse, without the loads the eclipse shedding policy switches off there (as
 * {@link BalanceReport.ElementLoad}).
 *
 * @param modeId       the analysed mode
 * @param lines        one line per element and mode, elements in workspace order, modes in display order
 * @param allocatedW   the sum of the allocations set in the analysed mode (W)
 * @param sustainableW the sustainable orbit-average power of the analysed mode at the design array age (W), which
 *                     the allocations share out
 */
public record ElementBudgets(long modeId, List<Line> lines, double allocatedW, double sustainableW) {

    /** The name of the check that judges the allocations, as the report, the UI and the API show it. */
    public static final String CHECK = "Element allocations";

    /** No elements, no allocations: what a report built without them carries. */
    public static final ElementBudgets NONE = new ElementBudgets(0, List.of(), 0, 0);

    /** Relative slack below which an MEV load equal to its allocation (up to rounding) still passes. */
    static final double ROUNDING = 1e-9;

    public ElementBudgets {
        lines = List.copyOf(lines);
    }

    /**
     * One element in one mode.
     *
     * @param elementId     the element
     * @param elementName   its name
     * @param ownerTeamCode the team that owns it
     * @param modeId        the mode
     * @param modeName      its name
     * @param cbeW          orbit-average load, current best estimate (W)
     * @param mevW          the same with each item's contingency (W)
     * @param allocationW   the power the element may draw in the mode (W); null when none is set
     */
    public record Line(long elementId, String elementName, String ownerTeamCode, long modeId, String modeName,
                       double cbeW, double mevW, Double allocationW) {

        /** Allocation − MEV (W): positive when within it; null without an allocation. */
        public Double marginW() {
            return allocationW == null ? null : allocationW - mevW;
        }

        /** Whether an allocation is set, so that the line is judged. */
        public boolean judged() {
            return allocationW != null;
        }

        /** Whether the MEV load stays within the allocation (rounding aside); true when none is set. */
        public boolean passed() {
            return allocationW == null || mevW <= allocationW + ROUNDING * Math.max(1, Math.abs(allocationW));
        }
    }

    /** The lines of one mode, in element order. */
    public List<Line> inMode(long mode) {
        return lines.stream().filter(l -> l.modeId() == mode).toList();
    }

    /** The lines of the analysed mode. */
    public List<Line> analysed() {
        return inMode(modeId);
    }

    /** One element's line in one mode. */
    public Optional<Line> line(long elementId, long mode) {
        return lines.stream().filter(l -> l.elementId() == elementId && l.modeId() == mode).findFirst();
    }

    /** Whether the allocations of the analysed mode share out more than the sustainable power. */
    public boolean overAllocated() {
        return allocatedW > sustainableW;
    }

    /** The sustainable power left after the analysed mode's allocations (W); negative when over-allocated. */
    public double unallocatedW() {
        return sustainableW - allocatedW;
    }

    /** The same budgets against another sustainable power (W). */
    ElementBudgets withSustainableW(double watts) {
        return new ElementBudgets(modeId, lines, allocatedW, watts);
    }
}
