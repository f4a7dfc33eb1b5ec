package org.gatewaypower.physics.energy;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.gatewaypower.physics.load.LoadPriority;

/**
 * Event-driven energy balance of a bus with solar arrays, a battery bank and prioritised loads.
 *
 * <p>Within a sunlight segment and a load step every power is constant, so stored energy is linear in
 * time and the only events are segment boundaries, load-step boundaries (mode changes) and the
 * battery reaching its floor or ceiling. The run steps exactly from event to event (no time-step
 * error); a uniform-step view is derived from the event states by
 * {@link EnergyBalanceRun#sampleEvery(double)}.
 *
 * <p>Dispatch rule: array power at the bus serves the loads first, then the load step's external supply
 * ({@link LoadSchedule.Step#supplyW()}, e.g. a docked vehicle's export) as far as the arrays fall short; the
 * supply is drawn only as far as loads and charging take it (what is not drawn stays with its source and is not
 * curtailment: the ledger counts the drawn part as {@link EnergyLedger#importedJ()}). A surplus charges the battery up to
 * its charge power limit and its ceiling; what is left is curtailed (shunted at the arrays, so it
 * carries no path loss). A deficit is drawn from the battery up to its discharge power limit and
 * down to its floor; what the battery cannot give is covered by shedding deferrable loads, then
 * essential loads; critical loads are never shed, and what they still lack is unserved. Shedding is
 * continuous (just the power needed), an idealisation of switching whole items off. Nothing is
 * dropped silently: curtailed, shed and unserved energy are in the {@link EnergyLedger}.
 *
 * <p>Eclipse: wherever the lit fraction is below 1 (penumbra and umbra, the whole pass from penumbra entry
 * to penumbra exit) the load step's shadow level applies instead of its sunlit level, and the priorities
 * the input's {@link org.gatewaypower.physics.load.EclipseShedding} policy names are switched off by plan
 * for the whole pass (all of their demand, not just what the battery lacks: a planned switch-off is a
 * relay opened at eclipse entry and closed at exit). That energy is its own ledger term, off in eclipse,
 * neither floor shedding nor unserved; the floor rule then applies on top to the loads still on.
 *
 * <p>The arrays age through the run from {@link EnergyBalanceInput#arrayAgeYears()} at its start (each
 * segment at its midpoint's age), so a multi-year run sees them degrade; the battery bank is taken as
 * given (the caller fades it to the age it wants to judge, e.g. the end of the run).
 *
 * <p>Limits: no bus voltage, no converter dynamics, no battery thermal or rate effects (see
 * {@link BatterySpec} and {@link BatteryBank}).
 */
public final class EnergyBalanceSimulator {

    /** Seconds in a Julian year, for the arrays' ageing through a run. */
    public static final double SECONDS_PER_YEAR = 365.25 * 86_400;

    /** Stored energy within this fraction of capacity of a limit counts as at the limit. */
    private static final double AT_LIMIT_TOLERANCE = 1e-12;

    private EnergyBalanceSimulator() {
    }

    /** Runs the balance over the whole timeline. */
    public static EnergyBalanceRun run(EnergyBalanceInput in) {
        BatteryBank bank = in.battery();
        double eps = AT_LIMIT_TOLERANCE * bank.capacityJ();
        List<LoadSchedule.Step> steps = in.loads().steps();

        Totals sum = new Totals();
        Shedding shedding = new Shedding();
        List<PowerState> states = new ArrayList<>();
        double stored = bank.initialJ();
        double t = 0;
        double timeAtFloor = 0;
        double timeAtCeiling = 0;
        int step = 0;
        SunlightSegment lastSegment = null;

        for (SunlightSegment seg : in.timeline().segments()) {
            double segEnd = t + seg.durationS();
            // The arrays age with the run: each segment sees them at its midpoint's age.
            double age = in.arrayAgeYears() + (t + 0.5 * seg.durationS()) / SECONDS_PER_YEAR;
            double terminalAt1Au = in.arrayTerminalPowerW(age);
            double busAt1Au = in.arrayBusPowerW(age);
            double pathEfficiency = terminalAt1Au > 0 ? busAt1Au / terminalAt1Au : 1.0;
            double terminal = terminalAt1Au * seg.relativeFlux();
            double bus = busAt1Au * seg.relativeFlux();
            while (t < segEnd) {
                while (step + 1 < steps.size() && steps.get(step + 1).startS() <= t) {
                    step++;
                }
                LoadLevel level = steps.get(step).level(seg.inShadow());
                LoadLevel kept = seg.inShadow() ? level.keptOnBy(in.eclipseShedding()) : level;
                double pieceEnd = step + 1 < steps.size() ? Math.min(segEnd, steps.get(step + 1).startS()) : segEnd;
                double supply = steps.get(step).supplyW();
                Flow f = Flow.of(bus, supply, level, kept, stored, bank, eps);
                record(states, f.state(t, seg.litFraction(), bus, level, stored, bank));
                double dt = pieceEnd - t;
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
                sum.add(f, terminal, bus, pathEfficiency, level, kept, bank, dt);
                shedding.add(f, t, dt);
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
                    t = pieceEnd;
                }
                lastSegment = seg;
            }
        }
        if (lastSegment == null) {
            throw new IllegalStateException("empty run");
        }
        double busEnd = in.arrayBusPowerW(in.arrayAgeYears() + t / SECONDS_PER_YEAR) * lastSegment.relativeFlux();
        // The closing state carries the level in force at the end, even if a step starts exactly there.
        while (step + 1 < steps.size() && steps.get(step + 1).startS() <= t) {
            step++;
        }
        LoadLevel lastLevel = steps.get(step).level(lastSegment.inShadow());
        LoadLevel lastKept = lastSegment.inShadow() ? lastLevel.keptOnBy(in.eclipseShedding()) : lastLevel;
        Flow end = Flow.of(busEnd, steps.get(step).supplyW(), lastLevel, lastKept, stored, bank, eps);
        record(states, end.state(t, lastSegment.litFraction(), busEnd, lastLevel, stored, bank));
        EnergyLedger ledger = new EnergyLedger(sum.available, sum.curtailed, sum.pathLoss, sum.charged,
                sum.chargeLoss, sum.discharged, sum.dischargeLoss, sum.storedChange, sum.demand, sum.delivered,
                sum.shedDeferrable, sum.shedEssential, sum.offInEclipse, sum.unserved, sum.imported);
        return new EnergyBalanceRun(states, ledger, bank, timeAtFloor, timeAtCeiling, shedding.intervals());
    }

    /** Keeps one state per instant: a zero-length interval is replaced by the state that follows it. */
    private static void record(List<PowerState> states, PowerState s) {
        if (!states.isEmpty() && states.get(states.size() - 1).timeS() == s.timeS()) {
            states.set(states.size() - 1, s);
        } else {
            states.add(s);
        }
    }

    /**
     * The flows that hold while the inputs and the battery's limit status stay as they are (W).
     * {@code offDeferrableW} and {@code offEssentialW} are the loads switched off by the eclipse plan; the floor
     * rule's {@code shed…W} come out of the loads still on. {@code curtailedBusW} is array power not used;
     * {@code importW} the part of the external supply drawn.
     */
    private record Flow(double chargeW, double dischargeW, double curtailedBusW, double shedDeferrableW,
                        double shedEssentialW, double offDeferrableW, double offEssentialW, double unservedW,
                        double importW, boolean deficit, boolean atFloor, boolean atCeiling) {

        /**
         * @param busW    array power at the bus (W)
         * @param supplyW external supply offered at the bus (W); drawn after the arrays
         * @param level   the demand in force (W)
         * @param kept    the part of it the eclipse plan leaves on (W): {@code level} itself outside eclipse
         */
        static Flow of(double busW, double supplyW, LoadLevel level, LoadLevel kept, double storedJ, BatteryBank bank,
                       double eps) {
            boolean atFloor = storedJ <= bank.floorJ() + eps;
            boolean atCeiling = storedJ >= bank.ceilingJ() - eps;
            double offDeferrable = level.deferrableW() - kept.deferrableW();
            double offEssential = level.essentialW() - kept.essentialW();
            double net = busW + supplyW - kept.totalW();
            if (net >= 0) {
                double charge = atCeiling ? 0.0 : Math.min(net, bank.maxChargePowerW());
                // The unused power is the supply's first (arrays are drawn first), the arrays' only beyond it.
                double unused = net - charge;
                double supplyLeft = Math.min(supplyW, unused);
                return new Flow(charge, 0.0, unused - supplyLeft, 0, 0, offDeferrable, offEssential, 0.0,
                        supplyW - supplyLeft, false, atFloor, atCeiling);
            }
            double deficit = -net;
            double discharge = atFloor ? 0.0 : Math.min(deficit, bank.maxDischargePowerW());
            double shortfall = deficit - discharge;
            double shedDeferrable = Math.min(kept.deferrableW(), shortfall);
            shortfall -= shedDeferrable;
            double shedEssential = Math.min(kept.essentialW(), shortfall);
            shortfall -= shedEssential;
            return new Flow(0.0, discharge, 0.0, shedDeferrable, shedEssential, offDeferrable, offEssential,
                    Math.max(0, shortfall), supplyW, true, atFloor, atCeiling);
        }

        /** Demand switched off by the eclipse plan (W). */
        double offInEclipseW() {
            return offDeferrableW + offEssentialW;
        }

        /** Rate of change of stored energy (W). */
        double storedRateW(BatteryBank bank) {
            return chargeW * bank.chargeEfficiency() - dischargeW / bank.dischargeEfficiency();
        }

        PowerState state(double t, double lit, double busW, LoadLevel level, double storedJ, BatteryBank bank) {
            return new PowerState(t, lit, busW, level.totalW(), chargeW - dischargeW, curtailedBusW,
                    shedDeferrableW, shedEssentialW, offInEclipseW(), unservedW, storedJ, storedJ / bank.capacityJ());
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
        double shedDeferrable;
        double shedEssential;
        double offInEclipse;
        double unserved;
        double imported;

        void add(Flow f, double terminalW, double busW, double pathEfficiency, LoadLevel level, LoadLevel kept,
                 BatteryBank bank, double dt) {
            double takenBus = busW - f.curtailedBusW;
            double takenTerminal = terminalW > 0 ? takenBus / pathEfficiency : 0.0;
            double notDelivered = f.shedDeferrableW + f.shedEssentialW + f.unservedW;
            available += terminalW * dt;
            curtailed += (terminalW - takenTerminal) * dt;
            pathLoss += (takenTerminal - takenBus) * dt;
            charged += f.chargeW * dt;
            chargeLoss += f.chargeW * (1.0 - bank.chargeEfficiency()) * dt;
            discharged += f.dischargeW * dt;
            dischargeLoss += f.dischargeW * (1.0 / bank.dischargeEfficiency() - 1.0) * dt;
            storedChange += f.storedRateW(bank) * dt;
            demand += level.totalW() * dt;
            delivered += (kept.totalW() - notDelivered) * dt;
            shedDeferrable += f.shedDeferrableW * dt;
            shedEssential += f.shedEssentialW * dt;
            offInEclipse += f.offInEclipseW() * dt;
            unserved += f.unservedW * dt;
            imported += f.importW * dt;
        }
    }

    /** Collects contiguous shedding per priority and cause (floor rule, eclipse plan) into intervals. */
    private static final class Shedding {
        private final List<ShedInterval> done = new ArrayList<>();
        private final Map<ShedInterval.Cause, Map<LoadPriority, double[]>> open = new EnumMap<>(
                ShedInterval.Cause.class);

        void add(Flow f, double t, double dt) {
            add(ShedInterval.Cause.BATTERY_FLOOR, LoadPriority.DEFERRABLE, f.shedDeferrableW, t, dt);
            add(ShedInterval.Cause.BATTERY_FLOOR, LoadPriority.ESSENTIAL, f.shedEssentialW, t, dt);
            add(ShedInterval.Cause.ECLIPSE_POLICY, LoadPriority.DEFERRABLE, f.offDeferrableW, t, dt);
            add(ShedInterval.Cause.ECLIPSE_POLICY, LoadPriority.ESSENTIAL, f.offEssentialW, t, dt);
        }

        private void add(ShedInterval.Cause cause, LoadPriority p, double powerW, double t, double dt) {
            Map<LoadPriority, double[]> byPriority = open.computeIfAbsent(cause, c -> new EnumMap<>(LoadPriority.class));
            double[] o = byPriority.get(p);
            if (powerW > 0 && dt > 0) {
                if (o == null) {
                    byPriority.put(p, new double[] {t, t + dt, powerW * dt, powerW});
                } else {
                    o[1] = t + dt;
                    o[2] += powerW * dt;
                    o[3] = Math.max(o[3], powerW);
                }
            } else if (o != null && dt > 0) {
                done.add(new ShedInterval(p, cause, o[0], o[1], o[2], o[3]));
                byPriority.remove(p);
            }
        }

        List<ShedInterval> intervals() {
            open.forEach((cause, byPriority) -> byPriority.forEach(
                    (p, o) -> done.add(new ShedInterval(p, cause, o[0], o[1], o[2], o[3]))));
            open.clear();
            done.sort((a, b) -> Double.compare(a.startS(), b.startS()));
            return List.copyOf(done);
        }
    }
}
