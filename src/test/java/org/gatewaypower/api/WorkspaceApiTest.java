package org.gatewaypower.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gatewaypower.api.ProblemAssertions.fields;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

import org.gatewaypower.SpringTestBase;
import org.gatewaypower.physics.load.MaturityClass;
import org.gatewaypower.workspace.TestWorkspaces;
import org.gatewaypower.workspace.TestWorkspaces.Fixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The REST API over HTTP on the random port: reads, the energy balance, authentication, optimistic
 * locking, validation errors as problem details, and concurrent edits through the API.
 */
class WorkspaceApiTest extends SpringTestBase {

    private static final String DEMO = "Gateway demo";
    private static final String BASE = "/api/v1/workspaces";
    private static final List<String> LOAD_FIELDS = List.of("elementId", "name", "subsystem", "bus", "quantity",
            "standbyPowerW", "operatingPowerW", "peakPowerW", "dutyByMode", "maturity", "priority");

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ObjectMapper mapper;

    @Autowired
    TestWorkspaces fixtures;

    // ---------------------------------------------------------------- reads

    @Test
    void workspace_list_contains_the_demo_workspace() throws Exception {
        JsonNode list = getJson(BASE);

        assertThat(list.isArray()).isTrue();
        List<String> names = new ArrayList<>();
        list.forEach(w -> names.add(w.get("name").asString()));
        assertThat(names).contains(DEMO);
        list.forEach(w -> assertThat(w.get("id").isIntegralNumber()).isTrue());
    }

    @Test
    void demo_workspace_has_elements_loads_batteries_arrays_modes_and_a_design_case() throws Exception {
        long id = demoId();
        JsonNode ws = getJson(BASE + "/" + id);

        assertThat(ws.get("id").asLong()).isEqualTo(id);
        assertThat(ws.get("name").asString()).isEqualTo(DEMO);
        for (String list : List.of("elements", "loads", "batteries", "arrays", "modes")) {
            assertThat(ws.get(list)).as(list).isNotNull();
            assertThat(ws.get(list).isArray()).as(list + " is a list").isTrue();
            assertThat(ws.get(list).size()).as(list + " is not empty").isPositive();
        }
        JsonNode dc = ws.get("designCase");
        assertThat(dc).isNotNull();
        assertThat(dc.isObject()).isTrue();
        assertThat(dc.get("orbitPeriodS").asDouble()).isPositive();
        assertThat(dc.get("eclipseDurationS").asDouble()).isLessThan(dc.get("orbitPeriodS").asDouble());
        List<Long> modeIds = new ArrayList<>();
        ws.get("modes").forEach(m -> modeIds.add(m.get("id").asLong()));
        assertThat(modeIds).contains(dc.get("activeModeId").asLong());
        JsonNode load = ws.get("loads").get(0);
        for (String field : LOAD_FIELDS) {
            assertThat(load.has(field)).as("load has " + field).isTrue();
        }
        assertThat(load.has("version")).isTrue();
    }

    @Test
    void demo_balance_has_a_sound_state_of_charge_ledger_and_checks() throws Exception {
        JsonNode balance = getJson(BASE + "/" + demoId() + "/balance");

        assertThat(balance.get("minStateOfChargePercent").isNumber()).isTrue();
        assertThat(balance.get("minStateOfChargePercent").asDouble()).isGreaterThan(0).isLessThanOrEqualTo(100);
        assertThat(balance.get("unservedEnergyWh").isNumber()).isTrue();
        assertThat(balance.get("unservedEnergyWh").asDouble()).isGreaterThanOrEqualTo(0);
        assertThat(balance.get("checks").isArray()).isTrue();
        assertThat(balance.get("checks").size()).isPositive();
        balance.get("checks").forEach(c -> {
            assertThat(c.get("name").asString()).isNotBlank();
            assertThat(c.get("passed").isBoolean()).isTrue();
        });
        JsonNode ledger = balance.get("ledger");
        assertThat(ledger.get("relativeClosureError").isNumber()).isTrue();
        assertThat(Math.abs(ledger.get("relativeClosureError").asDouble())).isLessThan(1e-9);
        assertThat(balance.get("mevAverageLoadW").asDouble())
                .isGreaterThanOrEqualTo(balance.get("cbeAverageLoadW").asDouble());
    }

    // ---------------------------------------------------------------- authentication

    @Test
    void request_without_credentials_is_refused_with_401_and_a_problem_body() throws Exception {
        ResponseEntity<String> response = rest.getForEntity(BASE, String.class);

        assertProblem(response, HttpStatus.UNAUTHORIZED);
        assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
    }

    @Test
    void request_with_a_wrong_password_is_refused_with_401_and_a_problem_body() throws Exception {
        ResponseEntity<String> response = rest.withBasicAuth("nasa", "not-the-password")
                .getForEntity(BASE + "/" + demoId() + "/balance", String.class);

        assertProblem(response, HttpStatus.UNAUTHORIZED);
    }

    @Test
    void load_edit_without_credentials_is_refused_and_changes_nothing() throws Exception {
        Fixture f = fixtures.create("API unauthenticated", 1);
        JsonNode load = load(f.workspaceId(), f.loadIds().get(0));
        ObjectNode body = body(load);
        body.put("operatingPowerW", 600.0);

        ResponseEntity<String> response = rest.exchange(BASE + "/" + f.workspaceId() + "/loads/" + load.get("id"),
                HttpMethod.PUT, json(body.toString()), String.class);

        assertProblem(response, HttpStatus.UNAUTHORIZED);
        assertThat(load(f.workspaceId(), f.loadIds().get(0))).isEqualTo(load);
    }

    // ---------------------------------------------------------------- edits

    @Test
    void load_edit_with_the_current_version_changes_the_mev_average_load_by_the_expected_amount() throws Exception {
        long id = demoId();
        JsonNode ws = getJson(BASE + "/" + id);
        String activeMode = ws.get("designCase").get("activeModeId").asString();
        JsonNode load = null;
        for (JsonNode l : ws.get("loads")) {
            JsonNode duty = l.get("dutyByMode").get(activeMode);
            if (duty != null && duty.asDouble() > 0) {
                load = l;
                break;
            }
        }
        assertThat(load).as("a demo load that operates in the design case's mode").isNotNull();
        double operating = load.get("operatingPowerW").asDouble();
        double peak = load.get("peakPowerW").asDouble();
        double newOperating = operating >= 10 ? operating - 10 : operating + 10;
        double delta = newOperating - operating;
        double contingency = MaturityClass.valueOf(load.get("maturity").asString()).contingency();
        double expectedChange = load.get("quantity").asInt() * delta * load.get("dutyByMode").get(activeMode).asDouble()
                * (1 + contingency);
        assertThat(Math.abs(expectedChange)).isGreaterThan(1e-3);
        double before = getJson(BASE + "/" + id + "/balance").get("mevAverageLoadW").asDouble();

        ObjectNode body = body(load);
        body.put("operatingPowerW", newOperating);
        body.put("peakPowerW", Math.max(peak, newOperating));
        ResponseEntity<String> response = put(id, load.get("id").asLong(), body.toString());

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        JsonNode saved = mapper.readTree(response.getBody());
        assertThat(saved.get("version").asLong()).isEqualTo(load.get("version").asLong() + 1);
        assertThat(saved.get("operatingPowerW").asDouble()).isEqualTo(newOperating);
        assertThat(saved.get("updatedBy").asString()).isEqualTo("nasa");
        double after = getJson(BASE + "/" + id + "/balance").get("mevAverageLoadW").asDouble();
        assertThat(after - before).isCloseTo(expectedChange, within(1e-6));

        // Put the demo value back for the other tests.
        ObjectNode restore = body(load);
        restore.put("version", saved.get("version").asLong());
        assertThat(put(id, load.get("id").asLong(), restore.toString()).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(getJson(BASE + "/" + id + "/balance").get("mevAverageLoadW").asDouble())
                .isCloseTo(before, within(1e-6));
    }

    @Test
    void load_edit_with_a_stale_version_is_refused_with_409_naming_the_current_version() throws Exception {
        Fixture f = fixtures.create("API stale", 1);
        long loadId = f.loadIds().get(0);
        JsonNode read = load(f.workspaceId(), loadId);
        ObjectNode first = body(read);
        first.put("operatingPowerW", 600.0);
        ResponseEntity<String> saved = put(f.workspaceId(), loadId, first.toString());
        assertThat(saved.getStatusCode()).as(saved.getBody()).isEqualTo(HttpStatus.OK);

        ObjectNode second = body(read);
        second.put("operatingPowerW", 700.0);
        ResponseEntity<String> response = rest.withBasicAuth("esa", "gateway").exchange(
                BASE + "/" + f.workspaceId() + "/loads/" + loadId, HttpMethod.PUT, json(second.toString()),
                String.class);

        JsonNode problem = assertProblem(response, HttpStatus.CONFLICT);
        assertThat(problem.get("currentVersion").asLong()).isEqualTo(read.get("version").asLong() + 1);
        assertThat(problem.get("yourVersion").asLong()).isEqualTo(read.get("version").asLong());
        assertThat(problem.get("lastEditedBy").asString()).isEqualTo("nasa");
        JsonNode stored = load(f.workspaceId(), loadId);
        // The body carries what a GET now returns, so that a client can merge without reading again.
        assertThat(problem.get("lastEditedAt").asString()).isEqualTo(stored.get("updatedAt").asString());
        assertThat(problem.get("current")).isEqualTo(stored);
        assertThat(stored.get("operatingPowerW").asDouble()).isEqualTo(600.0);
        assertThat(stored.get("version").asLong()).isEqualTo(read.get("version").asLong() + 1);
    }

    @Test
    void negative_operating_power_is_refused_with_400_naming_the_field_and_changes_nothing() throws Exception {
        Fixture f = fixtures.create("API negative", 1);
        long loadId = f.loadIds().get(0);
        JsonNode read = load(f.workspaceId(), loadId);
        ObjectNode body = body(read);
        body.put("operatingPowerW", -5);

        ResponseEntity<String> response = put(f.workspaceId(), loadId, body.toString());

        JsonNode problem = assertProblem(response, HttpStatus.BAD_REQUEST);
        assertThat(fields(problem)).containsExactly("operatingPowerW");
        assertThat(problem.get("errors").get(0).get("message").asString()).contains("must not be negative");
        assertThat(load(f.workspaceId(), loadId)).isEqualTo(read);
    }

    @Test
    void non_numeric_operating_power_is_refused_with_400_naming_the_field_and_changes_nothing() throws Exception {
        Fixture f = fixtures.create("API not a number", 1);
        long loadId = f.loadIds().get(0);
        JsonNode read = load(f.workspaceId(), loadId);
        ObjectNode body = body(read);
        body.put("operatingPowerW", "abc");
        assertThat(body.toString()).contains("\"operatingPowerW\":\"abc\"");

        ResponseEntity<String> response = put(f.workspaceId(), loadId, body.toString());

        JsonNode problem = assertProblem(response, HttpStatus.BAD_REQUEST);
        assertThat(fields(problem)).containsExactly("operatingPowerW");
        assertThat(problem.get("errors").get(0).get("message").asString()).contains("operatingPowerW")
                .contains("number");
        assertThat(load(f.workspaceId(), loadId)).isEqualTo(read);
    }

    @Test
    void load_edit_without_a_version_is_refused_with_400_naming_the_version() throws Exception {
        Fixture f = fixtures.create("API no version", 1);
        long loadId = f.loadIds().get(0);
        JsonNode read = load(f.workspaceId(), loadId);
        ObjectNode body = body(read);
        body.remove("version");
        body.put("operatingPowerW", 600.0);

        JsonNode problem = assertProblem(put(f.workspaceId(), loadId, body.toString()), HttpStatus.BAD_REQUEST);

        assertThat(fields(problem)).containsExactly("version");
        assertThat(load(f.workspaceId(), loadId)).isEqualTo(read);
    }

    @Test
    void load_edit_through_another_workspace_is_404_and_changes_nothing() throws Exception {
        Fixture mine = fixtures.create("API owner", 1);
        Fixture other = fixtures.create("API other", 0);
        long loadId = mine.loadIds().get(0);
        JsonNode read = load(mine.workspaceId(), loadId);
        ObjectNode body = body(read);
        body.put("operatingPowerW", 600.0);

        assertProblem(put(other.workspaceId(), loadId, body.toString()), HttpStatus.NOT_FOUND);

        assertThat(load(mine.workspaceId(), loadId)).isEqualTo(read);
    }

    // ---------------------------------------------------------------- bad addresses

    @Test
    void unknown_workspace_is_404_with_a_problem_body() throws Exception {
        JsonNode problem = assertProblem(nasa().getForEntity(BASE + "/999999", String.class), HttpStatus.NOT_FOUND);

        assertThat(problem.get("detail").asString()).contains("999999");
    }

    @Test
    void non_numeric_workspace_id_is_400_naming_the_parameter() throws Exception {
        JsonNode problem = assertProblem(nasa().getForEntity(BASE + "/abc/balance", String.class),
                HttpStatus.BAD_REQUEST);

        assertThat(fields(problem)).containsExactly("id");
        assertThat(problem.get("detail").asString()).contains("abc");
    }

    // ---------------------------------------------------------------- concurrency

    @Test
    void concurrent_api_edits_of_one_row_are_all_saved_or_refused_with_409_and_lose_no_update() throws Exception {
        Fixture f = fixtures.create("API concurrency", 1);
        long loadId = f.loadIds().get(0);
        long initialVersion = load(f.workspaceId(), loadId).get("version").asLong();
        int clients = 4;
        int editsPerClient = 10;
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger conflicts = new AtomicInteger();
        Queue<String> unexpected = new ConcurrentLinkedQueue<>();
        Queue<Long> savedVersions = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int a = 0; a < editsPerClient; a++) {
                        try {
                            JsonNode read = load(f.workspaceId(), loadId);
                            ObjectNode body = body(read);
                            body.put("operatingPowerW", 100.0 + 100 * client + a);
                            ResponseEntity<String> response = put(f.workspaceId(), loadId, body.toString());
                            if (response.getStatusCode() == HttpStatus.OK) {
                                ok.incrementAndGet();
                                savedVersions.add(mapper.readTree(response.getBody()).get("version").asLong());
                            } else if (response.getStatusCode() == HttpStatus.CONFLICT) {
                                conflicts.incrementAndGet();
                            } else {
                                unexpected.add(response.getStatusCode() + " " + response.getBody());
                            }
                        } catch (Exception ex) {
                            unexpected.add(ex.toString());
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : futures) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(unexpected).as("responses other than 200 and 409").isEmpty();
        assertThat(ok.get() + conflicts.get()).isEqualTo(clients * editsPerClient);
        assertThat(ok.get()).isPositive();
        long finalVersion = load(f.workspaceId(), loadId).get("version").asLong();
        assertThat(finalVersion).isEqualTo(initialVersion + ok.get());
        assertThat(savedVersions).doesNotHaveDuplicates().hasSize(ok.get());
    }

    // ---------------------------------------------------------------- helpers

    private TestRestTemplate nasa() {
        return rest.withBasicAuth("nasa", "gateway");
    }

    private JsonNode getJson(String path) throws Exception {
        ResponseEntity<String> response = nasa().getForEntity(path, String.class);
        assertThat(response.getStatusCode()).as("GET %s: %s", path, response.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType()).isNotNull();
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
        return mapper.readTree(response.getBody());
    }

    private long demoId() throws Exception {
        for (JsonNode w : getJson(BASE)) {
            if (DEMO.equals(w.get("name").asString())) {
                return w.get("id").asLong();
            }
        }
        throw new AssertionError("no workspace named " + DEMO);
    }

    private JsonNode load(long workspaceId, long loadId) throws Exception {
        for (JsonNode l : getJson(BASE + "/" + workspaceId).get("loads")) {
            if (l.get("id").asLong() == loadId) {
                return l;
            }
        }
        throw new AssertionError("no load " + loadId + " in workspace " + workspaceId);
    }

    /** A PUT body with the version and every editable field of a load as read. */
    private ObjectNode body(JsonNode load) {
        ObjectNode body = mapper.createObjectNode();
        body.set("version", load.get("version"));
        for (String field : LOAD_FIELDS) {
            body.set(field, load.get(field));
        }
        return body;
    }

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        return new HttpEntity<>(body, headers);
    }

    private ResponseEntity<String> put(long workspaceId, long loadId, String body) {
        return nasa().exchange(BASE + "/" + workspaceId + "/loads/" + loadId, HttpMethod.PUT, json(body),
                String.class);
    }

    private JsonNode assertProblem(ResponseEntity<String> response, HttpStatus status) throws Exception {
        return ProblemAssertions.problem(mapper, response, status);
    }
}
