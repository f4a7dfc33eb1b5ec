package org.gatewaypower.exchange;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.gatewaypower.baseline.BaselineService;
import org.gatewaypower.baseline.Baselines;
import org.gatewaypower.workspace.DesignCaseService;
import org.gatewaypower.workspace.DockingService;
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
 * Writes a workspace as a {@link WorkspaceArchive} and reads one back as a new workspace, in one
 * transaction through the public services (so every rule applies and a failed import leaves
 * nothing behind). Frozen baselines come along with their ids translated to the new workspace's, so
 * that comparing them with the imported workspace lists no spurious changes.
 */
@Service
public class ArchiveService {

    /** Largest archive read (bytes). */
    static final int MAX_BYTES = 20 * 1024 * 1024;

    private final WorkspaceService workspaces;
    private final MembershipService membership;
    private final StructureService structure;
    private final EquipmentService equipment;
    private final DesignCaseService designCases;
    private final OperationsService operations;
    private final DockingService dockings;
    private final BaselineService baselines;
    private final ObjectMapper json;
    private final Clock clock;
    private final org.gatewaypower.workspace.AllocationService allocations;
    private final org.gatewaypower.workspace.NetworkService network;

    ArchiveService(WorkspaceService workspaces, MembershipService membership, StructureService structure,
                   EquipmentService equipment, DesignCaseService designCases, OperationsService operations,
                   BaselineService baselines, ObjectMapper json, Clock clock, DockingService dockings,
                   org.gatewaypower.workspace.AllocationService allocations,
                   org.gatewaypower.workspace.NetworkService network) {
        this.workspaces = workspaces;
        this.membership = membership;
        this.structure = structure;
        this.equipment = equipment;
        this.designCases = designCases;
        this.operations = operations;
        this.dockings = dockings;
        this.baselines = baselines;
        this.json = json.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        this.clock = clock;
        this.allocations = allocations;
        this.network = network;
    }

    /** The workspace as archive JSON (UTF-8 bytes). */
    public byte[] export(long workspaceId, String actor) {
        workspaces.requireReadable(workspaceId, actor);
        WorkspaceArchive archive = new WorkspaceArchive(WorkspaceArchive.FORMAT, WorkspaceArchive.VERSION,
                clock.instant(), actor, workspaces.snapshot(workspaceId), operations.phases(workspaceId),
                membership.members(workspaceId).stream().map(m -> new WorkspaceArchive.Member(m.username(), m.role()))
                        .toList(),
                baselines.baselines(workspaceId).stream().map(b -> new WorkspaceArchive.Baseline(b.name(),
                        b.description(), b.createdAt(), b.createdBy(), b.inputs(), b.results())).toList());
        return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(archive);
    }

    /**
     * Creates a new workspace from an archive; the importer becomes its owner, and the archive's
     * members who have accounts here keep their roles. {@code name} (optional) replaces the archived
     * name, which must not be taken.
     */
    @Transactional
    public WorkspaceArchive.Imported importArchive(byte[] content, String name, String actor) {
        WorkspaceArchive a = read(content);
        ReadModels.WorkspaceSnapshot ws = a.workspace();
        String newName = name != null && !name.isBlank() ? name.strip() : ws.name();
        List<String> notes = new ArrayList<>();
        Set<String> teams = new LinkedHashSet<>();
        ws.teams().forEach(t -> teams.add(t.code()));
        long id = workspaces.createWorkspace(newName, provenance(a), teams, actor);

        Map<Long, Long> modes = new HashMap<>();
        for (ReadModels.Mode m : ws.modes()) {
            modes.put(m.id(), structure.addMode(id, m.name(), m.description(), m.sortOrder(), actor));
        }
        Map<Long, Long> elements = new HashMap<>();
        for (ReadModels.Element e : ws.elements()) {
            elements.put(e.id(), structure.addElement(id, e.name(), e.kind(), e.ownerTeamCode(), actor));
        }
        Map<Long, Long> loads = new HashMap<>();
        for (ReadModels.LoadItem l : ws.loads()) {
            Map<Long, Double> duty = new HashMap<>();
            l.dutyByMode().forEach((mode, d) -> duty.put(required(modes, mode, "loads.dutyByMode"), d));
            loads.put(l.id(), equipment.createLoad(id, new Drafts.LoadItemDraft(required(elements, l.elementId(),
                    "loads.elementId"), l.name(), l.subsystem(), l.bus(), l.quantity(), l.standbyPowerW(),
                    l.operatingPowerW(), l.peakPowerW(), duty, l.shadowDuty(), l.maturity(), l.priority()), actor)
                    .id());
        }
        Map<Long, Long> batteries = new HashMap<>();
        for (ReadModels.Battery b : ws.batteries()) {
            long element = required(elements, b.elementId(), "batteries.elementId");
            String elementOwner = ws.element(b.elementId()).ownerTeamCode();
            batteries.put(b.id(), equipment.addBattery(element, new Drafts.BatteryDraft(b.name(), b.capacityJ(),
                    b.minStateOfCharge(), b.maxStateOfCharge(), b.chargeEfficiency(), b.dischargeEfficiency(),
                    b.maxChargePowerW(), b.maxDischargePowerW(), b.initialStateOfCharge(), b.capacityFadePerYear()),
                    Objects.equals(b.ownerTeamCode(), elementOwner) ? null : b.ownerTeamCode(), actor).id());
        }
        Map<Long, Long> arrays = new HashMap<>();
        for (ReadModels.SolarArray x : ws.arrays()) {
            arrays.put(x.id(), equipment.addArray(required(elements, x.elementId(), "arrays.elementId"),
                    new Drafts.SolarArrayDraft(x.name(), x.ratedPowerW(), x.degradationPerYear(), x.pathEfficiency(),
                            x.incidenceDeg(), x.temperatureCoefficientPerK(), x.temperatureOffsetK()), actor).id());
        }
        Map<Long, Long> converters = new HashMap<>();
        for (ReadModels.Converter x : ws.converters()) {
            converters.put(x.id(), network.addConverter(id, new org.gatewaypower.workspace.NetworkService.ConverterDraft(
                    required(elements, x.elementId(), "converters.elementId"), x.name(), x.efficiency(), x.ratingW()),
                    actor).id());
        }
        Map<Long, Long> ports = new HashMap<>();
        for (ReadModels.Port x : ws.ports()) {
            ports.put(x.id(), network.addPort(id, new org.gatewaypower.workspace.NetworkService.PortDraft(x.name(),
                    required(elements, x.fromElementId(), "ports.fromElementId"),
                    required(elements, x.toElementId(), "ports.toElementId"), x.limitW()), actor).id());
        }
        ReadModels.DesignCase dc = ws.designCase();
        Long designCaseId = null;
        if (dc != null) {
            designCaseId = designCases.createDesignCase(id, Drafts.DesignCaseDraft.copyOf(dc,
                    required(modes, dc.activeModeId(), "designCase.activeModeId")), actor).id();
        }
        Map<Long, Long> phases = new HashMap<>();
        for (Operations.OperationPhase p : a.phases() == null ? List.<Operations.OperationPhase>of() : a.phases()) {
            phases.put(p.id(), operations.create(id, new Operations.OperationPhaseDraft(p.name(), p.kind(),
                    required(modes, p.modeId(), "phases.modeId"), p.start(), p.end()), actor).id());
        }
        Map<Long, Long> dockingIds = new HashMap<>();
        for (ReadModels.Docking d : ws.dockings()) {
            dockingIds.put(d.id(), dockings.create(id, new DockingService.DockingDraft(required(elements,
                    d.vehicleElementId(), "dockings.vehicleElementId"), d.start(), d.end(), d.exportW(), d.note()),
                    actor).id());
        }
        for (ReadModels.Allocation x : ws.allocations()) {
            allocations.set(required(elements, x.elementId(), "allocations.elementId"),
                    required(modes, x.modeId(), "allocations.modeId"), x.allocationW(), null, actor);
        }
        for (WorkspaceArchive.Member m : a.members() == null ? List.<WorkspaceArchive.Member>of() : a.members()) {
            if (m.username().equals(actor)) {
                continue;
            }
            try {
                membership.setMember(id, m.username(), m.role(), actor);
            } catch (InvalidInputException ex) {
                notes.add("Member " + m.username() + " has no account here and was left out");
            }
        }
        WorkspaceArchive.IdMap ids = new WorkspaceArchive.IdMap(modes, elements, loads, batteries, arrays, phases,
                converters, ports);
        ReadModels.WorkspaceSnapshot now = workspaces.snapshot(id);
        for (WorkspaceArchive.Baseline b : a.baselines() == null ? List.<WorkspaceArchive.Baseline>of()
                : a.baselines()) {
            baselines.restore(id, b.name(), b.description(), b.createdAt(), b.createdBy(),
                    translate(b.inputs(), ids, now, designCaseId, dockingIds), b.results(), actor);
        }
        return new WorkspaceArchive.Imported(id, newName, notes);
    }

    private WorkspaceArchive read(byte[] content) {
        if (content == null || content.length == 0) {
            throw invalid("file", "The archive is empty");
        }
        if (content.length > MAX_BYTES) {
            throw invalid("file", "The archive is larger than " + MAX_BYTES / 1048576 + " MB");
        }
        JsonNode tree;
        try {
            tree = json.readTree(content);
        } catch (tools.jackson.core.JacksonException ex) {
            throw invalid("file", "The file is not JSON: " + ex.getOriginalMessage());
        }
        if (tree == null || !tree.isObject() || !WorkspaceArchive.FORMAT.equals(tree.path("format").asString())) {
            throw invalid("format", "This is not a Gateway Power workspace archive (format must be \""
                    + WorkspaceArchive.FORMAT + "\")");
        }
        JsonNode version = tree.get("version");
        if (version == null || !version.canConvertToInt() || version.asInt() != WorkspaceArchive.VERSION) {
            throw invalid("version", "Archive format version " + (version == null ? "(none)" : version.asString())
                    + " is not supported: this installation reads version " + WorkspaceArchive.VERSION
                    + "; export the workspace again from a matching Gateway Power");
        }
        try {
            WorkspaceArchive a = json.treeToValue(tree, WorkspaceArchive.class);
            if (a.workspace() == null) {
                throw invalid("workspace", "The archive holds no workspace");
            }
            return a;
        } catch (tools.jackson.core.JacksonException | IllegalArgumentException
                 | NullPointerException ex) {
            throw invalid("file", "The archive does not match format version " + WorkspaceArchive.VERSION + ": "
                    + (ex instanceof tools.jackson.core.JacksonException j ? j.getOriginalMessage()
                    : ex.getMessage()));
        }
    }

    /** A frozen baseline's inputs with the archive's ids replaced by the new workspace's. */
    private static Baselines.Inputs translate(Baselines.Inputs in, WorkspaceArchive.IdMap ids,
                                              ReadModels.WorkspaceSnapshot now, Long designCaseId,
                                              Map<Long, Long> dockingIds) {
        ReadModels.WorkspaceSnapshot s = in.workspace();
        List<ReadModels.Element> elements = s.elements().stream().map(e -> new ReadModels.Element(id(ids.elements(), e.id()),
                e.name(), e.kind(), e.ownerTeamId(), e.ownerTeamCode(), e.version())).toList();
        List<ReadModels.Mode> modes = s.modes().stream().map(m -> new ReadModels.Mode(id(ids.modes(), m.id()), m.name(),
                m.description(), m.sortOrder(), m.version())).toList();
        List<ReadModels.LoadItem> loads = s.loads().stream().map(l -> {
            Map<Long, Double> duty = new HashMap<>();
            l.dutyByMode().forEach((mode, d) -> duty.put(id(ids.modes(), mode), d));
            return new ReadModels.LoadItem(id(ids.loads(), l.id()), id(ids.elements(), l.elementId()), l.name(),
                    l.subsystem(), l.bus(), l.quantity(), l.standbyPowerW(), l.operatingPowerW(), l.peakPowerW(), duty,
                    l.shadowDuty(), l.maturity(), l.priority(), l.version(), l.updatedAt(), l.updatedBy());
        }).toList();
        List<ReadModels.Battery> batteries = s.batteries().stream().map(b -> new ReadModels.Battery(id(ids.batteries(), b.id()),
                id(ids.elements(), b.elementId()), b.name(), b.capacityJ(), b.minStateOfCharge(), b.maxStateOfCharge(),
                b.chargeEfficiency(), b.dischargeEfficiency(), b.maxChargePowerW(), b.maxDischargePowerW(),
                b.initialStateOfCharge(), b.capacityFadePerYear(), b.version(), b.updatedAt(), b.updatedBy(),
                b.ownerTeamCode())).toList();
        List<ReadModels.SolarArray> arrays = s.arrays().stream().map(x -> new ReadModels.SolarArray(id(ids.arrays(), x.id()),
                id(ids.elements(), x.elementId()), x.name(), x.ratedPowerW(), x.degradationPerYear(),
                x.pathEfficiency(), x.incidenceDeg(), x.temperatureCoefficientPerK(), x.temperatureOffsetK(),
                x.version(), x.updatedAt(), x.updatedBy(), x.ownerTeamCode())).toList();
        ReadModels.DesignCase dc = s.designCase();
        ReadModels.DesignCase newDc = dc == null ? null
                : dc.withIds(designCaseId == null ? dc.id() : designCaseId, id(ids.modes(), dc.activeModeId()));
        List<Operations.OperationPhase> phases = in.phases().stream().map(p -> new Operations.OperationPhase(
                id(ids.phases(), p.id()), p.name(), p.kind(), id(ids.modes(), p.modeId()), p.modeName(), p.start(),
                p.end(), p.version(), p.updatedAt(), p.updatedBy())).toList();
        List<ReadModels.Docking> dockings = s.dockings().stream().map(d -> new ReadModels.Docking(
                id(dockingIds, d.id()),
                id(ids.elements(), d.vehicleElementId()), d.vehicleName(), d.start(), d.end(), d.exportW(), d.note(),
                d.version(), d.updatedAt(), d.updatedBy())).toList();
        List<ReadModels.Allocation> allocations = s.allocations().stream().map(x -> new ReadModels.Allocation(x.id(),
                id(ids.elements(), x.elementId()), id(ids.modes(), x.modeId()), x.allocationW(), x.version(),
                x.updatedAt(), x.updatedBy())).toList();
        List<ReadModels.Converter> converters = s.converters().stream().map(x -> new ReadModels.Converter(
                id(ids.converters(), x.id()), id(ids.elements(), x.elementId()), x.name(), x.efficiency(), x.ratingW(),
                x.version(), x.updatedAt(), x.updatedBy())).toList();
        List<ReadModels.Port> ports = s.ports().stream().map(x -> new ReadModels.Port(id(ids.ports(), x.id()), x.name(),
                id(ids.elements(), x.fromElementId()), id(ids.elements(), x.toElementId()), x.limitW(), x.version(),
                x.updatedAt(), x.updatedBy())).toList();
        return new Baselines.Inputs(new ReadModels.WorkspaceSnapshot(now.id(), now.name(), s.description(), s.version(),
                s.teams(), elements, modes, loads, batteries, arrays, newDc, allocations, converters, ports, dockings),
                phases);
    }

    /**
     * The new id of an archived item; an item that existed only when the baseline was frozen (removed
     * before the export) keeps a negative id, so it can never match a live item.
     */
    private static long id(Map<Long, Long> map, long old) {
        Long mapped = map.get(old);
        return mapped != null ? mapped : -old;
    }

    private static long required(Map<Long, Long> map, long old, String field) {
        Long mapped = map.get(old);
        if (mapped == null) {
            throw invalid(field, "The archive refers to id " + old + " in " + field + ", which it does not contain");
        }
        return mapped;
    }

    private static InvalidInputException invalid(String field, String message) {
        return new InvalidInputException(List.of(new InvalidInputException.FieldViolation(field, message)));
    }

    /**
     * The imported workspace's description names where it came from (the archived workspace, when and by
     * whom it was exported), ahead of the archived description, so that a copy is never taken for the
     * original; cut to the description's 2,000 characters.
     */
    static String provenance(WorkspaceArchive a) {
        String origin = "Imported from the archive of \"" + a.workspace().name() + "\""
                + (a.exportedAt() == null ? "" : " exported " + a.exportedAt())
                + (a.exportedBy() == null ? "" : " by " + a.exportedBy()) + ".";
        String archived = a.workspace().description();
        String text = archived == null || archived.isBlank() ? origin : origin + " " + archived.strip();
        return text.length() <= 2000 ? text : text.substring(0, 1999) + "…";
    }
}
