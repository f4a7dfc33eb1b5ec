package org.gatewaypower.workspace;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.gatewaypower.workspace.internal.BatteryEntity;
import org.gatewaypower.workspace.internal.BatteryRepository;
import org.gatewaypower.workspace.internal.ConverterRepository;
import org.gatewaypower.workspace.internal.DesignCaseRepository;
import org.gatewaypower.workspace.internal.DockingRepository;
import org.gatewaypower.workspace.internal.ElementEntity;
import org.gatewaypower.workspace.internal.ElementAllocationRepository;
import org.gatewaypower.workspace.internal.ElementRepository;
import org.gatewaypower.workspace.internal.LoadItemRepository;
import org.gatewaypower.workspace.internal.OperatingModeRepository;
import org.gatewaypower.workspace.internal.PartnerTeamRepository;
import org.gatewaypower.workspace.internal.PortRepository;
import org.gatewaypower.workspace.internal.SolarArrayEntity;
import org.gatewaypower.workspace.internal.SolarArrayRepository;
import org.gatewaypower.workspace.internal.WorkspaceEntity;
import org.gatewaypower.workspace.internal.WorkspaceMemberEntity;
import org.gatewaypower.workspace.internal.WorkspaceMemberRepository;
import org.gatewaypower.workspace.internal.WorkspaceRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Workspaces as a whole: creating them, listing them, reading everything in one as a consistent
 * snapshot, and asking what a user may read or change there. The edits of their parts are in
 * {@link MembershipService}, {@link StructureService}, {@link EquipmentService} and {@link DesignCaseService}.
 */
@Service
public class WorkspaceService {

    private final EditSupport support;
    private final WorkspaceAccess access;
    private final PartnerTeamRepository teams;
    private final WorkspaceRepository workspaces;
    private final WorkspaceMemberRepository members;
    private final ElementRepository elements;
    private final OperatingModeRepository modes;
    private final LoadItemRepository loads;
    private final BatteryRepository batteries;
    private final SolarArrayRepository arrays;
    private final DesignCaseRepository designCases;
    private final ElementAllocationRepository allocations;
    private final ConverterRepository converters;
    private final PortRepository ports;
    private final DockingRepository dockings;

    // The snapshot reads every table of a workspace, hence the many repositories.
    WorkspaceService(EditSupport support, WorkspaceAccess access, PartnerTeamRepository teams,
                     WorkspaceRepository workspaces, WorkspaceMemberRepository members, ElementRepository elements,
                     OperatingModeRepository modes, LoadItemRepository loads, BatteryRepository batteries,
                     SolarArrayRepository arrays, DesignCaseRepository designCases,
                     ElementAllocationRepository allocations,
                     ConverterRepository converters, PortRepository ports,
                     DockingRepository dockings) {
        this.support = support;
        this.access = access;
        this.teams = teams;
        this.workspaces = workspaces;
        this.members = members;
        this.elements = elements;
        this.modes = modes;
        this.loads = loads;
        this.batteries = batteries;
        this.arrays = arrays;
        this.designCases = designCases;
        this.allocations = allocations;
        this.converters = converters;
        this.ports = ports;
        this.dockings = dockings;
    }

    // ---------------------------------------------------------------- reads

    /** Every workspace, for set-up code and administrators; users see {@link #listWorkspaces(String)}. */
    @Transactional(readOnly = true)
    public List<ReadModels.WorkspaceSummary> listWorkspaces() {
        return summaries(workspaces.findAllByOrderByNameAsc());
    }

    /** The workspaces the user may open: those they are a member of (administrators: all). */
    @Transactional(readOnly = true)
    public List<ReadModels.WorkspaceSummary> listWorkspaces(String actor) {
        Actor a = access.actor(actor);
        if (a.admin()) {
            return listWorkspaces();
        }
        Set<Long> mine = members.findByUsername(actor).stream().map(WorkspaceMemberEntity::getWorkspaceId)
                .collect(Collectors.toSet());
        return summaries(workspaces.findAllByOrderByNameAsc().stream().filter(w -> mine.contains(w.getId())).toList());
    }

    private List<ReadModels.WorkspaceSummary> summaries(List<WorkspaceEntity> list) {
        Map<Long, String> teamCodes = support.teamCodes();
        return list.stream().map(w -> {
            List<Long> elementIds = elements.findByWorkspaceIdOrderByIdAsc(w.getId()).stream()
                    .map(ElementEntity::getId).toList();
            int loadCount = elementIds.isEmpty() ? 0 : (int) loads.countByElementIdIn(elementIds);
            return new ReadModels.WorkspaceSummary(w.getId(), w.getName(), w.getDescription(),
                    w.getTeamIds().stream().map(teamCodes::get).sorted().toList(), elementIds.size(), loadCount);
        }).toList();
    }

    /** Everything in a workspace, read in one transaction so that it is consistent. */
    @Transactional(readOnly = true)
    public ReadModels.WorkspaceSnapshot snapshot(long workspaceId) {
        WorkspaceEntity w = workspaces.findById(workspaceId)
                .orElseThrow(() -> new NotFoundException("workspace", workspaceId));
        Map<Long, String> teamCodes = support.teamCodes();
        List<ReadModels.Team> wsTeams = teams.findAllById(w.getTeamIds()).stream().map(EditSupport::toView)
                .sorted((a, b) -> a.code().compareTo(b.code())).toList();
        List<ElementEntity> els = elements.findByWorkspaceIdOrderByIdAsc(workspaceId);
        List<Long> elementIds = els.stream().map(ElementEntity::getId).toList();
        List<ReadModels.Element> elementViews = els.stream().map(e -> EditSupport.toView(e, teamCodes)).toList();
        List<ReadModels.Mode> modeViews = modes.findByWorkspaceIdOrderBySortOrderAscIdAsc(workspaceId).stream()
                .map(m -> new ReadModels.Mode(m.getId(), m.getName(), m.getDescription(), m.getSortOrder(),
                        m.getVersion())).toList();
        List<ReadModels.LoadItem> loadViews = elementIds.isEmpty() ? List.of()
                : loads.findByElementIdInOrderByElementIdAscIdAsc(elementIds).stream().map(EditSupport::toView)
                        .toList();
        Map<Long, Long> elementOwners = els.stream()
                .collect(Collectors.toMap(ElementEntity::getId, ElementEntity::getOwnerTeamId));
        List<ReadModels.Battery> batteryViews = elementIds.isEmpty() ? List.of()
                : batteries.findByElementIdInOrderByIdAsc(elementIds).stream()
                        .map(b -> EditSupport.toView(b, teamCodes.get(EditSupport.effectiveOwner(b.getOwnerTeamId(),
                                elementOwners.get(b.getElementId())))))
                        .toList();
        List<ReadModels.SolarArray> arrayViews = elementIds.isEmpty() ? List.of()
                : arrays.findByElementIdInOrderByIdAsc(elementIds).stream()
                        .map(x -> EditSupport.toView(x, teamCodes.get(EditSupport.effectiveOwner(x.getOwnerTeamId(),
                                elementOwners.get(x.getElementId())))))
                        .toList();
        ReadModels.DesignCase dc = designCases.findByWorkspaceId(workspaceId).map(EditSupport::toView).orElse(null);
        List<ReadModels.Allocation> allocationViews = elementIds.isEmpty() ? List.of()
                : allocations.findByElementIdInOrderByElementIdAscModeIdAsc(elementIds).stream()
                        .map(AllocationService::toView).toList();
        List<ReadModels.Converter> converterViews = elementIds.isEmpty() ? List.of()
                : converters.findByElementIdInOrderByIdAsc(elementIds).stream().map(NetworkService::toView).toList();
        List<ReadModels.Port> portViews = ports.findByWorkspaceIdOrderByIdAsc(workspaceId).stream()
                .map(NetworkService::toView).toList();
        Map<Long, String> elementNames = els.stream()
                .collect(Collectors.toMap(ElementEntity::getId, ElementEntity::getName));
        List<ReadModels.Docking> dockingViews = dockings.findByWorkspaceIdOrderByStartAtAscIdAsc(workspaceId).stream()
                .map(d -> DockingService.toView(d, elementNames)).toList();
        return new ReadModels.WorkspaceSnapshot(w.getId(), w.getName(), w.getDescription(), w.getVersion(), wsTeams,
                elementViews, modeViews, loadViews, batteryViews, arrayViews, dc, allocationViews,
                converterViews, portViews, dockingViews);
    }

    // ---------------------------------------------------------------- access

    /** Refuses (403) unless the user may read the workspace: its members and administrators. */
    @Transactional(readOnly = true)
    public void requireReadable(long workspaceId, String actor) {
        support.requireWorkspace(workspaceId);
        access.requireRead(workspaceId, actor);
    }

    /** Refuses (403) unless the user is an owner or editor of the workspace (or an administrator). */
    @Transactional(readOnly = true)
    public void requireContributor(long workspaceId, String actor, String what) {
        support.requireWorkspace(workspaceId);
        access.requireContributor(workspaceId, actor, what);
    }

    /** What the user may change in the workspace, for read-only displays. */
    @Transactional(readOnly = true)
    public ReadModels.Permissions permissions(long workspaceId, String actor) {
        Actor a = access.requireRead(workspaceId, actor);
        Optional<WorkspaceRole> role = access.role(workspaceId, actor);
        boolean owns = a.admin() || role.orElse(null) == WorkspaceRole.OWNER;
        Map<Long, String> codes = support.teamCodes();
        List<ElementEntity> els = elements.findByWorkspaceIdOrderByIdAsc(workspaceId);
        Map<Long, Long> elementOwners = els.stream()
                .collect(Collectors.toMap(ElementEntity::getId, ElementEntity::getOwnerTeamId));
        List<Long> ids = List.copyOf(elementOwners.keySet());
        Set<Long> editableElements = els.stream()
                .filter(el -> access.mayEdit(a, role, codes.get(el.getOwnerTeamId()))).map(ElementEntity::getId)
                .collect(Collectors.toSet());
        Set<Long> editableBatteries = ids.isEmpty() ? Set.of() : batteries.findByElementIdInOrderByIdAsc(ids).stream()
                .filter(b -> access.mayEdit(a, role, codes.get(EditSupport.effectiveOwner(b.getOwnerTeamId(),
                        elementOwners.get(b.getElementId()))))).map(BatteryEntity::getId).collect(Collectors.toSet());
        Set<Long> editableArrays = ids.isEmpty() ? Set.of() : arrays.findByElementIdInOrderByIdAsc(ids).stream()
                .filter(x -> access.mayEdit(a, role, codes.get(EditSupport.effectiveOwner(x.getOwnerTeamId(),
                        elementOwners.get(x.getElementId()))))).map(SolarArrayEntity::getId).collect(Collectors.toSet());
        return new ReadModels.Permissions(a.username(), a.teamCode(), role.orElse(null), a.admin(), owns,
                editableElements, editableBatteries, editableArrays);
    }

    // ---------------------------------------------------------------- set-up

    /** Creates a workspace; its creator becomes its first owner. */
    @Transactional
    public long createWorkspace(String name, String description, Set<String> teamCodes, String actor) {
        EditSupport.auditAs(actor);
        access.actor(actor);
        Rules r = new Rules();
        String n = r.text("name", "Workspace name", name, 120, true);
        String d = r.multiLineText("description", "Description", description, 2000, false);
        if (r.ok("name") && workspaces.findByName(n).isPresent()) {
            r.fail("name", "Workspace name must be unique; " + n + " exists");
        }
        List<Long> teamIds = new java.util.ArrayList<>();
        for (String code : teamCodes) {
            Long team = support.teamId(r, "teamCodes", code);
            if (team != null) {
                teamIds.add(team);
            }
        }
        r.throwIfAny();
        WorkspaceEntity w = new WorkspaceEntity(n, d);
        teamIds.forEach(w::addTeam);
        support.touch(w, actor);
        long id = workspaces.saveAndFlush(w).getId();
        WorkspaceMemberEntity owner = new WorkspaceMemberEntity(id, actor, WorkspaceRole.OWNER);
        support.touch(owner, actor);
        members.saveAndFlush(owner);
        return id;
    }
}
