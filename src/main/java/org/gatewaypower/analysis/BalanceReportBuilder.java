package org.gatewaypower.analysis;

import java.time.Instant;
import java.util.List;

import org.gatewaypower.physics.energy.PowerState;
import org.gatewaypower.physics.energy.SunlightTimeline;

/**
 * Builds a {@link BalanceReport} by naming each figure, so that no caller lines up its 32 components by
 * position (several are doubles side by side, where a swap compiles). Lists default to empty, the battery,
 * the mission and the run start to null (no battery, not computed, design orbit); every other figure to 0.
 * Units are those of the report's components (W, J, s, years, dimensionless fractions).
 */
public final class BalanceReportBuilder {

    private long workspaceId;
    private long modeId;
    private String modeName;
    private String illumination;
    private double spanS;
    private int eclipseCount;
    private double longestEclipseS;
    private double arrayAgeYears;
    private double cbeAverageLoadW;
    private double mevAverageLoadW;
    private double cbePeakLoadW;
    private double mevPeakLoadW;
    private double arrayRatedPowerW;
    private double sunlitGenerationW;
    private double orbitAverageGenerationW;
    private double sustainableLoadW;
    private double powerMargin;
    private BalanceReport.BatteryResult battery;
    private List<BalanceReport.Check> checks = List.of();
    private List<PowerState> timeline = List.of();
    private List<SunlightTimeline.Interval> shadows = List.of();
    private List<BalanceReport.LifeCase> lifeCases = List.of();
    private List<ModeSizing> sizing = List.of();
    private String marginPolicy;
    private double requiredMargin;
    private double transferDemandW;
    private double transferAverageW;
    private double transferLimitW;
    private List<BalanceReport.ElementLoad> elementLoads = List.of();
    private List<BalanceReport.ModeStep> modeSteps = List.of();
    private BalanceReport.Mission mission;
    private Instant runStart;
    private ElementBudgets elementBudgets = ElementBudgets.NONE;
    private NetworkReport network = NetworkReport.NONE;
    private List<Visit> visits = List.of();

    BalanceReportBuilder() {
    }

    /** A builder holding every figure of {@code r}, to change a few of them. */
    BalanceReportBuilder(BalanceReport r) {
        this.workspaceId = r.workspaceId();
        this.modeId = r.modeId();
        this.modeName = r.modeName();
        this.illumination = r.illumination();
        this.spanS = r.spanS();
        this.eclipseCount = r.eclipseCount();
        this.longestEclipseS = r.longestEclipseS();
        this.arrayAgeYears = r.arrayAgeYears();
        this.cbeAverageLoadW = r.cbeAverageLoadW();
        this.mevAverageLoadW = r.mevAverageLoadW();
        this.cbePeakLoadW = r.cbePeakLoadW();
        this.mevPeakLoadW = r.mevPeakLoadW();
        this.arrayRatedPowerW = r.arrayRatedPowerW();
        this.sunlitGenerationW = r.sunlitGenerationW();
        this.orbitAverageGenerationW = r.orbitAverageGenerationW();
        this.sustainableLoadW = r.sustainableLoadW();
        this.powerMargin = r.powerMargin();
        this.battery = r.battery();
        this.checks = r.checks();
        this.timeline = r.timeline();
        this.shadows = r.shadows();
        this.lifeCases = r.lifeCases();
        this.sizing = r.sizing();
        this.marginPolicy = r.marginPolicy();
        this.requiredMargin = r.requiredMargin();
        this.transferDemandW = r.transferDemandW();
        this.transferAverageW = r.transferAverageW();
        this.transferLimitW = r.transferLimitW();
        this.elementLoads = r.elementLoads();
        this.modeSteps = r.modeSteps();
        this.mission = r.mission();
        this.runStart = r.runStart();
        this.elementBudgets = r.elementBudgets();
        this.network = r.network();
        this.visits = r.visits();
    }

    public BalanceReportBuilder workspaceId(long value) {
        this.workspaceId = value;
        return this;
    }

    public BalanceReportBuilder modeId(long value) {
        this.modeId = value;
        return this;
    }

    public BalanceReportBuilder modeName(String value) {
        this.modeName = value;
        return this;
    }

    public BalanceReportBuilder illumination(String value) {
        this.illumination = value;
        return this;
    }

    public BalanceReportBuilder spanS(double value) {
        this.spanS = value;
        return this;
    }

    public BalanceReportBuilder eclipseCount(int value) {
        this.eclipseCount = value;
        return this;
    }

    public BalanceReportBuilder longestEclipseS(double value) {
        this.longestEclipseS = value;
        return this;
    }

    public BalanceReportBuilder arrayAgeYears(double value) {
        this.arrayAgeYears = value;
        return this;
    }

    public BalanceReportBuilder cbeAverageLoadW(double value) {
        this.cbeAverageLoadW = value;
        return this;
    }

    public BalanceReportBuilder mevAverageLoadW(double value) {
        this.mevAverageLoadW = value;
        return this;
    }

    public BalanceReportBuilder cbePeakLoadW(double value) {
        this.cbePeakLoadW = value;
        return this;
    }

    public BalanceReportBuilder mevPeakLoadW(double value) {
        this.mevPeakLoadW = value;
        return this;
    }

    public BalanceReportBuilder arrayRatedPowerW(double value) {
        this.arrayRatedPowerW = value;
        return this;
    }

    public BalanceReportBuilder sunlitGenerationW(double value) {
        this.sunlitGenerationW = value;
        return this;
    }

    public BalanceReportBuilder orbitAverageGenerationW(double value) {
        this.orbitAverageGenerationW = value;
        return this;
    }

    public BalanceReportBuilder sustainableLoadW(double value) {
        this.sustainableLoadW = value;
        return this;
    }

    public BalanceReportBuilder powerMargin(double value) {
        this.powerMargin = value;
        return this;
    }

    public BalanceReportBuilder battery(BalanceReport.BatteryResult value) {
        this.battery = value;
        return this;
    }

    public BalanceReportBuilder checks(List<BalanceReport.Check> value) {
        this.checks = value;
        return this;
    }

    public BalanceReportBuilder timeline(List<PowerState> value) {
        this.timeline = value;
        return this;
    }

    public BalanceReportBuilder shadows(List<SunlightTimeline.Interval> value) {
        this.shadows = value;
        return this;
    }

    public BalanceReportBuilder lifeCases(List<BalanceReport.LifeCase> value) {
        this.lifeCases = value;
        return this;
    }

    public BalanceReportBuilder sizing(List<ModeSizing> value) {
        this.sizing = value;
        return this;
    }

    public BalanceReportBuilder marginPolicy(String value) {
        this.marginPolicy = value;
        return this;
    }

    public BalanceReportBuilder requiredMargin(double value) {
        this.requiredMargin = value;
        return this;
    }

    public BalanceReportBuilder transferDemandW(double value) {
        this.transferDemandW = value;
        return this;
    }

    public BalanceReportBuilder transferAverageW(double value) {
        this.transferAverageW = value;
        return this;
    }

    public BalanceReportBuilder transferLimitW(double value) {
        this.transferLimitW = value;
        return this;
    }

    public BalanceReportBuilder elementLoads(List<BalanceReport.ElementLoad> value) {
        this.elementLoads = value;
        return this;
    }

    public BalanceReportBuilder modeSteps(List<BalanceReport.ModeStep> value) {
        this.modeSteps = value;
        return this;
    }

    public BalanceReportBuilder mission(BalanceReport.Mission value) {
        this.mission = value;
        return this;
    }

    public BalanceReportBuilder runStart(Instant value) {
        this.runStart = value;
        return this;
    }

    public BalanceReportBuilder elementBudgets(ElementBudgets value) {
        this.elementBudgets = value;
        return this;
    }

    /** The power network's flows and checks; {@link NetworkReport#NONE} (the default) without a network. */
    public BalanceReportBuilder network(NetworkReport value) {
        this.network = value;
        return this;
    }

    public BalanceReportBuilder visits(List<Visit> value) {
        this.visits = value;
        return this;
    }

    public BalanceReport build() {
        return new BalanceReport(
                workspaceId, modeId, modeName, illumination, spanS, eclipseCount, longestEclipseS, arrayAgeYears,
                cbeAverageLoadW, mevAverageLoadW, cbePeakLoadW, mevPeakLoadW, arrayRatedPowerW, sunlitGenerationW,
                orbitAverageGenerationW, sustainableLoadW, powerMargin, battery, checks, timeline, shadows, lifeCases,
                sizing, marginPolicy, requiredMargin, transferDemandW, transferAverageW, transferLimitW, elementLoads,
                modeSteps, mission, runStart, elementBudgets, network, visits);
    }
}
