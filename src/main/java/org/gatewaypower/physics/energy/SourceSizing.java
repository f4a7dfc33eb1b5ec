package org.gatewaypower.physics.energy;

import java.util.function.Predicate;

/**
 * Source-driven sizing against the full simulation: the largest extra constant load (added to the
 * critical loads, so it is never shed) the system can carry with every check still passing.
 *
 * <p>Method: bisection on the extra load. It assumes the checks are monotone in load (more load never
 * makes a failing check pass), which holds for depth of discharge, unserved energy, orbit closure and
 * margin, as the property tests show for the state of charge.
 */
public final class SourceSizing {

    /** Resolution of the answer (W). */
    public static final double RESOLUTION_W = 1.0;

    private SourceSizing() {
    }

    /**
     * @param in     the run as it stands
     * @param passes whether a run passes every check
     * @param upperW an extra load certain to fail (W), e.g. the sunlit array power at the bus
     * @return the largest extra load within {@link #RESOLUTION_W} that passes (W), or 0 when even the run as it
     *         stands fails
     */
    public static double maxExtraLoadW(EnergyBalanceInput in, Predicate<EnergyBalanceRun> passes, double upperW) {
        if (!passes.test(EnergyBalanceSimulator.run(in))) {
            return 0.0;
        }
        double lo = 0;
        double hi = Math.max(upperW, RESOLUTION_W);
        if (passes.test(run(in, hi))) {
            return hi;
        }
        while (hi - lo > RESOLUTION_W) {
            double mid = 0.5 * (lo + hi);
            if (passes.test(run(in, mid))) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static EnergyBalanceRun run(EnergyBalanceInput in, double extraW) {
        return EnergyBalanceSimulator.run(in.withLoads(in.loads().map(l -> l.plusCritical(extraW))));
    }
}
