package org.gatewaypower.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.gatewaypower.api.ProblemAssertions.fields;

import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

import org.gatewaypower.SpringTestBase;
import org.gatewaypower.analysis.BalanceService;
import org.gatewaypower.workspace.EquipmentService;
import org.gatewaypower.workspace.TestWorkspaces;
import org.gatewaypower.workspace.TestWorkspaces.Fixture;
import org.gatewaypower.workspace.ReadModels;
import org.gatewaypower.workspace.WorkspaceService;
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
 * Baselines, comparisons and variants over HTTP: a baseline is frozen (201) and read back, a change
 * shows in the comparison with its min-SOC delta, bad sides and names are 400 problems naming the
 * field, unknown baselines 404, and a variant is forked (201) and listed.
 */
class BaselineApiTest extends SpringTestBase {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ObjectMapper mapper;

    @Autowired
    WorkspaceService workspaces;

    @Autowired
    TestWorkspaces fixtures;

    @Autowired
    EquipmentService equipment;

    @Autowired
    BalanceService balances;

    @Test
    void a_baseline_is_frozen_read_and_compared_with_the_current_state() throws Exception {
        Fixture f = fixtures.create("Baseline API", 2);
        double minSocBefore = balances.balance(f.workspaceId()).battery().minStateOfCharge();

        ResponseEntity<String> created = post("/api/v1/workspaces/" + f.workspaceId() + "/baselines",
                mapper.createObjectNode().put("name", "PDR").put("description", "Preliminary design review"));

        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
        JsonNode b = mapper.readTree(created.getBody());
        long id = b.get("id").asLong();
        assertThat(created.getHeaders().getLocation()).hasToString("/api/v1/baselines/" + id);
        assertThat(b.get("createdBy").asString()).isEqualTo("nasa");
        assertThat(b.at("/inputs/workspace/loads")).hasSize(2);
        assertThat(getJson("/api/v1/baselines/" + id)).isEqualTo(b);
        assertThat(getJson("/api/v1/workspaces/" + f.workspaceId() + "/baselines")).containsExactly(b);

        ReadModels.LoadItem l0 = equipment.load(f.loadIds().get(0));
        equipment.updateLoad(l0.id(), l0.version(), TestWorkspaces.withOperating(TestWorkspaces.draft(l0), 1_200.0),
                TestWorkspaces.SEEDER);
        double minSocAfter = balances.balance(f.workspaceId()).battery().minStateOfCharge();
        JsonNode c = getJson("/api/v1/workspaces/" + f.workspaceId() + "/compare?a=baseline:" + id + "&b=current");

        assertThat(c.get("changes")).hasSize(1);
        JsonNode change = c.get("changes").get(0);
        assertThat(change.get("item").asString()).isEqualTo("Load 0 · HALO");
        assertThat(change.get("type").asString()).isEqualTo("CHANGED");
        assertThat(change.at("/fields/0/field").asString()).isEqualTo("operating power");
        assertThat(change.at("/fields/0/oldNumber").asDouble()).isEqualTo(500.0);
        assertThat(change.at("/fields/0/newNumber").asDouble()).isEqualTo(1_200.0);
        JsonNode minSoc = null;
        for (JsonNode fig : c.get("figures")) {
            if (fig.get("key").asString().equals("minStateOfCharge")) {
                minSoc = fig;
            }
        }
        assertThat(minSoc).isNotNull();
        assertThat(minSoc.get("delta").asDouble()).isCloseTo(minSocAfter - minSocBefore, within(1e-9));
        assertThat(c.get("ranking")).hasSize(1);
        assertThat(c.at("/ranking/0/minSocDelta").asDouble()).isCloseTo(minSocAfter - minSocBefore, within(1e-9));
        assertThat(c.get("socA").size()).isPositive();
        assertThat(c.get("socB").size()).isPositive();
    }

    @Test
    void bad_names_and_sides_are_400_naming_the_field_and_unknown_ones_404() throws Exception {
        Fixture f = fixtures.create("Baseline API problems", 1);
        String base = "/api/v1/workspaces/" + f.workspaceId();

        JsonNode noName = problem(post(base + "/baselines", mapper.createObjectNode().put("description", "x")),
                HttpStatus.BAD_REQUEST);
        JsonNode badSide = problem(nasa().exchange(base + "/compare?a=yesterday&b=current", HttpMethod.GET,
                json(null), String.class), HttpStatus.BAD_REQUEST);
        JsonNode notVariant = problem(nasa().exchange(base + "/compare?a=current&b=parent", HttpMethod.GET,
                json(null), String.class), HttpStatus.BAD_REQUEST);
        JsonNode missingSide = problem(nasa().exchange(base + "/compare?a=current", HttpMethod.GET, json(null),
                String.class), HttpStatus.BAD_REQUEST);
        JsonNode noVariantName = problem(post(base + "/variants", mapper.createObjectNode()), HttpStatus.BAD_REQUEST);

        assertThat(fields(noName)).containsExactly("name");
        assertThat(fields(badSide)).containsExactly("a");
        assertThat(fields(notVariant)).containsExactly("b");
        assertThat(fields(missingSide)).containsExactly("b");
        assertThat(fields(noVariantName)).containsExactly("name");
        problem(nasa().exchange("/api/v1/baselines/" + Long.MAX_VALUE, HttpMethod.GET, json(null), String.class),
                HttpStatus.NOT_FOUND);
        problem(nasa().exchange(base + "/compare?a=current&b=baseline:" + Long.MAX_VALUE, HttpMethod.GET,
                json(null), String.class), HttpStatus.NOT_FOUND);
        problem(nasa().exchange("/api/v1/workspaces/" + Long.MAX_VALUE + "/baselines", HttpMethod.GET, json(null),
                String.class), HttpStatus.NOT_FOUND);
        assertThat(getJson(base + "/baselines")).isEmpty();
    }

    @Test
    void a_variant_is_forked_listed_and_compared_with_its_parent() throws Exception {
        Fixture f = fixtures.create("Variant API", 2);

        ResponseEntity<String> created = post("/api/v1/workspaces/" + f.workspaceId() + "/variants",
                mapper.createObjectNode().put("name", "Second rack"));

        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
        JsonNode v = mapper.readTree(created.getBody());
        assertThat(v.get("workspaceName").asString()).isEqualTo(f.name() + " — Second rack");
        assertThat(v.get("parentWorkspaceId").asLong()).isEqualTo(f.workspaceId());
        assertThat(getJson("/api/v1/workspaces/" + f.workspaceId() + "/variants")).containsExactly(v);
        JsonNode c = getJson("/api/v1/workspaces/" + v.get("workspaceId").asLong() + "/compare?a=parent&b=current");
        assertThat(c.get("changes")).isEmpty();
    }

    // ---------------------------------------------------------------- helpers

    private TestRestTemplate nasa() {
        return rest.withBasicAuth("nasa", "gateway");
    }

    private ResponseEntity<String> post(String path, ObjectNode body) {
        return nasa().exchange(path, HttpMethod.POST, json(body), String.class);
    }

    private static HttpEntity<String> json(JsonNode body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        return new HttpEntity<>(body == null ? null : body.toString(), headers);
    }

    private JsonNode getJson(String path) throws Exception {
        ResponseEntity<String> response = nasa().getForEntity(path, String.class);
        assertThat(response.getStatusCode()).as("GET %s: %s", path, response.getBody()).isEqualTo(HttpStatus.OK);
        return mapper.readTree(response.getBody());
    }

    private JsonNode problem(ResponseEntity<String> response, HttpStatus status) throws Exception {
        return ProblemAssertions.problem(mapper, response, status);
    }
}
