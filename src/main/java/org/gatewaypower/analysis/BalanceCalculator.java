package org.gatewaypower.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.gatewaypower.physics.energy.SunlightSegment;
import org.gatewaypower.physics.energy.SunlightTimeline;
import org.gatewaypower.physics.energy.TimelineWindows;
import org.gatewaypower.physics.load.EclipseShedding;
import org.gatewaypower.physics.load.MarginPolicy;
import org.gatewaypower.physics.load.LoadItemSpec;
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
            return arrays.stream().mapToDouble(a -> a.busPowerW(arrayAgeYears)).sum();
        }

        /** Array power at the bus in full sunlight at the end of the run, the least capable point (W). */
        double endBusW(double arrayAgeYears) {
            return sunlitBusW(arrayAgeYears + orbit.durationS() / EnergyBalanceSimulator.SECONDS_PER_YEAR);
        }

        /** A mode's demand on the margin policy's basis (CBE or MEV), sunlit and in eclipse (W). */
        LoadSchedule basisProfile(long modeId) {
            return BalanceCalculator.basisProfile(ws, policy, modeId);
        }

        /**
         * Sustainable orbit-average power for the mode's planned profile on the policy's basis, with the arrays as
         * they are at the end of the run, the least capable point (W); for a load the same in sunlight and eclipse
         * it is the textbook constant-load capability. A run longer than one orbit (the ephemeris span) is judged
         * on its worst orbit, not on its average: each orbit period from an eclipse entry that fits in the run is
         * sized on its own and the least capable one counts (the smallest factor k by which the profile could
         * grow), so that a season of long eclipses is not averaged away by the sunlit months around it.
         */
        double sustainableW(long modeId, double arrayAgeYears) {
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
        ReadModels.DesignCase dc = ws.designCase();
        if (dc == null) {
            throw new IllegalStateException("Workspace " + ws.name() + " has no design case");
        }
        ReadModels.Mode mode = ws.mode(dc.activeModeId());
        EclipseShedding shedding = dc.eclipseShedding();
        List<SolarArraySpec> arrays = arrays(ws);
        List<SunlightTimeline.Interval> shadows = orbit.shadowIntervals();
        double spanS = orbit.durationS();
        double longestShadow = shadows.stream().mapToDouble(SunlightTimeline.Interval::durationS).max().orElse(0);
        double eclipseFraction = eclipseFraction(orbit);
        Planned planned = planned(ws, mode.id(), eclipseFraction, shedding);
        ModeLoad load = planned.orbit();
        double rated = arrays.stream().mapToDouble(SolarArraySpec::ratedPowerW).sum();
        double sunlitBus = arrays.stream().mapToDouble(a -> a.busPowerW(dc.arrayAgeYears())).sum();
        double averageGeneration = sunlitBus * orbit.segments().stream()
                .mapToDouble(seg -> seg.durationS() * seg.relativeFlux()).sum() / spanS;

        double required = dc.marginPolicy().requiredMargin();
        Transfer transfer = transfer(ws, modesOfRun(mode.id(), modeSteps, spanS), dc.transferLimitW(),
                eclipseFraction, shedding);
        if (ws.batteries().isEmpty()) {
            double margin = dc.marginPolicy().marginOf(averageGeneration, load.cbeAverageW(), load.mevAverageW());
            List<BalanceReport.Check> checks = List.of(
                    new BalanceReport.Check("Battery", "A battery bank must carry the loads through eclipse", false,
                            "no battery in the workspace", EOL),
                    marginCheck(margin, averageGeneration, load, dc, EOL), transfer.check(EOL));
            return new BalanceReport(ws.id(), mode.id(), mode.name(), illumination, spanS, shadows.size(),
                    longestShadow, dc.arrayAgeYears(), load.cbeAverageW(), load.mevAverageW(), load.cbePeakW(),
                    load.mevPeakW(), rated, sunlitBus, averageGeneration, averageGeneration, margin, null, checks,
                    List.of(), shadows, List.of(), List.of(), dc.marginPolicy().label(), required, transfer.peakW(),
                    transfer.averageW(), dc.transferLimitW(), elementLoads(ws, eclipseFraction, shedding),
                    reportSteps(mode.id(), modeSteps), null, null);
        }

        // Batteries are judged at the end of the run (their age at its start plus the span), the worst point
        // of their calendar fade within it. Beginning of life is the same rule from age 0: arrays new at the
        // start of the run, batteries with the span's fade, exactly what the BOL headline run computes.
        double spanYears = spanS / EnergyBalanceSimulator.SECONDS_PER_YEAR;
        BatteryBank bank = agedBank(ws, dc.arrayAgeYears() + spanYears);
        BatteryBank bolBank = agedBank(ws, spanYears);
        Setup setup = new Setup(ws, orbit, arrays, bank, orbitPeriodS, dc.marginPolicy(), shedding, eclipseFraction);
        LoadSchedule mevLoads = schedule(ws, mode.id(), modeSteps, true);
        Judged eol = judge(setup, EOL, dc.arrayAgeYears(), mevLoads, planned, dc, transfer);
        EnergyBalanceRun mev = eol.run();
        EnergyBalanceRun cbe = EnergyBalanceSimulator.run(setup.input(dc.arrayAgeYears(),
                schedule(ws, mode.id(), modeSteps, false)));
        BalanceReport.BatteryResult battery = new BalanceReport.BatteryResult(bank.capacityJ(),
                bank.minStateOfCharge(), bank.maxStateOfCharge(), mev.initialStateOfCharge(), mev.minStateOfCharge(),
                cbe.minStateOfCharge(), mev.minimumState().timeS(), mev.maxDepthOfDischarge(),
                1.0 - bank.minStateOfCharge(), mev.finalStateOfCharge(), eol.drawnJ(), eol.rechargeS(), mev.ledger(),
                mev.shedding(), eol.openOrbits());

        List<BalanceReport.LifeCase> life = new ArrayList<>(List.of(
                judge(setup.withBank(bolBank), BOL, 0.0, mevLoads, planned, dc, transfer).lifeCase(),
                eol.lifeCase()));
        if (dc.failedCapacityShare() > 0) {
            life.add(judge(setup.withBank(bank.withFailedShare(dc.failedCapacityShare())),
                    String.format(Locale.ROOT, "EOL, %.0f %% of strings failed", 100 * dc.failedCapacityShare()),
                    dc.arrayAgeYears(), mevLoads, planned, dc, transfer).lifeCase());
        }
        List<BalanceReport.ModeSizing> sizing = ws.modes().stream().map(m -> sizing(setup, m, dc.arrayAgeYears()))
                .toList();
        return new BalanceReport(ws.id(), mode.id(), mode.name(), illumination, spanS, shadows.size(), longestShadow,
                dc.arrayAgeYears(), load.cbeAverageW(), load.mevAverageW(), load.cbePeakW(), load.mevPeakW(), rated,
                sunlitBus, averageGeneration, eol.sustainableW(), eol.margin(), battery, eol.checks(), mev.states(),
                shadows, life, sizing, dc.marginPolicy().label(), required, transfer.peakW(), transfer.averageW(),
                dc.transferLimitW(), elementLoads(ws, eclipseFraction, shedding), reportSteps(mode.id(), modeSteps),
                null, null);
    }

    private static List<SolarArraySpec> arrays(ReadModels.WorkspaceSnapshot ws) {
        return ws.arrays().stream()
                .map(a -> new SolarArraySpec(a.name(), a.ratedPowerW(), a.degradationPerYear(), a.pathEfficiency(),
                        a.incidenceDeg(), a.temperatureCoefficientPerK(), a.temperatureOffsetK()))
                .toList();
    }

    /** The name of the eclipse coverage case. */
    static final String COVERAGE = "Eclipse coverage";

    /**
     * One complete eclipse pass of the mission span, placed on the mission's illumination.
     *
     * @param pass   the pass
     * @param startS its penumbra entry (s from the beginning of life, time 0 of the mission's illumination)
     */
    record MissionPass(BalanceReport.Pass pass, double startS) {
    }

    /**
     * The eclipse coverage: the case itself, how many passes it ran, and those that break a rule.
     */
    record Coverage(BalanceReport.LifeCase lifeCase, int judged, List<BalanceReport.CoveredPass> failing) {
    }

    /**
     * Runs the design case through every complete eclipse of the mission span: each pass from its penumbra
     * entry for one orbit period with its real lit fraction, the battery entering at its initial state of
     * charge (the design case's assumption) and faded to the end of that orbit, the arrays at their age on
     * that date, and the design case's mode with MEV loads. A pass fails when the battery reaches its floor,
     * a load is shed or unserved, or (for an orbit that fits in the mission) the battery ends the orbit
     * below where it entered the eclipse. Null without a battery or a design case.
     *
     * @param mission  the mission span's illumination, time 0 at the beginning of life
     * @param passes   the complete passes of the span, in time order
     * @param periodS  the orbit period (s)
     */
    static Coverage coverage(ReadModels.WorkspaceSnapshot ws, TimelineWindows mission, List<MissionPass> passes,
                             double periodS) {
        ReadModels.DesignCase dc = ws.designCase();
        if (dc == null || ws.batteries().isEmpty()) {
            return null;
        }
        List<SolarArraySpec> arrays = arrays(ws);
        EclipseShedding shedding = dc.eclipseShedding();
        LoadSchedule loads = schedule(ws, dc.activeModeId(), List.of(), true);
        LoadSchedule basis = basisProfile(ws, dc.marginPolicy(), dc.activeModeId());
        double year = EnergyBalanceSimulator.SECONDS_PER_YEAR;
        List<BalanceReport.CoveredPass> failing = new ArrayList<>();
        double shed = 0;
        double unserved = 0;
        int judged = 0;
        // The pass with the lowest state of charge stands for the case in the life-case table.
        double worstSoc = Double.POSITIVE_INFINITY;
        double worstAge = 0;
        double worstSustainable = 0;
        Planned worstLoad = planned(ws, dc.activeModeId(), 0.0, shedding);
        for (MissionPass p : passes) {
            double end = Math.min(p.startS() + periodS, mission.durationS());
            if (!(end > p.startS())) {
                continue;
            }
            SunlightTimeline window = mission.window(p.startS(), end);
            double age = p.startS() / year;
            BatteryBank bank = agedBank(ws, end / year);
            EnergyBalanceRun run = EnergyBalanceSimulator.run(new EnergyBalanceInput(window, arrays, age, bank, loads,
                    shedding));
            judged++;
            List<String> broken = new ArrayList<>();
            if (run.reachedFloor()) {
                broken.add(String.format(Locale.ROOT, "battery at its floor (%.1f %%)", 100 * run.minStateOfCharge()));
            }
            double shedWh = run.ledger().shedJ() / WH;
            double unservedWh = run.ledger().unservedJ() / WH;
            if (shedWh >= 1e-6) {
                broken.add(String.format(Locale.ROOT, "%.1f Wh shed", shedWh));
            }
            if (unservedWh >= 1e-6) {
                broken.add(String.format(Locale.ROOT, "%.1f Wh of critical load unserved", unservedWh));
            }
            boolean wholeOrbit = p.startS() + periodS <= mission.durationS();
            if (wholeOrbit && run.finalStateOfCharge() < run.initialStateOfCharge() - 1e-9) {
                broken.add(String.format(Locale.ROOT, "not recharged within the orbit (%.1f %% → %.1f %%)",
                        100 * run.initialStateOfCharge(), 100 * run.finalStateOfCharge()));
            }
            shed += run.ledger().shedJ();
            unserved += run.ledger().unservedJ();
            if (!broken.isEmpty()) {
                failing.add(new BalanceReport.CoveredPass(p.pass(), run.minStateOfCharge(), run.ledger().shedJ(),
                        run.ledger().unservedJ(), broken));
            }
            if (run.minStateOfCharge() < worstSoc) {
                worstSoc = run.minStateOfCharge();
                worstAge = age;
                double sunlit = arrays.stream().mapToDouble(a -> a.busPowerW(end / year)).sum();
                // The margin of that orbit: its planned profile's capability against its own planned averages.
                worstSustainable = SourceCapability.sustainableProfile(window, sunlit, bank, basis, shedding)
                        .sustainableAverageW();
                worstLoad = planned(ws, dc.activeModeId(), eclipseFraction(window), shedding);
            }
        }
        double sustainable = worstSustainable;
        double margin = dc.marginPolicy().marginOf(sustainable, worstLoad.orbit().cbeAverageW(),
                worstLoad.orbit().mevAverageW());
        double sunlitAtWorst = sunlitBusW(arrays, worstAge);
        String figures;
        if (judged == 0) {
            figures = "the mission span holds no complete eclipse";
        } else if (failing.isEmpty()) {
            figures = String.format(Locale.ROOT, "all %d complete passes of the mission keep the rules; lowest state "
                    + "of charge %.1f %%", judged, 100 * worstSoc);
        } else {
            StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%d of %d complete passes break a rule: ",
                    failing.size(), judged));
            int listed = 0;
            for (BalanceReport.CoveredPass f : failing) {
                if (listed++ == 3) {
                    b.append("; …");
                    break;
                }
                b.append(listed > 1 ? "; " : "").append(String.format(Locale.ROOT, "%s %s pass %.1f min (%s)",
                        f.pass().start().toString().substring(0, 16), f.pass().body(), f.pass().durationS() / 60,
                        String.join(", ", f.broken())));
            }
            figures = b.toString();
        }
        BalanceReport.Check check = new BalanceReport.Check(COVERAGE, "Every complete eclipse of the mission span, "
                + "run as the design case (battery entering at its initial state, arrays and batteries at their age "
                + "on that date, the design mode's MEV loads, one orbit from penumbra entry), keeps the battery above "
                + "its floor, serves every load and is recharged within the orbit", failing.isEmpty(), figures,
                COVERAGE);
        BalanceReport.LifeCase lifeCase = new BalanceReport.LifeCase(COVERAGE, worstAge, sunlitAtWorst, sustainable,
                margin, judged == 0 ? Double.NaN : worstSoc, shed, unserved, List.of(check));
        return new Coverage(lifeCase, judged, failing);
    }

    private static double sunlitBusW(List<SolarArraySpec> arrays, double ageYears) {
        return arrays.stream().mapToDouble(a -> a.busPowerW(ageYears)).sum();
    }

    /** The name of the end-of-life case (the design case's array age). */
    static final String EOL = "EOL";
    /** The name of the beginning-of-life case (array age 0). */
    static final String BOL = "BOL";

    /** Every battery of the workspace as one bank, each with its calendar fade over {@code ageYears} (years). */
    private static BatteryBank agedBank(ReadModels.WorkspaceSnapshot ws, double ageYears) {
        return BatteryBank.of(ws.batteries().stream()
                .map(b -> toSpec(b).aged(b.capacityFadePerYear(), ageYears)).toList());
    }

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

    /** Runs one case (array age, battery bank) with MEV loads and judges it with every check. */
    private static Judged judge(Setup s, String name, double ageYears, LoadSchedule loads, Planned planned,
                                ReadModels.DesignCase dc, Transfer transfer) {
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
        int open = openOrbits(run, s.orbitPeriodS());
        List<BalanceReport.Check> checks = checks(run, s.bank(), margin, sustainable, planned, recharge, open, dc,
                !shadows.isEmpty(), name);
        checks.add(transfer.check(name));
        return new Judged(name, ageYears, run, s.sunlitBusW(ageYears), sustainable, margin, recharge, drawn, open,
                checks);
    }

    /**
     * The power transfer to the elements without arrays.
     *
     * @param peakW    the largest coincident MEV peak over the modes of the run (W)
     * @param averageW the orbit-average MEV demand in that mode (W)
     * @param rule     the rule, in words
     * @param passed   whether every mode's coincident peak is within the limit
     * @param figures  every mode's peak and average against the limit
     */
    private record Transfer(double peakW, double averageW, String rule, boolean passed, String figures) {

        BalanceReport.Check check(String caseName) {
            return new BalanceReport.Check("Power transfer", rule, passed, figures, caseName);
        }
    }

    /**
     * Judges the power transfer on the coincident peak: in every mode the run holds, every load of the
     * elements without arrays at its peak power at once, with MEV contingency, against the limit; the
     * orbit average is shown beside it.
     */
    private static Transfer transfer(ReadModels.WorkspaceSnapshot ws, List<Long> modeIds, double limitW,
                                     double eclipseFraction, EclipseShedding shedding) {
        double worstPeak = Double.NEGATIVE_INFINITY;
        double worstAverage = 0;
        boolean passed = true;
        List<String> parts = new ArrayList<>();
        for (long modeId : modeIds) {
            Planned demand = planned(ws, modeId, eclipseFraction, shedding, l -> !powered(ws).contains(l.elementId()));
            double peak = demand.orbit().mevPeakW();
            double average = demand.orbit().mevAverageW();
            passed &= peak <= limitW;
            if (peak > worstPeak) {
                worstPeak = peak;
                worstAverage = average;
            }
            String figure = String.format(Locale.ROOT, "coincident peak %.2f kW (orbit average %.2f kW)",
                    peak / 1000, average / 1000);
            parts.add(modeIds.size() == 1 ? figure : ws.mode(modeId).name() + ": " + figure);
        }
        return new Transfer(Math.max(0, worstPeak), worstAverage,
                "Coincident MEV peak of the elements without arrays (every load at its peak power at once, in "
                        + "sunlight or in eclipse, whichever is higher) ≤ what the power element passes on to them, in "
                        + "every mode the run holds",
                passed, String.join("; ", parts) + String.format(Locale.ROOT, " vs limit %.2f kW", limitW / 1000));
    }

    /** The modes the run holds, in order of first appearance: the design case's mode unless replaced at 0. */
    private static List<Long> modesOfRun(long defaultModeId, List<ModeStep> steps, double spanS) {
        java.util.LinkedHashSet<Long> modes = new java.util.LinkedHashSet<>();
        boolean replacedAtStart = steps.stream().anyMatch(s -> s.startS() <= 0);
        if (!replacedAtStart) {
            modes.add(defaultModeId);
        }
        for (ModeStep s : steps) {
            if (s.startS() < spanS) {
                modes.add(s.modeId());
            }
        }
        return List.copyOf(modes);
    }

    /** Each element's planned MEV load in every mode: orbit average, in sunlight and in eclipse (W). */
    private static List<BalanceReport.ElementLoad> elementLoads(ReadModels.WorkspaceSnapshot ws, double eclipseFraction,
                                                                EclipseShedding shedding) {
        List<BalanceReport.ElementLoad> out = new ArrayList<>();
        for (ReadModels.Element e : ws.elements()) {
            Map<Long, Double> average = new HashMap<>();
            Map<Long, Double> sunlit = new HashMap<>();
            Map<Long, Double> eclipse = new HashMap<>();
            for (ReadModels.Mode m : ws.modes()) {
                Planned p = planned(ws, m.id(), eclipseFraction, shedding, l -> l.elementId() == e.id());
                average.put(m.id(), p.orbit().mevAverageW());
                sunlit.put(m.id(), p.mevSunlitW());
                eclipse.put(m.id(), p.mevEclipseW());
            }
            out.add(new BalanceReport.ElementLoad(e.id(), e.name(), average, sunlit, eclipse));
        }
        return out;
    }

    /** A mode's demand on the margin policy's basis (CBE or MEV), sunlit and in eclipse (W). */
    private static LoadSchedule basisProfile(ReadModels.WorkspaceSnapshot ws, MarginPolicy policy, long modeId) {
        boolean mev = policy.basis() == MarginPolicy.Basis.MEV;
        return LoadSchedule.constant(level(ws, modeId, mev, false), level(ws, modeId, mev, true));
    }

    /** Share of a timeline in eclipse, lit fraction below 1 (dimensionless). */
    private static double eclipseFraction(SunlightTimeline orbit) {
        return orbit.segments().stream().filter(SunlightSegment::inShadow).mapToDouble(SunlightSegment::durationS)
                .sum() / orbit.durationS();
    }

    /** The elements that carry a solar array of their own. */
    private static java.util.Set<Long> powered(ReadModels.WorkspaceSnapshot ws) {
        java.util.Set<Long> powered = new java.util.HashSet<>();
        ws.arrays().forEach(a -> powered.add(a.elementId()));
        return powered;
    }

    private static List<BalanceReport.ModeStep> reportSteps(long defaultModeId, List<ModeStep> steps) {
        List<BalanceReport.ModeStep> out = new ArrayList<>();
        out.add(new BalanceReport.ModeStep(0.0, defaultModeId));
        steps.forEach(s -> out.add(new BalanceReport.ModeStep(Math.max(0, s.startS()), s.modeId())));
        return out;
    }

    private static List<BalanceReport.Check> checks(EnergyBalanceRun mev, BatteryBank bank, double margin,
                                                    double sustainable, Planned planned, Double recharge,
                                                    int openOrbits, ReadModels.DesignCase dc, boolean anyEclipse,
                                                    String caseName) {
        List<BalanceReport.Check> checks = new ArrayList<>();
        ModeLoad load = planned.orbit();
        checks.add(marginCheck(margin, sustainable, load, dc, caseName));
        double dodLimit = 1 - bank.minStateOfCharge();
        checks.add(new BalanceReport.Check("Depth of discharge",
                "Deepest discharge stays above the battery floor (max DoD < 1 − minimum SOC)", !mev.reachedFloor(),
                "max DoD " + PercentText.beside(mev.maxDepthOfDischarge(), dodLimit) + " % vs limit "
                        + PercentText.beside(dodLimit, mev.maxDepthOfDischarge()) + " %", caseName));
        double shedWh = mev.ledger().shedJ() / WH;
        double unservedWh = mev.ledger().unservedJ() / WH;
        double offWh = mev.ledger().offInEclipseJ() / WH;
        // Loads off in eclipse by policy are switched off by plan, not for want of energy: shown, never failed.
        checks.add(new BalanceReport.Check("Loads served",
                "No load shed at the battery floor and no critical load unserved over the run (0 Wh); loads off in "
                        + "eclipse by the eclipse shedding policy are planned and do not fail it",
                shedWh < 1e-6 && unservedWh < 1e-6,
                String.format(Locale.ROOT, "shed %.1f Wh, unserved %.1f Wh", shedWh, unservedWh)
                        + (offWh > 0 ? String.format(Locale.US, ", off in eclipse %,.1f Wh by policy", offWh) : ""),
                caseName));
        String recovery = !anyEclipse ? ", no eclipse in the run to recover from"
                : recharge == null ? ", not recharged within the run"
                : String.format(Locale.ROOT, ", recharged %.2f h after the deepest eclipse", recharge / 3600);
        checks.add(new BalanceReport.Check("Orbit energy closes",
                "Every orbit regains the battery energy its eclipse removed (SPACE rule)", openOrbits == 0,
                String.format(Locale.ROOT, "%d orbit(s) not closing; SOC start %.1f %%, end %.1f %%%s", openOrbits,
                        100 * mev.initialStateOfCharge(), 100 * mev.finalStateOfCharge(), recovery), caseName));
        checks.add(new BalanceReport.Check("Peak load in eclipse",
                "MEV peak load in eclipse (duty cycles in eclipse, loads off by policy left out) ≤ the battery bank's "
                        + "discharge power limit", planned.mevEclipsePeakW() <= bank.maxDischargePowerW(),
                String.format(Locale.ROOT, "peak %.2f kW vs %.2f kW", planned.mevEclipsePeakW() / 1000,
                        bank.maxDischargePowerW() / 1000), caseName));
        return checks;
    }

    /** Orbits that do not close; the last, partial window of a run is not judged. */
    private static int openOrbits(EnergyBalanceRun run, double periodS) {
        return run.orbitsNotClosing(periodS).size();
    }

    /** The largest extra constant load the mode carries with every check passing, at the given array age. */
    private static BalanceReport.ModeSizing sizing(Setup s, ReadModels.Mode mode, double ageYears) {
        Planned planned = planned(s.ws(), mode.id(), s.eclipseFraction(), s.shedding());
        LoadLevel sunlit = level(s.ws(), mode.id(), true, false);
        LoadLevel shadow = level(s.ws(), mode.id(), true, true);
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
                    && openOrbits(run, s.orbitPeriodS()) == 0
                    && SourceCapability.sustains(s.orbit(), busEnd, s.bank(),
                            basis.map(l -> l.plusCritical(added).scaled(grown)), s.shedding())
                    && peak + added <= s.bank().maxDischargePowerW();
        }, Math.max(s.sunlitBusW(ageYears), 1.0));
        return new BalanceReport.ModeSizing(mode.id(), mode.name(), planned.orbit().mevAverageW(), extra);
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

    /**
     * A mode's load as planned.
     *
     * @param orbit            orbit averages weighted by the time in sunlight and in eclipse, CBE and MEV, and the
     *                         larger of the sunlit and eclipse coincident peaks (W)
     * @param mevSunlitW       MEV average in sunlight (W)
     * @param mevEclipseW      MEV average in eclipse, without the loads off by policy (W)
     * @param mevEclipsePeakW  MEV coincident peak in eclipse, without the loads off by policy (W)
     */
    private record Planned(ModeLoad orbit, double mevSunlitW, double mevEclipseW, double mevEclipsePeakW) {
    }

    private static Planned planned(ReadModels.WorkspaceSnapshot ws, long modeId, double eclipseFraction,
                                   EclipseShedding shedding) {
        return planned(ws, modeId, eclipseFraction, shedding, l -> true);
    }

    /** The planned load of the items {@code which} selects in one mode. */
    private static Planned planned(ReadModels.WorkspaceSnapshot ws, long modeId, double eclipseFraction,
                                   EclipseShedding shedding, java.util.function.Predicate<ReadModels.LoadItem> which) {
        List<ModeLoad.ItemAtDuty> sunlit = new ArrayList<>();
        List<ModeLoad.ItemAtDuty> eclipse = new ArrayList<>();
        for (ReadModels.LoadItem l : ws.loads()) {
            if (which.test(l)) {
                LoadItemSpec spec = toSpec(l);
                sunlit.add(new ModeLoad.ItemAtDuty(spec, l.duty(modeId)));
                if (!shedding.shedsInEclipse(l.priority())) {
                    eclipse.add(new ModeLoad.ItemAtDuty(spec, l.shadowDuty(modeId)));
                }
            }
        }
        ModeLoad sun = ModeLoad.of(sunlit);
        ModeLoad dark = ModeLoad.of(eclipse);
        ModeLoad orbit = new ModeLoad(weighted(sun.cbeAverageW(), dark.cbeAverageW(), eclipseFraction),
                weighted(sun.mevAverageW(), dark.mevAverageW(), eclipseFraction),
                Math.max(sun.cbePeakW(), dark.cbePeakW()), Math.max(sun.mevPeakW(), dark.mevPeakW()));
        return new Planned(orbit, sun.mevAverageW(), dark.mevAverageW(), dark.mevPeakW());
    }

    /**
     * The time-weighted average of a sunlit and an eclipse value (W), written so that equal values give exactly
     * that value: a load the same in sunlight and eclipse keeps its figures to the last bit.
     */
    private static double weighted(double sunlitW, double eclipseW, double eclipseFraction) {
        return sunlitW + (eclipseW - sunlitW) * eclipseFraction;
    }

    /** The demand over the run: the default mode, switched by the operations timeline's steps. */
    private static LoadSchedule schedule(ReadModels.WorkspaceSnapshot ws, long defaultModeId, List<ModeStep> steps,
                                         boolean mev) {
        Map<Long, LoadSchedule.Step> levels = new HashMap<>();
        java.util.function.Function<Long, LoadSchedule.Step> mode = m -> new LoadSchedule.Step(0.0,
                level(ws, m, mev, false), level(ws, m, mev, true));
        List<LoadSchedule.Step> out = new ArrayList<>();
        out.add(levels.computeIfAbsent(defaultModeId, mode));
        for (ModeStep step : steps) {
            LoadSchedule.Step level = levels.computeIfAbsent(step.modeId(), mode);
            if (step.startS() <= 0) {
                out.set(0, level);
            } else if (step.startS() > out.get(out.size() - 1).startS()) {
                out.add(new LoadSchedule.Step(step.startS(), level.sunlit(), level.shadow()));
            }
        }
        return new LoadSchedule(out);
    }

    /**
     * The mode's demand split by shedding priority, CBE or MEV, in sunlight or in eclipse (each item at its
     * duty cycle there) (W); the eclipse shedding policy is applied by the simulator, not here.
     */
    private static LoadLevel level(ReadModels.WorkspaceSnapshot ws, long modeId, boolean mev, boolean inEclipse) {
        double critical = 0;
        double essential = 0;
        double deferrable = 0;
        for (ReadModels.LoadItem l : ws.loads()) {
            LoadItemSpec spec = toSpec(l);
            double duty = inEclipse ? l.shadowDuty(modeId) : l.duty(modeId);
            double w = spec.averagePowerW(duty) * (mev ? spec.mevFactor() : 1.0);
            switch (spec.priority()) {
                case CRITICAL -> critical += w;
                case ESSENTIAL -> essential += w;
                case DEFERRABLE -> deferrable += w;
            }
        }
        return new LoadLevel(critical, essential, deferrable);
    }

    /**
     * The policy's margin check: the margin is measured against the load the policy names (MEV for ESA, whose
     * 20 % system margin comes on top of the equipment's maturity contingency; CBE for NASA and JAXA, whose
     * phase margins are the growth allowance themselves), so that no margin is counted twice.
     */
    private static BalanceReport.Check marginCheck(double margin, double capabilityW, ModeLoad load,
                                                   ReadModels.DesignCase dc, String caseName) {
        MarginPolicy policy = dc.marginPolicy();
        String basis = policy.basis() == MarginPolicy.Basis.MEV ? "MEV" : "CBE";
        double basisW = policy.basisLoadW(load.cbeAverageW(), load.mevAverageW());
        return new BalanceReport.Check("Power margin",
                "(sustainable orbit-average power − " + basis + " orbit-average load) / sustainable ≥ "
                        + Math.round(100 * policy.requiredMargin()) + " % (" + policy.label() + ")",
                policy.passes(capabilityW, load.cbeAverageW(), load.mevAverageW()),
                "margin " + PercentText.beside(margin, policy.requiredMargin()) + String.format(Locale.ROOT,
                        " %% (sustainable %.2f kW, %s load %.2f kW)", capabilityW / 1000, basis, basisW / 1000),
                caseName);
    }

    private static LoadItemSpec toSpec(ReadModels.LoadItem l) {
        return new LoadItemSpec(l.name(), l.quantity(), l.standbyPowerW(), l.operatingPowerW(), l.peakPowerW(),
                l.maturity(), l.priority());
    }

    private static BatterySpec toSpec(ReadModels.Battery b) {
        return new BatterySpec(b.name(), b.capacityJ(), b.minStateOfCharge(), b.maxStateOfCharge(),
                b.chargeEfficiency(), b.dischargeEfficiency(), b.maxChargePowerW(), b.maxDischargePowerW(),
                b.initialStateOfCharge());
    }
}
