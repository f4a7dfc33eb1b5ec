package org.gatewaypower.api;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.gatewaypower.analysis.EclipseService;
import org.gatewaypower.workspace.InvalidInputException;
import org.gatewaypower.workspace.ReadModels;
import org.gatewaypower.workspace.WorkspaceService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Eclipses and trajectory of the Gateway's 9:2 NRHO, for any phase and span, and for a workspace's
 * own orbit settings. Instants are ISO-8601 UTC; positions are km from the Moon's centre in EME2000
 * axes.
 */
@RestController
class OrbitApi {

    private static final double DEFAULT_STEP_S = 600;

    private final EclipseService eclipses;
    private final WorkspaceService workspaces;

    private final org.gatewaypower.analysis.HeavyWork heavy;

    OrbitApi(EclipseService eclipses, WorkspaceService workspaces, org.gatewaypower.analysis.HeavyWork heavy) {
        this.heavy = heavy;
        this.eclipses = eclipses;
        this.workspaces = workspaces;
    }

    @GetMapping("/api/v1/orbit/eclipses")
    List<EclipseService.Eclipse> eclipses(@RequestParam String from, @RequestParam String to,
                                          @RequestParam String perilune) {
        return eclipses.catalogue(instant("perilune", perilune), instant("from", from), instant("to", to)).eclipses();
    }

    @GetMapping("/api/v1/orbit/statistics")
    EclipseService.Catalogue catalogue(@RequestParam String from, @RequestParam String to,
                                       @RequestParam String perilune, java.security.Principal principal) {
        java.time.Instant p = instant("perilune", perilune);
        java.time.Instant f = instant("from", from);
        java.time.Instant t = instant("to", to);
        return java.time.Duration.between(f, t).toDays() > 366
                ? heavy.run(principal.getName(), "an eclipse search over years", () -> eclipses.catalogue(p, f, t))
                : eclipses.catalogue(p, f, t);
    }

    @GetMapping("/api/v1/orbit/trajectory")
    List<EclipseService.TrajectoryPoint> trajectory(@RequestParam String from, @RequestParam String to,
                                                    @RequestParam(required = false) Double stepSeconds,
                                                    @RequestParam String perilune) {
        return eclipses.trajectory(instant("perilune", perilune), instant("from", from), instant("to", to),
                stepSeconds == null ? DEFAULT_STEP_S : stepSeconds);
    }

    @GetMapping("/api/v1/orbit/phase-scan")
    List<EclipseService.PhasePoint> phaseScan(@RequestParam String from, @RequestParam String to,
                                              @RequestParam String perilune,
                                              @RequestParam(defaultValue = "12") int phases,
                                              java.security.Principal principal) {
        java.time.Instant p = instant("perilune", perilune);
        java.time.Instant f = instant("from", from);
        java.time.Instant t = instant("to", to);
        // A scan repeats the whole eclipse search once per phase: bounded like every long computation.
        return heavy.run(principal.getName(), "a phase scan of " + phases + " phases", () ->
                eclipses.phaseScan(p, f, t, phases));
    }

    /** The workspace's eclipses: its perilune epoch; the span defaults to the workspace's analysis span. */
    @GetMapping("/api/v1/workspaces/{id}/orbit/eclipses")
    List<EclipseService.Eclipse> workspaceEclipses(@PathVariable long id, @RequestParam(required = false) String from,
                                                   @RequestParam(required = false) String to) {
        ReadModels.DesignCase dc = designCase(id);
        return eclipses.catalogue(dc.periluneEpoch(), from(dc, from), to(dc, to)).eclipses();
    }

    @GetMapping("/api/v1/workspaces/{id}/orbit/trajectory")
    List<EclipseService.TrajectoryPoint> workspaceTrajectory(@PathVariable long id,
                                                             @RequestParam(required = false) String from,
                                                             @RequestParam(required = false) String to,
                                                             @RequestParam(required = false) Double stepSeconds) {
        ReadModels.DesignCase dc = designCase(id);
        return eclipses.trajectory(dc.periluneEpoch(), from(dc, from), to(dc, to),
                stepSeconds == null ? DEFAULT_STEP_S : stepSeconds);
    }

    private ReadModels.DesignCase designCase(long id) {
        ReadModels.DesignCase dc = workspaces.snapshot(id).designCase();
        if (dc == null) {
            throw new InvalidInputException(List.of(new InvalidInputException.FieldViolation("id",
                    "Workspace " + id + " has no analysis case with orbit settings")));
        }
        return dc;
    }

    private static Instant from(ReadModels.DesignCase dc, String from) {
        return from == null ? dc.spanStart() : instant("from", from);
    }

    private static Instant to(ReadModels.DesignCase dc, String to) {
        return to == null ? dc.spanStart().plusMillis(Math.round(dc.spanDays() * 86_400_000)) : instant("to", to);
    }

    private static Instant instant(String name, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException ex) {
            throw new InvalidInputException(List.of(new InvalidInputException.FieldViolation(name, name
                    + " must be an ISO-8601 UTC instant such as 2027-01-01T00:00:00Z (was '" + value + "')")));
        }
    }
}
