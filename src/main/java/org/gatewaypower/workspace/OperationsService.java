package org.gatewaypower.workspace;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.gatewaypower.workspace.Operations.OperationPhase;
import org.gatewaypower.workspace.Operations.OperationPhaseDraft;
import org.gatewaypower.workspace.internal.OperatingModeEntity;
import org.gatewaypower.workspace.internal.OperatingModeRepository;
import org.gatewaypower.workspace.internal.OperationPhaseEntity;
import org.gatewaypower.workspace.internal.OperationPhaseRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The operations timeline of a workspace: dated phases, each setting the active operating mode.
 * Phases of one workspace never overlap (a phase is [start, end), so one may end when the next
 * starts); edits check every rule, refuse stale versions and publish {@link WorkspaceChanged} of
 * kind {@link WorkspaceChanged.Kind#OPERATION_PHASE}.
 */
@Service
@Transactional
public class OperationsService {

    /** The name of a phase in messages and the history ({@link WorkspaceChanged.Kind#OPERATION_PHASE}'s label). */
    public static final String KIND = "operation phase";
    private static final WorkspaceChanged.Kind PHASE = WorkspaceChanged.Kind.OPERATION_PHASE;

    /** Longest phase: 20 years, the longest analysis span (days). */
    static final long MAX_PHASE_DAYS = (long) DesignCaseService.MAX_SPAN_DAYS;
    /** The leap-second table and the ephemerides cover 1972 to 2100; so may the timeline. */
    private static final Instant EARLIEST = Instant.parse("1972-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

    private final EditSupport support;
    private final OperationPhaseRepository phases;
    private final OperatingModeRepository modes;
    private final WorkspaceAccess access;

    OperationsService(EditSupport support, OperationPhaseRepository phases, OperatingModeRepository modes,
                      WorkspaceAccess access) {
        this.support = support;
        this.access = access;
        this.phases = phases;
        this.modes = modes;
    }

    /** The workspace's phases, earliest first. */
    @Transactional(readOnly = true)
    public List<OperationPhase> phases(long workspaceId) {
        if (!phases.workspaceExists(workspaceId)) {
            throw new NotFoundException("workspace", workspaceId);
        }
        Map<Long, String> modeNames = modeNames(workspaceId);
        return phases.findByWorkspaceIdOrderByStartAtAscIdAsc(workspaceId).stream()
                .map(p -> toView(p, modeNames)).toList();
    }

    /** One phase. */
    @Transactional(readOnly = true)
    public OperationPhase phase(long phaseId) {
        OperationPhaseEntity e = find(phaseId);
        return toView(e, modeNames(e.getWorkspaceId()));
    }

    /** One phase, provided it belongs to the workspace (a phase of another workspace is not found there). */
    @Transactional(readOnly = true)
    public OperationPhase phase(long workspaceId, long phaseId) {
        OperationPhaseEntity e = find(phaseId);
        if (e.getWorkspaceId() != workspaceId) {
            throw new NotFoundException(KIND + " in workspace " + workspaceId, phaseId);
        }
        return toView(e, modeNames(workspaceId));
    }

    public OperationPhase create(long workspaceId, OperationPhaseDraft draft, String actor) {
        EditSupport.auditAs(actor);
        lockWorkspace(workspaceId);
        access.requireOwner(workspaceId, actor, "change the operations timeline");
        Map<Long, String> modeNames = modeNames(workspaceId);
        Valid v = validate(workspaceId, null, draft, modeNames);
        OperationPhaseEntity e = new OperationPhaseEntity(workspaceId);
        v.applyTo(e);
        e.touch(actor, now(support));
        OperationPhaseEntity saved = phases.saveAndFlush(e);
        publish(saved, WorkspaceChanged.Change.ADDED, actor, "added phase " + saved.getName());
        return toView(saved, modeNames);
    }

    /** Changes a phase, provided nobody changed it since {@code expectedVersion}. */
    public OperationPhase update(long phaseId, long expectedVersion, OperationPhaseDraft draft, String actor) {
        EditSupport.auditAs(actor);
        OperationPhaseEntity e = find(phaseId);
        long workspaceId = e.getWorkspaceId();
        lockWorkspace(workspaceId);
        access.requireOwner(workspaceId, actor, "change the operations timeline");
        EditSupport.requireVersion(PHASE, e, expectedVersion);
        Map<Long, String> modeNames = modeNames(workspaceId);
        Valid v = validate(workspaceId, phaseId, draft, modeNames);
        v.applyTo(e);
        e.touch(actor, now(support));
        OperationPhaseEntity saved = support.flush(() -> phases.saveAndFlush(e), PHASE, e, expectedVersion);
        publish(saved, WorkspaceChanged.Change.CHANGED, actor, "changed phase " + saved.getName());
        return toView(saved, modeNames);
    }

    /** Removes a phase, provided nobody changed it since {@code expectedVersion}. */
    public void delete(long phaseId, long expectedVersion, String actor) {
        EditSupport.auditAs(actor);
        OperationPhaseEntity e = find(phaseId);
        lockWorkspace(e.getWorkspaceId());
        access.requireOwner(e.getWorkspaceId(), actor, "change the operations timeline");
        EditSupport.requireVersion(PHASE, e, expectedVersion);
        support.remove(phases, PHASE, e, expectedVersion);
        publish(e, WorkspaceChanged.Change.REMOVED, actor, "removed phase " + e.getName());
    }

    // ---------------------------------------------------------------- validation

    /** A draft that passed every rule, times truncated to the second. */
    private record Valid(String name, PhaseKind kind, long modeId, Instant start, Instant end) {

        void applyTo(OperationPhaseEntity e) {
            e.apply(name, kind, modeId, start, end);
        }
    }

    /**
     * Checks a draft against every rule, including overlap with the workspace's other phases
     * ({@code selfId}, the phase being edited, excepted). The caller holds the workspace lock, so no
     * phase can be added between this check and the write.
     */
    private Valid validate(long workspaceId, Long selfId, OperationPhaseDraft d, Map<Long, String> modeNames) {
        Rules r = new Rules();
        String name = r.text("name", "Name", d.name(), 120, true);
        PhaseKind kind = r.required("kind", "Kind", d.kind());
        Long modeId = r.required("modeId", "Operating mode", d.modeId());
        if (modeId != null && !modeNames.containsKey(modeId)) {
            r.fail("modeId", "Operating mode must be one of this workspace's modes (was id " + modeId + ")");
        }
        // A boundary finer than a second means nothing for a power timeline, and both databases
        // store at least microseconds, so what is returned equals what is stored.
        Instant start = second(r.required("start", "Start", d.start()));
        Instant end = second(r.required("end", "End", d.end()));
        withinEphemerisRange(r, "start", "Start", start);
        withinEphemerisRange(r, "end", "End", end);
        if (start != null && end != null && r.ok("start") && r.ok("end")) {
            if (!end.isAfter(start)) {
                r.fail("end", "End must be after start (was " + end + ", start " + start + ")");
            } else if (Duration.between(start, end).compareTo(Duration.ofDays(MAX_PHASE_DAYS)) > 0) {
                r.fail("end", "A phase may last at most 20 years (" + MAX_PHASE_DAYS + " days); was "
                        + Rules.fmt(Duration.between(start, end).toSeconds() / 86_400.0) + " days");
            } else {
                rejectOverlaps(r, workspaceId, selfId, start, end);
            }
        }
        r.throwIfAny();
        return new Valid(name, kind, modeId, start, end);
    }

    private void rejectOverlaps(Rules r, long workspaceId, Long selfId, Instant start, Instant end) {
        for (OperationPhaseEntity other : phases.findByWorkspaceIdOrderByStartAtAscIdAsc(workspaceId)) {
            if (other.getId().equals(selfId)) {
                continue;
            }
            boolean overlaps = start.isBefore(other.getEndAt()) && other.getStartAt().isBefore(end);
            if (overlaps) {
                // Name the boundary that lies inside the other phase; when this phase encloses it, the end.
                boolean startInside = !start.isBefore(other.getStartAt()) && start.isBefore(other.getEndAt());
                r.fail(startInside ? "start" : "end", "Overlaps phase '" + other.getName() + "' (from "
                        + other.getStartAt() + " to " + other.getEndAt() + "); phases may not overlap");
            }
        }
    }

    static void withinEphemerisRange(Rules r, String field, String label, Instant t) {
        if (t != null && (t.isBefore(EARLIEST) || t.isAfter(LATEST))) {
            r.fail(field, label + " must lie between 1972-01-01 and 2100-01-01 (leap-second table and ephemeris "
                    + "range) (was " + t + ")");
        }
    }

    static Instant second(Instant t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.SECONDS);
    }

    // ---------------------------------------------------------------- helpers

    /** The time of an edit, to the microsecond that both databases keep, so a returned phase equals a re-read one. */
    static Instant now(EditSupport support) {
        return support.now().truncatedTo(ChronoUnit.MICROS);
    }

    private OperationPhaseEntity find(long phaseId) {
        return phases.findById(phaseId).orElseThrow(() -> new NotFoundException(KIND, phaseId));
    }

    private void lockWorkspace(long workspaceId) {
        lockWorkspace(phases, workspaceId);
    }

    /** Locks the workspace row (see {@link OperationPhaseRepository#lockWorkspace}); 404 when there is none. */
    static void lockWorkspace(OperationPhaseRepository phases, long workspaceId) {
        if (phases.lockWorkspace(workspaceId).isEmpty()) {
            throw new NotFoundException("workspace", workspaceId);
        }
    }

    private Map<Long, String> modeNames(long workspaceId) {
        return modes.findByWorkspaceIdOrderBySortOrderAscIdAsc(workspaceId).stream()
                .collect(Collectors.toMap(OperatingModeEntity::getId, OperatingModeEntity::getName));
    }

    private void publish(OperationPhaseEntity e, WorkspaceChanged.Change change, String actor, String description) {
        support.publish(e.getWorkspaceId(), PHASE, e.getId(), change, actor, description);
    }

    private static OperationPhase toView(OperationPhaseEntity e, Map<Long, String> modeNames) {
        return new OperationPhase(e.getId(), e.getName(), e.getKind(), e.getModeId(), modeNames.get(e.getModeId()),
                e.getStartAt(), e.getEndAt(), e.getVersion(), e.getUpdatedAt(), e.getUpdatedBy());
    }
}
