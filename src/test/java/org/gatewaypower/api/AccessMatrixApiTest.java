package org.gatewaypower.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.gatewaypower.SpringTestBase;
import org.gatewaypower.physics.load.LoadPriority;
import org.gatewaypower.physics.load.MaturityClass;
import org.gatewaypower.workspace.Bus;
import org.gatewaypower.workspace.DesignCaseService;
import org.gatewaypower.workspace.Drafts;
import org.gatewaypower.workspace.ElementKind;
import org.gatewaypower.workspace.EquipmentService;
import org.gatewaypower.workspace.MembershipService;
import org.gatewaypower.workspace.StructureService;
import org.gatewaypower.workspace.TestWorkspaces;
import org.gatewaypower.workspace.ReadModels;
import org.gatewaypower.workspace.WorkspaceRole;
import org.gatewaypower.workspace.WorkspaceService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The whole role × ownership × action matrix, through the REST API: who may read, and who may change
 * which team's loads, batteries and arrays, the analysis case, the timeline and the members. A refusal
 * is a 403 problem naming the user and the rule, and changes nothing.
 *
 * <p>The workspace: NASA owns the element HALO (a load and a solar array), ESA owns I-Hab (loads),
 * whose battery JAXA supplies and owns. Members: nasa owner, esa and jaxa editors, observer viewer;
 * csa is not a member; admin administers the installation without being a member.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixApiTest extends SpringTestBase {

    enum Action {
        READ, EDIT_NASA_LOAD, EDIT_ESA_LOAD, ADD_ESA_LOAD, DELETE_ESA_LOAD, EDIT_JAXA_BATTERY, EDIT_NASA_ARRAY,
        EDIT_ANALYSIS_CASE, ADD_TIMELINE_PHASE, CHANGE_MEMBERS, FREEZE_BASELINE
    }

    /** What each user may do; everything else must be refused. */
    private static final Map<String, Set<Action>> ALLOWED = Map.of(
            "admin", Set.of(Action.values()),
            "nasa", Set.of(Action.values()),
            "esa", Set.of(Action.READ, Action.EDIT_ESA_LOAD, Action.ADD_ESA_LOAD, Action.DELETE_ESA_LOAD,
                    Action.FREEZE_BASELINE),
            "jaxa", Set.of(Action.READ, Action.EDIT_JAXA_BATTERY, Action.FREEZE_BASELINE),
            "observer", Set.of(Action.READ),
            "csa", Set.of());

    @Autowired
    TestRestTemplate rest;
    @Autowired
    WorkspaceService workspaces;

    @Autowired
    MembershipService membership;

    @Autowired
    StructureService structure;

    @Autowired
    EquipmentService equipment;

    @Autowired
    DesignCaseService designCases;
    @Autowired
    ObjectMapper mapper;
    @Autowired
    org.gatewaypower.workspace.OperationsService operations;
    @Autowired
    org.gatewaypower.baseline.BaselineService baselines;

    private long ws;
    private long halo;
    private long ihab;
    private long nasaLoad;
    private long esaLoad;
    private long battery;
    private long array;
    private long mode;
    private final AtomicInteger attempt = new AtomicInteger();

    @BeforeAll
    void createWorkspace() {
        String seeder = TestWorkspaces.SEEDER;
        ws = workspaces.createWorkspace("Access " + UUID.randomUUID(), "Access matrix", Set.of("NASA", "ESA", "JAXA"),
                seeder);
        membership.setMember(ws, "nasa", WorkspaceRole.OWNER, seeder);
        membership.setMember(ws, "esa", WorkspaceRole.EDITOR, seeder);
        membership.setMember(ws, "jaxa", WorkspaceRole.EDITOR, seeder);
        membership.setMember(ws, "observer", WorkspaceRole.VIEWER, seeder);
        mode = structure.addMode(ws, "Crewed", "", 0, seeder);
        halo = structure.addElement(ws, "HALO", ElementKind.HALO, "NASA", seeder);
        ihab = structure.addElement(ws, "I-Hab", ElementKind.I_HAB, "ESA", seeder);
        nasaLoad = equipment.createLoad(ws, load(halo, "HALO avionics"), seeder).id();
        esaLoad = equipment.createLoad(ws, load(ihab, "Cabin heater"), seeder).id();
        battery = equipment.addBattery(ihab, new Drafts.BatteryDraft("I-Hab battery", 20 * 3.6e6, 0.3, 1.0, 0.95,
                0.95, 4_000.0, 8_000.0, 1.0), "JAXA", seeder).id();
        array = equipment.addArray(halo, new Drafts.SolarArrayDraft("Wing", 20_000.0, 0.0075, 0.9), seeder).id();
        designCases.createDesignCase(ws, new Drafts.DesignCaseDraft(mode, TestWorkspaces.ORBIT_PERIOD_S,
                TestWorkspaces.ECLIPSE_S, 15.0), seeder);
    }

    Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        for (String user : List.of("admin", "nasa", "esa", "jaxa", "observer", "csa")) {
            for (Action action : Action.values()) {
                cases.add(Arguments.of(user, action, ALLOWED.get(user).contains(action)));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1}: allowed={2}")
    @MethodSource("matrix")
    void each_role_may_do_exactly_what_its_role_and_team_allow(String user, Action action, boolean allowed)
            throws Exception {
        ReadModels.WorkspaceSnapshot before = workspaces.snapshot(ws);
        List<Object> stateBefore = state();
        int n = attempt.incrementAndGet();
        ResponseEntity<String> response = switch (action) {
            case READ -> call(user, HttpMethod.GET, "/api/v1/workspaces/" + ws, null);
            case EDIT_NASA_LOAD -> putLoad(user, nasaLoad, 100.0 + n);
            case EDIT_ESA_LOAD -> putLoad(user, esaLoad, 100.0 + n);
            case ADD_ESA_LOAD -> call(user, HttpMethod.POST, "/api/v1/workspaces/" + ws + "/loads",
                    loadJson(null, ihab, "Added " + n, 50.0));
            case DELETE_ESA_LOAD -> {
                ReadModels.LoadItem victim = equipment.createLoad(ws, load(ihab, "To delete " + n),
                        TestWorkspaces.SEEDER);
                stateBefore = state();
                yield call(user, HttpMethod.DELETE, "/api/v1/workspaces/" + ws + "/loads/" + victim.id()
                        + "?version=" + victim.version(), null);
            }
            case EDIT_JAXA_BATTERY -> {
                ReadModels.Battery b = before.batteries().get(0);
                yield call(user, HttpMethod.PUT, "/api/v1/workspaces/" + ws + "/batteries/" + battery, Map.of(
                        "version", b.version(), "name", b.name(), "capacityJ", b.capacityJ() + n,
                        "minStateOfCharge", 0.3, "maxStateOfCharge", 1.0, "chargeEfficiency", 0.95,
                        "dischargeEfficiency", 0.95, "maxChargePowerW", 4_000.0, "maxDischargePowerW", 8_000.0,
                        "initialStateOfCharge", 1.0));
            }
            case EDIT_NASA_ARRAY -> {
                ReadModels.SolarArray a = before.arrays().get(0);
                yield call(user, HttpMethod.PUT, "/api/v1/workspaces/" + ws + "/arrays/" + array, Map.of(
                        "version", a.version(), "name", a.name(), "ratedPowerW", 20_000.0 + n,
                        "degradationPerYear", 0.0075, "pathEfficiency", 0.9));
            }
            case EDIT_ANALYSIS_CASE -> {
                ReadModels.DesignCase dc = before.designCase();
                yield call(user, HttpMethod.PUT, "/api/v1/workspaces/" + ws + "/design-case", Map.of(
                        "version", dc.version(), "activeModeId", mode, "orbitPeriodS", dc.orbitPeriodS(),
                        "eclipseDurationS", dc.eclipseDurationS() - n, "arrayAgeYears", 15.0));
            }
            case ADD_TIMELINE_PHASE -> call(user, HttpMethod.POST, "/api/v1/workspaces/" + ws + "/operations", Map.of(
                    "name", "Phase " + n, "kind", "CREWED", "modeId", mode,
                    "start", Instant.parse("2028-01-01T00:00:00Z").plusSeconds(86_400L * 2 * n).toString(),
                    "end", Instant.parse("2028-01-02T00:00:00Z").plusSeconds(86_400L * 2 * n).toString()));
            case CHANGE_MEMBERS -> call(user, HttpMethod.PUT, "/api/v1/workspaces/" + ws + "/members/mbrsc",
                    Map.of("role", n % 2 == 0 ? "VIEWER" : "EDITOR"));
            case FREEZE_BASELINE -> call(user, HttpMethod.POST, "/api/v1/workspaces/" + ws + "/baselines",
                    Map.of("name", "Baseline " + n, "description", "by " + user));
        };

        if (allowed) {
            assertThat(response.getStatusCode().is2xxSuccessful()).as("%s %s: %s", user, action, response.getBody())
                    .isTrue();
            if (action != Action.READ) {
                assertThat(state()).as("%s %s changed something", user, action).isNotEqualTo(stateBefore);
            }
        } else {
            JsonNode problem = ProblemAssertions.problem(mapper, response, HttpStatus.FORBIDDEN);
            assertThat(problem.get("detail").asString()).as("the refusal names the user").contains(user);
            assertThat(state()).as("a refused %s by %s changes nothing", action, user).isEqualTo(stateBefore);
        }
    }

    @Test
    void a_non_member_can_neither_read_a_baseline_nor_compare_with_it() throws Exception {
        long id = baselines.create(ws, "Frozen " + UUID.randomUUID(), "", "nasa").id();
        ProblemAssertions.problem(mapper, call("csa", HttpMethod.GET, "/api/v1/baselines/" + id, null),
                HttpStatus.FORBIDDEN);
        assertThat(call("observer", HttpMethod.GET, "/api/v1/baselines/" + id, null).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        String other = workspaces.createWorkspace("Elsewhere " + UUID.randomUUID(), "", Set.of("CSA"), "csa") + "";
        ProblemAssertions.problem(mapper, call("csa", HttpMethod.GET, "/api/v1/workspaces/" + other
                + "/compare?a=baseline:" + id + "&b=current", null), HttpStatus.FORBIDDEN);
    }

    @Test
    void only_members_read_the_history_of_a_load_or_element() throws Exception {
        ProblemAssertions.problem(mapper, call("csa", HttpMethod.GET, "/api/v1/loads/" + esaLoad + "/history", null),
                HttpStatus.FORBIDDEN);
        ProblemAssertions.problem(mapper, call("csa", HttpMethod.GET, "/api/v1/elements/" + ihab + "/history", null),
                HttpStatus.FORBIDDEN);
        assertThat(call("observer", HttpMethod.GET, "/api/v1/loads/" + esaLoad + "/history", null).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void the_workspace_list_shows_members_their_workspaces_and_administrators_all() throws Exception {
        String name = workspaces.snapshot(ws).name();
        assertThat(call("observer", HttpMethod.GET, "/api/v1/workspaces", null).getBody()).contains(name);
        assertThat(call("admin", HttpMethod.GET, "/api/v1/workspaces", null).getBody()).contains(name);
        assertThat(call("csa", HttpMethod.GET, "/api/v1/workspaces", null).getBody()).doesNotContain(name);
    }

    @Test
    void what_a_user_may_change_is_published_for_displays() throws Exception {
        JsonNode esa = mapper.readTree(call("esa", HttpMethod.GET, "/api/v1/workspaces/" + ws + "/permissions", null)
                .getBody());
        assertThat(esa.get("role").asString()).isEqualTo("EDITOR");
        assertThat(esa.get("ownsWorkspace").asBoolean()).isFalse();
        assertThat(esa.get("editableElementIds")).extracting(JsonNode::asLong).containsExactly(ihab);
        assertThat(esa.get("editableBatteryIds")).isEmpty();
        JsonNode jaxa = mapper.readTree(call("jaxa", HttpMethod.GET, "/api/v1/workspaces/" + ws + "/permissions", null)
                .getBody());
        assertThat(jaxa.get("editableBatteryIds")).extracting(JsonNode::asLong).containsExactly(battery);
        assertThat(jaxa.get("editableElementIds")).isEmpty();
    }

    @Test
    void the_last_owner_cannot_leave_and_unknown_users_cannot_be_added() throws Exception {
        String other = workspaces.createWorkspace("Lone owner " + UUID.randomUUID(), "", Set.of("NASA"), "nasa") + "";
        ResponseEntity<String> demote = call("nasa", HttpMethod.PUT, "/api/v1/workspaces/" + other + "/members/nasa",
                Map.of("role", "EDITOR"));
        assertThat(ProblemAssertions.fields(ProblemAssertions.problem(mapper, demote, HttpStatus.BAD_REQUEST)))
                .containsExactly("role");
        ResponseEntity<String> ghost = call("nasa", HttpMethod.PUT, "/api/v1/workspaces/" + other
                + "/members/nobody-here", Map.of("role", "EDITOR"));
        assertThat(ProblemAssertions.fields(ProblemAssertions.problem(mapper, ghost, HttpStatus.BAD_REQUEST)))
                .containsExactly("username");
    }

    /** Everything the actions could change: inputs, members and timeline. */
    private List<Object> state() {
        return List.of(workspaces.snapshot(ws), membership.members(ws), operations.phases(ws),
                baselines.baselines(ws).stream().map(org.gatewaypower.baseline.Baselines.Baseline::id).toList());
    }

    private ResponseEntity<String> putLoad(String user, long loadId, double operatingW) {
        ReadModels.LoadItem current = equipment.load(loadId);
        return call(user, HttpMethod.PUT, "/api/v1/workspaces/" + ws + "/loads/" + loadId,
                loadJson(current.version(), current.elementId(), current.name(), operatingW));
    }

    private Map<String, Object> loadJson(Long version, long elementId, String name, double operatingW) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("elementId", elementId, "name", name,
                "subsystem", "Thermal", "bus", "V120", "quantity", 1, "standbyPowerW", 10.0, "operatingPowerW",
                operatingW, "peakPowerW", 1_500.0, "dutyByMode", Map.of(String.valueOf(mode), 0.5),
                "maturity", "MODIFIED"));
        body.put("priority", "ESSENTIAL");
        if (version != null) {
            body.put("version", version);
        }
        return body;
    }

    private ResponseEntity<String> call(String user, HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        try {
            String json = body == null ? null : mapper.writeValueAsString(body);
            return rest.withBasicAuth(user, "gateway").exchange(path, method, new HttpEntity<>(json, headers),
                    String.class);
        } catch (tools.jackson.core.JacksonException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private Drafts.LoadItemDraft load(long element, String name) {
        return new Drafts.LoadItemDraft(element, name, "Thermal", Bus.V120, 1, 10.0, 500.0, 1_500.0,
                Map.of(mode, 0.5), MaturityClass.MODIFIED, LoadPriority.ESSENTIAL);
    }
}
