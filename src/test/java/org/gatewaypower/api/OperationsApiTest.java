package org.gatewaypower.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gatewaypower.api.ProblemAssertions.fields;

import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

import org.gatewaypower.SpringTestBase;
import org.gatewaypower.workspace.TestWorkspaces;
import org.gatewaypower.workspace.TestWorkspaces.Fixture;
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
 * The operations timeline over HTTP: phases are created (201), listed, changed and deleted (204);
 * overlapping or reversed dates come back as 400 problems naming the field, stale versions as 409,
 * and a phase is only found under its own workspace.
 */
class OperationsApiTest extends SpringTestBase {

    private static final String BASE = "/api/v1/workspaces";

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ObjectMapper mapper;

    @Autowired
    WorkspaceService workspaces;

    @Autowired
    TestWorkspaces fixtures;

    @Test
    void a_phase_is_created_listed_changed_and_deleted() throws Exception {
        Fixture f = fixtures.create("Ops API crud", 0);

        ResponseEntity<String> created = post(f.workspaceId(),
                phase("Artemis IV stay", "CREWED", f.activeModeId(), "2027-03-01T00:00:00Z", "2027-03-31T00:00:00Z"));

        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
        JsonNode p = mapper.readTree(created.getBody());
        long phaseId = p.get("id").asLong();
        assertThat(created.getHeaders().getLocation()).hasToString(operations(f.workspaceId()) + "/" + phaseId);
        assertThat(p.get("name").asString()).isEqualTo("Artemis IV stay");
        assertThat(p.get("kind").asString()).isEqualTo("CREWED");
        assertThat(p.get("modeName").asString()).isEqualTo("Crewed");
        assertThat(p.get("start").asString()).isEqualTo("2027-03-01T00:00:00Z");
        assertThat(p.get("end").asString()).isEqualTo("2027-03-31T00:00:00Z");
        assertThat(p.get("updatedBy").asString()).isEqualTo("nasa");

        JsonNode list = getJson(operations(f.workspaceId()));
        assertThat(list).hasSize(1);
        assertThat(list.get(0)).isEqualTo(p);

        ObjectNode change = phase("Artemis IV stay", "ORION_DOCKED", f.activeModeId(), "2027-03-01T00:00:00Z",
                "2027-04-15T00:00:00Z");
        change.set("version", p.get("version"));
        ResponseEntity<String> updated = put(f.workspaceId(), phaseId, change);

        assertThat(updated.getStatusCode()).as(updated.getBody()).isEqualTo(HttpStatus.OK);
        JsonNode u = mapper.readTree(updated.getBody());
        assertThat(u.get("kind").asString()).isEqualTo("ORION_DOCKED");
        assertThat(u.get("end").asString()).isEqualTo("2027-04-15T00:00:00Z");
        assertThat(u.get("version").asLong()).isGreaterThan(p.get("version").asLong());

        ResponseEntity<String> deleted = delete(f.workspaceId(), phaseId, u.get("version").asLong());

        assertThat(deleted.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(getJson(operations(f.workspaceId()))).isEmpty();
    }

    @Test
    void an_overlapping_phase_is_refused_with_a_problem_naming_the_field_and_the_other_phase() throws Exception {
        Fixture f = fixtures.create("Ops API overlap", 0);
        post(f.workspaceId(), phase("Artemis IV stay", "CREWED", f.activeModeId(), "2027-03-01T00:00:00Z",
                "2027-03-31T00:00:00Z"));

        ResponseEntity<String> response = post(f.workspaceId(), phase("EVA", "EVA", f.activeModeId(),
                "2027-03-30T00:00:00Z", "2027-04-02T00:00:00Z"));

        JsonNode problem = assertProblem(response, HttpStatus.BAD_REQUEST);
        assertThat(fields(problem)).containsExactly("start");
        assertThat(problem.get("errors").get(0).get("message").asString())
                .isEqualTo("Overlaps phase 'Artemis IV stay' (from 2027-03-01T00:00:00Z to 2027-03-31T00:00:00Z); "
                        + "phases may not overlap");
        assertThat(getJson(operations(f.workspaceId()))).hasSize(1);
    }

    @Test
    void reversed_dates_and_an_unknown_kind_are_refused_naming_the_field() throws Exception {
        Fixture f = fixtures.create("Ops API reversed", 0);

        JsonNode reversed = assertProblem(post(f.workspaceId(), phase("Backwards", "CREWED", f.activeModeId(),
                "2027-03-10T00:00:00Z", "2027-03-01T00:00:00Z")), HttpStatus.BAD_REQUEST);
        JsonNode badKind = assertProblem(post(f.workspaceId(), phase("Party", "PARTY", f.activeModeId(),
                "2027-03-01T00:00:00Z", "2027-03-10T00:00:00Z")), HttpStatus.BAD_REQUEST);
        JsonNode badDate = assertProblem(post(f.workspaceId(), phase("Soon", "EVA", f.activeModeId(),
                "next tuesday", "2027-03-10T00:00:00Z")), HttpStatus.BAD_REQUEST);

        assertThat(fields(reversed)).containsExactly("end");
        assertThat(reversed.get("errors").get(0).get("message").asString()).startsWith("End must be after start");
        assertThat(fields(badKind)).containsExactly("kind");
        assertThat(fields(badDate)).containsExactly("start");
        assertThat(getJson(operations(f.workspaceId()))).isEmpty();
    }

    @Test
    void a_change_based_on_an_old_version_is_refused_with_409_and_nothing_changes() throws Exception {
        Fixture f = fixtures.create("Ops API stale", 0);
        JsonNode p = mapper.readTree(post(f.workspaceId(), phase("Quiescent", "UNCREWED", f.otherModeId(),
                "2027-03-01T00:00:00Z", "2027-05-01T00:00:00Z")).getBody());
        ObjectNode first = phase("Quiescent", "UNCREWED", f.otherModeId(), "2027-03-01T00:00:00Z",
                "2027-06-01T00:00:00Z");
        first.set("version", p.get("version"));
        JsonNode current = mapper.readTree(put(f.workspaceId(), p.get("id").asLong(), first).getBody());
        ObjectNode second = phase("Quiescent", "SAFE_MODE", f.otherModeId(), "2027-03-01T00:00:00Z",
                "2027-04-01T00:00:00Z");
        second.set("version", p.get("version"));

        JsonNode stalePut = assertProblem(put(f.workspaceId(), p.get("id").asLong(), second), HttpStatus.CONFLICT);
        JsonNode staleDelete = assertProblem(delete(f.workspaceId(), p.get("id").asLong(), p.get("version").asLong()),
                HttpStatus.CONFLICT);
        second.remove("version");
        JsonNode noVersion = assertProblem(put(f.workspaceId(), p.get("id").asLong(), second), HttpStatus.BAD_REQUEST);

        assertThat(stalePut.get("yourVersion").asLong()).isEqualTo(p.get("version").asLong());
        assertThat(stalePut.get("currentVersion").asLong()).isEqualTo(current.get("version").asLong());
        assertThat(stalePut.get("lastEditedBy").asString()).isEqualTo("nasa");
        assertThat(staleDelete.get("currentVersion").asLong()).isEqualTo(current.get("version").asLong());
        assertThat(fields(noVersion)).containsExactly("version");
        assertThat(getJson(operations(f.workspaceId()))).containsExactly(current);
    }

    @Test
    void an_unknown_phase_or_one_of_another_workspace_is_not_found() throws Exception {
        Fixture f = fixtures.create("Ops API 404", 0);
        Fixture other = fixtures.create("Ops API 404 other", 0);
        JsonNode p = mapper.readTree(post(f.workspaceId(), phase("Mine", "EVA", f.activeModeId(),
                "2027-03-01T00:00:00Z", "2027-03-02T00:00:00Z")).getBody());
        long id = p.get("id").asLong();
        ObjectNode change = phase("Mine", "EVA", f.activeModeId(), "2027-03-01T00:00:00Z", "2027-03-03T00:00:00Z");
        change.set("version", p.get("version"));

        assertProblem(delete(f.workspaceId(), Long.MAX_VALUE, 0), HttpStatus.NOT_FOUND);
        assertProblem(put(f.workspaceId(), Long.MAX_VALUE, change), HttpStatus.NOT_FOUND);
        assertProblem(put(other.workspaceId(), id, change), HttpStatus.NOT_FOUND);
        assertProblem(delete(other.workspaceId(), id, p.get("version").asLong()), HttpStatus.NOT_FOUND);
        assertProblem(nasa().getForEntity(operations(Long.MAX_VALUE), String.class), HttpStatus.NOT_FOUND);
        assertThat(getJson(operations(f.workspaceId()))).containsExactly(p);
    }

    @Test
    void the_timeline_needs_a_signed_in_user() {
        Fixture f = fixtures.create("Ops API auth", 0);

        ResponseEntity<String> anonymous = rest.getForEntity(operations(f.workspaceId()), String.class);

        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    // ---------------------------------------------------------------- helpers

    private static String operations(long workspaceId) {
        return BASE + "/" + workspaceId + "/operations";
    }

    private ObjectNode phase(String name, String kind, long modeId, String start, String end) {
        ObjectNode body = mapper.createObjectNode();
        body.put("name", name).put("kind", kind).put("modeId", modeId).put("start", start).put("end", end);
        return body;
    }

    private TestRestTemplate nasa() {
        return rest.withBasicAuth("nasa", "gateway");
    }

    private ResponseEntity<String> post(long workspaceId, JsonNode body) {
        return nasa().exchange(operations(workspaceId), HttpMethod.POST, json(body), String.class);
    }

    private ResponseEntity<String> put(long workspaceId, long phaseId, JsonNode body) {
        return nasa().exchange(operations(workspaceId) + "/" + phaseId, HttpMethod.PUT, json(body), String.class);
    }

    private ResponseEntity<String> delete(long workspaceId, long phaseId, long version) {
        return nasa().exchange(operations(workspaceId) + "/" + phaseId + "?version=" + version, HttpMethod.DELETE,
                json(null), String.class);
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

    private JsonNode assertProblem(ResponseEntity<String> response, HttpStatus status) throws Exception {
        return ProblemAssertions.problem(mapper, response, status);
    }
}
