package org.gatewaypower.workspace;

import java.util.List;

import org.gatewaypower.workspace.Drafts.BatteryDraft;
import org.gatewaypower.workspace.Drafts.LoadItemDraft;
import org.gatewaypower.workspace.Drafts.SolarArrayDraft;
import org.gatewaypower.workspace.WorkspaceChanged.Change;
import org.gatewaypower.workspace.WorkspaceChanged.Kind;
import org.gatewaypower.workspace.internal.BatteryEntity;
import org.gatewaypower.workspace.internal.BatteryRepository;
import org.gatewaypower.workspace.internal.ElementEntity;
import org.gatewaypower.workspace.internal.ElementRepository;
import org.gatewaypower.workspace.internal.LoadItemEntity;
import org.gatewaypower.workspace.internal.LoadItemRepository;
import org.gatewaypower.workspace.internal.SolarArrayEntity;
import org.gatewaypower.workspace.internal.SolarArrayRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The power equipment of the elements: load items (the power equipment list), batteries and solar
 * arrays. Each is changed by the editors of the team that owns it (a load: its element's team; a
 * battery or array: its own supplier, else its element's team) and by the workspace's owners.
 */
@Service
public class EquipmentService {

    /** Most identical units one line of the power equipment list may count. */
    public static final int MAX_QUANTITY = 10_000;

    private final EditSupport support;
    private final WorkspaceAccess access;
    private final EquipmentRules rules;
    private final ElementRepository elements;
    private final LoadItemRepository loads;
    private final BatteryRepository batteries;
    private final SolarArrayRepository arrays;

    EquipmentService(EditSupport support, WorkspaceAccess access, EquipmentRules rules, ElementRepository elements,
                     LoadItemRepository loads, BatteryRepository batteries, SolarArrayRepository arrays) {
        this.support = support;
        this.access = access;
        this.rules = rules;
        this.elements = elements;
        this.loads = loads;
        this.batteries = batteries;
        this.arrays = arrays;
    }

    // ---------------------------------------------------------------- load items

    @Transactional(readOnly = true)
    public ReadModels.LoadItem load(long loadId) {
        return EditSupport.toView(loads.findById(loadId).orElseThrow(() -> new NotFoundException("load item", loadId)));
    }

    /**
     * The rules a load draft breaks in this workspace, without saving anything: for previews (an
     * import shows every invalid cell before the user applies it). Empty when the draft is valid.
     */
    @Transactional(readOnly = true)
    public List<InvalidInputException.FieldViolation> checkLoad(long workspaceId, LoadItemDraft draft) {
        try {
            rules.validateLoad(workspaceId, draft);
            return List.of();
        } catch (InvalidInputException ex) {
            return ex.violations();
        }
    }

    /** Adds a line to the power equipment list of the draft's element (its team's editors and owners). */
    @Transactional
    public ReadModels.LoadItem createLoad(long workspaceId, LoadItemDraft draft, String actor) {
        EditSupport.auditAs(actor);
        requireLoadEdit(workspaceId, draft.elementId(), actor,
                "add a load to " + support.elementName(draft.elementId()));
        EquipmentRules.Validated v = rules.validateLoad(workspaceId, draft);
        LoadItemEntity e = new LoadItemEntity(v.elementId());
        v.applyTo(e, draft);
        support.touch(e, actor);
        LoadItemEntity saved = loads.saveAndFlush(e);
        support.publish(workspaceId, Kind.LOAD_ITEM, saved.getId(), Change.ADDED, actor,
                "added load " + saved.getName());
        return EditSupport.toView(saved);
    }

    /** Changes a load item, provided nobody changed it since {@code expectedVersion}. */
    @Transactional
    public ReadModels.LoadItem updateLoad(long loadId, long expectedVersion, LoadItemDraft draft, String actor) {
        EditSupport.auditAs(actor);
        LoadItemEntity e = loads.findById(loadId).orElseThrow(() -> new NotFoundException("load item", loadId));
        long workspaceId = support.workspaceOfElement(e.getElementId());
        requireLoadEdit(workspaceId, e.getElementId(), actor, "change load '" + e.getName() + "'");
        if (draft.elementId() != null && draft.elementId() != e.getElementId()) {
            requireLoadEdit(workspaceId, draft.elementId(), actor, "move load '" + e.getName() + "' to "
                    + support.elementName(draft.elementId()));
        }
        EditSupport.requireVersion(Kind.LOAD_ITEM, e, expectedVersion);
        EquipmentRules.Validated v = rules.validateLoad(workspaceId, draft);
        v.applyTo(e, draft);
        support.touch(e, actor);
        LoadItemEntity saved = support.flush(() -> loads.saveAndFlush(e), Kind.LOAD_ITEM, e, expectedVersion);
        support.publish(workspaceId, Kind.LOAD_ITEM, loadId, Change.CHANGED, actor, "changed load " + saved.getName());
        return EditSupport.toView(saved);
    }

    /** Removes a load item, provided nobody changed it since {@code expectedVersion}. */
    @Transactional
    public void deleteLoad(long loadId, long expectedVersion, String actor) {
        EditSupport.auditAs(actor);
        LoadItemEntity e = loads.findById(loadId).orElseThrow(() -> new NotFoundException("load item", loadId));
        long workspaceId = support.workspaceOfElement(e.getElementId());
        requireLoadEdit(workspaceId, e.getElementId(), actor, "remove load '" + e.getName() + "'");
        EditSupport.requireVersion(Kind.LOAD_ITEM, e, expectedVersion);
        support.remove(loads, Kind.LOAD_ITEM, e, expectedVersion);
        support.publish(workspaceId, Kind.LOAD_ITEM, loadId, Change.REMOVED, actor, "removed load " + e.getName());
    }

    /**
     * Access to a load of an element: its team's editors; when the element is unknown, any member
     * (validation reports it).
     */
    private void requireLoadEdit(long workspaceId, Long elementId, String actor, String what) {
        ElementEntity el = elementId == null ? null : elements.findById(elementId)
                .filter(x -> x.getWorkspaceId() == workspaceId).orElse(null);
        if (el == null) {
            access.requireRead(workspaceId, actor);
        } else {
            access.requireTeamEdit(workspaceId, el.getOwnerTeamId(), actor, what);
        }
    }

    // ---------------------------------------------------------------- batteries

    @Transactional
    public ReadModels.Battery addBattery(long elementId, BatteryDraft draft, String actor) {
        return addBattery(elementId, draft, null, actor);
    }

    /**
     * Adds a battery to an element; {@code ownerTeamCode} names the team that supplies it when that is
     * not the element's owner (null: the element's owner).
     */
    @Transactional
    public ReadModels.Battery addBattery(long elementId, BatteryDraft draft, String ownerTeamCode, String actor) {
        EditSupport.auditAs(actor);
        long workspaceId = support.workspaceOfElement(elementId);
        Rules teamRule = new Rules();
        Long ownerTeam = ownerTeamCode == null ? null : support.teamId(teamRule, "ownerTeamCode", ownerTeamCode);
        teamRule.throwIfAny();
        access.requireTeamEdit(workspaceId, support.owner(null, elementId), actor, "add a battery to "
                + support.elementName(elementId));
        BatteryEntity e = new BatteryEntity(elementId);
        EquipmentRules.applyBattery(e, draft);
        e.setOwnerTeamId(ownerTeam);
        support.touch(e, actor);
        BatteryEntity saved = batteries.saveAndFlush(e);
        support.publish(workspaceId, Kind.BATTERY, saved.getId(), Change.ADDED, actor,
                "added battery " + saved.getName());
        return support.toView(saved);
    }

    @Transactional
    public ReadModels.Battery updateBattery(long batteryId, long expectedVersion, BatteryDraft draft, String actor) {
        EditSupport.auditAs(actor);
        BatteryEntity e = batteries.findById(batteryId)
                .orElseThrow(() -> new NotFoundException("battery", batteryId));
        long workspaceId = support.workspaceOfElement(e.getElementId());
        access.requireTeamEdit(workspaceId, support.owner(e.getOwnerTeamId(), e.getElementId()), actor,
                "change battery '" + e.getName() + "'");
        EditSupport.requireVersion(Kind.BATTERY, e, expectedVersion);
        EquipmentRules.applyBattery(e, draft);
        support.touch(e, actor);
        BatteryEntity saved = support.flush(() -> batteries.saveAndFlush(e), Kind.BATTERY, e, expectedVersion);
        support.publish(workspaceId, Kind.BATTERY, batteryId, Change.CHANGED, actor,
                "changed battery " + saved.getName());
        return support.toView(saved);
    }

    @Transactional
    public void deleteBattery(long batteryId, long expectedVersion, String actor) {
        EditSupport.auditAs(actor);
        BatteryEntity e = batteries.findById(batteryId).orElseThrow(() -> new NotFoundException("battery", batteryId));
        long workspaceId = support.workspaceOfElement(e.getElementId());
        access.requireTeamEdit(workspaceId, support.owner(e.getOwnerTeamId(), e.getElementId()), actor,
                "remove battery '" + e.getName() + "'");
        EditSupport.requireVersion(Kind.BATTERY, e, expectedVersion);
        support.remove(batteries, Kind.BATTERY, e, expectedVersion);
        support.publish(workspaceId, Kind.BATTERY, batteryId, Change.REMOVED, actor, "removed battery " + e.getName());
    }

    // ---------------------------------------------------------------- solar arrays

    @Transactional
    public ReadModels.SolarArray addArray(long elementId, SolarArrayDraft draft, String actor) {
        EditSupport.auditAs(actor);
        long workspaceId = support.workspaceOfElement(elementId);
        access.requireTeamEdit(workspaceId, support.owner(null, elementId), actor, "add a solar array to "
                + support.elementName(elementId));
        SolarArrayEntity e = new SolarArrayEntity(elementId);
        EquipmentRules.applyArray(e, draft);
        support.touch(e, actor);
        SolarArrayEntity saved = arrays.saveAndFlush(e);
        support.publish(workspaceId, Kind.SOLAR_ARRAY, saved.getId(), Change.ADDED, actor,
                "added solar array " + saved.getName());
        return support.toView(saved);
    }

    @Transactional
    public ReadModels.SolarArray updateArray(long arrayId, long expectedVersion, SolarArrayDraft draft, String actor) {
        EditSupport.auditAs(actor);
        SolarArrayEntity e = arrays.findById(arrayId)
                .orElseThrow(() -> new NotFoundException("solar array", arrayId));
        long workspaceId = support.workspaceOfElement(e.getElementId());
        access.requireTeamEdit(workspaceId, support.owner(e.getOwnerTeamId(), e.getElementId()), actor,
                "change solar array '" + e.getName() + "'");
        EditSupport.requireVersion(Kind.SOLAR_ARRAY, e, expectedVersion);
        EquipmentRules.applyArray(e, draft);
        support.touch(e, actor);
        SolarArrayEntity saved = support.flush(() -> arrays.saveAndFlush(e), Kind.SOLAR_ARRAY, e, expectedVersion);
        support.publish(workspaceId, Kind.SOLAR_ARRAY, arrayId, Change.CHANGED, actor,
                "changed solar array " + saved.getName());
        return support.toView(saved);
    }

    @Transactional
    public void deleteArray(long arrayId, long expectedVersion, String actor) {
        EditSupport.auditAs(actor);
        SolarArrayEntity e = arrays.findById(arrayId).orElseThrow(() -> new NotFoundException("solar array", arrayId));
        long workspaceId = support.workspaceOfElement(e.getElementId());
        access.requireTeamEdit(workspaceId, support.owner(e.getOwnerTeamId(), e.getElementId()), actor,
                "remove solar array '" + e.getName() + "'");
        EditSupport.requireVersion(Kind.SOLAR_ARRAY, e, expectedVersion);
        support.remove(arrays, Kind.SOLAR_ARRAY, e, expectedVersion);
        support.publish(workspaceId, Kind.SOLAR_ARRAY, arrayId, Change.REMOVED, actor,
                "removed solar array " + e.getName());
    }
}
