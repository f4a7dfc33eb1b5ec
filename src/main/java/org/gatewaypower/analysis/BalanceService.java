package org.gatewaypower.analysis;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.gatewaypower.physics.energy.SunlightTimeline;
import org.gatewaypower.workspace.AnalysisTimeline;
import org.gatewaypower.workspace.Operations;
import org.gatewaypower.workspace.OperationsService;
import org.gatewaypower.workspace.ReadModels;
import org.gatewaypower.workspace.WorkspaceService;
import org.springframework.stereotype.Service;

/**
 * The analysis module's API: the energy balance of a workspace's analysis case, on the design orbit
 * or on the ephemeris orbit over the chosen span. Results are computed from a consistent snapshot on
 * every call; the ephemeris illumination (the costly part) is cached by {@link EclipseService}, so
 * an edit to a load re-runs only the energy balance.
 */
@Service
public class BalanceService {

    private final WorkspaceService workspaces;
    private final EclipseService eclipses;
    private final OperationsService operations;
    private final Timer analysisTime;

    BalanceService(WorkspaceService workspaces, EclipseService eclipses, OperationsService operations,
                   MeterRegistry meters) {
        this.workspaces = workspaces;
        this.eclipses = eclipses;
        this.operations = operations;
        // For operators (README, Operations); the other application meters are in the operations module.
        this.analysisTime = Timer.builder("gateway.analysis.duration")
                .description("Time to compute one workspace balance (end of life or beginning of life) from a snapshot")
                .register(meters);
    }

    /**
     * The operations timeline as mode steps from the span start: each phase's mode from its start, and
     * the design case's mode again from its end until the next phase (phases never overlap).
     */
    static List<BalanceCalculator.ModeStep> modeSteps(List<Operations.OperationPhase> phases, long defaultModeId,
                                                      Instant from, Instant to) {
        List<BalanceCalculator.ModeStep> steps = new ArrayList<>();
        for (Operations.OperationPhase p : phases) {
            steps.add(new BalanceCalculator.ModeStep(seconds(from, p.start()), p.modeId()));
            if (p.end().isBefore(to)) {
                steps.add(new BalanceCalculator.ModeStep(seconds(from, p.end()), defaultModeId));
            }
        }
        steps.sort(Comparator.comparingDouble(BalanceCalculator.ModeStep::startS));
        // A phase starting where the previous one ends replaces the return to the default mode.
        List<BalanceCalculator.ModeStep> out = new ArrayList<>();
        for (BalanceCalculator.ModeStep s : steps) {
            if (!out.isEmpty() && out.get(out.size() - 1).startS() == s.startS()) {
                if (s.modeId() != defaultModeId) {
                    out.set(out.size() - 1, s);
                }
            } else {
                out.add(s);
            }
        }
        return out;
    }

    private static double seconds(Instant from, Instant t) {
        return Math.max(0, Duration.between(from, t).toMillis() / 1000.0);
    }

    /*
     * Four entry points: a workspace by id or a snapshot already read, at the design case's array age (end of
     * life) or at beginning of life, and a snapshot with an operations timeline given (frozen or edited inputs).
     * All meet in analyse(...).
     */

    /** The balance of the workspace as saved, at the design case's array age (end of life). */
    public BalanceReport balance(long workspaceId) {
        return balance(workspaceId, false);
    }

    /**
     * The balance at beginning of life (array age 0 years) or, as {@link #balance(long)}, at the design
     * case's array age (end of life, years).
     */
    public BalanceReport balance(long workspaceId, boolean beginningOfLife) {
        return balance(workspaces.snapshot(workspaceId), beginningOfLife);
    }

    /** As {@link #balance(long, boolean)}, on a snapshot already read; its operations timeline is read. */
    public BalanceReport balance(ReadModels.WorkspaceSnapshot snapshot, boolean beginningOfLife) {
        return analysisTime.record(() -> analyse(snapshot, null, beginningOfLife));
    }

    /**
     * The balance at the design case's array age with the operations timeline given instead of read (for
     * frozen or edited inputs: baselines, what-if runs); null reads the workspace's phases.
     */
    public BalanceReport balance(ReadModels.WorkspaceSnapshot snapshot, List<Operations.OperationPhase> timeline) {
        return analysisTime.record(() -> analyse(snapshot, timeline, false));
    }

    private BalanceReport analyse(ReadModels.WorkspaceSnapshot snapshot, List<Operations.OperationPhase> timeline,
                                  boolean beginningOfLife) {
        ReadModels.DesignCase dc = requireDesignCase(snapshot);
        // The mission is the case's own (from its beginning of life), not the BOL run's shifted calendar.
        MissionInputs mission = missionInputs(dc);
        ReadModels.WorkspaceSnapshot resolved = withDesignEclipse(snapshot, mission.resolved().durationS());
        BalanceReport eol = withMission(run(resolved, timeline), resolved, mission);
        if (!beginningOfLife) {
            return eol;
        }
        // The BOL run's own life cases would both sit at age 0: keep the true BOL/EOL pair of the case. Its
        // figures and checks are those of the BOL life case (the same run), so its checks name that case.
        return run(atBeginningOfLife(resolved), timeline).withMission(eol.mission(), null)
                .withLifeCases(eol.lifeCases()).asCase(BalanceCalculator.BOL);
    }

    /**
     * The mission span's eclipses: the catalogue from the beginning of life to the mission end at the case's
     * perilune epoch (cached by the eclipse service, so an edit does not search the orbit again), the design
     * eclipse it gives, and its illumination for the coverage runs.
     */
    private record MissionInputs(EclipseService.Catalogue catalogue, MissionEclipses.Resolved resolved,
                                 SunlightTimeline illumination) {
    }

    private MissionInputs missionInputs(ReadModels.DesignCase dc) {
        EclipseService.Catalogue catalogue = eclipses.catalogue(dc.periluneEpoch(), dc.bolDate(), dc.missionEnd());
        SunlightTimeline illumination = eclipses.illumination(dc.periluneEpoch(), dc.bolDate(), dc.missionEnd());
        return new MissionInputs(catalogue, MissionEclipses.resolve(dc, catalogue), illumination);
    }

    /** The snapshot with the design eclipse the mission gives (s); the same snapshot when it is unchanged. */
    private static ReadModels.WorkspaceSnapshot withDesignEclipse(ReadModels.WorkspaceSnapshot s, double durationS) {
        ReadModels.DesignCase dc = s.designCase();
        if (dc.eclipseDurationS() == durationS) {
            return s;
        }
        return s.withDesignCase(dc.withEclipseDurationS(durationS));
    }

    /** The report with the mission's eclipses and the eclipse coverage case. */
    private BalanceReport withMission(BalanceReport r, ReadModels.WorkspaceSnapshot s, MissionInputs m) {
        ReadModels.DesignCase dc = s.designCase();
        List<EclipseCoverage.MissionPass> passes = m.catalogue().eclipses().stream()
                .filter(EclipseService.Eclipse::complete)
                .map(e -> new EclipseCoverage.MissionPass(MissionEclipses.pass(e),
                        MissionEclipses.seconds(dc.bolDate(), e.start())))
                .toList();
        EclipseCoverage.Coverage coverage = EclipseCoverage.coverage(s,
                new org.gatewaypower.physics.energy.TimelineWindows(m.illumination()), passes, eclipses.orbitPeriodS());
        MissionEclipses.Resolved d = m.resolved();
        BalanceReport.Mission mission = new BalanceReport.Mission(dc.bolDate(), dc.missionEnd(),
                dc.eclipseSource().label(), d.durationS(), d.pass(), d.notes(), d.longer(),
                coverage == null ? 0 : coverage.judged(), coverage == null ? List.of() : coverage.failing());
        return r.withMission(mission, coverage == null ? null : coverage.lifeCase());
    }

    private static ReadModels.DesignCase requireDesignCase(ReadModels.WorkspaceSnapshot snapshot) {
        ReadModels.DesignCase dc = snapshot.designCase();
        if (dc == null) {
            throw new IllegalStateException("Workspace " + snapshot.name() + " has no design case");
        }
        return dc;
    }

    /** The snapshot with its design case's array age replaced (years). */
    static ReadModels.WorkspaceSnapshot withArrayAge(ReadModels.WorkspaceSnapshot s, double years) {
        ReadModels.DesignCase dc = s.designCase();
        ReadModels.DesignCase aged = dc.withArrayAge(years);
        return s.withDesignCase(aged);
    }

    /**
     * The snapshot on the ephemeris orbit over another span (start, days), for a one-off run; nothing is
     * saved.
     */
    public static ReadModels.WorkspaceSnapshot withSpan(ReadModels.WorkspaceSnapshot s, Instant start, double days) {
        ReadModels.DesignCase dc = s.designCase();
        ReadModels.DesignCase span = dc.withEphemerisSpan(start, days);
        return s.withDesignCase(span);
    }

    /**
     * The snapshot with its design case's array age set to 0 years (and, for the ephemeris orbit, its
     * beginning of life at the span start). Only the age changes, so the BOL
     * run sees the same loads, battery, illumination and operations timeline as the EOL run it is
     * compared with.
     */
    static ReadModels.WorkspaceSnapshot atBeginningOfLife(ReadModels.WorkspaceSnapshot s) {
        ReadModels.DesignCase dc = s.designCase();
        if (dc == null) {
            return s;
        }
        ReadModels.DesignCase bol = dc.atBeginningOfLife();
        return s.withDesignCase(bol);
    }

    /** The balance of a snapshot whose design eclipse is resolved, without the mission's eclipses. */
    private BalanceReport run(ReadModels.WorkspaceSnapshot snapshot, List<Operations.OperationPhase> timeline) {
        ReadModels.DesignCase dc = requireDesignCase(snapshot);
        if (dc.timeline() == AnalysisTimeline.EPHEMERIS) {
            Instant to = dc.spanStart().plusMillis(Math.round(dc.spanDays() * 86_400_000));
            SunlightTimeline orbit = eclipses.illumination(dc.periluneEpoch(), dc.spanStart(), to);
            List<Operations.OperationPhase> phases = (timeline != null ? timeline : operations.phases(snapshot.id()))
                    .stream()
                    .filter(p -> p.end().isAfter(dc.spanStart()) && p.start().isBefore(to)).toList();
            // On the calendar, the arrays' and batteries' age at the span start counts from the BOL date.
            ReadModels.WorkspaceSnapshot aged = withArrayAge(snapshot, Math.max(0,
                    Duration.between(dc.bolDate(), dc.spanStart()).toMillis() / 1000.0
                            / org.gatewaypower.physics.energy.EnergyBalanceSimulator.SECONDS_PER_YEAR));
            return BalanceCalculator.calculate(aged, orbit, String.format(Locale.ROOT,
                    "9:2 NRHO ephemeris orbit, %s + %.1f d, perilune epoch %s, %d operations phase(s) in the span",
                    dc.spanStart(), dc.spanDays(), dc.periluneEpoch(), phases.size()), eclipses.orbitPeriodS(),
                    modeSteps(phases, dc.activeModeId(), dc.spanStart(), to),
                    VisitPlan.of(snapshot.dockings(), dc.spanStart(), orbit.durationS()))
                    .withRunStart(dc.spanStart());
        }
        SunlightTimeline orbit = SunlightTimeline.designOrbit(dc.orbitPeriodS(), dc.eclipseDurationS());
        return BalanceCalculator.calculate(snapshot, orbit, String.format(Locale.ROOT,
                "design orbit: %.2f h period, %.0f min eclipse", dc.orbitPeriodS() / 3600, dc.eclipseDurationS() / 60),
                dc.orbitPeriodS());
    }
}
