package org.gatewaypower.workspace;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.gatewaypower.workspace.Drafts.BatteryDraft;
import org.gatewaypower.workspace.Drafts.DesignCaseDraft;
import org.gatewaypower.workspace.Drafts.LoadItemDraft;
import org.gatewaypower.workspace.Drafts.SolarArrayDraft;
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
    /** Largest array or battery power accepted (W). */
    static final double MAX_SOURCE_POWER_W = 1.0e7;
    /** Calendar fade of a new battery when none is given: 2 %/year (domain reference §4: 1–3 %/year). */
    static final double DEFAULT_FADE = 0.02;
    /** Largest battery capacity accepted (J): 10 MWh. */
    static final double MAX_CAPACITY_J = 3.6e10;

    /** Longest analysis span (days): 20 years. */
    static final double MAX_SPAN_DAYS = 7305;
    /** Default perilune epoch and span start of a new workspace's ephemeris orbit. */
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
    private StaleEdits staleEdits;

    WorkspaceService(Clock clock, ApplicationEventPublisher events, PartnerTeamRepository teams,
                     WorkspaceRepository workspaces, ElementRepository elements, OperatingModeRepository modes,
                     LoadItemRepository loads, BatteryRepository batteries, SolarArrayRepository arrays,
                     DesignCaseRepository designCases) {
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
    }

    // ---------------------------------------------------------------- reads

    @Transactional(readOnly = true)
    public List<Views.Team> teams() {
        return teams.findAll().stream().map(WorkspaceService::toView)
                .sorted((a, b) -> a.code().compareTo(b.code())).toList();
    }

    @Transactional(readOnly = true)
    public List<Views.WorkspaceSummary> listWorkspaces() {
        Map<Long, String> teamCodes = teamCodes();
        return workspaces.findAllByOrderByNameAsc().stream().map(w -> {
            List<Long> elementIds = elements.findByWorkspaceIdOrderByIdAsc(w.getId()).stream()
                    .map(ElementEntity::getId).toList();
            int loadCount = elementIds.isEmpty() ? 0 : (int) loads.countByElementIdIn(elementIds);
            return new Views.WorkspaceSummary(w.getId(), w.getName(), w.getDescription(),
                    w.getTeamIds().stream().map(teamCodes::get).sorted().toList(), elementIds.size(), loadCount);
        }).toList();
    }

    /** Everything in a workspace, read in one transaction so that it is consistent. */
    @Transactional(readOnly = true)
    public Views.WorkspaceSnapshot snapshot(long workspaceId) {
        WorkspaceEntity w = workspaces.findById(workspaceId)
                .orElseThrow(() -> new NotFoundException("workspace", workspaceId));
        Map<Long, String> teamCodes = teamCodes();
        List<Views.Team> wsTeams = teams.findAllById(w.getTeamIds()).stream().map(WorkspaceService::toView)
                .sorted((a, b) -> a.code().compareTo(b.code())).toList();
        List<ElementEntity> els = elements.findByWorkspaceIdOrderByIdAsc(workspaceId);
        List<Long> elementIds = els.stream().map(ElementEntity::getId).toList();
        List<Views.Element> elementViews = els.stream()
                .map(e -> new Views.Element(e.getId(), e.getName(), e.getKind(), e.getOwnerTeamId(),
                        teamCodes.get(e.getOwnerTeamId()), e.getVersion()))
                .toList();
        List<Views.Mode> modeViews = modes.findByWorkspaceIdOrderBySortOrderAscIdAsc(workspaceId).stream()
                .map(m -> new Views.Mode(m.getId(), m.getName(), m.getDescription(), m.getSortOrder())).toList();
        List<Views.LoadItem> loadViews = elementIds.isEmpty() ? List.of()
                : loads.findByElementIdInOrderByElementIdAscIdAsc(elementIds).stream().map(WorkspaceService::toView)
                        .toList();
        List<Views.Battery> batteryViews = elementIds.isEmpty() ? List.of()
                : batteries.findByElementIdInOrderByIdAsc(elementIds).stream().map(WorkspaceService::toView).toList();
        List<Views.SolarArray> arrayViews = elementIds.isEmpty() ? List.of()
                : arrays.findByElementIdInOrderByIdAsc(elementIds).stream().map(WorkspaceService::toView).toList();
        Views.DesignCase dc = designCases.findByWorkspaceId(workspaceId).map(WorkspaceService::toView).orElse(null);
        return new Views.WorkspaceSnapshot(w.getId(), w.getName(), w.getDescription(), w.getVersion(), wsTeams,
                elementViews, modeViews, loadViews, batteryViews, arrayViews, dc);
    }

    @Transactional(readOnly = true)
    public Views.LoadItem load(long loadId) {
        return toView(loads.findById(loadId).orElseThrow(() -> new NotFoundException("load item", loadId)));
    }

    // ---------------------------------------------------------------- edits users make

    /** Adds a line to the power equipment list of the draft's element. */
    @Transactional
    public Views.LoadItem createLoad(long workspaceId, LoadItemDraft draft, String actor) {
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
    public Views.LoadItem updateLoad(long loadId, long expectedVersion, LoadItemDraft draft, String actor) {
        LoadItemEntity e = loads.findById(loadId).orElseThrow(() -> new NotFoundException("load item", loadId));
        long workspaceId = workspaceOfElement(e.getElementId());
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
        LoadItemEntity e = loads.findById(loadId).orElseThrow(() -> new NotFoundException("load item", loadId));
        long workspaceId = workspaceOfElement(e.getElementId());
        requireVersion("load item", e, expectedVersion);
        loads.delete(e);
        flush(() -> {
            loads.flush();
            return e;
        }, "load item", e, expectedVersion);
        publish(workspaceId, "load item", loadId, actor, "removed load " + e.getName());
    }

    @Transactional
    public Views.Battery updateBattery(long batteryId, long expectedVersion, BatteryDraft draft, String actor) {
        BatteryEntity e = batteries.findById(batteryId)
                .orElseThrow(() -> new NotFoundException("battery", batteryId));
        long workspaceId = workspaceOfElement(e.getElementId());
        requireVersion("battery", e, expectedVersion);
        applyBattery(e, draft);
        e.touch(actor, clock.instant());
        BatteryEntity saved = flush(() -> batteries.saveAndFlush(e), "battery", e, expectedVersion);
        publish(workspaceId, "battery", batteryId, actor, "changed battery " + saved.getName());
        return toView(saved);
    }

    @Transactional
    public Views.SolarArray updateArray(long arrayId, long expectedVersion, SolarArrayDraft draft, String actor) {
        SolarArrayEntity e = arrays.findById(arrayId)
                .orElseThrow(() -> new NotFoundException("solar array", arrayId));
        long workspaceId = workspaceOfElement(e.getElementId());
        requireVersion("solar array", e, expectedVersion);
        applyArray(e, draft);
        e.touch(actor, clock.instant());
        SolarArrayEntity saved = flush(() -> arrays.saveAndFlush(e), "solar array", e, expectedVersion);
        publish(workspaceId, "solar array", arrayId, actor, "changed solar array " + saved.getName());
        return toView(saved);
    }

    @Transactional
    public Views.DesignCase updateDesignCase(long workspaceId, long expectedVersion, DesignCaseDraft draft,
                                             String actor) {
        DesignCaseEntity e = designCases.findByWorkspaceId(workspaceId)
                .orElseThrow(() -> new NotFoundException("design case of workspace", workspaceId));
        requireVersion("design case", e, expectedVersion);
        applyDesignCase(workspaceId, e, draft);
        e.touch(actor, clock.instant());
        DesignCaseEntity saved = flush(() -> designCases.saveAndFlush(e), "design case", e, expectedVersion);
        publish(workspaceId, "design case", saved.getId(), actor, "changed the design case");
        return toView(saved);
    }

    // ---------------------------------------------------------------- set-up (demo data, administration)

    @Transactional
    public Views.Team createTeam(String code, String name) {
        Rules r = new Rules();
        String c = r.text("code", "Team code", code, 16, true);
        String n = r.text("name", "Team name", name, 120, true);
        if (r.ok("code") && teams.findByCode(c).isPresent()) {
            r.fail("code", "Team code must be unique; " + c + " exists");
        }
        r.throwIfAny();
        return toView(teams.saveAndFlush(new PartnerTeamEntity(c, n)));
    }

    @Transactional
    public long createWorkspace(String name, String description, Set<String> teamCodes, String actor) {
        Rules r = new Rules();
        String n = r.text("name", "Workspace name", name, 120, true);
        String d = r.text("description", "Description", description, 2000, false);
        if (r.ok("name") && workspaces.findByName(n).isPresent()) {
            r.fail("name", "Workspace name must be unique; " + n + " exists");
        }
        r.throwIfAny();
        WorkspaceEntity w = new WorkspaceEntity(n, d);
        for (String code : teamCodes) {
            w.addTeam(teamId(code));
        }
        w.touch(actor, clock.instant());
        return workspaces.saveAndFlush(w).getId();
    }

    @Transactional
    public long addMode(long workspaceId, String name, String description, int sortOrder) {
        requireWorkspace(workspaceId);
        Rules r = new Rules();
        String n = r.text("name", "Mode name", name, 60, true);
        String d = r.text("description", "Description", description, 500, false);
        r.throwIfAny();
        return modes.saveAndFlush(new OperatingModeEntity(workspaceId, n, d, sortOrder)).getId();
    }

    @Transactional
    public long addElement(long workspaceId, String name, ElementKind kind, String ownerTeamCode, String actor) {
        requireWorkspace(workspaceId);
        Rules r = new Rules();
        String n = r.text("name", "Element name", name, 120, true);
        r.required("kind", "Element kind", kind);
        r.throwIfAny();
        ElementEntity e = new ElementEntity(workspaceId, n, kind, teamId(ownerTeamCode));
        e.touch(actor, clock.instant());
        return elements.saveAndFlush(e).getId();
    }

    @Transactional
    public Views.Battery addBattery(long elementId, BatteryDraft draft, String actor) {
        long workspaceId = workspaceOfElement(elementId);
        BatteryEntity e = new BatteryEntity(elementId);
        applyBattery(e, draft);
        e.touch(actor, clock.instant());
        BatteryEntity saved = batteries.saveAndFlush(e);
        publish(workspaceId, "battery", saved.getId(), actor, "added battery " + saved.getName());
        return toView(saved);
    }

    @Transactional
    public Views.SolarArray addArray(long elementId, SolarArrayDraft draft, String actor) {
        long workspaceId = workspaceOfElement(elementId);
        SolarArrayEntity e = new SolarArrayEntity(elementId);
        applyArray(e, draft);
        e.touch(actor, clock.instant());
        SolarArrayEntity saved = arrays.saveAndFlush(e);
        publish(workspaceId, "solar array", saved.getId(), actor, "added solar array " + saved.getName());
        return toView(saved);
    }

    @Transactional
    public Views.DesignCase createDesignCase(long workspaceId, DesignCaseDraft draft, String actor) {
        requireWorkspace(workspaceId);
        if (designCases.findByWorkspaceId(workspaceId).isPresent()) {
            throw new InvalidInputException(List.of(new InvalidInputException.FieldViolation("workspaceId",
                    "A workspace has one design case; edit the existing one")));
        }
        DesignCaseEntity e = new DesignCaseEntity(workspaceId);
        applyDesignCase(workspaceId, e, draft);
        e.touch(actor, clock.instant());
        return toView(designCases.saveAndFlush(e));
    }

    // ---------------------------------------------------------------- validation and mapping

    /** A load draft whose values passed every rule. */
    private record Validated(long elementId, String name, String subsystem, int quantity, double standby,
                             double operating, double peak, Map<Long, Double> duties) {

        void applyTo(LoadItemEntity e, LoadItemDraft d) {
            e.apply(elementId, name, subsystem, d.bus(), quantity, standby, operating, peak, duties, d.maturity(),
                    d.priority());
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
        } else if (d.quantity() < 1 || d.quantity() > 10_000) {
            r.fail("quantity", "Quantity must be a whole number between 1 and 10000 (was " + d.quantity() + ")");
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
        r.throwIfAny();
        return new Validated(elementId, name, subsystem, quantity, standby, operating, peak, duties);
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
        if (spanStart.isBefore(EARLIEST) || spanStart.plusSeconds((long) (spanDays * 86_400)).isAfter(LATEST)) {
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
        r.throwIfAny();
        e.apply(modeId, period, eclipse, age, timeline, perilune, spanStart, spanDays, failed, policy, transfer);
        e.setBolDate(bol);
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

    private long teamId(String code) {
        return teams.findByCode(code).map(PartnerTeamEntity::getId)
                .orElseThrow(() -> new InvalidInputException(List.of(new InvalidInputException.FieldViolation(
                        "team", "Team " + code + " does not exist"))));
    }

    private Map<Long, String> teamCodes() {
        return teams.findAll().stream().collect(Collectors.toMap(PartnerTeamEntity::getId, PartnerTeamEntity::getCode));
    }

    private static Views.Team toView(PartnerTeamEntity t) {
        return new Views.Team(t.getId(), t.getCode(), t.getName());
    }

    private static Views.LoadItem toView(LoadItemEntity e) {
        return new Views.LoadItem(e.getId(), e.getElementId(), e.getName(), e.getSubsystem(), e.getBus(),
                e.getQuantity(), e.getStandbyPowerW(), e.getOperatingPowerW(), e.getPeakPowerW(), e.getDutyByMode(),
                e.getMaturity(), e.getPriority(), e.getVersion(), e.getUpdatedAt(), e.getUpdatedBy());
    }

    private static Views.Battery toView(BatteryEntity e) {
        return new Views.Battery(e.getId(), e.getElementId(), e.getName(), e.getCapacityJ(), e.getMinStateOfCharge(),
                e.getMaxStateOfCharge(), e.getChargeEfficiency(), e.getDischargeEfficiency(), e.getMaxChargePowerW(),
                e.getMaxDischargePowerW(), e.getInitialStateOfCharge(), e.getCapacityFadePerYear(), e.getVersion(),
                e.getUpdatedAt(), e.getUpdatedBy());
    }

    private static Views.SolarArray toView(SolarArrayEntity e) {
        return new Views.SolarArray(e.getId(), e.getElementId(), e.getName(), e.getRatedPowerW(),
                e.getDegradationPerYear(), e.getPathEfficiency(), e.getIncidenceDeg(), e.getTemperatureCoefficientPerK(),
                e.getTemperatureOffsetK(), e.getVersion(), e.getUpdatedAt(), e.getUpdatedBy());
    }

    private static Views.DesignCase toView(DesignCaseEntity e) {
        return new Views.DesignCase(e.getId(), e.getActiveModeId(), e.getOrbitPeriodS(), e.getEclipseDurationS(),
                e.getArrayAgeYears(), e.getTimeline(), e.getPeriluneEpoch(), e.getSpanStart(), e.getSpanDays(),
                e.getFailedCapacityShare(), e.getMarginPolicy(), e.getTransferLimitW(), e.getBolDate(), e.getVersion(),
                e.getUpdatedAt(), e.getUpdatedBy());
    }
}
