package org.gatewaypower.physics.energy;

import org.hipparchus.analysis.solvers.BrentSolver;

/**
 * Source-driven sizing: the largest constant load the arrays can sustain over a timeline with the
 * battery ending where it started.
 *
 * <p>For a load {@code L}, the stored-energy change over the timeline is
 * {@code f(L) = Σ dt · [ηc · max(P_bus − L, 0) − max(L − P_bus, 0) / ηd]}; {@code f} falls
 * monotonically from {@code f(0) ≥ 0}, and its root is the sustainable load. For one eclipse of
 * length {@code T_e} in an orbit with sunlit time {@code T_s} this is the textbook
 * {@code L = P_bus · T_s / (T_s + T_e / (ηc · ηd))} (SMAD ch. 11 in energy form).
 *
 * <p>Assumptions: battery power limits, floor and ceiling do not bind (they are checked by the
 * simulation, not here), and the load is constant.
 */
public final class SourceCapability {

    private SourceCapability() {
    }

    /** Largest sustainable constant load at the bus (W). */
    public static double sustainableLoadW(SunlightTimeline timeline, double busPowerAt1AuW, BatteryBank bank) {
        if (!(busPowerAt1AuW > 0)) {
            return 0.0;
        }
        double maxBus = 0;
        for (SunlightSegment s : timeline.segments()) {
            maxBus = Math.max(maxBus, busPowerAt1AuW * s.relativeFlux());
        }
        if (maxBus <= 0) {
            return 0.0;
        }
        double etaC = bank.chargeEfficiency();
        double etaD = bank.dischargeEfficiency();
        double scale = busPowerAt1AuW * timeline.durationS();
        BrentSolver solver = new BrentSolver(1e-12 * maxBus, 1e-9 * maxBus);
        return solver.solve(200, load -> {
            double f = 0;
            for (SunlightSegment s : timeline.segments()) {
                double net = busPowerAt1AuW * s.relativeFlux() - load;
                f += s.durationS() * (net >= 0 ? etaC * net : net / etaD);
            }
            return f / scale;
        }, 0.0, maxBus);
    }
}
