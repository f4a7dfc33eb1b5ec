package org.gatewaypower.physics.energy;

import org.gatewaypower.physics.load.EclipseShedding;
import org.hipparchus.analysis.solvers.BrentSolver;

/**
 * Source-driven sizing: the largest load the arrays can sustain over a timeline with the battery ending
 * where it started.
 *
 * <p>For a load {@code L}, the stored-energy change over the timeline is
 * {@code f(L) = Σ dt · [ηc · max(P_bus − L, 0) − max(L − P_bus, 0) / ηd]}; {@code f} falls
 * monotonically from {@code f(0) ≥ 0}, and its root is the sustainable load. For one eclipse of
 * length {@code T_e} in an orbit with sunlit time {@code T_s} this is the textbook
 * {@code L = P_bus · T_s / (T_s + T_e / (ηc · ηd))} (SMAD ch. 11 in energy form).
 *
 * <p>A load that differs between sunlight and shadow (heaters, loads off in eclipse by plan) is sized by
 * {@link #sustainableProfile}: the profile keeps its shape and is scaled by a factor {@code k}, and the
 * largest {@code k} for which {@code f(k · profile) ≥ 0} gives the sustainable orbit-average power
 * {@code k · A}, where {@code A} is the profile's time-weighted average. A heavier eclipse load drains the
 * battery at {@code 1/ηd} per watt while a sunlit one costs a watt of array power, so moving load into
 * eclipse lowers {@code k · A}; for a constant profile it is exactly {@link #sustainableLoadW}.
 *
 * <p>Assumptions: battery power limits, floor and ceiling do not bind (they are checked by the
 * simulation, not here); the timeline is taken to repeat, so the battery must end where it started.
 */
public final class SourceCapability {

    private SourceCapability() {
    }

    /**
     * What the arrays sustain for a load profile of a given shape.
     *
     * @param sustainableAverageW the sustainable orbit-average power, {@code k · averageLoadW} (W); for a profile
     *                            without load, the largest constant load ({@link #sustainableLoadW})
     * @param averageLoadW        the profile's time-weighted average over the timeline (W, ≥ 0)
     */
    public record ProfileCapability(double sustainableAverageW, double averageLoadW) {

        /**
         * The largest factor the whole profile can be multiplied by with the energy still closing
         * (dimensionless); +∞ for a profile without load.
         */
        public double factor() {
            return averageLoadW > 0 ? sustainableAverageW / averageLoadW : Double.POSITIVE_INFINITY;
        }
    }

    /** Largest sustainable constant load at the bus (W). */
    public static double sustainableLoadW(SunlightTimeline timeline, double busPowerAt1AuW, BatteryBank bank) {
        if (!(busPowerAt1AuW > 0)) {
            return 0.0;
        }
        double maxBus = maxBusW(timeline, busPowerAt1AuW);
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

    /**
     * The sustainable orbit-average power for a load profile: the largest {@code k} such that {@code k} times
     * the profile (its sunlit levels in sunlight, its shadow levels in eclipse, without the loads the eclipse
     * shedding policy switches off there) still closes the energy balance, times the profile's time-weighted
     * average.
     *
     * <p>The loads off in eclipse by plan draw nothing, so they are not part of the profile: the capability is
     * that of the load the station plans to serve.
     *
     * @param timeline       illumination over the run
     * @param busPowerAt1AuW array power at the bus in full sunlight at 1 AU (W)
     * @param bank           the battery bank (its efficiencies)
     * @param loads          the demand over the run, sunlit and in eclipse (W)
     * @param shedding       which priorities are off in eclipse
     */
    public static ProfileCapability sustainableProfile(SunlightTimeline timeline, double busPowerAt1AuW,
                                                       BatteryBank bank, LoadSchedule loads,
                                                       EclipseShedding shedding) {
        Profile p = Profile.of(timeline, loads, shedding);
        if (!(p.averageW > 0)) {
            return new ProfileCapability(sustainableLoadW(timeline, busPowerAt1AuW, bank), 0.0);
        }
        if (!(busPowerAt1AuW > 0)) {
            return new ProfileCapability(0.0, p.averageW);
        }
        double maxBus = maxBusW(timeline, busPowerAt1AuW);
        if (maxBus <= 0) {
            return new ProfileCapability(0.0, p.averageW);
        }
        double scale = busPowerAt1AuW * timeline.durationS();
        // Solved for the average power x = k · A itself, with each piece's load x · (L_i / A): for a constant
        // profile L_i / A is exactly 1, so the function, the bracket and the root are those of sustainableLoadW.
        double hi = maxBus / p.minPositiveShape();
        for (int i = 0; i < 200 && p.storedChange(hi, busPowerAt1AuW, bank) > 0; i++) {
            // Pieces without load keep charging at any factor, so the first bound may still close; the loaded
            // pieces' drain grows without limit, so doubling finds one that does not.
            hi *= 2;
        }
        BrentSolver solver = new BrentSolver(1e-12 * maxBus, 1e-9 * maxBus);
        double x = solver.solve(200, avg -> p.storedChange(avg, busPowerAt1AuW, bank) / scale, 0.0, hi);
        return new ProfileCapability(x, p.averageW);
    }

    /**
     * True when the profile as given (sunlit and shadow levels, loads off in eclipse by plan left out) closes
     * the energy balance over the timeline: the battery, limits aside, ends no emptier than it started. One
     * evaluation of the energy function, for searches that only need to know on which side of the capability
     * a load lies.
     */
    public static boolean sustains(SunlightTimeline timeline, double busPowerAt1AuW, BatteryBank bank,
                                   LoadSchedule loads, EclipseShedding shedding) {
        Profile p = Profile.of(timeline, loads, shedding);
        return !(p.averageW > 0) || p.storedChange(p.averageW, Math.max(0.0, busPowerAt1AuW), bank) >= 0;
    }

    private static double maxBusW(SunlightTimeline timeline, double busPowerAt1AuW) {
        double maxBus = 0;
        for (SunlightSegment s : timeline.segments()) {
            maxBus = Math.max(maxBus, busPowerAt1AuW * s.relativeFlux());
        }
        return maxBus;
    }

    /**
     * A load profile cut at every segment and load-step boundary: piece {@code i} lasts {@code dt[i]} (s) at
     * relative flux {@code flux[i]} (dimensionless) with load {@code shape[i] · averageW} (W).
     */
    private record Profile(double[] dt, double[] flux, double[] shape, double averageW) {

        static Profile of(SunlightTimeline timeline, LoadSchedule loads, EclipseShedding shedding) {
            java.util.List<double[]> pieces = new java.util.ArrayList<>();
            java.util.List<LoadSchedule.Step> steps = loads.steps();
            double t = 0;
            int step = 0;
            for (SunlightSegment seg : timeline.segments()) {
                double segStart = t;
                double segEnd = t + seg.durationS();
                while (t < segEnd) {
                    while (step + 1 < steps.size() && steps.get(step + 1).startS() <= t) {
                        step++;
                    }
                    double end = step + 1 < steps.size() ? Math.min(segEnd, steps.get(step + 1).startS()) : segEnd;
                    LoadLevel level = steps.get(step).level(seg.inShadow());
                    double load = (seg.inShadow() ? level.keptOnBy(shedding) : level).totalW();
                    // A piece that is the whole segment takes its duration as given, not as a difference of times.
                    double length = t == segStart && end == segEnd ? seg.durationS() : end - t;
                    pieces.add(new double[] {length, seg.relativeFlux(), load});
                    t = end;
                }
            }
            int n = pieces.size();
            double[] dt = new double[n];
            double[] flux = new double[n];
            double[] shape = new double[n];
            double first = pieces.get(0)[2];
            double duration = timeline.durationS();
            // Accumulated as the first load plus time-weighted departures from it, so that a constant profile's
            // average is exactly its load (a plain Σ dt·L / T can be an ulp off).
            double departures = 0;
            for (double[] piece : pieces) {
                departures += piece[0] / duration * (piece[2] - first);
            }
            double average = first + departures;
            for (int i = 0; i < n; i++) {
                double[] piece = pieces.get(i);
                dt[i] = piece[0];
                flux[i] = piece[1];
                shape[i] = average > 0 ? piece[2] / average : 0.0;
            }
            return new Profile(dt, flux, shape, average);
        }

        /** The smallest positive shape factor (dimensionless); 1 when no piece has load. */
        double minPositiveShape() {
            double min = Double.POSITIVE_INFINITY;
            for (double s : shape) {
                if (s > 0) {
                    min = Math.min(min, s);
                }
            }
            return Double.isFinite(min) ? min : 1.0;
        }

        /** Stored-energy change over the timeline with the profile scaled to average {@code averageW} (J). */
        double storedChange(double averageW, double busPowerAt1AuW, BatteryBank bank) {
            double etaC = bank.chargeEfficiency();
            double etaD = bank.dischargeEfficiency();
            double f = 0;
            for (int i = 0; i < dt.length; i++) {
                double net = busPowerAt1AuW * flux[i] - averageW * shape[i];
                f += dt[i] * (net >= 0 ? etaC * net : net / etaD);
            }
            return f;
        }
    }
}
