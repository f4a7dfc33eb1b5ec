package org.gatewaypower.workspace;

import java.util.List;
import java.util.Locale;

import org.gatewaypower.workspace.internal.ElementAllocationEntity;
import org.gatewaypower.workspace.internal.ElementAllocationRepository;
import org.gatewaypower.workspace.internal.ElementEntity;
import org.gatewaypower.workspace.internal.ElementRepository;
import org.gatewaypower.workspace.internal.OperatingModeEntity;
import org.gatewaypower.workspace.internal.OperatingModeRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The elements' power allocations: per element and operating mode, the orbit-average power (W) the element may
 * draw, which the balance compares with its MEV load. Only workspace owners set or clear them (an allocation is
 * the integrator's share-out of the station's power, not a partner's own figure). Edits refuse stale versions,
 * are audited and publish {@link WorkspaceChanged} of kind {@link WorkspaceChanged.Kind#ALLOCATION}.
 *
 * <p>Versions: an element without an allocation in a mode has none; a client that believes there is none sends
 * no version ({@code null}), and is refused if someone set one meanwhile, so that a first allocation never
 * silently overwrites another user's.
 */
@Service
@Transactional
public class AllocationService {

    /** The name of an allocation in messages and the history. */
    public static final String KIND = "power allocation";
    private static final WorkspaceChanged.Kind ALLOCATION = WorkspaceChanged.Kind.ALLOCATION;

    private final EditSupport support;
    private final ElementAllocationRepository allocations;
    private final ElementRepository elements;
    private final OperatingModeRepository modes;
    private final WorkspaceAccess access;

    AllocationService(EditSupport support, ElementAllocationRepository allocations, ElementRepository elements,
                      OperatingModeRepository modes, WorkspaceAccess access) {
        this.support = support;
        this.allocations = allocations;
        this.elements = elements;
        this.modes = modes;
        this.access = access;
    }

    /** Every allocation of the workspace's elements, by element then mode id. */
    @Transactional(readOnly = true)
    public List<ReadModels.Allocation> allocations(long workspaceId) {
        support.requireWorkspace(workspaceId);
        List<Long> ids = elements.findByWorkspaceIdOrderByIdAsc(workspaceId).stream().map(ElementEntity::getId)
                .toList();
        return ids.isEmpty() ? List.of() : allocations.findByElementIdInOrderByElementIdAscModeIdAsc(ids).stream()
                .map(AllocationService::toView).toList();
    }

    /** Refuses (404) an element that is not in the workspace, so a path names only its own workspace's. */
    @Transactional(readOnly = true)
    public void requireElementIn(long workspaceId, long elementId) {
        if (elements.findById(elementId).filter(e -> e.getWorkspaceId() == workspaceId).isEmpty()) {
            throw new NotFoundException("element in workspace " + workspaceId, elementId);
        }
    }

    /**
     * Sets the element's allocation in the mode (W), creating it when there is none.
     *
     * @param expectedVersion the version the user saw; null when they saw no allocation
     */
    public ReadModels.Allocation set(long elementId, long modeId, Double allocationW, Long expectedVersion,
                                     String actor) {
        EditSupport.auditAs(actor);
        ElementEntity element = lockElement(elementId);
        access.requireOwner(element.getWorkspaceId(), actor, "set power allocations");
        Rules r = new Rules();
        OperatingModeEntity mode = modeOf(r, element, modeId);
        double watts = r.range(BudgetField.ALLOCATION, allocationW);
        r.throwIfAny();
        ElementAllocationEntity e = allocations.findByElementIdAndModeId(elementId, modeId).orElse(null);
        requireExpected(e, expectedVersion);
        WorkspaceChanged.Change change = e == null ? WorkspaceChanged.Change.ADDED : WorkspaceChanged.Change.CHANGED;
        ElementAllocationEntity target = e == null ? new ElementAllocationEntity(elementId, modeId) : e;
        target.setAllocationW(watts);
        // To the microsecond both databases keep, so a returned allocation equals a re-read one.
        target.touch(actor, support.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        ElementAllocationEntity saved = e == null ? allocations.saveAndFlush(target)
                : support.flush(() -> allocations.saveAndFlush(target), ALLOCATION, target, expectedVersion);
        support.publish(element.getWorkspaceId(), ALLOCATION, saved.getId(), change, actor,
                String.format(Locale.ROOT, "set the power allocation of %s in %s to %.3f kW", element.getName(),
                        mode.getName(), watts / 1000));
        return toView(saved);
    }

    /** Removes the element's allocation in the mode, provided nobody changed it since {@code expectedVersion}. */
    public void clear(long elementId, long modeId, long expectedVersion, String actor) {
        EditSupport.auditAs(actor);
        ElementEntity element = lockElement(elementId);
        access.requireOwner(element.getWorkspaceId(), actor, "clear power allocations");
        Rules r = new Rules();
        OperatingModeEntity mode = modeOf(r, element, modeId);
        r.throwIfAny();
        ElementAllocationEntity e = allocations.findByElementIdAndModeId(elementId, modeId)
                .orElseThrow(() -> new NotFoundException(KIND + " of element " + element.getName() + " in mode "
                        + mode.getName(), elementId));
        EditSupport.requireVersion(ALLOCATION, e, expectedVersion);
        support.remove(allocations, ALLOCATION, e, expectedVersion);
        support.publish(element.getWorkspaceId(), ALLOCATION, e.getId(), WorkspaceChanged.Change.REMOVED, actor,
                "cleared the power allocation of " + element.getName() + " in " + mode.getName());
    }

    // ---------------------------------------------------------------- helpers

    private ElementEntity lockElement(long elementId) {
        return allocations.lockElement(elementId).orElseThrow(() -> new NotFoundException("element", elementId));
    }

    /** The mode, provided it is one of the element's workspace's; a violation naming {@code modeId} otherwise. */
    private OperatingModeEntity modeOf(Rules r, ElementEntity element, long modeId) {
        OperatingModeEntity mode = modes.findById(modeId).filter(m -> m.getWorkspaceId() == element.getWorkspaceId())
                .orElse(null);
        if (mode == null) {
            r.fail(BudgetField.MODE.field(), BudgetField.MODE.label()
                    + " must be one of this workspace's modes (was id " + modeId + ")");
        }
        return mode;
    }

    /**
     * Refuses a set based on another state than the current one: a version when the allocation is gone or
     * changed, none when someone has set one meanwhile.
     */
    private static void requireExpected(ElementAllocationEntity current, Long expectedVersion) {
        if (current == null && expectedVersion != null) {
            throw new StaleEditException(ALLOCATION, 0, expectedVersion, -1, "another user (it was cleared)", null);
        }
        if (current != null && expectedVersion == null) {
            throw new StaleEditException(ALLOCATION, current.getId(), -1, current.getVersion(),
                    current.getUpdatedBy(), current.getUpdatedAt());
        }
        if (current != null) {
            EditSupport.requireVersion(ALLOCATION, current, expectedVersion);
        }
    }

    static ReadModels.Allocation toView(ElementAllocationEntity e) {
        return new ReadModels.Allocation(e.getId(), e.getElementId(), e.getModeId(), e.getAllocationW(),
                e.getVersion(), e.getUpdatedAt(), e.getUpdatedBy());
    }
}
