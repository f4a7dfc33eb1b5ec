package org.gatewaypower.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gatewaypower.api.ProblemAssertions.fields;
import static org.gatewaypower.api.ProblemAssertions.problem;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

import org.gatewaypower.SpringTestBase;
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
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * History over HTTP: the change of a load shows who and old → new; a restore with the current version is a
 * new change by the caller, a stale one is a 409 problem, a missing revision a 400 naming the field.
 */
class HistoryApiTest extends SpringTestBase {

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

    @Test
    void a_change_is_listed_with_who_and_old_to_new_and_restored_over_http() throws Exception {
        Fixture f = fixtures.create("History API", 1);
        long id = f.loadIds().get(0);
        ReadModels.LoadItem v0 = equipment.load(id);
        ReadModels.LoadItem v1 = equipment.updateLoad(id, v0.version(),
                TestWorkspaces.withOperating(TestWorkspaces.draft(v0), 750.0), "esa");

        JsonNode history = get("/api/v1/loads/" + id + "/history");
        assertThat(history).hasSize(2);
        JsonNode change = history.get(0);
        assertThat(change.get("actor").asString()).isEqualTo("esa");
        assertThat(change.get("change").asString()).isEqualTo("CHANGED");
        assertThat(change.get("changes")).hasSize(1);
        JsonNode field = change.get("changes").get(0);
        assertThat(field.get("field").asString()).isEqualTo("operatingPowerW");
        assertThat(field.get("unit").asString()).isEqualTo("W");
        assertThat(field.get("oldValue").asDouble()).isEqualTo(500.0);
        assertThat(field.get("newValue").asDouble()).isEqualTo(750.0);
        long before = change.get("previousRevision").asLong();

        ResponseEntity<String> stale = restore(id, before, "operatingPowerW", v0.version());
        problem(mapper, stale, HttpStatus.CONFLICT);
        ResponseEntity<String> noRevision = restore(id, null, "operatingPowerW", v1.version());
        assertThat(fields(problem(mapper, noRevision, HttpStatus.BAD_REQUEST))).containsExactly("revision");

        ResponseEntity<String> restored = restore(id, before, "operatingPowerW", v1.version());
        assertThat(restored.getStatusCode()).as(restored.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(mapper.readTree(restored.getBody()).get("operatingPowerW").asDouble()).isEqualTo(500.0);

        JsonNode latest = get("/api/v1/loads/" + id + "/history").get(0);
        assertThat(latest.get("actor").asString()).isEqualTo("nasa");
        assertThat(latest.get("changes").get(0).get("newValue").asDouble()).isEqualTo(500.0);
        assertThat(get("/api/v1/loads/" + id + "/revisions")).hasSize(3);
        assertThat(get("/api/v1/elements/" + f.elementId() + "/history").size()).isGreaterThan(3);
        assertThat(get("/api/v1/workspaces/" + f.workspaceId() + "/history").get(0)).isEqualTo(latest);
        problem(mapper, rest.withBasicAuth("nasa", "gateway").getForEntity("/api/v1/loads/-5/history", String.class),
                HttpStatus.NOT_FOUND);
    }

    private JsonNode get(String path) throws Exception {
        ResponseEntity<String> r = rest.withBasicAuth("nasa", "gateway").getForEntity(path, String.class);
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.OK);
        return mapper.readTree(r.getBody());
    }

    private ResponseEntity<String> restore(long loadId, Long revision, String field, long expectedVersion) {
        ObjectNode body = mapper.createObjectNode();
        if (revision != null) {
            body.put("revision", revision);
        }
        body.put("field", field);
        body.put("expectedVersion", expectedVersion);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth("nasa", "gateway").postForEntity("/api/v1/loads/" + loadId + "/restore",
                new HttpEntity<>(body.toString(), headers), String.class);
    }
}
