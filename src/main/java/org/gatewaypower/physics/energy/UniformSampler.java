package org.gatewaypower.physics.energy;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The exact event states of a run read on a uniform time grid, one sample at a time.
 *
 * <p>The same reading as {@link EnergyBalanceRun#stateAt(double)} (stored energy and state of charge
 * linear between events, flows those of the state at or before the instant), but working from the
 * states alone and walking them once, so that millions of samples can be streamed out without
 * holding them or searching for each one.
 */
public final class UniformSampler implements Iterator<PowerState> {

    private final List<PowerState> states;
    private final double stepS;
    private final long count;
    private long k;
    private int i;

    private UniformSampler(List<PowerState> states, double stepS) {
        this.states = states;
        this.stepS = stepS;
        this.count = sampleCount(states.get(states.size() - 1).timeS() - states.get(0).timeS(), stepS);
    }

    /**
     * Samples at {@code t0 + k · stepS} for {@code k = 0 …} {@link #sampleCount(double, double)} − 1,
     * where {@code t0} is the first state's time; the end of the run is included only when it falls on
     * the grid.
     *
     * @param states exact event states in time order (s), at least one
     * @param stepS  grid step (s, &gt; 0)
     */
    public static UniformSampler every(List<PowerState> states, double stepS) {
        if (states.isEmpty()) {
            throw new IllegalArgumentException("states must not be empty");
        }
        if (!(stepS > 0) || Double.isInfinite(stepS)) {
            throw new IllegalArgumentException("stepS must be a finite number > 0, was " + stepS);
        }
        return new UniformSampler(states, stepS);
    }

    /**
     * Number of grid points from 0 to {@code durationS} inclusive, {@code floor(durationS / stepS) + 1};
     * a relative 1e-9 allowance keeps an end that is a whole number of steps despite rounding.
     *
     * @param durationS span (s, ≥ 0)
     * @param stepS     grid step (s, &gt; 0)
     */
    public static long sampleCount(double durationS, double stepS) {
        return (long) Math.floor(durationS / stepS + 1e-9) + 1;
    }

    /** Number of samples this sampler yields in all. */
    public long count() {
        return count;
    }

    @Override
    public boolean hasNext() {
        return k < count;
    }

    @Override
    public PowerState next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        double t = states.get(0).timeS() + k * stepS;
        k++;
        // The grid only moves forward, so the index of the state at or before t only moves forward too.
        while (i + 1 < states.size() && states.get(i + 1).timeS() <= t) {
            i++;
        }
        PowerState a = states.get(i);
        double stored = a.storedJ();
        double soc = a.stateOfCharge();
        if (i + 1 < states.size()) {
            PowerState b = states.get(i + 1);
            double f = (t - a.timeS()) / (b.timeS() - a.timeS());
            if (f > 0) {
                stored += f * (b.storedJ() - a.storedJ());
                soc += f * (b.stateOfCharge() - a.stateOfCharge());
            }
        }
        return new PowerState(t, a.litFraction(), a.generationW(), a.loadW(), a.batteryPowerW(), a.curtailedW(),
                a.shedDeferrableW(), a.shedEssentialW(), a.offInEclipseW(), a.unservedW(), stored, soc);
    }
}
