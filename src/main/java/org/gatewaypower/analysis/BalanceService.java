package org.gatewaypower.analysis;

import java.time.Instant;
import java.util.Locale;

import org.gatewaypower.physics.energy.SunlightTimeline;
import org.gatewaypower.workspace.AnalysisTimeline;
import org.gatewaypower.workspace.Views;
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

    BalanceService(WorkspaceService workspaces, EclipseService eclipses) {
        this.workspaces = workspaces;
        this.eclipses = eclipses;
    }

    public BalanceReport balance(long workspaceId) {
        return balance(workspaces.snapshot(workspaceId));
    }

    public BalanceReport balance(Views.WorkspaceSnapshot snapshot) {
        Views.DesignCase dc = snapshot.designCase();
        if (dc == null) {
            throw new IllegalStateException("Workspace " + snapshot.name() + " has no design case");
        }
        if (dc.timeline() == AnalysisTimeline.EPHEMERIS) {
            Instant to = dc.spanStart().plusMillis(Math.round(dc.spanDays() * 86_400_000));
            SunlightTimeline orbit = eclipses.illumination(dc.periluneEpoch(), dc.spanStart(), to);
            return BalanceCalculator.calculate(snapshot, orbit, String.format(Locale.ROOT,
                    "9:2 NRHO ephemeris orbit, %s + %.1f d, perilune epoch %s", dc.spanStart(), dc.spanDays(),
                    dc.periluneEpoch()), eclipses.orbitPeriodS());
        }
        SunlightTimeline orbit = SunlightTimeline.designOrbit(dc.orbitPeriodS(), dc.eclipseDurationS());
        return BalanceCalculator.calculate(snapshot, orbit, String.format(Locale.ROOT,
                "design orbit: %.2f h period, %.0f min eclipse", dc.orbitPeriodS() / 3600, dc.eclipseDurationS() / 60),
                dc.orbitPeriodS());
    }
}
