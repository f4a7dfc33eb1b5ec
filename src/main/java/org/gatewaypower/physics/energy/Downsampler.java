package org.gatewaypower.physics.energy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reduces the exact event states of a run to a few thousand points for charts, keeping the extremes.
 *
 * <p>A multi-year run has hundreds of thousands of event states; a browser chart stays fluid with a
 * few thousand. Plain decimation would drop the deepest discharge, which is the figure an engineer
 * looks for first, so the states are grouped by time into buckets and each bucket keeps its first
 * state and its states of minimum and maximum state of charge and of minimum and maximum battery
 * power (W). The output is a subset of the input, in time order, so every kept value is exact; the
 * first and last states and the global minimum-state-of-charge state (the first of them if several
 * tie, as in {@link EnergyBalanceRun#minimumState()}) are always kept.
 */
public final class Downsampler {

    /** States kept per bucket at most: first, min and max state of charge, min and max battery power. */
    static final int PER_BUCKET = 5;
    /** Smallest limit accepted: one bucket plus the last state. */
    public static final int MIN_POINTS = PER_BUCKET + 1;

    private Downsampler() {
    }

    /**
     * At most {@code maxPoints} of {@code states}, keeping the extremes.
     *
     * @param states    exact event states in time order (s from the start of the run); stored energy is
     *                  linear between them and flows constant from one to the next
     * @param maxPoints most states to return (≥ {@value #MIN_POINTS})
     * @return {@code states} itself (as an unmodifiable copy) when it has at most {@code maxPoints}
     *         states, otherwise a subset in time order with at most {@code maxPoints} states
     */
    public static List<PowerState> downsample(List<PowerState> states, int maxPoints) {
        if (maxPoints < MIN_POINTS) {
            throw new IllegalArgumentException("maxPoints must be ≥ " + MIN_POINTS + ", was " + maxPoints);
        }
        int n = states.size();
        if (n <= maxPoints) {
            return List.copyOf(states);
        }
        // One place is reserved for the last state, which no bucket's "first state" rule covers.
        int buckets = (maxPoints - 1) / PER_BUCKET;
        double t0 = states.get(0).timeS();
        double span = states.get(n - 1).timeS() - t0;

        int[] keep = new int[buckets * PER_BUCKET + 1];
        int kept = 0;
        int i = 0;
        for (int b = 0; b < buckets && i < n; b++) {
            int first = i;
            int minSoc = i;
            int maxSoc = i;
            int minBattery = i;
            int maxBattery = i;
            // The last bucket also takes every remaining state, so rounding never leaves one out.
            while (i < n && (b == buckets - 1 || bucketOf(states.get(i).timeS(), t0, span, buckets) == b)) {
                PowerState s = states.get(i);
                // Strict comparisons keep the first of equal extremes, so the global minimum chosen
                // here is the same state EnergyBalanceRun.minimumState() reports.
                if (s.stateOfCharge() < states.get(minSoc).stateOfCharge()) {
                    minSoc = i;
                }
                if (s.stateOfCharge() > states.get(maxSoc).stateOfCharge()) {
                    maxSoc = i;
                }
                if (s.batteryPowerW() < states.get(minBattery).batteryPowerW()) {
                    minBattery = i;
                }
                if (s.batteryPowerW() > states.get(maxBattery).batteryPowerW()) {
                    maxBattery = i;
                }
                i++;
            }
            if (i == first) {
                continue; // an empty bucket: a long stretch without events
            }
            int[] chosen = {first, minSoc, maxSoc, minBattery, maxBattery};
            Arrays.sort(chosen);
            for (int k = 0; k < chosen.length; k++) {
                if (k == 0 || chosen[k] != chosen[k - 1]) {
                    keep[kept++] = chosen[k];
                }
            }
        }
        if (keep[kept - 1] != n - 1) {
            keep[kept++] = n - 1;
        }
        List<PowerState> out = new ArrayList<>(kept);
        for (int k = 0; k < kept; k++) {
            out.add(states.get(keep[k]));
        }
        return List.copyOf(out);
    }

    private static int bucketOf(double tS, double t0, double span, int buckets) {
        if (!(span > 0)) {
            return 0;
        }
        int b = (int) ((tS - t0) / span * buckets);
        return Math.min(Math.max(b, 0), buckets - 1);
    }
}
