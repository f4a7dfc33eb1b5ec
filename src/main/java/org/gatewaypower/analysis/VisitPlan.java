package org.gatewaypower.analysis;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;

import org.gatewaypower.physics.energy.LoadSchedule;
import org.gatewaypower.physics.load.EclipseShedding;
import org.gatewaypower.workspace.ReadModels;

/**
 * Visiting vehicles on a calendar run: which vehicle is docked when, what the station feeds it and what it exports.
 *
 * <p>Model: a vehicle element that has at least one docking is aboard only inside its docking windows; there its PEL
 * items count at the duties of the mode the operations timeline sets, and its export is an external supply at the
 * bus (drawn after the arrays, see {@link org.gatewaypower.physics.energy.EnergyBalanceSimulator}); outside them its
 * loads count nowhere. A vehicle element without any docking counts through its mode duties as before, everywhere.
 * On the one-orbit design case there are no dates: {@link #none()} leaves every load as planned and counts no
 * export (conservative: the export only ever helps).
 *
 * <p>Assumptions: the export is constant over the window, in sunlight and in the station's eclipse alike (the
 * vehicle's own source, e.g. Orion's arrays, is taken as available whenever it is docked); the docking port's limit
 * is the power network's concern, not applied here.
 */
final class VisitPlan {

    /** A docking's window within the run (s from its start, clipped to the span). */
    record Window(ReadModels.Docking docking, double startS, double endS) {

        boolean covers(double tS) {
            return startS <= tS && tS < endS;
        }
    }

    private static final VisitPlan NONE = new VisitPlan(List.of(), List.of(), Set.of());

    private final List<ReadModels.Docking> dockings;
    private final List<Window> windows;
    private final Set<Long> vehicles;

    private VisitPlan(List<ReadModels.Docking> dockings, List<Window> windows, Set<Long> vehicles) {
        this.dockings = dockings;
        this.windows = windows;
        this.vehicles = vehicles;
    }

    /** No dates (the design orbit): every load as planned, no export. */
    static VisitPlan none() {
        return NONE;
    }

    /** The dockings of a calendar run from {@code runStart} over {@code spanS} (s). */
    static VisitPlan of(List<ReadModels.Docking> dockings, Instant runStart, double spanS) {
        List<Window> windows = new ArrayList<>();
        Set<Long> vehicles = new HashSet<>();
        for (ReadModels.Docking d : dockings) {
            vehicles.add(d.vehicleElementId());
            double from = Math.max(0, seconds(runStart, d.start()));
            double to = Math.min(spanS, seconds(runStart, d.end()));
            if (to > from) {
                windows.add(new Window(d, from, to));
            }
        }
        return new VisitPlan(List.copyOf(dockings), List.copyOf(windows), Set.copyOf(vehicles));
    }

    private static double seconds(Instant from, Instant t) {
        return Duration.between(from, t).toMillis() / 1000.0;
    }

    /** The docking windows within the run. */
    List<Window> windows() {
        return windows;
    }

    /**
     * The demand over the run with the visiting vehicles: the default mode switched by the timeline's steps, each
     * vehicle's loads only while docked, and the docked vehicles' export as the steps' supply.
     *
     * @param withoutDockingId a docking left out (as if it did not happen), or null for none
     */
    LoadSchedule schedule(ReadModels.WorkspaceSnapshot ws, long defaultModeId, List<BalanceCalculator.ModeStep> steps,
                          boolean mev, Long withoutDockingId) {
        if (dockings.isEmpty()) {
            return LoadPlan.schedule(ws, defaultModeId, steps, mev);
        }
        List<Window> counted = windows.stream()
                .filter(w -> withoutDockingId == null || w.docking().id() != withoutDockingId).toList();
        TreeSet<Double> starts = new TreeSet<>();
        starts.add(0.0);
        steps.forEach(s -> starts.add(Math.max(0, s.startS())));
        counted.forEach(w -> {
            starts.add(w.startS());
            starts.add(w.endS());
        });
        Map<String, LoadSchedule.Step> levels = new HashMap<>();
        List<LoadSchedule.Step> out = new ArrayList<>();
        for (double t : starts) {
            long mode = modeAt(defaultModeId, steps, t);
            Set<Long> docked = new TreeSet<>();
            double supply = 0;
            for (Window w : counted) {
                if (w.covers(t)) {
                    docked.add(w.docking().vehicleElementId());
                    supply += w.docking().exportW();
                }
            }
            LoadSchedule.Step level = levels.computeIfAbsent(mode + " " + docked, k -> new LoadSchedule.Step(0.0,
                    LoadPlan.level(ws, mode, mev, false, l -> aboard(l, docked)),
                    LoadPlan.level(ws, mode, mev, true, l -> aboard(l, docked))));
            out.add(new LoadSchedule.Step(t, level.sunlit(), level.shadow(), supply));
        }
        return new LoadSchedule(out);
    }

    /** Whether a load counts: not a vehicle's with dockings, or its vehicle is docked. */
    private boolean aboard(ReadModels.LoadItem l, Set<Long> docked) {
        return !vehicles.contains(l.elementId()) || docked.contains(l.elementId());
    }

    /** The mode at {@code tS}: the last step starting at or before it, else the default. */
    private static long modeAt(long defaultModeId, List<BalanceCalculator.ModeStep> steps, double tS) {
        long mode = defaultModeId;
        for (BalanceCalculator.ModeStep s : steps) {
            if (Math.max(0, s.startS()) <= tS) {
                mode = s.modeId();
            }
        }
        return mode;
    }

    /**
     * Each docking as the run sees it.
     *
     * @param minSocWith    the run's minimum state of charge as analysed; null without a battery
     * @param minSocWithout the minimum state of charge of the same run with the given schedule (one docking left
     *                      out); null without a battery
     */
    List<Visit> visits(ReadModels.WorkspaceSnapshot ws, long defaultModeId, List<BalanceCalculator.ModeStep> steps,
                       double spanS, double eclipseFraction, EclipseShedding shedding, Double minSocWith,
                       ToDoubleFunction<LoadSchedule> minSocWithout) {
        List<Visit> out = new ArrayList<>();
        for (ReadModels.Docking d : dockings) {
            Window w = windows.stream().filter(x -> x.docking().id() == d.id()).findFirst().orElse(null);
            if (w == null) {
                out.add(new Visit(d.id(), d.vehicleElementId(), d.vehicleName(), d.start(), d.end(), false, 0, 0,
                        d.exportW(), null, null));
                continue;
            }
            double[] draw = draw(ws, defaultModeId, steps, spanS, eclipseFraction, shedding, w);
            Double without = minSocWith == null ? null
                    : minSocWithout.applyAsDouble(schedule(ws, defaultModeId, steps, true, d.id()));
            out.add(new Visit(d.id(), d.vehicleElementId(), d.vehicleName(), d.start(), d.end(), true, draw[0],
                    draw[1], d.exportW(), minSocWith, without));
        }
        return out;
    }

    /** The vehicle's MEV draw over its window: time-weighted orbit average and largest coincident peak (W). */
    private static double[] draw(ReadModels.WorkspaceSnapshot ws, long defaultModeId,
                                 List<BalanceCalculator.ModeStep> steps, double spanS, double eclipseFraction,
                                 EclipseShedding shedding, Window w) {
        TreeSet<Double> cuts = new TreeSet<>(List.of(w.startS(), w.endS()));
        steps.forEach(s -> {
            if (s.startS() > w.startS() && s.startS() < w.endS()) {
                cuts.add(s.startS());
            }
        });
        double energy = 0;
        double peak = 0;
        Double previous = null;
        for (double t : cuts) {
            if (previous != null) {
                long mode = modeAt(defaultModeId, steps, previous);
                LoadPlan.Planned p = LoadPlan.planned(ws, mode, eclipseFraction, shedding,
                        l -> l.elementId() == w.docking().vehicleElementId());
                energy += p.orbit().mevAverageW() * (t - previous);
                peak = Math.max(peak, p.orbit().mevPeakW());
            }
            previous = t;
        }
        double duration = Math.min(spanS, w.endS()) - w.startS();
        return new double[] {duration > 0 ? energy / duration : 0, peak};
    }
}
