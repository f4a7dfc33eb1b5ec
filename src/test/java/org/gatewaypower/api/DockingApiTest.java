package org.gatewaypower.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gatewaypower.api.ProblemAssertions.fields;

import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

import org.gatewaypower.SpringTestBase;
import org.gatewaypower.workspace.ElementKind;
import org.gatewaypower.workspace.MembershipService;
import org.gatewaypower.workspace.StructureService;
import org.gatewaypower.workspace.TestWorkspaces;
import org.gatewaypower.workspace.TestWorkspaces.Fixture;
import org.gatewaypower.workspace.WorkspaceRole;
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
 * Dockings over HTTP: created (201), listed, changed and deleted (204) by owners; bad values come back as 400
 * problems naming the field, an editor's edit as 403, a stale version as 409; the OpenAPI description lists them.
 */
class DockingApiTest extends SpringTestBase {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ObjectMapper mapper;

    @Autowired
    TestWorkspaces fixtures;

    @Autowired
    StructureService structure;

    @Autowired
    MembershipService membership;

    @Test
    void an_owner_adds_lists_changes_and_removes_a_docking() throws Exception {
        Fixture f = fixtures.create("Dock API crud", 0);
        long orion = structure.addElement(f.workspaceId(), "Orion", ElementKind.ORION, "NASA", TestWorkspaces.SEEDER);

        ResponseEntity<String> created = send("nasa", HttpMethod.POST, path(f), body(orion, "2028-09-01T00:00:00Z",
                "2028-09-22T00:00:00Z", 2_000));
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
        JsonNode d = mapper.readTree(created.getBody());
        assertThat(created.getHeaders().getLocation()).hasToString(path(f) + "/" + d.get("id").asLong());
        assertThat(d.get("vehicleName").asString()).isEqualTo("Orion");
        assertThat(d.get("exportW").asDouble()).isEqualTo(2_000);
        assertThat(d.get("start").asString()).isEqualTo("2028-09-01T00:00:00Z");
        assertThat(getJson(path(f))).containsExactly(d);

        ObjectNode change = body(orion, "2028-09-01T00:00:00Z", "2028-09-25T00:00:00Z", 1_500);
        change.set("version", d.get("version"));
        ResponseEntity<String> updated = send("nasa", HttpMethod.PUT, path(f) + "/" + d.get("id").asLong(), change);
        assertThat(updated.getStatusCode()).as(updated.getBody()).isEqualTo(HttpStatus.OK);
        JsonNode u = mapper.readTree(updated.getBody());
        assertThat(u.get("exportW").asDouble()).isEqualTo(1_500);

        JsonNode stale = ProblemAssertions.problem(mapper, send("nasa", HttpMethod.PUT,
                path(f) + "/" + d.get("id").asLong(), change), HttpStatus.CONFLICT);
        assertThat(stale.get("currentVersion").asLong()).isEqualTo(u.get("version").asLong());

        ResponseEntity<String> deleted = send("nasa", HttpMethod.DELETE,
                path(f) + "/" + d.get("id").asLong() + "?version=" + u.get("version").asLong(), null);
        assertThat(deleted.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(getJson(path(f))).isEmpty();
    }

    @Test
    void bad_values_are_refused_naming_the_field_and_an_editor_may_not_edit() throws Exception {
        Fixture f = fixtures.create("Dock API rules", 0);
        long orion = structure.addElement(f.workspaceId(), "Orion", ElementKind.ORION, "NASA", TestWorkspaces.SEEDER);
        membership.setMember(f.workspaceId(), "esa", WorkspaceRole.EDITOR, TestWorkspaces.SEEDER);

        JsonNode negative = ProblemAssertions.problem(mapper, send("nasa", HttpMethod.POST, path(f),
                body(orion, "2028-09-01T00:00:00Z", "2028-09-22T00:00:00Z", -5)), HttpStatus.BAD_REQUEST);
        JsonNode notVehicle = ProblemAssertions.problem(mapper, send("nasa", HttpMethod.POST, path(f),
                body(f.elementId(), "2028-09-01T00:00:00Z", "2028-09-22T00:00:00Z", 0)), HttpStatus.BAD_REQUEST);
        JsonNode reversed = ProblemAssertions.problem(mapper, send("nasa", HttpMethod.POST, path(f),
                body(orion, "2028-09-22T00:00:00Z", "2028-09-01T00:00:00Z", 0)), HttpStatus.BAD_REQUEST);
        ProblemAssertions.problem(mapper, send("esa", HttpMethod.POST, path(f),
                body(orion, "2028-09-01T00:00:00Z", "2028-09-22T00:00:00Z", 0)), HttpStatus.FORBIDDEN);

        assertThat(fields(negative)).containsExactly("exportW");
        assertThat(negative.get("errors").get(0).get("message").asString()).contains("Export power");
        assertThat(fields(notVehicle)).containsExactly("vehicleElementId");
        assertThat(fields(reversed)).containsExactly("end");
        assertThat(getJson(path(f))).isEmpty();
    }

    @Test
    void the_openapi_description_lists_the_dockings() throws Exception {
        ResponseEntity<String> response = rest.getForEntity("/api/v1/openapi", String.class);

        JsonNode paths = mapper.readTree(response.getBody()).get("paths");
        assertThat(paths.has("/api/v1/workspaces/{id}/dockings")).isTrue();
        assertThat(paths.get("/api/v1/workspaces/{id}/dockings").has("post")).isTrue();
        assertThat(paths.has("/api/v1/workspaces/{id}/dockings/{dockingId}")).isTrue();
    }

    // ---------------------------------------------------------------- helpers

    private static String path(Fixture f) {
        return "/api/v1/workspaces/" + f.workspaceId() + "/dockings";
    }

    private ObjectNode body(long vehicle, String start, String end, double exportW) {
        ObjectNode body = mapper.createObjectNode();
        body.put("vehicleElementId", vehicle).put("start", start).put("end", end).put("exportW", exportW);
        return body;
    }

    private ResponseEntity<String> send(String user, HttpMethod method, String path, JsonNode body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        return rest.withBasicAuth(user, "gateway").exchange(path, method,
                new HttpEntity<>(body == null ? null : body.toString(), headers), String.class);
    }

    private JsonNode getJson(String path) throws Exception {
        ResponseEntity<String> response = rest.withBasicAuth("nasa", "gateway").getForEntity(path, String.class);
        assertThat(response.getStatusCode()).as("GET %s: %s", path, response.getBody()).isEqualTo(HttpStatus.OK);
        return mapper.readTree(response.getBody());
    }
}
