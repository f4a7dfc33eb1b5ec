package org.gatewaypower.baseline;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.gatewaypower.baseline.internal.VariantEntity;
import org.gatewaypower.baseline.internal.VariantOriginEntity;
import org.gatewaypower.baseline.internal.VariantOriginRepository;
import org.gatewaypower.baseline.internal.VariantRepository;
import org.gatewaypower.workspace.DesignCaseService;
import org.gatewaypower.workspace.Drafts;
import org.gatewaypower.workspace.EquipmentService;
import org.gatewaypower.workspace.InvalidInputException;
import org.gatewaypower.workspace.MembershipService;
import org.gatewaypower.workspace.Operations;
import org.gatewaypower.workspace.OperationsService;
import org.gatewaypower.workspace.ReadModels;
import org.gatewaypower.workspace.StructureService;
import org.gatewaypower.workspace.WorkspaceService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Variants: a workspace forked from a parent, edited on its own and compared with its parent. The fork
 * copies every item through the public workspace and operations services (so their rules and access
 * checks apply) and records which parent item each copy came from.
 */
@Service
public class VariantService {

    /** Between the parent's name and the variant's in the new workspace's name. */
    static final String SEPARATOR = " — ";
    private static final int MAX_NAME = 120;

    private final Clock clock;
    private final WorkspaceService workspaces;
    private final MembershipService membership;
    private final StructureService structure;
    private final EquipmentService equipment;
    private final DesignCaseService designCases;
    private final OperationsService operations;
    private final VariantRepository variants;
    private final VariantOriginRepository origins;
    private final org.gatewaypower.workspace.AllocationService allocations;

    private final org.gatewaypower.workspace.AuditLog audit;
    private final org.gatewaypower.workspace.DockingService dockings;
    private final org.gatewaypower.workspace.NetworkService network;

    VariantService(Clock clock, WorkspaceService workspaces, MembershipService membership, StructureService structure,
                   EquipmentService equipment, DesignCaseService designCases, OperationsService operations,
                   VariantRepository variants, VariantOriginRepository origins,
                   org.gatewaypower.workspace.AuditLog audit,
                   org.gatewaypower.workspace.AllocationService allocations,
                   org.gatewaypower.workspace.DockingService dockings,
                   org.gatewaypower.workspace.NetworkService network) {
        this.audit = audit;
        this.allocations = allocations;
        this.dockings = dockings;
        this.network = network;
        this.clock = clock;
        this.workspaces = workspaces;
        this.membership = membership;
        this.structure = structure;
        this.equipment = equipment;
        this.designCases = designCases;
        this.operations = operations;
        this.variants = variants;
        this.origins = origins;
    }

    /**
     * Forks the workspace into a new one named "parent — variant name" with a copy of every team, mode,
     * element, load, battery, array, the design case and the operations timeline.
     */
    @Transactional
    public Baselines.Variant fork(long workspaceId, String variantName, String actor) {
        // A variant lists under its parent and copies its members, so forking is a contribution to the
        // parent: viewers may not (they would own a copy that shows in the parent's variant list).
        workspaces.requireContributor(workspaceId, actor, "create a variant of this workspace");
        ReadModels.WorkspaceSnapshot parent = workspaces.snapshot(workspaceId);
        List<Operations.OperationPhase> phases = operations.phases(workspaceId);
        String name = variantName == null ? "" : variantName.strip();
        String workspaceName = parent.name() + SEPARATOR + name;
        String problem = name.isEmpty() ? "Variant name is required"
                : name.length() > MAX_NAME ? "Variant name must be at most " + MAX_NAME + " characters (was "
                        + name.length() + ")"
                : workspaceName.length() > MAX_NAME ? "Variant name is too long: the variant's workspace name \""
                        + workspaceName + "\" must be at most " + MAX_NAME + " characters"
                : variants.existsByParentWorkspaceIdAndName(workspaceId, name)
                        || workspaces.listWorkspaces().stream().anyMatch(w -> w.name().equals(workspaceName))
                        ? "Variant name must be unique; " + workspaceName + " exists" : null;
        if (problem != null) {
            throw new InvalidInputException(List.of(new InvalidInputException.FieldViolation("name", problem)));
        }
        Set<String> teamCodes = new LinkedHashSet<>();
        parent.teams().forEach(t -> teamCodes.add(t.code()));
        long ws = workspaces.createWorkspace(workspaceName, parent.description(), teamCodes, actor);
        variants.saveAndFlush(new VariantEntity(ws, workspaceId, name,
                clock.instant().truncatedTo(ChronoUnit.MICROS), actor));
        audit.record(workspaceId, actor, "variant", name, org.gatewaypower.workspace.History.ChangeType.ADDED,
                actor + " forked variant \"" + workspaceName + "\" (workspace " + ws + ")");
        audit.record(ws, actor, "variant", name, org.gatewaypower.workspace.History.ChangeType.ADDED,
                actor + " forked this workspace from \"" + parent.name() + "\" (workspace " + workspaceId + ")");
        // The parent's members keep their roles in the variant; whoever forks it owns it.
        for (ReadModels.Member m : membership.members(workspaceId)) {
            if (!m.username().equals(actor)) {
                membership.setMember(ws, m.username(), m.role(), actor);
            }
        }

        Map<Long, Long> modeIds = new HashMap<>();
        for (ReadModels.Mode m : parent.modes()) {
            long id = structure.addMode(ws, m.name(), m.description(), m.sortOrder(), actor);
            modeIds.put(m.id(), id);
            origin(ws, ItemDiff.MODE, id, m.id());
        }
        Map<Long, Long> elementIds = new HashMap<>();
        for (ReadModels.Element e : parent.elements()) {
            long id = structure.addElement(ws, e.name(), e.kind(), e.ownerTeamCode(), actor);
            elementIds.put(e.id(), id);
            origin(ws, ItemDiff.ELEMENT, id, e.id());
        }
        for (ReadModels.LoadItem l : parent.loads()) {
            Map<Long, Double> duties = new HashMap<>();
            l.dutyByMode().forEach((mode, duty) -> duties.put(modeIds.get(mode), duty));
            ReadModels.LoadItem copy = equipment.createLoad(ws, new Drafts.LoadItemDraft(elementIds.get(l.elementId()),
                    l.name(), l.subsystem(), l.bus(), l.quantity(), l.standbyPowerW(), l.operatingPowerW(),
                    l.peakPowerW(), duties, l.shadowDuty(), l.maturity(), l.priority()), actor);
            origin(ws, ItemDiff.LOAD, copy.id(), l.id());
        }
        for (ReadModels.Battery b : parent.batteries()) {
            ReadModels.Battery copy = equipment.addBattery(elementIds.get(b.elementId()), new Drafts.BatteryDraft(
                    b.name(), b.capacityJ(), b.minStateOfCharge(), b.maxStateOfCharge(), b.chargeEfficiency(),
                    b.dischargeEfficiency(), b.maxChargePowerW(), b.maxDischargePowerW(), b.initialStateOfCharge(),
                    b.capacityFadePerYear()), ownTeam(b.ownerTeamCode(), parent.element(b.elementId())), actor);
            origin(ws, ItemDiff.BATTERY, copy.id(), b.id());
        }
        for (ReadModels.SolarArray a : parent.arrays()) {
            ReadModels.SolarArray copy = equipment.addArray(elementIds.get(a.elementId()), new Drafts.SolarArrayDraft(
                    a.name(), a.ratedPowerW(), a.degradationPerYear(), a.pathEfficiency(), a.incidenceDeg(),
                    a.temperatureCoefficientPerK(), a.temperatureOffsetK()), actor);
            origin(ws, ItemDiff.ARRAY, copy.id(), a.id());
        }
        for (ReadModels.Converter c : parent.converters()) {
            ReadModels.Converter copy = network.addConverter(ws, new org.gatewaypower.workspace.NetworkService
                    .ConverterDraft(elementIds.get(c.elementId()), c.name(), c.efficiency(), c.ratingW()), actor);
            origin(ws, ItemDiff.CONVERTER, copy.id(), c.id());
        }
        for (ReadModels.Port p : parent.ports()) {
            ReadModels.Port copy = network.addPort(ws, new org.gatewaypower.workspace.NetworkService.PortDraft(
                    p.name(), elementIds.get(p.fromElementId()), elementIds.get(p.toElementId()), p.limitW()), actor);
            origin(ws, ItemDiff.PORT, copy.id(), p.id());
        }
        ReadModels.DesignCase dc = parent.designCase();
        if (dc != null) {
            ReadModels.DesignCase copy = designCases.createDesignCase(ws,
                    Drafts.DesignCaseDraft.copyOf(dc, modeIds.get(dc.activeModeId())), actor);
            origin(ws, ItemDiff.DESIGN_CASE, copy.id(), dc.id());
        }
        for (Operations.OperationPhase p : phases) {
            Operations.OperationPhase copy = operations.create(ws, new Operations.OperationPhaseDraft(p.name(),
                    p.kind(), modeIds.get(p.modeId()), p.start(), p.end()), actor);
            origin(ws, ItemDiff.PHASE, copy.id(), p.id());
        }
        // An allocation is matched by its element and mode, whose origins are recorded above.
        for (ReadModels.Allocation x : parent.allocations()) {
            allocations.set(elementIds.get(x.elementId()), modeIds.get(x.modeId()), x.allocationW(), null, actor);
        }
        for (ReadModels.Docking d : parent.dockings()) {
            ReadModels.Docking copy = dockings.create(ws, new org.gatewaypower.workspace.DockingService.DockingDraft(
                    elementIds.get(d.vehicleElementId()), d.start(), d.end(), d.exportW(), d.note()), actor);
            origin(ws, ItemDiff.DOCKING, copy.id(), d.id());
        }
        return toView(variants.findById(ws).orElseThrow(), workspaceName);
    }

    /** A battery's own owner team when it differs from its element's (JAXA batteries in NASA's HALO). */
    private static String ownTeam(String ownerTeamCode, ReadModels.Element element) {
        return ownerTeamCode == null || ownerTeamCode.equals(element.ownerTeamCode()) ? null : ownerTeamCode;
    }

    /** The variants forked from a workspace, oldest first. */
    @Transactional(readOnly = true)
    public List<Baselines.Variant> variants(long parentWorkspaceId) {
        workspaces.snapshot(parentWorkspaceId);
        Map<Long, String> names = workspaceNames();
        return variants.findByParentWorkspaceIdOrderByCreatedAtAscVariantWorkspaceIdAsc(parentWorkspaceId).stream()
                .map(v -> toView(v, names.get(v.getVariantWorkspaceId()))).toList();
    }

    /** The variant record of a workspace, if it was forked from another. */
    @Transactional(readOnly = true)
    public Optional<Baselines.Variant> parent(long variantWorkspaceId) {
        return variants.findById(variantWorkspaceId)
                .map(v -> toView(v, workspaceNames().get(v.getVariantWorkspaceId())));
    }

    /** Of a variant, by kind, each copied item's id and the parent item's id it was copied from. */
    @Transactional(readOnly = true)
    Map<String, Map<Long, Long>> origins(long variantWorkspaceId) {
        Map<String, Map<Long, Long>> out = new HashMap<>();
        for (VariantOriginEntity o : origins.findByVariantWorkspaceId(variantWorkspaceId)) {
            out.computeIfAbsent(o.getKind(), k -> new HashMap<>()).put(o.getVariantEntityId(), o.getOriginEntityId());
        }
        return out;
    }

    private void origin(long variantWorkspaceId, String kind, long variantId, long originId) {
        origins.save(new VariantOriginEntity(variantWorkspaceId, kind, variantId, originId));
    }

    private Map<Long, String> workspaceNames() {
        Map<Long, String> names = new HashMap<>();
        workspaces.listWorkspaces().forEach(w -> names.put(w.id(), w.name()));
        return names;
    }

    private static Baselines.Variant toView(VariantEntity v, String workspaceName) {
        return new Baselines.Variant(v.getVariantWorkspaceId(), v.getParentWorkspaceId(), v.getName(), workspaceName,
                v.getCreatedAt(), v.getCreatedBy());
    }
}
