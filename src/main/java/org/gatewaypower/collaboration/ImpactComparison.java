package org.gatewaypower.collaboration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Decides whether a change of the key results is worth telling everyone: a figure moved by more than
 * its threshold, or a check flipped.
 *
 * @param stateOfChargeThreshold smallest move of minimum state of charge or maximum depth of discharge
 *                               that is not reported (dimensionless fraction, 0.02 = 2 percentage points)
 * @param marginThreshold        same for the power margin (dimensionless fraction)
 */
public record ImpactComparison(double stateOfChargeThreshold, double marginThreshold) {

    /**
     * What moved between {@code before} and {@code after}; {@code elementsOver} are the elements the change put
     * over their allocation in a mode (within it before, or without one).
     */
    public record Impact(List<ImpactNoticed.FigureChange> figures, List<ImpactNoticed.CheckFlip> flips,
                         List<KeyResults.Allocated> elementsOver) {

        /** True when nothing is worth a notice. */
        public boolean isEmpty() {
            return figures.isEmpty() && flips.isEmpty() && elementsOver.isEmpty();
        }
    }

    public Impact compare(KeyResults before, KeyResults after) {
        List<ImpactNoticed.FigureChange> figures = new ArrayList<>();
        moved("minimum state of charge", before.minStateOfCharge(), after.minStateOfCharge(),
                stateOfChargeThreshold, figures);
        moved("maximum depth of discharge", before.maxDepthOfDischarge(), after.maxDepthOfDischarge(),
                stateOfChargeThreshold, figures);
        moved("power margin", before.powerMargin(), after.powerMargin(), marginThreshold, figures);
        List<ImpactNoticed.CheckFlip> flips = new ArrayList<>();
        for (Map.Entry<String, Boolean> check : after.checks().entrySet()) {
            Boolean was = before.checks().get(check.getKey());
            if (was != null && !was.equals(check.getValue())) {
                flips.add(new ImpactNoticed.CheckFlip(check.getKey(), check.getValue()));
            }
        }
        List<KeyResults.Allocated> over = after.allocations().entrySet().stream()
                .filter(a -> !a.getValue().passed())
                .filter(a -> before.allocations().get(a.getKey()) == null || before.allocations().get(a.getKey()).passed())
                .map(Map.Entry::getValue).toList();
        return new Impact(List.copyOf(figures), List.copyOf(flips), over);
    }

    /** A move beyond the threshold, or a figure that appeared, vanished or became infinite. */
    private static void moved(String name, double before, double after, double threshold,
                              List<ImpactNoticed.FigureChange> out) {
        boolean bothFinite = Double.isFinite(before) && Double.isFinite(after);
        boolean moved = bothFinite ? Math.abs(after - before) > threshold
                : !(Double.isNaN(before) && Double.isNaN(after)) && Double.compare(before, after) != 0;
        if (moved) {
            out.add(new ImpactNoticed.FigureChange(name, before, after));
        }
    }
}
