package org.gatewaypower.workspace;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.gatewaypower.workspace.internal.DockingEntity;
import org.gatewaypower.workspace.internal.DockingRepository;
import org.gatewaypower.workspace.internal.ElementEntity;
import org.gatewaypower.workspace.internal.ElementRepository;
import org.gatewaypower.workspace.internal.OperationPhaseRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Visiting vehicles: the windows in which a vehicle element (kind ORION, HLS or LOGISTICS) is docked, and the power
 * it exports then. Owners edit them; dockings of one vehicle never overlap (a docking is [start, end), so one may
 * end when the next starts), while different vehicles may be docked at once. Edits check every rule, refuse stale
 * versions, are audited and publish {@link WorkspaceChanged} of kind {@link WorkspaceChanged.Kind#DOCKING}.
 */
@Service
@Transactional
public class DockingService {

    /** The name of a docking in messages and the history. */
    public static final String KIND = "docking";
    /** The element kinds that may dock: visiting vehicles. */
    public static final Set<ElementKind> VEHICLE_KINDS = EnumSet.of(ElementKind.ORION, ElementKind.HLS,
            ElementKind.LOGISTICS);
    private static final WorkspaceChanged.Kind DOCKING = WorkspaceChanged.Kind.DOCKING;
    private static final String WHAT = "change the visiting vehicles' dockings";

    private final EditSupport support;
    private final DockingRepository dockings;
    private final ElementRepository elements;
    private final OperationPhaseRepository phases;
    private final WorkspaceAccess access;

    // The phase repository only lends its workspace lock, which serialises every timeline edit of a workspace.
    DockingService(EditSupport support, DockingRepository dockings, ElementRepository elements,
                   OperationPhaseRepository phases, WorkspaceAccess access) {
        this.support = support;
        this.dockings = dockings;
        this.elements = elements;
        this.phases = phases;
        this.access = access;
    }

    /** What a user submits for a docking; any field may be null when it was left empty. */
    public record DockingDraft(Long vehicleElementId, Instant start, Instant end, Double exportW, String note) {
    }

    /** The workspace's dockings, earliest first. */
    @Transactional(readOnly = true)
    public List<ReadModels.Docking> dockings(long workspaceId) {
        support.requireWorkspace(workspaceId);
        Map<Long, String> names = vehicleNames(workspaceId);
        return dockings.findByWorkspaceIdOrderByStartAtAscIdAsc(workspaceId).stream().map(d -> toView(d, names))
                .toList();
    }

    /** One docking, provided it belongs to the workspace (a docking of another workspace is not found there). */
    @Transactional(readOnly = true)
    public ReadModels.Docking docking(long workspaceId, long dockingId) {
        DockingEntity e = find(dockingId);
        if (e.getWorkspaceId() != workspaceId) {
            throw new NotFoundException(KIND + " in workspace " + workspaceId, dockingId);
        }
        return toView(e, vehicleNames(workspaceId));
    }

    public ReadModels.Docking create(long workspaceId, DockingDraft draft, String actor) {
        EditSupport.auditAs(actor);
        lockWorkspace(workspaceId);
        access.requireOwner(workspaceId, actor, WHAT);
        Map<Long, ElementEntity> vehicles = vehicles(workspaceId);
        Valid v = validate(workspaceId, null, draft, vehicles);
        DockingEntity e = new DockingEntity(workspaceId);
        v.applyTo(e);
        e.touch(actor, OperationsService.now(support));
        DockingEntity saved = dockings.saveAndFlush(e);
        publish(saved, WorkspaceChanged.Change.ADDED, actor, "added docking of " + name(saved, vehicles));
        return toView(saved, names(vehicles));
    }

    /** Changes a docking, provided nobody changed it since {@code expectedVersion}. */
    public ReadModels.Docking update(long dockingId, long expectedVersion, DockingDraft draft, String actor) {
        EditSupport.auditAs(actor);
        DockingEntity e = find(dockingId);
        long workspaceId = e.getWorkspaceId();
        lockWorkspace(workspaceId);
        access.requireOwner(workspaceId, actor, WHAT);
        EditSupport.requireVersion(DOCKING, e, expectedVersion);
        Map<Long, ElementEntity> vehicles = vehicles(workspaceId);
        Valid v = validate(workspaceId, dockingId, draft, vehicles);
        v.applyTo(e);
        e.touch(actor, OperationsService.now(support));
        DockingEntity saved = support.flush(() -> dockings.saveAndFlush(e), DOCKING, e, expectedVersion);
        publish(saved, WorkspaceChanged.Change.CHANGED, actor, "changed docking of " + name(saved, vehicles));
        return toView(saved, names(vehicles));
    }

    /** Removes a docking, provided nobody changed it since {@code expectedVersion}. */
    public void delete(long dockingId, long expectedVersion, String actor) {
        EditSupport.auditAs(actor);
        DockingEntity e = find(dockingId);
        lockWorkspace(e.getWorkspaceId());
        access.requireOwner(e.getWorkspaceId(), actor, WHAT);
        EditSupport.requireVersion(DOCKING, e, expectedVersion);
        Map<Long, ElementEntity> vehicles = vehicles(e.getWorkspaceId());
        support.remove(dockings, DOCKING, e, expectedVersion);
        publish(e, WorkspaceChanged.Change.REMOVED, actor, "removed docking of " + name(e, vehicles));
    }

    // ---------------------------------------------------------------- validation

    /** A draft that passed every rule, times truncated to the second. */
    private record Valid(long vehicleElementId, Instant start, Instant end, double exportW, String note) {

        void applyTo(DockingEntity e) {
            e.apply(vehicleElementId, start, end, exportW, note.isEmpty() ? null : note);
        }
    }

    /**
     * Checks a draft against every rule, including overlap with the vehicle's other dockings ({@code selfId}, the
     * docking being edited, excepted). The caller holds the workspace lock, so no docking can be added between this
     * check and the write.
     */
    private Valid validate(long workspaceId, Long selfId, DockingDraft d, Map<Long, ElementEntity> vehicles) {
        Rules r = new Rules();
        BudgetField vehicleField = BudgetField.VEHICLE;
        Long vehicleId = r.required(vehicleField, d.vehicleElementId());
        if (vehicleId != null && !vehicles.containsKey(vehicleId)) {
            r.fail(vehicleField.field(), vehicleField.label() + " must be an element of this workspace of kind "
                    + VEHICLE_KINDS.stream().map(ElementKind::label).collect(Collectors.joining(", "))
                    + " (was id " + vehicleId + ")");
        }
        Instant start = OperationsService.second(r.required("start", "Start", d.start()));
        Instant end = OperationsService.second(r.required("end", "End", d.end()));
        OperationsService.withinEphemerisRange(r, "start", "Start", start);
        OperationsService.withinEphemerisRange(r, "end", "End", end);
        double exportW = r.range(BudgetField.EXPORT_POWER, d.exportW());
        String note = r.multiLineText(BudgetField.NOTE.field(), BudgetField.NOTE.label(), d.note(), 500, false);
        if (start != null && end != null && r.ok("start") && r.ok("end")) {
            if (!end.isAfter(start)) {
                r.fail("end", "End must be after start (was " + end + ", start " + start + ")");
            } else if (Duration.between(start, end).compareTo(Duration.ofDays(OperationsService.MAX_PHASE_DAYS)) > 0) {
                r.fail("end", "A docking may last at most 20 years (" + OperationsService.MAX_PHASE_DAYS
                        + " days); was " + Rules.fmt(Duration.between(start, end).toSeconds() / 86_400.0) + " days");
            } else if (vehicleId != null && r.ok(vehicleField.field())) {
                rejectOverlaps(r, vehicleId, selfId, start, end, vehicles.get(vehicleId).getName());
            }
        }
        r.throwIfAny();
        return new Valid(vehicleId, start, end, exportW, note);
    }

    private void rejectOverlaps(Rules r, long vehicleId, Long selfId, Instant start, Instant end, String vehicle) {
        for (DockingEntity other : dockings.findByVehicleElementIdOrderByStartAtAscIdAsc(vehicleId)) {
            if (other.getId().equals(selfId)) {
                continue;
            }
            if (start.isBefore(other.getEndAt()) && other.getStartAt().isBefore(end)) {
                // Name the boundary that lies inside the other docking; when this one encloses it, the end.
                boolean startInside = !start.isBefore(other.getStartAt()) && start.isBefore(other.getEndAt());
                r.fail(startInside ? "start" : "end", "Overlaps the docking of " + vehicle + " from "
                        + other.getStartAt() + " to " + other.getEndAt() + "; a vehicle's dockings may not overlap");
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    private DockingEntity find(long dockingId) {
        return dockings.findById(dockingId).orElseThrow(() -> new NotFoundException(KIND, dockingId));
    }

    private void lockWorkspace(long workspaceId) {
        OperationsService.lockWorkspace(phases, workspaceId);
    }

    /** The workspace's elements that may dock, by id. */
    private Map<Long, ElementEntity> vehicles(long workspaceId) {
        return elements.findByWorkspaceIdOrderByIdAsc(workspaceId).stream()
                .filter(e -> VEHICLE_KINDS.contains(e.getKind()))
                .collect(Collectors.toMap(ElementEntity::getId, Function.identity()));
    }

    /** Every element's name by id (a vehicle whose kind changed since still reads with its name). */
    private Map<Long, String> vehicleNames(long workspaceId) {
        return names(elements.findByWorkspaceIdOrderByIdAsc(workspaceId).stream()
                .collect(Collectors.toMap(ElementEntity::getId, Function.identity())));
    }

    private static Map<Long, String> names(Map<Long, ElementEntity> byId) {
        return byId.values().stream().collect(Collectors.toMap(ElementEntity::getId, ElementEntity::getName));
    }

    private static String name(DockingEntity d, Map<Long, ElementEntity> vehicles) {
        ElementEntity v = vehicles.get(d.getVehicleElementId());
        return v == null ? "element " + d.getVehicleElementId() : v.getName();
    }

    private void publish(DockingEntity e, WorkspaceChanged.Change change, String actor, String description) {
        support.publish(e.getWorkspaceId(), DOCKING, e.getId(), change, actor, description);
    }

    /** The read model of a saved docking. */
    static ReadModels.Docking toView(DockingEntity e, Map<Long, String> elementNames) {
        return new ReadModels.Docking(e.getId(), e.getVehicleElementId(),
                elementNames.getOrDefault(e.getVehicleElementId(), "element " + e.getVehicleElementId()),
                e.getStartAt(), e.getEndAt(), e.getExportW(), e.getNote(), e.getVersion(), e.getUpdatedAt(),
                e.getUpdatedBy());
    }
}
