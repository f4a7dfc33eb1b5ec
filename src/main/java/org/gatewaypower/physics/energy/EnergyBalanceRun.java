package org.gatewaypower.physics.energy;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The result of one energy-balance run: the exact event states, the energy ledger and figures
 * derived from them.
 *
 * @param states         power-system states at every event, in time order; stored energy is linear
 *                       between consecutive states and flows are constant from a state to the next
 * @param ledger         where the energy went
 * @param bank           the battery bank that was simulated
 * @param timeAtFloorS   time the battery spent at its floor with load unserved or unmet by it (s)
 * @param timeAtCeilingS time the battery spent full with array power to spare (s)
 * @param shedding       when, which and how much load was shed, in time order
 */
public record EnergyBalanceRun(
        List<PowerState> states,
        EnergyLedger ledger,
        BatteryBank bank,
        double timeAtFloorS,
        double timeAtCeilingS,
        List<ShedInterval> shedding) {

    public EnergyBalanceRun {
        states = List.copyOf(states);
        shedding = List.copyOf(shedding);
        if (states.isEmpty()) {
            throw new IllegalArgumentException("a run has at least one state");
        }
    }

    /** The state with the least stored energy (the first one if several tie). */
    public PowerState minimumState() {
        PowerState min = states.get(0);
        for (PowerState s : states) {
            if (s.storedJ() < min.storedJ()) {
                min = s;
            }
        }
        return min;
    }

    /** Lowest state of charge over the run (dimensionless). */
    public double minStateOfCharge() {
        return minimumState().stateOfCharge();
    }

    /** Largest depth of discharge over the run, {@code 1 − min SOC} (dimensionless). */
    public double maxDepthOfDischarge() {
        return 1.0 - minStateOfCharge();
    }

    /** State of charge at the start (dimensionless). */
    public double initialStateOfCharge() {
        return states.get(0).stateOfCharge();
    }

    /** State of charge at the end (dimensionless). */
    public double finalStateOfCharge() {
        return states.get(states.size() - 1).stateOfCharge();
    }

    /** Span of the run (s). */
    public double durationS() {
        return states.get(states.size() - 1).timeS();
    }

    /** True when the battery touched its state-of-charge floor. */
    public boolean reachedFloor() {
        return minimumState().storedJ() <= bank.floorJ() + 1e-9 * bank.capacityJ();
    }

    /** Stored energy at time {@code tS} (J), interpolated exactly between events. */
    public double storedAtJ(double tS) {
        int i = indexAtOrBefore(tS);
        PowerState a = states.get(i);
        if (i == states.size() - 1) {
            return a.storedJ();
        }
        PowerState b = states.get(i + 1);
        double span = b.timeS() - a.timeS();
        double f = span > 0 ? (tS - a.timeS()) / span : 0.0;
        return a.storedJ() + f * (b.storedJ() - a.storedJ());
    }

    /**
     * The run on a uniform time grid of step {@code stepS} (s, &gt; 0), from 0 to the end inclusive;
     * each sample carries the flows in force at its instant and the exact stored energy.
     */
    public List<PowerState> sampleEvery(double stepS) {
        UniformSampler grid = UniformSampler.every(states, stepS);
        List<PowerState> out = new ArrayList<>((int) Math.min(Integer.MAX_VALUE - 1, grid.count() + 1));
        grid.forEachRemaining(out::add);
        if (out.get(out.size() - 1).timeS() < durationS() - 1e-9) {
            out.add(stateAt(durationS()));
        }
        return out;
    }

    /** The state at time {@code tS} (s), with exact stored energy and the flows in force then. */
    public PowerState stateAt(double tS) {
        PowerState a = states.get(indexAtOrBefore(tS));
        double stored = storedAtJ(tS);
        return new PowerState(tS, a.litFraction(), a.generationW(), a.loadW(), a.batteryPowerW(), a.curtailedW(),
                a.shedDeferrableW(), a.shedEssentialW(), a.offInEclipseW(), a.unservedW(), stored, stored / bank.capacityJ());
    }

    /**
     * Time after the end of a shadow interval until the battery again holds the energy it held when
     * the interval began, or is full (s); empty when that does not happen within the run.
     */
    public OptionalDouble rechargeTimeS(SunlightTimeline.Interval shadow) {
        double target = Math.min(storedAtJ(shadow.startS()), bank.ceilingJ()) - 1e-9 * bank.capacityJ();
        double exit = shadow.endS();
        if (storedAtJ(exit) >= target) {
            return OptionalDouble.of(0.0);
        }
        for (int i = indexAtOrBefore(exit); i < states.size() - 1; i++) {
            PowerState a = states.get(i);
            PowerState b = states.get(i + 1);
            if (b.storedJ() >= target && b.storedJ() > a.storedJ()) {
                double ta = Math.max(a.timeS(), exit);
                double ea = storedAtJ(ta);
                double tHit = ta + (target - ea) * (b.timeS() - ta) / (b.storedJ() - ea);
                return OptionalDouble.of(tHit - exit);
            }
        }
        return OptionalDouble.empty();
    }

    /**
     * Orbits, in windows of {@code periodS} from the start of the run, that end with less stored energy
     * than they started with while not full at the end: the battery energy removed in such an orbit was
     * not restored in it (the SPACE code's orbit-closure rule). A last partial window is not judged.
     *
     * @param periodS orbit period (s, &gt; 0)
     * @return the start times of the orbits that do not close (s from the start of the run)
     */
    public List<Double> orbitsNotClosing(double periodS) {
        if (!(periodS > 0)) {
            throw new IllegalArgumentException("periodS must be > 0, was " + periodS);
        }
        double tol = 1e-9 * bank.capacityJ();
        List<Double> out = new ArrayList<>();
        for (double start = 0; start + periodS <= durationS() + 1e-6; start += periodS) {
            double end = Math.min(start + periodS, durationS());
            double e0 = storedAtJ(start);
            double e1 = storedAtJ(end);
            if (e1 < e0 - tol && e1 < bank.ceilingJ() - tol) {
                out.add(start);
            }
        }
        return out;
    }

    private int indexAtOrBefore(double tS) {
        int lo = 0;
        int hi = states.size() - 1;
        if (tS <= states.get(0).timeS()) {
            return 0;
        }
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (states.get(mid).timeS() <= tS) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }
}
