package org.gatewaypower.physics.energy;

import java.util.ArrayList;
import java.util.List;

/**
 * Event-driven energy balance of a bus with solar arrays, a battery bank and a load.
 *
 * <p>Within a sunlight segment every power is constant, so stored energy is linear in time and the
 * only events are the segment boundaries and the battery reaching its floor or ceiling. The run
 * steps exactly from event to event (no time-step error); a uniform-step view is derived from the
 * event states by {@link EnergyBalanceRun#sampleEvery(double)}.
 *
 * <p>Dispatch rule: array power at the bus serves the load first. A surplus charges the battery up to
 * its charge power limit and its ceiling; what is left is curtailed (shunted at the arrays, so it
 * carries no path loss). A deficit is drawn from the battery up to its discharge power limit and
 * down to its floor; what is left is unserved load. Nothing is dropped silently: curtailed and
 * unserved energy are in the {@link EnergyLedger}.
 *
 * <p>Limits: one load level per run; no bus voltage, no converter dynamics, no battery thermal or
 * rate effects (see {@link BatterySpec} and {@link BatteryBank}).
 */
public final class EnergyBalanceSimulator {

    /** Stored energy within this fraction of capacity of a limit counts as at the limit. */
    private static final double AT_LIMIT_TOLERANCE = 1e-12;

    private EnergyBalanceSimulator() {
    }

    /** Runs the balance over the whole timeline. */
    public static EnergyBalanceRun run(EnergyBalanceInput in) {
        BatteryBank bank = in.battery();
        double terminalAt1Au = in.arrayTerminalPowerW();
        double busAt1Au = in.arrayBusPowerW();
        double pathEfficiency = terminalAt1Au > 0 ? busAt1Au / terminalAt1Au : 1.0;
        double load = in.loadPowerW();
        double eps = AT_LIMIT_TOLERANCE * bank.capacityJ();

        Totals sum = new Totals();
        List<PowerState> states = new ArrayList<>();
        double stored = bank.initialJ();
        double t = 0;
        double timeAtFloor = 0;
        double timeAtCeiling = 0;
        Flow last = null;
        SunlightSegment lastSegment = null;

        for (SunlightSegment seg : in.timeline().segments()) {
            double segEnd = t + seg.durationS();
            double terminal = terminalAt1Au * seg.relativeFlux();
            double bus = busAt1Au * seg.relativeFlux();
            while (t < segEnd) {
                Flow f = Flow.of(bus, load, stored, bank, eps);
                record(states, new PowerState(t, seg.litFraction(), bus, load, f.batteryPowerW(), f.curtailedBusW,
                        f.unservedW, stored, stored / bank.capacityJ()));
                double dt = segEnd - t;
                boolean hitsLimit = false;
                double rate = f.storedRateW(bank);
                if (rate > 0) {
                    double toCeiling = (bank.ceilingJ() - stored) / rate;
                    if (toCeiling < dt) {
                        dt = toCeiling;
                        hitsLimit = true;
                    }
                } else if (rate < 0) {
                    double toFloor = (stored - bank.floorJ()) / -rate;
                    if (toFloor < dt) {
                        dt = toFloor;
                        hitsLimit = true;
                    }
                }
                sum.add(f, terminal, bus, pathEfficiency, load, bank, dt);
                if (f.atFloor && f.deficit) {
                    timeAtFloor += dt;
                }
                if (f.atCeiling && !f.deficit) {
                    timeAtCeiling += dt;
                }
                if (hitsLimit) {
                    // Snap exactly onto the limit so the next interval starts at it, not a rounding error away.
                    stored = rate > 0 ? bank.ceilingJ() : bank.floorJ();
                    t += dt;
                } else {
                    stored += rate * dt;
                    t = segEnd;
                }
                last = f;
                lastSegment = seg;
            }
        }
        double terminalEnd = terminalAt1Au * lastSegment.relativeFlux();
        double busEnd = busAt1Au * lastSegment.relativeFlux();
        Flow end = Flow.of(busEnd, load, stored, bank, eps);
        record(states, new PowerState(t, lastSegment.litFraction(), busEnd, load, end.batteryPowerW(),
                end.curtailedBusW, end.unservedW, stored, stored / bank.capacityJ()));
        if (last == null || terminalEnd < 0) {
            throw new IllegalStateException("empty run");
        }
        EnergyLedger ledger = new EnergyLedger(sum.available, sum.curtailed, sum.pathLoss, sum.charged,
                sum.chargeLoss, sum.discharged, sum.dischargeLoss, sum.storedChange, sum.demand,
                sum.delivered, sum.unserved);
        return new EnergyBalanceRun(states, ledger, bank, timeAtFloor, timeAtCeiling);
    }

    /** Keeps one state per instant: a zero-length interval is replaced by the state that follows it. */
    private static void record(List<PowerState> states, PowerState s) {
        if (!states.isEmpty() && states.get(states.size() - 1).timeS() == s.timeS()) {
            states.set(states.size() - 1, s);
        } else {
            states.add(s);
        }
    }

    /** The flows that hold while the inputs and the battery's limit status stay as they are (W). */
    private record Flow(double chargeW, double dischargeW, double curtailedBusW, double unservedW,
                        boolean deficit, boolean atFloor, boolean atCeiling) {

        static Flow of(double busW, double loadW, double storedJ, BatteryBank bank, double eps) {
            boolean atFloor = storedJ <= bank.floorJ() + eps;
            boolean atCeiling = storedJ >= bank.ceilingJ() - eps;
            double net = busW - loadW;
            if (net >= 0) {
                double charge = atCeiling ? 0.0 : Math.min(net, bank.maxChargePowerW());
                return new Flow(charge, 0.0, net - charge, 0.0, false, atFloor, atCeiling);
            }
            double deficit = -net;
            double discharge = atFloor ? 0.0 : Math.min(deficit, bank.maxDischargePowerW());
            return new Flow(0.0, discharge, 0.0, deficit - discharge, true, atFloor, atCeiling);
        }

        /** Rate of change of stored energy (W). */
        double storedRateW(BatteryBank bank) {
            return chargeW * bank.chargeEfficiency() - dischargeW / bank.dischargeEfficiency();
        }

        /** Battery terminal power, positive when charging (W). */
        double batteryPowerW() {
            return chargeW - dischargeW;
        }
    }

    /** Running energy totals of the ledger (J). */
    private static final class Totals {
        double available;
        double curtailed;
        double pathLoss;
        double charged;
        double chargeLoss;
        double discharged;
        double dischargeLoss;
        /*
         * Integrated from the flows rather than taken as (final − initial) stored energy: the difference of two
         * large stored energies loses the small flows of a short run to rounding, while the integral keeps the
         * ledger exact to the precision of the flows themselves.
         */
        double storedChange;
        double demand;
        double delivered;
        double unserved;

        void add(Flow f, double terminalW, double busW, double pathEfficiency, double loadW, BatteryBank bank,
                 double dt) {
            double takenBus = busW - f.curtailedBusW;
            double takenTerminal = terminalW > 0 ? takenBus / pathEfficiency : 0.0;
            available += terminalW * dt;
            curtailed += (terminalW - takenTerminal) * dt;
            pathLoss += (takenTerminal - takenBus) * dt;
            charged += f.chargeW * dt;
            chargeLoss += f.chargeW * (1.0 - bank.chargeEfficiency()) * dt;
            discharged += f.dischargeW * dt;
            dischargeLoss += f.dischargeW * (1.0 / bank.dischargeEfficiency() - 1.0) * dt;
            storedChange += f.storedRateW(bank) * dt;
            demand += loadW * dt;
            delivered += (loadW - f.unservedW) * dt;
            unserved += f.unservedW * dt;
        }
    }
}
