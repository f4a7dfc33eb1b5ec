package org.gatewaypower.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

import org.gatewaypower.physics.energy.BatteryBank;
import org.gatewaypower.physics.energy.BatterySpec;
import org.gatewaypower.physics.energy.LoadLevel;
import org.gatewaypower.physics.energy.LoadSchedule;
import org.gatewaypower.physics.energy.SolarArraySpec;
import org.gatewaypower.physics.energy.SunlightSegment;
import org.gatewaypower.physics.energy.SunlightTimeline;
import org.gatewaypower.physics.load.EclipseShedding;
import org.gatewaypower.physics.load.MarginPolicy;
import org.gatewaypower.physics.load.LoadItemSpec;
import org.gatewaypower.physics.load.ModeLoad;
import org.gatewaypower.workspace.ReadModels;

/**
 * The workspace's loads, batteries and arrays in physics terms: planned loads per mode (sunlit, eclipse,
 * orbit average), the demand schedule over a run, the aged battery bank and the power transfer to the elements
 * without arrays. Split from {@link BalanceCalculator}, which runs and judges what these give.
 */
final class LoadPlan {

    private LoadPlan() {
    }

    static List<SolarArraySpec> arrays(ReadModels.WorkspaceSnapshot ws) {
        return ws.arrays().stream()
                .map(a -> new SolarArraySpec(a.name(), a.ratedPowerW(), a.degradationPerYear(), a.pathEfficiency(),
                        a.incidenceDeg(), a.temperatureCoefficientPerK(), a.temperatureOffsetK()))
                .toList();
    }

    static double sunlitBusW(List<SolarArraySpec> arrays, double ageYears) {
        return arrays.stream().mapToDouble(a -> a.busPowerW(ageYears)).sum();
    }

    /** Every battery of the workspace as one bank, each with its calendar fade over {@code ageYears} (years). */
    static BatteryBank agedBank(ReadModels.WorkspaceSnapshot ws, double ageYears) {
        return BatteryBank.of(ws.batteries().stream()
                .map(b -> toSpec(b).aged(b.capacityFadePerYear(), ageYears)).toList());
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
    record Transfer(double peakW, double averageW, String rule, boolean passed, String figures) {

        BalanceReport.Check check(String caseName) {
            return new BalanceReport.Check("Power transfer", rule, passed, figures, caseName);
        }
    }

    /**
     * Judges the power transfer on the coincident peak: in every mode the run holds, every load of the
     * elements without arrays at its peak power at once, with MEV contingency, against the limit; the
     * orbit average is shown beside it.
     */
    static Transfer transfer(ReadModels.WorkspaceSnapshot ws, List<Long> modeIds, double limitW,
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
    static List<Long> modesOfRun(long defaultModeId, List<BalanceCalculator.ModeStep> steps, double spanS) {
        java.util.LinkedHashSet<Long> modes = new java.util.LinkedHashSet<>();
        boolean replacedAtStart = steps.stream().anyMatch(s -> s.startS() <= 0);
        if (!replacedAtStart) {
            modes.add(defaultModeId);
        }
        for (BalanceCalculator.ModeStep s : steps) {
            if (s.startS() < spanS) {
                modes.add(s.modeId());
            }
        }
        return List.copyOf(modes);
    }

    /** Each element's planned MEV load in every mode: orbit average, in sunlight and in eclipse (W). */
    static List<BalanceReport.ElementLoad> elementLoads(ReadModels.WorkspaceSnapshot ws, double eclipseFraction,
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
        if (!ws.converters().isEmpty()) {
            out.add(converterLosses(ws, eclipseFraction, shedding));
        }
        return out;
    }

    /**
     * What the 28 V loads lose in their converters, MEV, as one more line beside the elements, so that the lines add
     * up to the demand at the 120 V bus the energy balance runs on (W): per mode, the demand at the bus less the
     * demand at the loads, in sunlight and in eclipse (without the loads off there by policy) and time-weighted.
     */
    private static BalanceReport.ElementLoad converterLosses(ReadModels.WorkspaceSnapshot ws, double eclipseFraction,
                                                             EclipseShedding shedding) {
        Map<Long, Double> average = new HashMap<>();
        Map<Long, Double> sunlit = new HashMap<>();
        Map<Long, Double> eclipse = new HashMap<>();
        for (ReadModels.Mode m : ws.modes()) {
            double sun = level(ws, m.id(), true, false, l -> true, true).totalW()
                    - level(ws, m.id(), true, false, l -> true, false).totalW();
            double dark = level(ws, m.id(), true, true, l -> true, true).keptOnBy(shedding).totalW()
                    - level(ws, m.id(), true, true, l -> true, false).keptOnBy(shedding).totalW();
            sunlit.put(m.id(), sun);
            eclipse.put(m.id(), dark);
            average.put(m.id(), weighted(sun, dark, eclipseFraction));
        }
        return new BalanceReport.ElementLoad(BalanceReport.ElementLoad.CONVERTER_LOSSES, "28 V converter losses",
                average, sunlit, eclipse);
    }

    /** A mode's demand on the margin policy's basis (CBE or MEV), sunlit and in eclipse (W). */
    static LoadSchedule basisProfile(ReadModels.WorkspaceSnapshot ws, MarginPolicy policy, long modeId) {
        boolean mev = policy.basis() == MarginPolicy.Basis.MEV;
        return LoadSchedule.constant(level(ws, modeId, mev, false), level(ws, modeId, mev, true));
    }

    /** Share of a timeline in eclipse, lit fraction below 1 (dimensionless). */
    static double eclipseFraction(SunlightTimeline orbit) {
        return orbit.segments().stream().filter(SunlightSegment::inShadow).mapToDouble(SunlightSegment::durationS)
                .sum() / orbit.durationS();
    }

    /** The elements that carry a solar array of their own. */
    static java.util.Set<Long> powered(ReadModels.WorkspaceSnapshot ws) {
        java.util.Set<Long> powered = new java.util.HashSet<>();
        ws.arrays().forEach(a -> powered.add(a.elementId()));
        return powered;
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
    record Planned(ModeLoad orbit, double mevSunlitW, double mevEclipseW, double mevEclipsePeakW) {
    }

    static Planned planned(ReadModels.WorkspaceSnapshot ws, long modeId, double eclipseFraction,
                                   EclipseShedding shedding) {
        return planned(ws, modeId, eclipseFraction, shedding, l -> true);
    }

    /** The planned load of the items {@code which} selects in one mode. */
    static Planned planned(ReadModels.WorkspaceSnapshot ws, long modeId, double eclipseFraction,
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
    static double weighted(double sunlitW, double eclipseW, double eclipseFraction) {
        return sunlitW + (eclipseW - sunlitW) * eclipseFraction;
    }

    /** The demand over the run: the default mode, switched by the operations timeline's steps. */
    static LoadSchedule schedule(ReadModels.WorkspaceSnapshot ws, long defaultModeId, List<BalanceCalculator.ModeStep> steps,
                                         boolean mev) {
        Map<Long, LoadSchedule.Step> levels = new HashMap<>();
        java.util.function.Function<Long, LoadSchedule.Step> mode = m -> new LoadSchedule.Step(0.0,
                level(ws, m, mev, false), level(ws, m, mev, true));
        List<LoadSchedule.Step> out = new ArrayList<>();
        out.add(levels.computeIfAbsent(defaultModeId, mode));
        for (BalanceCalculator.ModeStep step : steps) {
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
     * duty cycle there) at the 120 V bus, with the converter losses of 28 V loads (W); the eclipse shedding policy is
     * applied by the simulator, not here.
     */
    static LoadLevel level(ReadModels.WorkspaceSnapshot ws, long modeId, boolean mev, boolean inEclipse) {
        return level(ws, modeId, mev, inEclipse, l -> true);
    }

    /** As {@link #level(ReadModels.WorkspaceSnapshot, long, boolean, boolean)}, of the items {@code which} selects. */
    static LoadLevel level(ReadModels.WorkspaceSnapshot ws, long modeId, boolean mev, boolean inEclipse,
                           java.util.function.Predicate<ReadModels.LoadItem> which) {
        return level(ws, modeId, mev, inEclipse, which, true);
    }

    /**
     * The share of a mode's planned load on the margin policy's basis that reaches the loads: its orbit average at
     * the loads over its orbit average at the 120 V bus, where 28 V loads cost load / efficiency (dimensionless, in
     * (0, 1]; exactly 1 without converters or without load). Weighted by the time in sunlight and in eclipse, without
     * the loads off in eclipse by policy, as the planned load figures are.
     */
    static double atLoadsShare(ReadModels.WorkspaceSnapshot ws, MarginPolicy policy, long modeId,
                               double eclipseFraction, EclipseShedding shedding) {
        if (ws.converters().isEmpty()) {
            return 1.0;
        }
        boolean mev = policy.basis() == MarginPolicy.Basis.MEV;
        double[] average = new double[2];
        for (int atBus = 0; atBus < 2; atBus++) {
            LoadLevel sunlit = level(ws, modeId, mev, false, l -> true, atBus == 1);
            LoadLevel dark = level(ws, modeId, mev, true, l -> true, atBus == 1).keptOnBy(shedding);
            average[atBus] = weighted(sunlit.totalW(), dark.totalW(), eclipseFraction);
        }
        return average[1] > 0 ? average[0] / average[1] : 1.0;
    }

    /** The demand of the items {@code which} selects, at the 120 V bus ({@code atBus}) or at the loads themselves. */
    private static LoadLevel level(ReadModels.WorkspaceSnapshot ws, long modeId, boolean mev, boolean inEclipse,
                                   java.util.function.Predicate<ReadModels.LoadItem> which, boolean atBus) {
        double critical = 0;
        double essential = 0;
        double deferrable = 0;
        // A 28 V load fed through converters costs more at the 120 V bus: load / efficiency (NetworkCalculator).
        Map<Long, Double> converted = atBus ? NetworkCalculator.secondaryInputFactor(ws) : Map.of();
        for (ReadModels.LoadItem l : ws.loads()) {
            if (!which.test(l)) {
                continue;
            }
            LoadItemSpec spec = toSpec(l);
            double duty = inEclipse ? l.shadowDuty(modeId) : l.duty(modeId);
            double w = spec.averagePowerW(duty) * (mev ? spec.mevFactor() : 1.0)
                    * (l.bus() == org.gatewaypower.workspace.Bus.V28 ? converted.getOrDefault(l.elementId(), 1.0) : 1.0);
            switch (spec.priority()) {
                case CRITICAL -> critical += w;
                case ESSENTIAL -> essential += w;
                case DEFERRABLE -> deferrable += w;
            }
        }
        return new LoadLevel(critical, essential, deferrable);
    }

    static LoadItemSpec toSpec(ReadModels.LoadItem l) {
        return new LoadItemSpec(l.name(), l.quantity(), l.standbyPowerW(), l.operatingPowerW(), l.peakPowerW(),
                l.maturity(), l.priority());
    }

    static BatterySpec toSpec(ReadModels.Battery b) {
        return new BatterySpec(b.name(), b.capacityJ(), b.minStateOfCharge(), b.maxStateOfCharge(),
                b.chargeEfficiency(), b.dischargeEfficiency(), b.maxChargePowerW(), b.maxDischargePowerW(),
                b.initialStateOfCharge());
    }
}
