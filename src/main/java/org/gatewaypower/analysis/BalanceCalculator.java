package org.gatewaypower.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

import org.gatewaypower.physics.energy.BatteryBank;
import org.gatewaypower.physics.energy.BatterySpec;
import org.gatewaypower.physics.energy.EnergyBalanceInput;
import org.gatewaypower.physics.energy.EnergyBalanceRun;
import org.gatewaypower.physics.energy.EnergyBalanceSimulator;
import org.gatewaypower.physics.energy.LoadLevel;
import org.gatewaypower.physics.energy.LoadSchedule;
import org.gatewaypower.physics.energy.SolarArraySpec;
import org.gatewaypower.physics.energy.SourceCapability;
import org.gatewaypower.physics.energy.SourceSizing;
import org.gatewaypower.physics.energy.SunlightTimeline;
import org.gatewaypower.physics.energy.TimelineWindows;
import org.gatewaypower.physics.load.EclipseShedding;
import org.gatewaypower.physics.load.MarginPolicy;
import org.gatewaypower.physics.load.ModeLoad;
import org.gatewaypower.workspace.ReadModels;

/**
 * Turns a workspace snapshot into physics inputs, runs them and judges the results. The only place
 * where workspace records meet the physics core.
 *
 * <p>The main run is at the design case's array age (end of life, EOL) with MEV loads; a CBE run, a
 * beginning-of-life (BOL) run and a sizing search per operating mode sit beside it.
 *
 * <p>Loads in eclipse: each item runs at its duty cycle in eclipse wherever the lit fraction is below 1, and the
 * design case's eclipse shedding policy switches the priorities it names off there. The load figures, the margin
 * and the sizing are those of the load as planned: orbit averages weighted by the time in sunlight and in eclipse,
 * without the loads off in eclipse by policy, and the capability is the sustainable orbit-average power of that
 * profile ({@link SourceCapability#sustainableProfile}), so a heavier eclipse load lowers it.
 */
final class BalanceCalculator {

    private static final double WH = BatterySpec.J_PER_WH;

    private BalanceCalculator() {
    }

    /**
     * From {@code startS} (s from the start of the run) the operations timeline puts the station in
     * operating mode {@code modeId}.
     */
    record ModeStep(double startS, long modeId) {
    }

    /**
     * The workspace's inputs in physics terms, for one illumination.
     *
     * @param shedding         which priorities are off in eclipse by plan
     * @param eclipseFraction  share of the run in eclipse, lit fraction &lt; 1 (dimensionless)
     */
    private record Setup(ReadModels.WorkspaceSnapshot ws, SunlightTimeline orbit, List<SolarArraySpec> arrays,
                         BatteryBank bank, double orbitPeriodS, MarginPolicy policy, EclipseShedding shedding,
                         double eclipseFraction) {

        /** The same inputs with another battery bank (aged, or with failed strings). */
        Setup withBank(BatteryBank other) {
            return new Setup(ws, orbit, arrays, other, orbitPeriodS, policy, shedding, eclipseFraction);
        }

        EnergyBalanceInput input(double arrayAgeYears, LoadSchedule loads) {
            return new EnergyBalanceInput(orbit, arrays, arrayAgeYears, bank, loads, shedding);
        }

        double sunlitBusW(double arrayAgeYears) {
            return LoadPlan.sunlitBusW(arrays, arrayAgeYears);
        }

        /** Array power at the bus in full sunlight at the end of the run, the least capable point (W). */
        double endBusW(double arrayAgeYears) {
            return sunlitBusW(arrayAgeYears + orbit.durationS() / EnergyBalanceSimulator.SECONDS_PER_YEAR);
        }

        /** A mode's demand on the margin policy's basis (CBE or MEV), sunlit and in eclipse (W). */
        LoadSchedule basisProfile(long modeId) {
            return LoadPlan.basisProfile(ws, policy, modeId);
        }

        /**
         * Sustainable orbit-average power for the mode's planned profile on the policy's basis, with the arrays as
         * they are at the end of the run, the least capable point (W); for a load the same in sunlight and eclipse
         * it is the textbook constant-load capability. A run longer than one orbit (the ephemeris span) is judged
         * on its worst orbit, not on its average: each orbit period from an eclipse entry that fits in the run is
         * sized on its own and the least capable one counts (the smallest factor k by which the profile could
         * grow), so that a season of long eclipses is not averaged away by the sunlit months around it.
         *
         * <p>Expressed at the loads, like the load figures it is compared with: the capability at the 120 V bus
         * less the share of it that 28 V loads lose in their converters ({@link LoadPlan#atLoadsShare}), so that a
         * margin never counts converter losses as headroom.
         */
        double sustainableW(long modeId, double arrayAgeYears) {
            return sustainableAtBusW(modeId, arrayAgeYears)
                    * LoadPlan.atLoadsShare(ws, policy, modeId, eclipseFraction, shedding);
        }

        /** As {@link #sustainableW}, at the 120 V bus: converter losses included in the load it sustains (W). */
        private double sustainableAtBusW(long modeId, double arrayAgeYears) {
            double busW = endBusW(arrayAgeYears);
            LoadSchedule profile = basisProfile(modeId);
            SourceCapability.ProfileCapability whole = SourceCapability.sustainableProfile(orbit, busW, bank, profile,
                    shedding);
            if (orbit.durationS() <= orbitPeriodS) {
                return whole.sustainableAverageW();
            }
            TimelineWindows windows = new TimelineWindows(orbit);
            SourceCapability.ProfileCapability worst = null;
            for (SunlightTimeline.Interval shadow : orbit.shadowIntervals()) {
                double end = shadow.startS() + orbitPeriodS;
                if (end > orbit.durationS()) {
                    break;
                }
                SourceCapability.ProfileCapability w = SourceCapability.sustainableProfile(
                        windows.window(shadow.startS(), end), busW, bank, profile, shedding);
                // Least factor first; a profile without load has factor +∞ everywhere, and then the least power.
                if (worst == null || w.factor() < worst.factor() || (w.factor() == worst.factor()
                        && w.sustainableAverageW() < worst.sustainableAverageW())) {
                    worst = w;
                }
            }
            if (worst == null) {
                return whole.sustainableAverageW();
            }
            // The worst orbit's k times the whole run's average load, against which the margin is measured; for a
            // load the same in sunlight and eclipse both averages are that load, and this is the orbit's own figure.
            return worst.averageLoadW() > 0
                    ? worst.sustainableAverageW() * (whole.averageLoadW() / worst.averageLoadW())
                    : worst.sustainableAverageW();
        }
    }

    /**
     * @param ws           the workspace
     * @param orbit        the illumination to run on: the design orbit or an ephemeris span
     * @param illumination a short description of that illumination, for the report
     * @param orbitPeriodS the orbit period, for the rule that each orbit regains its eclipse energy (s)
     */
    static BalanceReport calculate(ReadModels.WorkspaceSnapshot ws, SunlightTimeline orbit, String illumination,
                                   double orbitPeriodS) {
        return calculate(ws, orbit, illumination, orbitPeriodS, List.of());
    }

    /**
     * As {@link #calculate(ReadModels.WorkspaceSnapshot, SunlightTimeline, String, double)}, with the operating
     * mode following the operations timeline: the design case's mode holds wherever {@code modeSteps}
     * (in time order) set none. Load figures, margin and sizing stay those of the design case's mode.
     */
    static BalanceReport calculate(ReadModels.WorkspaceSnapshot ws, SunlightTimeline orbit, String illumination,
                                   double orbitPeriodS, List<ModeStep> modeSteps) {
        return calculate(ws, orbit, illumination, orbitPeriodS, modeSteps, VisitPlan.none());
    }

    /**
     * As {@link #calculate(ReadModels.WorkspaceSnapshot, SunlightTimeline, String, double, List)}, with the visiting
     * vehicles' dockings of a calendar run: their loads only while docked, their export as a supply then.
     */
    static BalanceReport calculate(ReadModels.WorkspaceSnapshot ws, SunlightTimeline orbit, String illumination,
                                   double orbitPeriodS, List<ModeStep> modeSteps, VisitPlan visits) {
        ReadModels.DesignCase dc = ws.designCase();
        if (dc == null) {
            throw new IllegalStateException("Workspace " + ws.name() + " has no design case");
        }
        ReadModels.Mode mode = ws.mode(dc.activeModeId());
        EclipseShedding shedding = dc.eclipseShedding();
        List<SolarArraySpec> arrays = LoadPlan.arrays(ws);
        List<SunlightTimeline.Interval> shadows = orbit.shadowIntervals();
        double spanS = orbit.durationS();
        double longestShadow = shadows.stream().mapToDouble(SunlightTimeline.Interval::durationS).max().orElse(0);
        double eclipseFraction = LoadPlan.eclipseFraction(orbit);
        LoadPlan.Planned planned = LoadPlan.planned(ws, mode.id(), eclipseFraction, shedding);
        ModeLoad load = planned.orbit();
        double rated = arrays.stream().mapToDouble(SolarArraySpec::ratedPowerW).sum();
        double sunlitBus = arrays.stream().mapToDouble(a -> a.busPowerW(dc.arrayAgeYears())).sum();
        double averageGeneration = sunlitBus * orbit.segments().stream()
                .mapToDouble(seg -> seg.durationS() * seg.relativeFlux()).sum() / spanS;

        List<Long> modesOfRun = LoadPlan.modesOfRun(mode.id(), modeSteps, spanS);
        LoadPlan.Transfer transfer = LoadPlan.transfer(ws, modesOfRun, dc.transferLimitW(), eclipseFraction, shedding);
        ElementBudgets budgets = ElementBudgetsCalculator.budgets(ws, mode.id(), eclipseFraction, shedding);
        NetworkReport network = NetworkCalculator.report(ws, modesOfRun, eclipseFraction, shedding);
        List<BalanceReport.Check> networkChecks = NetworkCalculator.checks(ws, network, EOL);
        // The element allocations and the network are judged alike in every case; only the case's name differs.
        java.util.function.Function<String, List<BalanceReport.Check>> moreChecks = caseName -> {
            List<BalanceReport.Check> more = new ArrayList<>();
            ElementBudgetsCalculator.check(budgets, modesOfRun, caseName).ifPresent(more::add);
            networkChecks.forEach(c -> more.add(c.inCase(caseName)));
            return more;
        };
        BalanceReportBuilder report = BalanceReport.builder().workspaceId(ws.id()).modeId(mode.id())
                .modeName(mode.name()).illumination(illumination).spanS(spanS).eclipseCount(shadows.size())
                .longestEclipseS(longestShadow).shadows(shadows).arrayAgeYears(dc.arrayAgeYears())
                .cbeAverageLoadW(load.cbeAverageW()).mevAverageLoadW(load.mevAverageW())
                .cbePeakLoadW(load.cbePeakW()).mevPeakLoadW(load.mevPeakW())
                .arrayRatedPowerW(rated).sunlitGenerationW(sunlitBus).orbitAverageGenerationW(averageGeneration)
                .marginPolicy(dc.marginPolicy().label()).requiredMargin(dc.marginPolicy().requiredMargin())
                .transferDemandW(transfer.peakW()).transferAverageW(transfer.averageW())
                .transferLimitW(dc.transferLimitW())
                .elementLoads(LoadPlan.elementLoads(ws, eclipseFraction, shedding))
                .modeSteps(reportSteps(mode.id(), modeSteps)).network(network);
        if (ws.batteries().isEmpty()) {
            double margin = dc.marginPolicy().marginOf(averageGeneration, load.cbeAverageW(), load.mevAverageW());
            List<BalanceReport.Check> checks = new ArrayList<>(List.of(
                    new BalanceReport.Check("Battery", "A battery bank must carry the loads through eclipse", false,
                            "no battery in the workspace", EOL),
                    BalanceChecks.marginCheck(margin, averageGeneration, load, dc, EOL), transfer.check(EOL)));
            checks.addAll(moreChecks.apply(EOL));
            // Without a battery the arrays must carry the orbit-average load alone: their average is the capability.
            report.visits(visits.visits(ws, mode.id(), modeSteps, spanS, eclipseFraction, shedding, null, s -> 0));
            return report.sustainableLoadW(averageGeneration).powerMargin(margin).checks(checks)
                    .elementBudgets(budgets.withSustainableW(averageGeneration)).build();
        }

        // Batteries are judged at the end of the run (their age at its start plus the span), the worst point
        // of their calendar fade within it. Beginning of life is the same rule from age 0: arrays new at the
        // start of the run, batteries with the span's fade, exactly what the BOL headline run computes.
        double spanYears = spanS / EnergyBalanceSimulator.SECONDS_PER_YEAR;
        BatteryBank bank = LoadPlan.agedBank(ws, dc.arrayAgeYears() + spanYears);
        BatteryBank bolBank = LoadPlan.agedBank(ws, spanYears);
        Setup setup = new Setup(ws, orbit, arrays, bank, orbitPeriodS, dc.marginPolicy(), shedding, eclipseFraction);
        LoadSchedule mevLoads = visits.schedule(ws, mode.id(), modeSteps, true, null);
        Judged eol = judge(setup, EOL, dc.arrayAgeYears(), mevLoads, planned, dc, transfer, moreChecks);
        EnergyBalanceRun mev = eol.run();
        EnergyBalanceRun cbe = EnergyBalanceSimulator.run(setup.input(dc.arrayAgeYears(),
                visits.schedule(ws, mode.id(), modeSteps, false, null)));
        BalanceReport.BatteryResult battery = new BalanceReport.BatteryResult(bank.capacityJ(),
                bank.minStateOfCharge(), bank.maxStateOfCharge(), mev.initialStateOfCharge(), mev.minStateOfCharge(),
                cbe.minStateOfCharge(), mev.minimumState().timeS(), mev.maxDepthOfDischarge(),
                1.0 - bank.minStateOfCharge(), mev.finalStateOfCharge(), eol.drawnJ(), eol.rechargeS(), mev.ledger(),
                mev.shedding(), eol.openOrbits());

        List<BalanceReport.LifeCase> life = new ArrayList<>(List.of(
                judge(setup.withBank(bolBank), BOL, 0.0, mevLoads, planned, dc, transfer, moreChecks).lifeCase(),
                eol.lifeCase()));
        if (dc.failedCapacityShare() > 0) {
            life.add(judge(setup.withBank(bank.withFailedShare(dc.failedCapacityShare())),
                    String.format(Locale.ROOT, "EOL, %.0f %% of strings failed", 100 * dc.failedCapacityShare()),
                    dc.arrayAgeYears(), mevLoads, planned, dc, transfer, moreChecks).lifeCase());
        }
        List<ModeSizing> sizing = ws.modes().stream().map(m -> sizing(setup, m, dc.arrayAgeYears()))
                .toList();
        report.visits(visits.visits(ws, mode.id(), modeSteps, spanS, eclipseFraction, shedding,
                mev.minStateOfCharge(), without -> EnergyBalanceSimulator.run(setup.input(dc.arrayAgeYears(), without))
                        .minStateOfCharge()));
        return report.sustainableLoadW(eol.sustainableW()).powerMargin(eol.margin()).battery(battery)
                .checks(eol.checks()).timeline(mev.states()).lifeCases(life).sizing(sizing)
                .elementBudgets(budgets.withSustainableW(eol.sustainableW())).build();
    }

    /** The name of the end-of-life case (the design case's array age). */
    static final String EOL = "EOL";
    /** The name of the beginning-of-life case (array age 0). */
    static final String BOL = "BOL";

    /**
     * One case run and judged.
     *
     * @param name         the case's name
     * @param ageYears     array age at the start of the run (years)
     * @param run          the MEV run
     * @param sunlitW      array power at the bus in full sunlight at that age (W)
     * @param sustainableW largest constant load the arrays sustain over the run (W)
     * @param margin       the policy's power margin (dimensionless)
     * @param rechargeS    time after the deepest eclipse's exit to recover, null when not within the run or
     *                     when the run has no eclipse (s)
     * @param drawnJ       stored energy removed in the deepest eclipse (J)
     * @param openOrbits   orbits that do not regain their eclipse energy
     * @param checks       every check, each naming this case
     */
    private record Judged(String name, double ageYears, EnergyBalanceRun run, double sunlitW, double sustainableW,
                          double margin, Double rechargeS, double drawnJ, int openOrbits,
                          List<BalanceReport.Check> checks) {

        BalanceReport.LifeCase lifeCase() {
            return new BalanceReport.LifeCase(name, ageYears, sunlitW, sustainableW, margin, run.minStateOfCharge(),
                    run.ledger().shedJ(), run.ledger().unservedJ(), checks);
        }
    }

    /**
     * Runs one case (array age, battery bank) with MEV loads and judges it with every check; {@code moreChecks}
     * gives the element allocations' and the power network's checks in a case.
     */
    private static Judged judge(Setup s, String name, double ageYears, LoadSchedule loads, LoadPlan.Planned planned,
                                ReadModels.DesignCase dc, LoadPlan.Transfer transfer,
                                java.util.function.Function<String, List<BalanceReport.Check>> moreChecks) {
        EnergyBalanceRun run = EnergyBalanceSimulator.run(s.input(ageYears, loads));
        ModeLoad load = planned.orbit();
        double sustainable = s.sustainableW(dc.activeModeId(), ageYears);
        double margin = dc.marginPolicy().marginOf(sustainable, load.cbeAverageW(), load.mevAverageW());
        List<SunlightTimeline.Interval> shadows = s.orbit().shadowIntervals();
        Double recharge = null;
        double drawn = 0;
        SunlightTimeline.Interval eclipse = worstEclipse(shadows, run.minimumState().timeS());
        if (eclipse != null) {
            OptionalDouble r = run.rechargeTimeS(eclipse);
            recharge = r.isPresent() ? r.getAsDouble() : null;
            drawn = Math.max(0, run.storedAtJ(eclipse.startS()) - run.minimumState().storedJ());
        }
        int open = BalanceChecks.openOrbits(run, s.orbitPeriodS());
        List<BalanceReport.Check> checks = BalanceChecks.checks(run, s.bank(), margin, sustainable, planned, recharge,
                open, dc, !shadows.isEmpty(), name);
        checks.add(transfer.check(name));
        checks.addAll(moreChecks.apply(name));
        return new Judged(name, ageYears, run, s.sunlitBusW(ageYears), sustainable, margin, recharge, drawn, open,
                checks);
    }

    private static List<BalanceReport.ModeStep> reportSteps(long defaultModeId, List<ModeStep> steps) {
        List<BalanceReport.ModeStep> out = new ArrayList<>();
        out.add(new BalanceReport.ModeStep(0.0, defaultModeId));
        steps.forEach(s -> out.add(new BalanceReport.ModeStep(Math.max(0, s.startS()), s.modeId())));
        return out;
    }

    /** The largest extra constant load the mode carries with every check passing, at the given array age. */
    private static ModeSizing sizing(Setup s, ReadModels.Mode mode, double ageYears) {
        LoadPlan.Planned planned = LoadPlan.planned(s.ws(), mode.id(), s.eclipseFraction(), s.shedding());
        LoadLevel sunlit = LoadPlan.level(s.ws(), mode.id(), true, false);
        LoadLevel shadow = LoadPlan.level(s.ws(), mode.id(), true, true);
        EnergyBalanceInput in = s.input(ageYears, LoadSchedule.constant(sunlit, shadow));
        // The extra load is read back from the first state's demand, which is the shadow level when the run
        // starts in eclipse (the design orbit does).
        double startDemand = (s.orbit().segments().get(0).inShadow() ? shadow : sunlit).totalW();
        LoadSchedule basis = s.basisProfile(mode.id());
        double busEnd = s.endBusW(ageYears);
        // The margin holds when the basis profile grown by 1 / (1 − required margin) still closes the balance:
        // margin = 1 − 1/k ≥ m exactly when k ≥ 1 / (1 − m); one evaluation instead of a root search per step.
        double grown = 1 / (1 - s.policy().requiredMargin());
        double peak = planned.mevEclipsePeakW();
        double extra = SourceSizing.maxExtraLoadW(in, run -> {
            double added = run.states().get(0).loadW() - startDemand;
            return !run.reachedFloor() && run.ledger().shedJ() == 0 && run.ledger().unservedJ() == 0
                    && BalanceChecks.openOrbits(run, s.orbitPeriodS()) == 0
                    && SourceCapability.sustains(s.orbit(), busEnd, s.bank(),
                            basis.map(l -> l.plusCritical(added).scaled(grown)), s.shedding())
                    && peak + added <= s.bank().maxDischargePowerW();
        }, Math.max(s.sunlitBusW(ageYears), 1.0));
        return new ModeSizing(mode.id(), mode.name(), planned.orbit().mevAverageW(), extra);
    }

    /** The shadow interval in which (or right after which) the battery is at its lowest; null without shadow. */
    private static SunlightTimeline.Interval worstEclipse(List<SunlightTimeline.Interval> shadows, double minTimeS) {
        SunlightTimeline.Interval best = null;
        for (SunlightTimeline.Interval s : shadows) {
            if (s.startS() <= minTimeS + 1e-6) {
                best = s;
            }
        }
        return best != null ? best : shadows.isEmpty() ? null : shadows.get(0);
    }

}
