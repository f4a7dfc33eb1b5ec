package org.gatewaypower.workspace;

import java.util.List;

import org.gatewaypower.workspace.WorkspaceChanged.Change;
import org.gatewaypower.workspace.WorkspaceChanged.Kind;
import org.gatewaypower.workspace.internal.BatteryRepository;
import org.gatewaypower.workspace.internal.ConverterRepository;
import org.gatewaypower.workspace.internal.DesignCaseRepository;
import org.gatewaypower.workspace.internal.DockingRepository;
import org.gatewaypower.workspace.internal.ElementEntity;
import org.gatewaypower.workspace.internal.ElementAllocationRepository;
import org.gatewaypower.workspace.internal.ElementRepository;
import org.gatewaypower.workspace.internal.LoadItemEntity;
import org.gatewaypower.workspace.internal.LoadItemRepository;
import org.gatewaypower.workspace.internal.OperatingModeEntity;
import org.gatewaypower.workspace.internal.OperatingModeRepository;
import org.gatewaypower.workspace.internal.OperationPhaseRepository;
import org.gatewaypower.workspace.internal.PortRepository;
import org.gatewaypower.workspace.internal.SolarArrayRepository;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The structure of a workspace, which its owners set: the elements (PPE, HALO, ...) with their owning
 * teams, and the operating modes. Removing either takes what hangs on it along (an element's loads,
 * batteries and arrays; a mode's duty cycles).
 */
@Service
public class StructureService {

    private final EditSupport support;
    private final WorkspaceAccess access;
    private final ElementRepository elements;
    private final OperatingModeRepository modes;
    private final LoadItemRepository loads;
    private final BatteryRepository batteries;
    private final SolarArrayRepository arrays;
    private final DesignCaseRepository designCases;
    private final OperationPhaseRepository phases;
    private final ElementAllocationRepository allocations;
    private final ConverterRepository converters;
    private final PortRepository ports;
    private final DockingRepository dockings;

    // Loads, batteries, arrays, converters, ports, the design case and the phases are read or removed with what
    // they hang on.
    StructureService(EditSupport support, WorkspaceAccess access, ElementRepository elements,
                     OperatingModeRepository modes, LoadItemRepository loads, BatteryRepository batteries,
                     SolarArrayRepository arrays, DesignCaseRepository designCases, OperationPhaseRepository phases,
                     ElementAllocationRepository allocations,
                     ConverterRepository converters, PortRepository ports,
                     DockingRepository dockings) {
        this.support = support;
        this.access = access;
        this.elements = elements;
        this.modes = modes;
        this.loads = loads;
        this.batteries = batteries;
        this.arrays = arrays;
        this.designCases = designCases;
        this.phases = phases;
        this.allocations = allocations;
        this.converters = converters;
        this.ports = ports;
        this.dockings = dockings;
    }

    // ---------------------------------------------------------------- elements

    @Transactional
    public long addElement(long workspaceId, String name, ElementKind kind, String ownerTeamCode, String actor) {
        EditSupport.auditAs(actor);
        support.requireWorkspace(workspaceId);
        access.requireOwner(workspaceId, actor, "add elements");
        Rules r = new Rules();
        String n = r.text("name", "Element name", name, 120, true);
        r.required("kind", "Element kind", kind);
        if (r.ok("name") && elements.findByWorkspaceIdOrderByIdAsc(workspaceId).stream()
                .anyMatch(o -> o.getName().equalsIgnoreCase(n))) {
            r.fail("name", "Element name must be unique in the workspace; " + n + " exists");
        }
        Long owner = r.required("ownerTeamCode", "Owner team", ownerTeamCode) == null ? null
                : support.teamId(r, "ownerTeamCode", ownerTeamCode);
        r.throwIfAny();
        ElementEntity e = new ElementEntity(workspaceId, n, kind, owner);
        support.touch(e, actor);
        return elements.saveAndFlush(e).getId();
    }

    /** Renames an element, changes its kind or hands it to another team (owners). */
    @Transactional
    public ReadModels.Element updateElement(long elementId, long expectedVersion, String name, ElementKind kind,
                                            String ownerTeamCode, String actor) {
        EditSupport.auditAs(actor);
        ElementEntity e = elements.findById(elementId).orElseThrow(() -> new NotFoundException("element", elementId));
        access.requireOwner(e.getWorkspaceId(), actor, "change element '" + e.getName() + "'");
        EditSupport.requireVersion(Kind.ELEMENT, e, expectedVersion);
        Rules r = new Rules();
        String n = r.text("name", "Element name", name, 120, true);
        r.required("kind", "Element kind", kind);
        r.required("ownerTeamCode", "Owner team", ownerTeamCode);
        if (r.ok("name") && elements.findByWorkspaceIdOrderByIdAsc(e.getWorkspaceId()).stream()
                .anyMatch(o -> o.getId() != elementId && o.getName().equalsIgnoreCase(n))) {
            r.fail("name", "Element name must be unique in the workspace; " + n + " exists");
        }
        Long team = ownerTeamCode == null ? null : support.teamIdOf(ownerTeamCode).orElse(null);
        if (ownerTeamCode != null && team == null) {
            r.fail("ownerTeamCode", "Owner team must be an existing team; " + ownerTeamCode + " is not");
        }
        if (kind != null && !DockingService.VEHICLE_KINDS.contains(kind)
                && !dockings.findByVehicleElementIdOrderByStartAtAscIdAsc(elementId).isEmpty()) {
            r.fail("kind", "Element kind must stay a visiting vehicle's (Orion, HLS, Logistics) while the element has "
                    + "dockings; remove them first");
        }
        r.throwIfAny();
        e.apply(n, kind, team);
        support.touch(e, actor);
        ElementEntity saved = support.flush(() -> elements.saveAndFlush(e), Kind.ELEMENT, e, expectedVersion);
        support.publish(saved.getWorkspaceId(), Kind.ELEMENT, elementId, Change.CHANGED, actor,
                "changed element " + saved.getName());
        return EditSupport.toView(saved, support.teamCodes());
    }

    /**
     * Removes an element with its loads, batteries and arrays (owners). Each is removed through JPA so
     * that the audit trail records it, and history can restore them.
     */
    @Transactional
    public void deleteElement(long elementId, long expectedVersion, String actor) {
        EditSupport.auditAs(actor);
        ElementEntity e = elements.findById(elementId).orElseThrow(() -> new NotFoundException("element", elementId));
        access.requireOwner(e.getWorkspaceId(), actor, "remove element '" + e.getName() + "'");
        EditSupport.requireVersion(Kind.ELEMENT, e, expectedVersion);
        List<Long> ids = List.of(elementId);
        loads.deleteAll(loads.findByElementIdInOrderByElementIdAscIdAsc(ids));
        batteries.deleteAll(batteries.findByElementIdInOrderByIdAsc(ids));
        arrays.deleteAll(arrays.findByElementIdInOrderByIdAsc(ids));
        allocations.deleteAll(allocations.findByElementIdInOrderByElementIdAscModeIdAsc(ids));
        converters.deleteAll(converters.findByElementIdInOrderByIdAsc(ids));
        ports.deleteAll(ports.findByFromElementIdOrToElementId(elementId, elementId));
        dockings.deleteAll(dockings.findByVehicleElementIdOrderByStartAtAscIdAsc(elementId));
        support.remove(elements, Kind.ELEMENT, e, expectedVersion);
        support.publish(e.getWorkspaceId(), Kind.ELEMENT, elementId, Change.REMOVED, actor,
                "removed element " + e.getName());
    }

    // ---------------------------------------------------------------- operating modes

    @Transactional
    public long addMode(long workspaceId, String name, String description, int sortOrder, String actor) {
        EditSupport.auditAs(actor);
        support.requireWorkspace(workspaceId);
        access.requireOwner(workspaceId, actor, "add operating modes");
        Rules r = new Rules();
        String n = r.text("name", "Mode name", name, 60, true);
        String d = r.multiLineText("description", "Description", description, 500, false);
        if (r.ok("name") && modes.findByWorkspaceIdOrderBySortOrderAscIdAsc(workspaceId).stream()
                .anyMatch(o -> o.getName().equalsIgnoreCase(n))) {
            r.fail("name", "Mode name must be unique in the workspace; " + n + " exists");
        }
        r.throwIfAny();
        return modes.saveAndFlush(new OperatingModeEntity(workspaceId, n, d, sortOrder)).getId();
    }

    /** Renames, describes or re-orders an operating mode (owners). */
    @Transactional
    public ReadModels.Mode updateMode(long modeId, long expectedVersion, String name, String description,
                                      int sortOrder, String actor) {
        EditSupport.auditAs(actor);
        OperatingModeEntity m = modes.findById(modeId).orElseThrow(() -> new NotFoundException("operating mode",
                modeId));
        access.requireOwner(m.getWorkspaceId(), actor, "change operating mode '" + m.getName() + "'");
        requireModeVersion(m, expectedVersion);
        Rules r = new Rules();
        String n = r.text("name", "Mode name", name, 60, true);
        String d = r.multiLineText("description", "Description", description, 500, false);
        if (r.ok("name") && modes.findByWorkspaceIdOrderBySortOrderAscIdAsc(m.getWorkspaceId()).stream()
                .anyMatch(o -> o.getId() != modeId && o.getName().equalsIgnoreCase(n))) {
            r.fail("name", "Mode name must be unique in the workspace; " + n + " exists");
        }
        r.throwIfAny();
        m.apply(n, d, sortOrder);
        OperatingModeEntity saved;
        try {
            saved = modes.saveAndFlush(m);
        } catch (OptimisticLockingFailureException ex) {
            throw new StaleEditException(Kind.OPERATING_MODE, modeId, expectedVersion, expectedVersion + 1,
                    "another user", null);
        }
        support.publish(saved.getWorkspaceId(), Kind.OPERATING_MODE, modeId, Change.CHANGED, actor,
                "changed mode " + saved.getName());
        return new ReadModels.Mode(saved.getId(), saved.getName(), saved.getDescription(), saved.getSortOrder(),
                saved.getVersion());
    }

    /**
     * Removes an operating mode (owners) and every load's duty cycle in it; refused while the analysis
     * case or an operations phase uses it.
     */
    @Transactional
    public void deleteMode(long modeId, long expectedVersion, String actor) {
        EditSupport.auditAs(actor);
        OperatingModeEntity m = modes.findById(modeId).orElseThrow(() -> new NotFoundException("operating mode",
                modeId));
        access.requireOwner(m.getWorkspaceId(), actor, "remove operating mode '" + m.getName() + "'");
        requireModeVersion(m, expectedVersion);
        if (designCases.findByWorkspaceId(m.getWorkspaceId()).map(dc -> dc.getActiveModeId() == modeId)
                .orElse(false)) {
            throw new InvalidInputException(List.of(new InvalidInputException.FieldViolation("modeId",
                    "Mode " + m.getName() + " is the analysis case's mode; choose another mode there first")));
        }
        if (phases.existsByModeId(modeId)) {
            throw new InvalidInputException(List.of(new InvalidInputException.FieldViolation("modeId",
                    "Mode " + m.getName() + " is used by the operations timeline; change those phases first")));
        }
        List<Long> elementIds = elements.findByWorkspaceIdOrderByIdAsc(m.getWorkspaceId()).stream()
                .map(ElementEntity::getId).toList();
        if (!elementIds.isEmpty()) {
            for (LoadItemEntity l : loads.findByElementIdInOrderByElementIdAscIdAsc(elementIds)) {
                if (l.getDutyByMode().containsKey(modeId)) {
                    l.removeDuty(modeId);
                    support.touch(l, actor);
                }
            }
            loads.flush();
        }
        // Through JPA, so that the history records the allocations going with their mode.
        allocations.deleteAll(allocations.findByModeId(modeId));
        allocations.flush();
        modes.delete(m);
        modes.flush();
        support.publish(m.getWorkspaceId(), Kind.OPERATING_MODE, modeId, Change.REMOVED, actor,
                "removed mode " + m.getName());
    }

    /** Modes are not audited, so a stale one cannot name who saved it. */
    private static void requireModeVersion(OperatingModeEntity m, long expectedVersion) {
        if (m.getVersion() != expectedVersion) {
            throw new StaleEditException(Kind.OPERATING_MODE, m.getId(), expectedVersion, m.getVersion(),
                    "another user", null);
        }
    }
}
