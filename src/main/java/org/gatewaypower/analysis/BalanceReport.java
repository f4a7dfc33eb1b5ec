package org.gatewaypower.analysis;

import java.util.List;

import org.gatewaypower.physics.energy.EnergyLedger;
import org.gatewaypower.physics.energy.PowerState;
import org.gatewaypower.physics.energy.ShedInterval;
import org.gatewaypower.physics.energy.SunlightTimeline;

/**
 * The energy balance of a workspace's design case. Powers in W, energies in J, times in s,
 * fractions in [0, 1]; the UI and API convert.
 *
 * @param modeId                 the operating mode analysed
 * @param modeName               its name
 * @param illumination           which illumination the run used, in words
 * @param spanS                  length of the run (s): one design orbit or the ephemeris span
 * @param eclipseCount           number of shadow passes in the run
 * @param longestEclipseS        longest shadow pass in the run (s)
 * @param arrayAgeYears          years since the arrays' beginning of life
 * @param cbeAverageLoadW        orbit-average load as planned, current best estimate (W): time-weighted over sunlight
 *                               and eclipse (duty cycles in eclipse), without the loads off in eclipse by policy
 * @param mevAverageLoadW        the same with contingency (W)
 * @param cbePeakLoadW           coincident peak load, current best estimate (W): the larger of the sunlit and the
 *                               eclipse coincident peaks
 * @param mevPeakLoadW           the same with contingency (W)
 * @param arrayRatedPowerW       summed array rating at 1 AU, beginning of life (W)
 * @param sunlitGenerationW      array power reaching the bus in full sunlight at the array age (W)
 * @param orbitAverageGenerationW array power at the bus averaged over the orbit (W)
 * @param sustainableLoadW       sustainable orbit-average power (W): the largest multiple of the planned load profile
 *                               (sunlit and eclipse levels) the arrays sustain, times its average
 * @param powerMargin            (sustainable − MEV average) / sustainable (dimensionless; negative when short;
 *                               −∞ when the arrays give nothing and there is load, shown as "—" / null)
 * @param battery                battery results, or null when the workspace has no battery
 * @param checks                 every check with its rule and figures
 * @param timeline               exact event states of the MEV run (empty without a battery)
 * @param shadows                shadow intervals of the run (s from its start)
 * @param lifeCases              beginning-of-life and end-of-life (design array age) runs side by side, and end
 *                               of life with failed strings when set; the overall verdict is theirs together
 * @param sizing                 per operating mode, the largest extra constant load with every check passing
 * @param marginPolicy           the margin policy the budget is judged by, in words
 * @param requiredMargin         the power margin that policy requires (dimensionless)
 * @param transferDemandW        coincident MEV peak of the elements without arrays (every load of theirs at its
 *                               peak power at once), which the power element must pass on: the largest over the
 *                               modes the run holds (W); the power transfer check judges it
 * @param transferAverageW       orbit-average MEV demand of those elements in the same mode (W), shown beside it
 * @param transferLimitW         what the power element can pass on (W)
 * @param elementLoads           per element, its orbit-average MEV load in each mode, for the power chart
 * @param modeSteps              which mode holds from when in the MEV run (s from its start, mode id)
 * @param mission                the mission span's eclipses as the design case uses them: where the design
 *                               eclipse came from, longer passes, and the eclipse coverage; null when not
 *                               computed (no design case orbit to place)
 * @param runStart               the calendar time of the run's time 0 (UTC) on the ephemeris orbit; null on the
 *                               design orbit
 * @param elementBudgets         per element and mode, CBE, MEV, allocation and margin; the allocations summed
 * @param network                the power network's buses, converters and ports in each mode of the run;
 *                               {@link NetworkReport#NONE} when the workspace has none
 * @param visits                 visiting vehicles' dockings on a calendar run (empty on the design orbit)
 */
public record BalanceReport(
        long workspaceId,
        long modeId,
        String modeName,
        String illumination,
        double spanS,
        int eclipseCount,
        double longestEclipseS,
        double arrayAgeYears,
        double cbeAverageLoadW,
        double mevAverageLoadW,
        double cbePeakLoadW,
        double mevPeakLoadW,
        double arrayRatedPowerW,
        double sunlitGenerationW,
        double orbitAverageGenerationW,
        double sustainableLoadW,
        double powerMargin,
        BatteryResult battery,
        List<Check> checks,
        List<PowerState> timeline,
        List<SunlightTimeline.Interval> shadows,
        List<LifeCase> lifeCases,
        List<ModeSizing> sizing,
        String marginPolicy,
        double requiredMargin,
        double transferDemandW,
        double transferAverageW,
        double transferLimitW,
        List<ElementLoad> elementLoads,
        List<ModeStep> modeSteps,
        Mission mission,
        java.time.Instant runStart,
        ElementBudgets elementBudgets,
        NetworkReport network,
        List<Visit> visits) {

    public BalanceReport {
        network = network == null ? NetworkReport.NONE : network;
        checks = List.copyOf(checks);
        timeline = List.copyOf(timeline);
        shadows = List.copyOf(shadows);
        lifeCases = List.copyOf(lifeCases);
        sizing = List.copyOf(sizing);
        elementLoads = List.copyOf(elementLoads);
        modeSteps = List.copyOf(modeSteps);
        visits = visits == null ? List.of() : List.copyOf(visits);
    }

    /**
     * One element's share of the load, as planned: with its items' duty cycles in eclipse and without the loads
     * the eclipse shedding policy switches off there.
     *
     * @param elementId          the element, or {@link #CONVERTER_LOSSES} for the 28 V converters' losses
     * @param name               its name
     * @param mevByModeW         orbit-average MEV load by mode id (W), time-weighted over sunlight and eclipse
     * @param mevSunlitByModeW   MEV load in sunlight by mode id (W)
     * @param mevEclipseByModeW  MEV load in eclipse by mode id (W)
     */
    public record ElementLoad(long elementId, String name, java.util.Map<Long, Double> mevByModeW,
                              java.util.Map<Long, Double> mevSunlitByModeW,
                              java.util.Map<Long, Double> mevEclipseByModeW) {

        /** The id of the line that holds the converters' losses, not an element (element ids start at 1). */
        public static final long CONVERTER_LOSSES = 0;

        /** An element whose load is the same in sunlight and in eclipse. */
        public ElementLoad(long elementId, String name, java.util.Map<Long, Double> mevByModeW) {
            this(elementId, name, mevByModeW, mevByModeW, mevByModeW);
        }

        public ElementLoad {
            mevByModeW = java.util.Map.copyOf(mevByModeW);
            mevSunlitByModeW = java.util.Map.copyOf(mevSunlitByModeW);
            mevEclipseByModeW = java.util.Map.copyOf(mevEclipseByModeW);
        }

        /** The MEV load in mode {@code modeId} in sunlight or in eclipse (W), 0 when the mode has none. */
        public double mevW(long modeId, boolean inEclipse) {
            return (inEclipse ? mevEclipseByModeW : mevSunlitByModeW).getOrDefault(modeId, 0.0);
        }
    }

    /**
     * From {@code startS} (s from the start of the run) the loads are those of mode {@code modeId}.
     */
    public record ModeStep(double startS, long modeId) {
    }

    /** The mode in force at {@code tS} (s from the start of the run). */
    public long modeAt(double tS) {
        long mode = modeId;
        for (ModeStep s : modeSteps) {
            if (s.startS() <= tS) {
                mode = s.modeId();
            }
        }
        return mode;
    }

    /**
     * The same workspace at one array age.
     *
     * @param name             "BOL", "EOL" or "EOL, strings failed"
     * @param arrayAgeYears    years since beginning of life
     * @param sunlitGenerationW array power at the bus in full sunlight at 1 AU (W)
     * @param sustainableLoadW largest constant load the arrays sustain over the run (W)
     * @param powerMargin      (sustainable − MEV average) / sustainable (dimensionless)
     * @param minStateOfCharge lowest state of charge with MEV loads (dimensionless), NaN without a battery
     * @param shedJ            load shed (J)
     * @param unservedJ        critical load unserved (J)
     * @param checks           every check judged in this case, each naming it ({@link Check#caseName()})
     */
    public record LifeCase(String name, double arrayAgeYears, double sunlitGenerationW, double sustainableLoadW,
                           double powerMargin, double minStateOfCharge, double shedJ, double unservedJ,
                           List<Check> checks) {

        public LifeCase {
            checks = List.copyOf(checks);
        }

        /** Whether every check of this case passes. */
        public boolean allChecksPass() {
            return checks.stream().allMatch(Check::passed);
        }
    }

    /**
     * Energy of loads switched off in eclipse by the eclipse shedding policy in the MEV run (J): planned, so
     * neither shed at the floor nor unserved; 0 without a battery.
     */
    public double offInEclipseJ() {
        return battery == null ? 0.0 : battery.ledger().offInEclipseJ();
    }

    /** A builder naming each figure; see {@link BalanceReportBuilder} for the defaults. */
    public static BalanceReportBuilder builder() {
        return new BalanceReportBuilder();
    }

    /** A builder holding this report's figures, to derive a report that differs in a few. */
    public BalanceReportBuilder toBuilder() {
        return new BalanceReportBuilder(this);
    }

    /** The same report with other life cases. */
    public BalanceReport withLifeCases(List<LifeCase> cases) {
        return toBuilder().lifeCases(cases).build();
    }

    /** The same report with its own checks named as judged in case {@code caseName} ("BOL", "EOL"). */
    public BalanceReport asCase(String caseName) {
        return toBuilder().checks(checks.stream().map(c -> c.inCase(caseName)).toList()).build();
    }

    /** The same report with the mission's eclipses, and their coverage case (if any) after the life cases. */
    public BalanceReport withMission(Mission m, LifeCase coverage) {
        List<LifeCase> cases = new java.util.ArrayList<>(lifeCases);
        if (coverage != null) {
            cases.add(coverage);
        }
        return toBuilder().lifeCases(cases).mission(m).build();
    }

    /**
     * The same report placed on the calendar: time 0 of the run is {@code start} (UTC). Set for ephemeris runs,
     * whose charts then show dates; null for the design orbit, which has no date.
     */
    public BalanceReport withRunStart(java.time.Instant start) {
        return toBuilder().runStart(start).build();
    }

    /**
     * One eclipse pass of the mission span.
     *
     * @param body      "Earth" or "Moon"
     * @param start     penumbra entry (UTC)
     * @param end       penumbra exit (UTC)
     * @param durationS penumbra entry to exit (s)
     */
    public record Pass(String body, java.time.Instant start, java.time.Instant end, double durationS) {
    }

    /**
     * A pass the eclipse coverage judged, with what it broke.
     *
     * @param pass             the pass
     * @param minStateOfCharge lowest state of charge in its orbit (dimensionless)
     * @param shedJ            load shed at the floor in its orbit (J)
     * @param unservedJ        critical load unserved in its orbit (J)
     * @param broken           the rules it breaks, in words
     */
    public record CoveredPass(Pass pass, double minStateOfCharge, double shedJ, double unservedJ,
                              List<String> broken) {
        public CoveredPass {
            broken = List.copyOf(broken);
        }
    }

    /**
     * The mission span's eclipses as the design case uses them.
     *
     * @param from           beginning of life, the mission span's start (UTC)
     * @param to             mission end (UTC)
     * @param source         where the design eclipse comes from, in words
     * @param designEclipseS the design eclipse the design orbit uses (s)
     * @param designPass     the pass it was taken from; null when typed by hand or when no pass qualified
     * @param notes          what the user should know, in words (a longer pass, no pass of a body, …)
     * @param longerPasses   complete passes of the span longer than the design eclipse, longest first
     * @param passesJudged   complete passes the eclipse coverage ran; 0 without a battery
     * @param failingPasses  those that break a rule, in time order
     */
    public record Mission(java.time.Instant from, java.time.Instant to, String source, double designEclipseS,
                          Pass designPass, List<String> notes, List<Pass> longerPasses, int passesJudged,
                          List<CoveredPass> failingPasses) {
        public Mission {
            notes = List.copyOf(notes);
            longerPasses = List.copyOf(longerPasses);
            failingPasses = List.copyOf(failingPasses);
        }
    }

    /**
     * The power allocation the margin policy leaves for the loads: sustainable power less the required
     * margin (W). The MEV load must stay within it.
     */
    public double allocationW() {
        return sustainableLoadW * (1 - requiredMargin);
    }

    /**
     * The shadow pass the lowest state of charge falls in or follows; null without a battery or when no
     * pass precedes it.
     */
    public SunlightTimeline.Interval eclipseOfMinimum() {
        return BalanceReadings.eclipseOfMinimum(battery, shadows);
    }

    /**
     * When the lowest state of charge occurs and in which eclipse (the one it falls in or follows), in words: the
     * UTC date on an ephemeris run, where hours into a multi-year run would say little; hours into the run on
     * the design orbit.
     */
    public String whereMinimum() {
        return BalanceReadings.whereMinimum(this);
    }

    /**
     * The overall verdict: true only when every check of every life case shown (BOL, EOL, EOL with failed
     * strings) passes, and every check of this run. One failing case fails the budget.
     */
    public boolean allChecksPass() {
        return checks.stream().allMatch(Check::passed) && lifeCases.stream().allMatch(LifeCase::allChecksPass);
    }

    /** "PASS" or "FAIL": {@link #allChecksPass()} in words. */
    public String verdict() {
        return allChecksPass() ? "PASS" : "FAIL";
    }

    /**
     * The names of the cases that fail, in the order shown: the life cases with a failing check, and this
     * run's own case when one of its checks fails and no life case judged it.
     */
    public List<String> failingCases() {
        return BalanceReadings.failingCases(checks, lifeCases);
    }

    /**
     * Every failing check of every case, each naming its case: the life cases' in the order shown, then
     * this run's own when its case is not among them.
     */
    public List<Check> failingChecks() {
        return BalanceReadings.failingChecks(checks, lifeCases);
    }

    /**
     * Battery figures of the design orbit.
     *
     * @param capacityJ               bank capacity (J)
     * @param minStateOfChargeLimit   bank floor (dimensionless)
     * @param maxStateOfChargeLimit   bank ceiling (dimensionless)
     * @param initialStateOfCharge    at the start of the orbit (dimensionless)
     * @param minStateOfCharge        lowest over the orbit with MEV loads (dimensionless)
     * @param minStateOfChargeCbe     lowest over the orbit with CBE loads (dimensionless)
     * @param minStateOfChargeTimeS   when the lowest MEV state of charge occurs (s from orbit start)
     * @param maxDepthOfDischarge     1 − lowest MEV state of charge (dimensionless)
     * @param maxDepthOfDischargeLimit 1 − floor (dimensionless)
     * @param finalStateOfCharge      at the end of the orbit, MEV (dimensionless)
     * @param eclipseEnergyDrawnJ     stored energy removed during the deepest eclipse, MEV (J)
     * @param rechargeTimeS           time after that eclipse's exit to recover, or null if not within the run (s)
     * @param ledger                  energy ledger of the MEV run
     * @param shedding                loads shed in the MEV run (when, which priority, energy)
     * @param orbitsNotClosing        number of orbits that did not regain the energy their eclipse removed
     */
    public record BatteryResult(
            double capacityJ,
            double minStateOfChargeLimit,
            double maxStateOfChargeLimit,
            double initialStateOfCharge,
            double minStateOfCharge,
            double minStateOfChargeCbe,
            double minStateOfChargeTimeS,
            double maxDepthOfDischarge,
            double maxDepthOfDischargeLimit,
            double finalStateOfCharge,
            double eclipseEnergyDrawnJ,
            Double rechargeTimeS,
            EnergyLedger ledger,
            List<ShedInterval> shedding,
            int orbitsNotClosing) {

        public BatteryResult {
            shedding = List.copyOf(shedding);
        }
    }

    /**
     * One pass/fail check.
     *
     * @param name     short name
     * @param rule     the rule, in words
     * @param passed   whether it holds
     * @param figures  the figures behind the verdict
     * @param caseName the case it judged: "BOL", "EOL", "EOL, 25 % of strings failed"
     */
    public record Check(String name, String rule, boolean passed, String figures, String caseName) {

        /** The same check, judged in case {@code other}. */
        public Check inCase(String other) {
            return new Check(name, rule, passed, figures, other);
        }
    }
}
