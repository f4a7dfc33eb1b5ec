package org.gatewaypower.workspace;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.gatewaypower.workspace.Drafts.BatteryDraft;
import org.gatewaypower.workspace.Drafts.DesignCaseDraft;
import org.gatewaypower.workspace.Drafts.LoadItemDraft;
import org.gatewaypower.workspace.Drafts.SolarArrayDraft;
import org.gatewaypower.workspace.internal.AuditActor;
import org.gatewaypower.workspace.internal.AuditedEntity;
import org.gatewaypower.workspace.internal.BatteryEntity;
import org.gatewaypower.workspace.internal.BatteryRepository;
import org.gatewaypower.workspace.internal.DesignCaseEntity;
import org.gatewaypower.workspace.internal.DesignCaseRepository;
import org.gatewaypower.workspace.internal.ElementEntity;
import org.gatewaypower.workspace.internal.ElementRepository;
import org.gatewaypower.workspace.internal.LoadItemEntity;
import org.gatewaypower.workspace.internal.LoadItemRepository;
import org.gatewaypower.workspace.internal.OperatingModeEntity;
import org.gatewaypower.workspace.internal.OperatingModeRepository;
import org.gatewaypower.workspace.internal.PartnerTeamEntity;
import org.gatewaypower.workspace.internal.PartnerTeamRepository;
import org.gatewaypower.workspace.internal.SolarArrayEntity;
import org.gatewaypower.workspace.internal.SolarArrayRepository;
import org.gatewaypower.workspace.internal.WorkspaceEntity;
import org.gatewaypower.workspace.internal.WorkspaceMemberEntity;
import org.gatewaypower.workspace.internal.WorkspaceMemberRepository;
import org.gatewaypower.workspace.internal.WorkspaceRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The workspace module's API: reads return records, edits take drafts, check every rule, refuse
 * stale versions and publish {@link WorkspaceChanged} (handled by other modules after commit).
 */
@Service
public class WorkspaceService {

    /** Largest power accepted for one unit of a load, as a guard against typos in W vs kW (W). */
    static final double MAX_ITEM_POWER_W = 1.0e6;
    /** Most identical units one line of the power equipment list may count. */
    public static final int MAX_QUANTITY = 10_000;
    /** Largest array or battery power accepted (W). */
    static final double MAX_SOURCE_POWER_W = 1.0e7;
    /** Calendar fade of a new battery when none is given: 2 %/year (docs/domain/power-system.md §4: 1–3 %/year). */
    static final double DEFAULT_FADE = 0.02;
    /** Largest battery capacity accepted (J): 10 MWh. */
    static final double MAX_CAPACITY_J = 3.6e10;

    /** Longest analysis span (days): 20 years. */
    static final double MAX_SPAN_DAYS = 7305;
    /** Default perilune epoch and span start of a new workspace's ephemeris orbit. */
    /** Mission span when none is set: the Gateway's 15-year design life from the beginning of life. */
    static final java.time.Period DEFAULT_MISSION = java.time.Period.ofYears(15);
    static final java.time.Instant DEFAULT_EPOCH = java.time.Instant.parse("2027-01-01T00:00:00Z");
    /** Default span: one 59-day cycle (9 revolutions of the 9:2 NRHO, 2 synodic months). */
    static final double DEFAULT_SPAN_DAYS = 59.0;
    private static final java.time.Instant EARLIEST = java.time.Instant.parse("1972-01-01T00:00:00Z");
    private static final java.time.Instant LATEST = java.time.Instant.parse("2100-01-01T00:00:00Z");

    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final PartnerTeamRepository teams;
    private final WorkspaceRepository workspaces;
    private final ElementRepository elements;
    private final OperatingModeRepository modes;
    private final LoadItemRepository loads;
    private final BatteryRepository batteries;
    private final SolarArrayRepository arrays;
    private final DesignCaseRepository designCases;
    private final WorkspaceMemberRepository members;
    private final WorkspaceAccess access;
    private final org.gatewaypower.workspace.internal.OperationPhaseRepository phases;
    private StaleEdits staleEdits;
    private final AuditLog audit;

    WorkspaceService(Clock clock, ApplicationEventPublisher events, PartnerTeamRepository teams,
                     WorkspaceRepository workspaces, ElementRepository elements, OperatingModeRepository modes,
                     LoadItemRepository loads, BatteryRepository batteries, SolarArrayRepository arrays,
                     DesignCaseRepository designCases, WorkspaceMemberRepository members, WorkspaceAccess access,
                     org.gatewaypower.workspace.internal.OperationPhaseRepository phases, AuditLog audit) {
        this.phases = phases;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
        this.teams = teams;
        this.workspaces = workspaces;
        this.elements = elements;
        this.modes = modes;
        this.loads = loads;
        this.batteries = batteries;
        this.arrays = arrays;
        this.designCases = designCases;
        this.members = members;
        this.access = access;
    }

    // ---------------------------------------------------------------- reads

    @Transactional(readOnly = true)
    public List<ReadModels.Team> teams() {
        return teams.findAll().stream().map(WorkspaceService::toView)
                .sorted((a, b) -> a.code().compareTo(b.code())).toList();
    }

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
        Map<Long, String> teamCodes = teamCodes();
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
        Map<Long, String> teamCodes = teamCodes();
        List<ReadModels.Team> wsTeams = teams.findAllById(w.getTeamIds()).stream().map(WorkspaceService::toView)
                .sorted((a, b) -> a.code().compareTo(b.code())).toList();
        List<ElementEntity> els = elements.findByWorkspaceIdOrderByIdAsc(workspaceId);
        List<Long> elementIds = els.stream().map(ElementEntity::getId).toList();
        List<ReadModels.Element> elementViews = els.stream()
                .map(e -> new ReadModels.Element(e.getId(), e.getName(), e.getKind(), e.getOwnerTeamId(),
                        teamCodes.get(e.getOwnerTeamId()), e.getVersion()))
                .toList();
        List<ReadModels.Mode> modeViews = modes.findByWorkspaceIdOrderBySortOrderAscIdAsc(workspaceId).stream()
                .map(m -> new ReadModels.Mode(m.getId(), m.getName(), m.getDescription(), m.getSortOrder(),
                        m.getVersion())).toList();
        List<ReadModels.LoadItem> loadViews = elementIds.isEmpty() ? List.of()
                : loads.findByElementIdInOrderByElementIdAscIdAsc(elementIds).stream().map(WorkspaceService::toView)
                        .toList();
        Map<Long, Long> elementOwners = els.stream()
                .collect(Collectors.toMap(ElementEntity::getId, ElementEntity::getOwnerTeamId));
        List<ReadModels.Battery> batteryViews = elementIds.isEmpty() ? List.of()
                : batteries.findByElementIdInOrderByIdAsc(elementIds).stream()
                        .map(b -> toView(b, teamCodes.get(effectiveOwner(b.getOwnerTeamId(), elementOwners.get(b.getElementId())))))
                        .toList();
        List<ReadModels.SolarArray> arrayViews = elementIds.isEmpty() ? List.of()
                : arrays.findByElementIdInOrderByIdAsc(elementIds).stream()
                        .map(x -> toView(x, teamCodes.get(effectiveOwner(x.getOwnerTeamId(), elementOwners.get(x.getElementId())))))
                        .toList();
        ReadModels.DesignCase dc = designCases.findByWorkspaceId(workspaceId).map(WorkspaceService::toView).orElse(null);
        return new ReadModels.WorkspaceSnapshot(w.getId(), w.getName(), w.getDescription(), w.getVersion(), wsTeams,
                elementViews, modeViews, loadViews, batteryViews, arrayViews, dc);
    }

    @Transactional(readOnly = true)
    public ReadModels.LoadItem load(long loadId) {
        return toView(loads.findById(loadId).orElseThrow(() -> new NotFoundException("load item", loadId)));
    }

    // ---------------------------------------------------------------- edits users make

    /** Adds a line to the power equipment list of the draft's element (its team's editors and owners). */
    @Transactional
    public ReadModels.LoadItem createLoad(long workspaceId, LoadItemDraft draft, String actor) {
        AuditActor.set(actor);
        requireLoadEdit(workspaceId, draft.elementId(), actor, "add a load to " + elementName(draft.elementId()));
        Validated v = validateLoad(workspaceId, draft);
        LoadItemEntity e = new LoadItemEntity(v.elementId);
        v.applyTo(e, draft);
        e.touch(actor, clock.instant());
        LoadItemEntity saved = loads.saveAndFlush(e);
        publish(workspaceId, "load item", saved.getId(), actor, "added load " + saved.getName());
        return toView(saved);
    }

    /** Changes a load item, provided nobody changed it since {@code expectedVersion}. */
    @Transactional
    public ReadModels.LoadItem updateLoad(long loadId, long expectedVersion, LoadItemDraft draft, String actor) {
        AuditActor.set(actor);
        LoadItemEntity e = loads.findById(loadId).orElseThrow(() -> new NotFoundException("load item", loadId));
        long workspaceId = workspaceOfElement(e.getElementId());
        requireLoadEdit(workspaceId, e.getElementId(), actor, "change load '" + e.getName() + "'");
        if (draft.elementId() != null && draft.elementId() != e.getElementId()) {
            requireLoadEdit(workspaceId, draft.elementId(), actor, "move load '" + e.getName() + "' to "
                    + elementName(draft.elementId()));
        }
        requireVersion("load item", e, expectedVersion);
        Validated v = validateLoad(workspaceId, draft);
        v.applyTo(e, draft);
        e.touch(actor, clock.instant());
        LoadItemEntity saved = flush(() -> loads.saveAndFlush(e), "load item", e, expectedVersion);
        publish(workspaceId, "load item", loadId, actor, "changed load " + saved.getName());
        return toView(saved);
    }

    /** Removes a load item, provided nobody changed it since {@code expectedVersion}. */
    @Transactional
    public void deleteLoad(long loadId, long expectedVersion, String actor) {
        AuditActor.set(actor);
        LoadItemEntity e = loads.findById(loadId).orElseThrow(() -> new NotFoundException("load item", loadId));
        long workspaceId = workspaceOfElement(e.getElementId());
        requireLoadEdit(workspaceId, e.getElementId(), actor, "remove load '" + e.getName() + "'");
        requireVersion("load item", e, expectedVersion);
        loads.delete(e);
        flush(() -> {
            loads.flush();
            return e;
        }, "load item", e, expectedVersion);
        publish(workspaceId, "load item", loadId, actor, "removed load " + e.getName());
    }

    @Transactional
    public ReadModels.Battery updateBattery(long batteryId, long expectedVersion, BatteryDraft draft, String actor) {
        AuditActor.set(actor);
        BatteryEntity e = batteries.findById(batteryId)
                .orElseThrow(() -> new NotFoundException("battery", batteryId));
        long workspaceId = workspaceOfElement(e.getElementId());
        access.requireTeamEdit(workspaceId, owner(e.getOwnerTeamId(), e.getElementId()), actor,
                "change battery '" + e.getName() + "'");
        requireVersion("battery", e, expectedVersion);
        applyBattery(e, draft);
        e.touch(actor, clock.instant());
        BatteryEntity saved = flush(() -> batteries.saveAndFlush(e), "battery", e, expectedVersion);
        publish(workspaceId, "battery", batteryId, actor, "changed battery " + saved.getName());
        return toView(saved);
    }

    @Transactional
    public ReadModels.SolarArray updateArray(long arrayId, long expectedVersion, SolarArrayDraft draft, String actor) {
        AuditActor.set(actor);
        SolarArrayEntity e = arrays.findById(arrayId)
                .orElseThrow(() -> new NotFoundException("solar array", arrayId));
        long workspaceId = workspaceOfElement(e.getElementId());
        access.requireTeamEdit(workspaceId, owner(e.getOwnerTeamId(), e.getElementId()), actor,
                "change solar array '" + e.getName() + "'");
        requireVersion("solar array", e, expectedVersion);
        applyArray(e, draft);
        e.touch(actor, clock.instant());
        SolarArrayEntity saved = flush(() -> arrays.saveAndFlush(e), "solar array", e, expectedVersion);
        publish(workspaceId, "solar array", arrayId, actor, "changed solar array " + saved.getName());
        return toView(saved);
    }

    @Transactional
    public ReadModels.DesignCase updateDesignCase(long workspaceId, long expectedVersion, DesignCaseDraft draft,
                                             String actor) {
        AuditActor.set(actor);
        DesignCaseEntity e = designCases.findByWorkspaceId(workspaceId)
                .orElseThrow(() -> new NotFoundException("design case of workspace", workspaceId));
        access.requireOwner(workspaceId, actor, "change the analysis case");
        requireVersion("design case", e, expectedVersion);
        applyDesignCase(workspaceId, e, draft);
        e.touch(actor, clock.instant());
        DesignCaseEntity saved = flush(() -> designCases.saveAndFlush(e), "design case", e, expectedVersion);
        publish(workspaceId, "design case", saved.getId(), actor, "changed the design case");
        return toView(saved);
    }

    /**
     * Makes one eclipse pass the design case's eclipse (owners): its duration {@code durationS} (s), penumbra
     * entry to exit, becomes the design eclipse, remembered as picked from the pass starting at {@code start}.
     */
    @Transactional
    public ReadModels.DesignCase useEclipseAsDesignCase(long workspaceId, long expectedVersion, java.time.Instant start,
                                                   double durationS, String actor) {
        DesignCaseEntity e = designCases.findByWorkspaceId(workspaceId)
                .orElseThrow(() -> new NotFoundException("design case of workspace", workspaceId));
        DesignCaseDraft draft = new DesignCaseDraft(e.getActiveModeId(), e.getOrbitPeriodS(), durationS,
                e.getArrayAgeYears(), e.getTimeline(), e.getPeriluneEpoch(), e.getSpanStart(), e.getSpanDays(),
                e.getFailedCapacityShare(), e.getMarginPolicy(), e.getTransferLimitW(), e.getBolDate(),
                e.getMissionEnd(), DesignEclipseSource.PICKED,
                // Stored to the millisecond, which both databases keep exactly; the pass is found again within 60 s.
                start.truncatedTo(java.time.temporal.ChronoUnit.MILLIS), e.getEclipseShedding());
        return updateDesignCase(workspaceId, expectedVersion, draft, actor);
    }

    /**
     * The rules a load draft breaks in this workspace, without saving anything: for previews (an
     * import shows every invalid cell before the user applies it). Empty when the draft is valid.
     */
    @Transactional(readOnly = true)
    public List<InvalidInputException.FieldViolation> checkLoad(long workspaceId, LoadItemDraft draft) {
        try {
            validateLoad(workspaceId, draft);
            return List.of();
        } catch (InvalidInputException ex) {
            return ex.violations();
        }
    }

    // ---------------------------------------------------------------- access

    /** Refuses (403) unless the user may read the workspace: its members and administrators. */
    @Transactional(readOnly = true)
    public void requireReadable(long workspaceId, String actor) {
        requireWorkspace(workspaceId);
        access.requireRead(workspaceId, actor);
    }

    /** Refuses (403) unless the user is an owner or editor of the workspace (or an administrator). */
    @Transactional(readOnly = true)
    public void requireContributor(long workspaceId, String actor, String what) {
        requireWorkspace(workspaceId);
        access.requireContributor(workspaceId, actor, what);
    }

    /** What the user may change in the workspace, for read-only displays. */
    @Transactional(readOnly = true)
    public ReadModels.Permissions permissions(long workspaceId, String actor) {
        Actor a = access.requireRead(workspaceId, actor);
        Optional<WorkspaceRole> role = access.role(workspaceId, actor);
        boolean owns = a.admin() || role.orElse(null) == WorkspaceRole.OWNER;
        Map<Long, String> codes = teamCodes();
        List<ElementEntity> els = elements.findByWorkspaceIdOrderByIdAsc(workspaceId);
        Map<Long, Long> elementOwners = els.stream()
                .collect(Collectors.toMap(ElementEntity::getId, ElementEntity::getOwnerTeamId));
        List<Long> ids = List.copyOf(elementOwners.keySet());
        Set<Long> editableElements = els.stream()
                .filter(el -> access.mayEdit(a, role, codes.get(el.getOwnerTeamId()))).map(ElementEntity::getId)
                .collect(Collectors.toSet());
        Set<Long> editableBatteries = ids.isEmpty() ? Set.of() : batteries.findByElementIdInOrderByIdAsc(ids).stream()
                .filter(b -> access.mayEdit(a, role, codes.get(effectiveOwner(b.getOwnerTeamId(),
                        elementOwners.get(b.getElementId()))))).map(BatteryEntity::getId).collect(Collectors.toSet());
        Set<Long> editableArrays = ids.isEmpty() ? Set.of() : arrays.findByElementIdInOrderByIdAsc(ids).stream()
                .filter(x -> access.mayEdit(a, role, codes.get(effectiveOwner(x.getOwnerTeamId(),
                        elementOwners.get(x.getElementId()))))).map(SolarArrayEntity::getId).collect(Collectors.toSet());
        return new ReadModels.Permissions(a.username(), a.teamCode(), role.orElse(null), a.admin(), owns,
                editableElements, editableBatteries, editableArrays);
    }

    // ---------------------------------------------------------------- members

    @Transactional(readOnly = true)
    public List<ReadModels.Member> members(long workspaceId) {
        requireWorkspace(workspaceId);
        return members.findByWorkspaceIdOrderByUsernameAsc(workspaceId).stream().map(this::toView).toList();
    }

    /**
     * Adds a member or changes their role (owners and administrators). A workspace always keeps at
     * least one owner.
     */
    @Transactional
    public ReadModels.Member setMember(long workspaceId, String username, WorkspaceRole role, String actor) {
        requireWorkspace(workspaceId);
        access.requireOwner(workspaceId, actor, "change the members");
        Rules r = new Rules();
        String user = r.text("username", "User", username, 64, true);
        r.required("role", "Role", role);
        if (r.ok("username") && access.find(user).isEmpty()) {
            r.fail("username", "User must be an existing account; no user " + user + " exists");
        }
        r.throwIfAny();
        WorkspaceMemberEntity m = members.findByWorkspaceIdAndUsername(workspaceId, user)
                .orElseGet(() -> new WorkspaceMemberEntity(workspaceId, user, role));
        if (m.getId() != null && m.getRole() == WorkspaceRole.OWNER && role != WorkspaceRole.OWNER) {
            requireAnotherOwner(workspaceId, user);
        }
        if (m.getId() == null) {
            audit.record(workspaceId, actor, "member", user, History.ChangeType.ADDED,
                    actor + " added " + user + " as " + role.label());
        } else if (m.getRole() != role) {
            audit.record(workspaceId, actor, "member", user, History.ChangeType.CHANGED,
                    actor + " changed " + user + "'s role from " + m.getRole().label() + " to " + role.label());
        }
        m.setRole(role);
        m.touch(actor, clock.instant());
        WorkspaceMemberEntity saved = members.saveAndFlush(m);
        publish(workspaceId, "member", saved.getId(), actor, "changed member " + user + " to " + role.label());
        return toView(saved);
    }

    @Transactional
    public void removeMember(long workspaceId, String username, String actor) {
        requireWorkspace(workspaceId);
        access.requireOwner(workspaceId, actor, "change the members");
        WorkspaceMemberEntity m = members.findByWorkspaceIdAndUsername(workspaceId, username)
                .orElseThrow(() -> new InvalidInputException(List.of(new InvalidInputException.FieldViolation(
                        "username", username + " is not a member of this workspace"))));
        if (m.getRole() == WorkspaceRole.OWNER) {
            requireAnotherOwner(workspaceId, username);
        }
        members.delete(m);
        members.flush();
        audit.record(workspaceId, actor, "member", username, History.ChangeType.REMOVED,
                actor + " removed " + username + " (" + m.getRole().label() + ")");
        publish(workspaceId, "member", m.getId(), actor, "removed member " + username);
    }

    private void requireAnotherOwner(long workspaceId, String leaving) {
        boolean another = members.findByWorkspaceIdOrderByUsernameAsc(workspaceId).stream()
                .anyMatch(o -> o.getRole() == WorkspaceRole.OWNER && !o.getUsername().equals(leaving));
        if (!another) {
            throw new InvalidInputException(List.of(new InvalidInputException.FieldViolation("role",
                    "A workspace must keep at least one owner; make someone else owner first")));
        }
    }

    // ---------------------------------------------------------------- set-up (demo data, administration)

    /** Adds a partner team (administrators). */
    @Transactional
    public ReadModels.Team createTeam(String code, String name, String actor) {
        if (!access.actor(actor).admin()) {
            throw new ForbiddenException(actor + " may not create teams: only administrators may");
        }
        Rules r = new Rules();
        String c = r.text("code", "Team code", code, 16, true);
        String n = r.text("name", "Team name", name, 120, true);
        if (r.ok("code") && !c.matches("[A-Z][A-Z0-9-]{0,15}")) {
            r.fail("code", "Team code must be upper-case letters, digits or '-', starting with a letter (was " + c
                    + ")");
        }
        if (r.ok("code") && teams.findByCode(c).isPresent()) {
            r.fail("code", "Team code must be unique; " + c + " exists");
        }
        r.throwIfAny();
        return toView(teams.saveAndFlush(new PartnerTeamEntity(c, n)));
    }

    /** Creates a workspace; its creator becomes its first owner. */
    @Transactional
    public long createWorkspace(String name, String description, Set<String> teamCodes, String actor) {
        AuditActor.set(actor);
        access.actor(actor);
        Rules r = new Rules();
        String n = r.text("name", "Workspace name", name, 120, true);
        String d = r.multiLineText("description", "Description", description, 2000, false);
        if (r.ok("name") && workspaces.findByName(n).isPresent()) {
            r.fail("name", "Workspace name must be unique; " + n + " exists");
        }
        List<Long> teamIds = new java.util.ArrayList<>();
        for (String code : teamCodes) {
            Long team = teamId(r, "teamCodes", code);
            if (team != null) {
                teamIds.add(team);
            }
        }
        r.throwIfAny();
        WorkspaceEntity w = new WorkspaceEntity(n, d);
        teamIds.forEach(w::addTeam);
        w.touch(actor, clock.instant());
        long id = workspaces.saveAndFlush(w).getId();
        WorkspaceMemberEntity owner = new WorkspaceMemberEntity(id, actor, WorkspaceRole.OWNER);
        owner.touch(actor, clock.instant());
        members.saveAndFlush(owner);
        return id;
    }

    @Transactional
    public long addMode(long workspaceId, String name, String description, int sortOrder, String actor) {
        AuditActor.set(actor);
        requireWorkspace(workspaceId);
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

    @Transactional
    public long addElement(long workspaceId, String name, ElementKind kind, String ownerTeamCode, String actor) {
        AuditActor.set(actor);
        requireWorkspace(workspaceId);
        access.requireOwner(workspaceId, actor, "add elements");
        Rules r = new Rules();
        String n = r.text("name", "Element name", name, 120, true);
        r.required("kind", "Element kind", kind);
        if (r.ok("name") && elements.findByWorkspaceIdOrderByIdAsc(workspaceId).stream()
                .anyMatch(o -> o.getName().equalsIgnoreCase(n))) {
            r.fail("name", "Element name must be unique in the workspace; " + n + " exists");
        }
        Long owner = r.required("ownerTeamCode", "Owner team", ownerTeamCode) == null ? null
                : teamId(r, "ownerTeamCode", ownerTeamCode);
        r.throwIfAny();
        ElementEntity e = new ElementEntity(workspaceId, n, kind, owner);
        e.touch(actor, clock.instant());
        return elements.saveAndFlush(e).getId();
    }

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
        AuditActor.set(actor);
        long workspaceId = workspaceOfElement(elementId);
        Rules teamRule = new Rules();
        Long ownerTeam = ownerTeamCode == null ? null : teamId(teamRule, "ownerTeamCode", ownerTeamCode);
        teamRule.throwIfAny();
        access.requireTeamEdit(workspaceId, owner(null, elementId), actor, "add a battery to "
                + elementName(elementId));
        BatteryEntity e = new BatteryEntity(elementId);
        applyBattery(e, draft);
        e.setOwnerTeamId(ownerTeam);
        e.touch(actor, clock.instant());
        BatteryEntity saved = batteries.saveAndFlush(e);
        publish(workspaceId, "battery", saved.getId(), actor, "added battery " + saved.getName());
        return toView(saved);
    }

    @Transactional
    public ReadModels.SolarArray addArray(long elementId, SolarArrayDraft draft, String actor) {
        AuditActor.set(actor);
        long workspaceId = workspaceOfElement(elementId);
        access.requireTeamEdit(workspaceId, owner(null, elementId), actor, "add a solar array to "
                + elementName(elementId));
        SolarArrayEntity e = new SolarArrayEntity(elementId);
        applyArray(e, draft);
        e.touch(actor, clock.instant());
        SolarArrayEntity saved = arrays.saveAndFlush(e);
        publish(workspaceId, "solar array", saved.getId(), actor, "added solar array " + saved.getName());
        return toView(saved);
    }

    @Transactional
    public ReadModels.DesignCase createDesignCase(long workspaceId, DesignCaseDraft draft, String actor) {
        AuditActor.set(actor);
        requireWorkspace(workspaceId);
        access.requireOwner(workspaceId, actor, "create the analysis case");
        if (designCases.findByWorkspaceId(workspaceId).isPresent()) {
            throw new InvalidInputException(List.of(new InvalidInputException.FieldViolation("workspaceId",
                    "A workspace has one design case; edit the existing one")));
        }
        DesignCaseEntity e = new DesignCaseEntity(workspaceId);
        applyDesignCase(workspaceId, e, draft);
        e.touch(actor, clock.instant());
        return toView(designCases.saveAndFlush(e));
    }

    // ---------------------------------------------------------------- structure (owners)

    /** Renames an element, changes its kind or hands it to another team (owners). */
    @Transactional
    public ReadModels.Element updateElement(long elementId, long expectedVersion, String name, ElementKind kind,
                                       String ownerTeamCode, String actor) {
        AuditActor.set(actor);
        ElementEntity e = elements.findById(elementId).orElseThrow(() -> new NotFoundException("element", elementId));
        access.requireOwner(e.getWorkspaceId(), actor, "change element '" + e.getName() + "'");
        requireVersion("element", e, expectedVersion);
        Rules r = new Rules();
        String n = r.text("name", "Element name", name, 120, true);
        r.required("kind", "Element kind", kind);
        r.required("ownerTeamCode", "Owner team", ownerTeamCode);
        if (r.ok("name") && elements.findByWorkspaceIdOrderByIdAsc(e.getWorkspaceId()).stream()
                .anyMatch(o -> o.getId() != elementId && o.getName().equalsIgnoreCase(n))) {
            r.fail("name", "Element name must be unique in the workspace; " + n + " exists");
        }
        Long team = ownerTeamCode == null ? null : teams.findByCode(ownerTeamCode).map(PartnerTeamEntity::getId)
                .orElse(null);
        if (ownerTeamCode != null && team == null) {
            r.fail("ownerTeamCode", "Owner team must be an existing team; " + ownerTeamCode + " is not");
        }
        r.throwIfAny();
        e.apply(n, kind, team);
        e.touch(actor, clock.instant());
        ElementEntity saved = flush(() -> elements.saveAndFlush(e), "element", e, expectedVersion);
        publish(saved.getWorkspaceId(), "element", elementId, actor, "changed element " + saved.getName());
        return toView(saved, teamCodes());
    }

    /**
     * Removes an element with its loads, batteries and arrays (owners). Each is removed through JPA so
     * that the audit trail records it, and history can restore them.
     */
    @Transactional
    public void deleteElement(long elementId, long expectedVersion, String actor) {
        AuditActor.set(actor);
        ElementEntity e = elements.findById(elementId).orElseThrow(() -> new NotFoundException("element", elementId));
        access.requireOwner(e.getWorkspaceId(), actor, "remove element '" + e.getName() + "'");
        requireVersion("element", e, expectedVersion);
        List<Long> ids = List.of(elementId);
        loads.deleteAll(loads.findByElementIdInOrderByElementIdAscIdAsc(ids));
        batteries.deleteAll(batteries.findByElementIdInOrderByIdAsc(ids));
        arrays.deleteAll(arrays.findByElementIdInOrderByIdAsc(ids));
        elements.delete(e);
        flush(() -> {
            elements.flush();
            return e;
        }, "element", e, expectedVersion);
        publish(e.getWorkspaceId(), "element", elementId, actor, "removed element " + e.getName());
    }

    /** Renames, describes or re-orders an operating mode (owners). */
    @Transactional
    public ReadModels.Mode updateMode(long modeId, long expectedVersion, String name, String description, int sortOrder,
                                 String actor) {
        AuditActor.set(actor);
        OperatingModeEntity m = modes.findById(modeId).orElseThrow(() -> new NotFoundException("operating mode",
                modeId));
        access.requireOwner(m.getWorkspaceId(), actor, "change operating mode '" + m.getName() + "'");
        if (m.getVersion() != expectedVersion) {
            throw new StaleEditException("operating mode", modeId, expectedVersion, m.getVersion(), "another user",
                    null);
        }
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
            throw new StaleEditException("operating mode", modeId, expectedVersion, expectedVersion + 1,
                    "another user", null);
        }
        publish(saved.getWorkspaceId(), "operating mode", modeId, actor, "changed mode " + saved.getName());
        return new ReadModels.Mode(saved.getId(), saved.getName(), saved.getDescription(), saved.getSortOrder(),
                saved.getVersion());
    }

    /**
     * Removes an operating mode (owners) and every load's duty cycle in it; refused while the analysis
     * case or an operations phase uses it.
     */
    @Transactional
    public void deleteMode(long modeId, long expectedVersion, String actor) {
        AuditActor.set(actor);
        OperatingModeEntity m = modes.findById(modeId).orElseThrow(() -> new NotFoundException("operating mode",
                modeId));
        access.requireOwner(m.getWorkspaceId(), actor, "remove operating mode '" + m.getName() + "'");
        if (m.getVersion() != expectedVersion) {
            throw new StaleEditException("operating mode", modeId, expectedVersion, m.getVersion(), "another user",
                    null);
        }
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
                    l.touch(actor, clock.instant());
                }
            }
            loads.flush();
        }
        modes.delete(m);
        modes.flush();
        publish(m.getWorkspaceId(), "operating mode", modeId, actor, "removed mode " + m.getName());
    }

    @Transactional
    public void deleteBattery(long batteryId, long expectedVersion, String actor) {
        AuditActor.set(actor);
        BatteryEntity e = batteries.findById(batteryId).orElseThrow(() -> new NotFoundException("battery", batteryId));
        long workspaceId = workspaceOfElement(e.getElementId());
        access.requireTeamEdit(workspaceId, owner(e.getOwnerTeamId(), e.getElementId()), actor,
                "remove battery '" + e.getName() + "'");
        requireVersion("battery", e, expectedVersion);
        batteries.delete(e);
        flush(() -> {
            batteries.flush();
            return e;
        }, "battery", e, expectedVersion);
        publish(workspaceId, "battery", batteryId, actor, "removed battery " + e.getName());
    }

    @Transactional
    public void deleteArray(long arrayId, long expectedVersion, String actor) {
        AuditActor.set(actor);
        SolarArrayEntity e = arrays.findById(arrayId).orElseThrow(() -> new NotFoundException("solar array", arrayId));
        long workspaceId = workspaceOfElement(e.getElementId());
        access.requireTeamEdit(workspaceId, owner(e.getOwnerTeamId(), e.getElementId()), actor,
                "remove solar array '" + e.getName() + "'");
        requireVersion("solar array", e, expectedVersion);
        arrays.delete(e);
        flush(() -> {
            arrays.flush();
            return e;
        }, "solar array", e, expectedVersion);
        publish(workspaceId, "solar array", arrayId, actor, "removed solar array " + e.getName());
    }

    private static ReadModels.Element toView(ElementEntity e, Map<Long, String> teamCodes) {
        return new ReadModels.Element(e.getId(), e.getName(), e.getKind(), e.getOwnerTeamId(),
                teamCodes.get(e.getOwnerTeamId()), e.getVersion());
    }

    /** Access to a load of an element: its team's editors; when the element is unknown, any member (validation reports it). */
    private void requireLoadEdit(long workspaceId, Long elementId, String actor, String what) {
        ElementEntity el = elementId == null ? null : elements.findById(elementId)
                .filter(x -> x.getWorkspaceId() == workspaceId).orElse(null);
        if (el == null) {
            access.requireRead(workspaceId, actor);
        } else {
            access.requireTeamEdit(workspaceId, el.getOwnerTeamId(), actor, what);
        }
    }

    private String elementName(Long elementId) {
        return elementId == null ? "an element" : elements.findById(elementId).map(x -> "element " + x.getName())
                .orElse("element " + elementId);
    }

    /** The team owning a battery or array: its own owner when set, else its element's owner. */
    private long owner(Long ownTeamId, long elementId) {
        return ownTeamId != null ? ownTeamId : elements.findById(elementId).map(ElementEntity::getOwnerTeamId)
                .orElseThrow(() -> new NotFoundException("element", elementId));
    }

    private static Long effectiveOwner(Long ownTeamId, Long elementOwnerTeamId) {
        return ownTeamId != null ? ownTeamId : elementOwnerTeamId;
    }

    // ---------------------------------------------------------------- validation and mapping

    /** A load draft whose values passed every rule. */
    private record Validated(long elementId, String name, String subsystem, int quantity, double standby,
                             double operating, double peak, Map<Long, Double> duties, Double shadowDuty) {

        void applyTo(LoadItemEntity e, LoadItemDraft d) {
            e.apply(elementId, name, subsystem, d.bus(), quantity, standby, operating, peak, duties, shadowDuty,
                    d.maturity(), d.priority());
        }
    }

    private Validated validateLoad(long workspaceId, LoadItemDraft d) {
        Rules r = new Rules();
        Long elementId = r.required("elementId", "Element", d.elementId());
        if (elementId != null) {
            boolean inWorkspace = elements.findById(elementId).map(e -> e.getWorkspaceId() == workspaceId)
                    .orElse(false);
            if (!inWorkspace) {
                r.fail("elementId", "Element must be one of this workspace's elements");
            }
        }
        String name = r.text("name", "Name", d.name(), 120, true);
        String subsystem = r.text("subsystem", "Subsystem", d.subsystem(), 60, false);
        r.required("bus", "Bus", d.bus());
        r.required("maturity", "Maturity class", d.maturity());
        r.required("priority", "Priority", d.priority());
        int quantity = 0;
        if (d.quantity() == null) {
            r.fail("quantity", "Quantity is required and must be a whole number");
        } else if (d.quantity() < 1 || d.quantity() > MAX_QUANTITY) {
            r.fail("quantity", "Quantity must be a whole number between 1 and " + MAX_QUANTITY + " (was "
                    + d.quantity() + ")");
        } else {
            quantity = d.quantity();
        }
        double standby = r.nonNegative("standbyPowerW", "Standby power", d.standbyPowerW(), MAX_ITEM_POWER_W, "W");
        double operating = r.nonNegative("operatingPowerW", "Operating power", d.operatingPowerW(),
                MAX_ITEM_POWER_W, "W");
        double peak = r.nonNegative("peakPowerW", "Peak power", d.peakPowerW(), MAX_ITEM_POWER_W, "W");
        if (r.ok("operatingPowerW") && r.ok("peakPowerW") && peak < operating) {
            r.fail("peakPowerW", "Peak power must be at least the operating power (" + Rules.fmt(operating)
                    + " W); was " + Rules.fmt(peak) + " W");
        }
        Map<Long, String> modeNames = modes.findByWorkspaceIdOrderBySortOrderAscIdAsc(workspaceId).stream()
                .collect(Collectors.toMap(OperatingModeEntity::getId, OperatingModeEntity::getName));
        Map<Long, Double> duties = new HashMap<>();
        if (d.dutyByMode() != null) {
            d.dutyByMode().forEach((modeId, duty) -> {
                String field = "dutyByMode." + modeId;
                if (!modeNames.containsKey(modeId)) {
                    r.fail(field, "Duty cycle is for an operating mode that is not in this workspace (id " + modeId
                            + ")");
                    return;
                }
                double value = r.fraction(field, "Duty cycle in mode " + modeNames.get(modeId), duty);
                if (r.ok(field) && value > 0) {
                    duties.put(modeId, value);
                }
            });
        }
        // Optional: left empty, the item keeps its sunlit duty in eclipse.
        Double shadowDuty = d.shadowDuty() == null ? null
                : r.fraction("shadowDuty", "Duty cycle in eclipse", d.shadowDuty());
        r.throwIfAny();
        return new Validated(elementId, name, subsystem, quantity, standby, operating, peak, duties, shadowDuty);
    }

    private static void applyBattery(BatteryEntity e, BatteryDraft d) {
        Rules r = new Rules();
        String name = r.text("name", "Name", d.name(), 120, true);
        double cap = r.nonNegative("capacityJ", "Capacity", d.capacityJ(), MAX_CAPACITY_J, "J");
        if (r.ok("capacityJ") && cap <= 0) {
            r.fail("capacityJ", "Capacity must be greater than 0");
        }
        double min = r.range("minStateOfCharge", "Minimum state of charge", d.minStateOfCharge(), 0, 0.99, "");
        double max = r.range("maxStateOfCharge", "Maximum state of charge", d.maxStateOfCharge(), 0.01, 1, "");
        if (r.ok("minStateOfCharge") && r.ok("maxStateOfCharge") && min >= max) {
            r.fail("minStateOfCharge", "Minimum state of charge must be below the maximum state of charge ("
                    + Rules.fmt(max * 100) + " %); was " + Rules.fmt(min * 100) + " %");
        }
        double etaC = r.efficiency("chargeEfficiency", "Charge efficiency", d.chargeEfficiency());
        double etaD = r.efficiency("dischargeEfficiency", "Discharge efficiency", d.dischargeEfficiency());
        double pC = r.nonNegative("maxChargePowerW", "Maximum charge power", d.maxChargePowerW(), MAX_SOURCE_POWER_W,
                "W");
        double pD = r.nonNegative("maxDischargePowerW", "Maximum discharge power", d.maxDischargePowerW(),
                MAX_SOURCE_POWER_W, "W");
        double init = r.range("initialStateOfCharge", "Initial state of charge", d.initialStateOfCharge(), 0, 1, "");
        double fade = d.capacityFadePerYear() == null ? (e.getId() == null ? DEFAULT_FADE : e.getCapacityFadePerYear())
                : r.range("capacityFadePerYear", "Capacity fade per year", d.capacityFadePerYear(), 0, 0.2, "");
        if (r.ok("initialStateOfCharge") && r.ok("minStateOfCharge") && r.ok("maxStateOfCharge")
                && (init < min || init > max)) {
            r.fail("initialStateOfCharge", "Initial state of charge must lie between the minimum ("
                    + Rules.fmt(min * 100) + " %) and the maximum (" + Rules.fmt(max * 100) + " %); was "
                    + Rules.fmt(init * 100) + " %");
        }
        r.throwIfAny();
        e.apply(name, cap, min, max, etaC, etaD, pC, pD, init, fade);
    }

    private static void applyArray(SolarArrayEntity e, SolarArrayDraft d) {
        Rules r = new Rules();
        String name = r.text("name", "Name", d.name(), 120, true);
        double rated = r.nonNegative("ratedPowerW", "Rated power", d.ratedPowerW(), MAX_SOURCE_POWER_W, "W");
        double deg = r.range("degradationPerYear", "Degradation per year", d.degradationPerYear(), 0, 0.5, "");
        double eta = r.efficiency("pathEfficiency", "Path efficiency", d.pathEfficiency());
        double incidence = d.incidenceDeg() == null ? e.getIncidenceDeg()
                : r.range("incidenceDeg", "Sun incidence angle", d.incidenceDeg(), 0, 90, "°");
        double gamma = d.temperatureCoefficientPerK() == null ? e.getTemperatureCoefficientPerK()
                : r.range("temperatureCoefficientPerK", "Temperature coefficient", d.temperatureCoefficientPerK(),
                        -0.01, 0.01, "per K");
        double offset = d.temperatureOffsetK() == null ? e.getTemperatureOffsetK()
                : r.range("temperatureOffsetK", "Temperature above rating", d.temperatureOffsetK(), -150, 150, "K");
        r.throwIfAny();
        e.apply(name, rated, deg, eta, incidence, gamma, offset);
    }

    private void applyDesignCase(long workspaceId, DesignCaseEntity e, DesignCaseDraft d) {
        Rules r = new Rules();
        Long modeId = r.required("activeModeId", "Active operating mode", d.activeModeId());
        if (modeId != null && modes.findById(modeId).map(m -> m.getWorkspaceId() != workspaceId).orElse(true)) {
            r.fail("activeModeId", "Active operating mode must be one of this workspace's modes");
        }
        double period = r.range("orbitPeriodS", "Orbit period", d.orbitPeriodS(), 60, 100 * 86_400.0, "s");
        double eclipse = r.nonNegative("eclipseDurationS", "Longest eclipse", d.eclipseDurationS(), 100 * 86_400.0,
                "s");
        if (r.ok("orbitPeriodS") && r.ok("eclipseDurationS") && eclipse >= period) {
            r.fail("eclipseDurationS", "Longest eclipse must be shorter than the orbit period");
        }
        double age = r.range("arrayAgeYears", "Array age", d.arrayAgeYears(), 0, 50, "years");
        AnalysisTimeline timeline = d.timeline() != null ? d.timeline()
                : e.getTimeline() != null ? e.getTimeline() : AnalysisTimeline.DESIGN_CASE;
        java.time.Instant perilune = d.periluneEpoch() != null ? d.periluneEpoch()
                : e.getPeriluneEpoch() != null ? e.getPeriluneEpoch() : DEFAULT_EPOCH;
        java.time.Instant spanStart = d.spanStart() != null ? d.spanStart()
                : e.getSpanStart() != null ? e.getSpanStart() : DEFAULT_EPOCH;
        double spanDays = d.spanDays() != null
                ? r.range("spanDays", "Analysis span", d.spanDays(), 1, MAX_SPAN_DAYS, "days")
                : e.getSpanStart() != null ? e.getSpanDays() : DEFAULT_SPAN_DAYS;
        if (perilune.isBefore(EARLIEST) || perilune.isAfter(LATEST)) {
            r.fail("periluneEpoch", "Perilune epoch must lie between 1972 and 2100 (leap-second table and ephemeris range)");
        }
        if (spanStart.isBefore(EARLIEST) || spanStart.isAfter(LATEST) || (r.ok("spanDays")
                && spanStart.plusSeconds((long) (spanDays * 86_400)).isAfter(LATEST))) {
            r.fail("spanStart", "Analysis span must lie between 1972 and 2100");
        }
        double failed = d.failedCapacityShare() == null ? e.getFailedCapacityShare()
                : r.range("failedCapacityShare", "Failed battery share", d.failedCapacityShare(), 0, 0.9, "");
        org.gatewaypower.physics.load.MarginPolicy policy = d.marginPolicy() != null ? d.marginPolicy()
                : e.getMarginPolicy();
        double transfer = d.transferLimitW() == null ? e.getTransferLimitW()
                : r.nonNegative("transferLimitW", "Power transfer limit", d.transferLimitW(), MAX_SOURCE_POWER_W, "W");
        java.time.Instant bol = d.bolDate() != null ? d.bolDate() : e.getBolDate();
        if (bol.isBefore(EARLIEST) || bol.isAfter(LATEST)) {
            r.fail("bolDate", "Beginning-of-life date must lie between 1972 and 2100 (was " + bol + ")");
        }
        java.time.Instant missionEnd = d.missionEnd() != null ? d.missionEnd()
                : e.getMissionEnd() != null ? e.getMissionEnd() : bol.plus(DEFAULT_MISSION);
        if (!missionEnd.isAfter(bol)) {
            r.fail("missionEnd", "Mission end must be after the beginning of life (" + bol + ")");
        } else if (java.time.Duration.between(bol, missionEnd).toSeconds() > MAX_SPAN_DAYS * 86_400) {
            r.fail("missionEnd", "The mission span (beginning of life to mission end) must be at most 20 years ("
                    + (long) MAX_SPAN_DAYS + " days)");
        } else if (missionEnd.isAfter(LATEST)) {
            r.fail("missionEnd", "Mission end must lie before 2100 (was " + missionEnd + ")");
        }
        DesignEclipseSource source = d.eclipseSource() != null ? d.eclipseSource()
                : e.getEclipseSource() != null ? e.getEclipseSource() : DesignEclipseSource.HAND;
        java.time.Instant picked = null;
        if (source == DesignEclipseSource.PICKED) {
            picked = d.pickedEclipseStart() != null ? d.pickedEclipseStart() : e.getPickedEclipseStart();
            if (picked == null) {
                r.fail("pickedEclipseStart", "A picked design eclipse needs the start of the pass it was picked from");
            } else if (picked.isBefore(EARLIEST) || picked.isAfter(LATEST)) {
                r.fail("pickedEclipseStart", "Picked eclipse start must lie between 1972 and 2100 (was " + picked
                        + ")");
            }
        }
        org.gatewaypower.physics.load.EclipseShedding shedding = d.eclipseShedding() != null ? d.eclipseShedding()
                : e.getEclipseShedding() != null ? e.getEclipseShedding()
                : org.gatewaypower.physics.load.EclipseShedding.NONE;
        r.throwIfAny();
        e.apply(modeId, period, eclipse, age, timeline, perilune, spanStart, spanDays, failed, policy, transfer);
        e.setBolDate(bol);
        e.applyMission(missionEnd, source, picked, shedding);
    }

    private static void requireVersion(String kind, AuditedEntity e, long expectedVersion) {
        if (e.getVersion() != expectedVersion) {
            throw new StaleEditException(kind, e.getId(), expectedVersion, e.getVersion(), e.getUpdatedBy(),
                    e.getUpdatedAt());
        }
    }

    /**
     * Flushes an edit; a concurrent commit between our read and this write surfaces as an optimistic
     * locking failure, which we report exactly like a stale version.
     */
    private <T> T flush(Supplier<T> write, String kind, AuditedEntity e, long expectedVersion) {
        try {
            return write.get();
        } catch (OptimisticLockingFailureException ex) {
            throw staleEdits.refused(kind, e.getClass(), e.getId(), expectedVersion);
        }
    }

    /** Method injection keeps the constructor as it is. */
    @org.springframework.beans.factory.annotation.Autowired
    void setStaleEdits(StaleEdits staleEdits) {
        this.staleEdits = staleEdits;
    }

    private void publish(long workspaceId, String kind, long id, String actor, String description) {
        WorkspaceChanged.Change change = description.startsWith("added") ? WorkspaceChanged.Change.ADDED
                : description.startsWith("removed") ? WorkspaceChanged.Change.REMOVED : WorkspaceChanged.Change.CHANGED;
        events.publishEvent(new WorkspaceChanged(workspaceId, kind, id, change, actor, description));
    }

    private long workspaceOfElement(long elementId) {
        return elements.findById(elementId).map(ElementEntity::getWorkspaceId)
                .orElseThrow(() -> new NotFoundException("element", elementId));
    }

    private void requireWorkspace(long workspaceId) {
        if (!workspaces.existsById(workspaceId)) {
            throw new NotFoundException("workspace", workspaceId);
        }
    }

    /** The id of the team with this code, or null with a violation naming {@code field} as the client sent it. */
    private Long teamId(Rules r, String field, String code) {
        Optional<Long> id = code == null || code.length() > 16 ? Optional.empty()
                : teams.findByCode(code).map(PartnerTeamEntity::getId);
        if (id.isEmpty()) {
            String shown = code == null ? "null" : code.length() > 40 ? code.substring(0, 40) + "…" : code;
            r.fail(field, "Team must be an existing team's code (" + teamCodes().values().stream().sorted()
                    .collect(Collectors.joining(", ")) + "); " + shown + " is not");
        }
        return id.orElse(null);
    }

    private Map<Long, String> teamCodes() {
        return teams.findAll().stream().collect(Collectors.toMap(PartnerTeamEntity::getId, PartnerTeamEntity::getCode));
    }

    private static ReadModels.Team toView(PartnerTeamEntity t) {
        return new ReadModels.Team(t.getId(), t.getCode(), t.getName());
    }

    private static ReadModels.LoadItem toView(LoadItemEntity e) {
        return new ReadModels.LoadItem(e.getId(), e.getElementId(), e.getName(), e.getSubsystem(), e.getBus(),
                e.getQuantity(), e.getStandbyPowerW(), e.getOperatingPowerW(), e.getPeakPowerW(), e.getDutyByMode(),
                e.getShadowDuty(), e.getMaturity(), e.getPriority(), e.getVersion(), e.getUpdatedAt(), e.getUpdatedBy());
    }

    private ReadModels.Battery toView(BatteryEntity e) {
        return toView(e, teamCodes().get(owner(e.getOwnerTeamId(), e.getElementId())));
    }

    private ReadModels.SolarArray toView(SolarArrayEntity e) {
        return toView(e, teamCodes().get(owner(e.getOwnerTeamId(), e.getElementId())));
    }

    private ReadModels.Member toView(WorkspaceMemberEntity m) {
        Optional<Actor> a = access.find(m.getUsername());
        return new ReadModels.Member(m.getId(), m.getUsername(), a.map(Actor::displayName).orElse(m.getUsername()),
                a.map(Actor::teamCode).orElse(null), m.getRole(), m.getVersion());
    }

    private static ReadModels.Battery toView(BatteryEntity e, String ownerTeamCode) {
        return new ReadModels.Battery(e.getId(), e.getElementId(), e.getName(), e.getCapacityJ(), e.getMinStateOfCharge(),
                e.getMaxStateOfCharge(), e.getChargeEfficiency(), e.getDischargeEfficiency(), e.getMaxChargePowerW(),
                e.getMaxDischargePowerW(), e.getInitialStateOfCharge(), e.getCapacityFadePerYear(), e.getVersion(),
                e.getUpdatedAt(), e.getUpdatedBy(), ownerTeamCode);
    }

    private static ReadModels.SolarArray toView(SolarArrayEntity e, String ownerTeamCode) {
        return new ReadModels.SolarArray(e.getId(), e.getElementId(), e.getName(), e.getRatedPowerW(),
                e.getDegradationPerYear(), e.getPathEfficiency(), e.getIncidenceDeg(), e.getTemperatureCoefficientPerK(),
                e.getTemperatureOffsetK(), e.getVersion(), e.getUpdatedAt(), e.getUpdatedBy(), ownerTeamCode);
    }

    private static ReadModels.DesignCase toView(DesignCaseEntity e) {
        return new ReadModels.DesignCase(e.getId(), e.getActiveModeId(), e.getOrbitPeriodS(), e.getEclipseDurationS(),
                e.getArrayAgeYears(), e.getTimeline(), e.getPeriluneEpoch(), e.getSpanStart(), e.getSpanDays(),
                e.getFailedCapacityShare(), e.getMarginPolicy(), e.getTransferLimitW(), e.getBolDate(),
                e.getMissionEnd(), e.getEclipseSource(), e.getPickedEclipseStart(), e.getEclipseShedding(),
                e.getVersion(), e.getUpdatedAt(), e.getUpdatedBy());
    }
}
