package org.gatewaypower.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.gatewaypower.physics.energy.BatteryBank;
import org.gatewaypower.physics.energy.BatterySpec;
import org.gatewaypower.physics.energy.EnergyBalanceInput;
import org.gatewaypower.physics.energy.EnergyBalanceRun;
import org.gatewaypower.physics.energy.EnergyBalanceSimulator;
import org.gatewaypower.physics.energy.LoadSchedule;
import org.gatewaypower.physics.energy.SolarArraySpec;
import org.gatewaypower.physics.energy.SourceCapability;
import org.gatewaypower.physics.energy.SunlightTimeline;
import org.gatewaypower.physics.energy.TimelineWindows;
import org.gatewaypower.physics.load.EclipseShedding;
import org.gatewaypower.workspace.ReadModels;

/**
 * The eclipse coverage case: the design case run through every complete eclipse of the mission span.
 * Split from {@link BalanceCalculator}, whose load and battery conversion it shares through {@link LoadPlan}.
 */
final class EclipseCoverage {

    private EclipseCoverage() {
    }

    private static final double WH = BatterySpec.J_PER_WH;

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
        List<SolarArraySpec> arrays = LoadPlan.arrays(ws);
        EclipseShedding shedding = dc.eclipseShedding();
        LoadSchedule loads = LoadPlan.schedule(ws, dc.activeModeId(), List.of(), true);
        LoadSchedule basis = LoadPlan.basisProfile(ws, dc.marginPolicy(), dc.activeModeId());
        double year = EnergyBalanceSimulator.SECONDS_PER_YEAR;
        List<BalanceReport.CoveredPass> failing = new ArrayList<>();
        double shed = 0;
        double unserved = 0;
        int judged = 0;
        // The pass with the lowest state of charge stands for the case in the life-case table.
        double worstSoc = Double.POSITIVE_INFINITY;
        double worstAge = 0;
        double worstSustainable = 0;
        LoadPlan.Planned worstLoad = LoadPlan.planned(ws, dc.activeModeId(), 0.0, shedding);
        for (MissionPass p : passes) {
            double end = Math.min(p.startS() + periodS, mission.durationS());
            if (!(end > p.startS())) {
                continue;
            }
            SunlightTimeline window = mission.window(p.startS(), end);
            double age = p.startS() / year;
            BatteryBank bank = LoadPlan.agedBank(ws, end / year);
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
                worstLoad = LoadPlan.planned(ws, dc.activeModeId(), LoadPlan.eclipseFraction(window), shedding);
            }
        }
        double sustainable = worstSustainable;
        double margin = dc.marginPolicy().marginOf(sustainable, worstLoad.orbit().cbeAverageW(),
                worstLoad.orbit().mevAverageW());
        double sunlitAtWorst = LoadPlan.sunlitBusW(arrays, worstAge);
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
}
