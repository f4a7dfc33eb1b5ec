package org.gatewaypower.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
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
 * The power network over HTTP: converters and ports are added (201), read with the analysed mode's flows and
 * checks, changed and removed (204); refused values come back as 400 problems naming the field, a loop of ports as
 * 400 on {@code toElementId}, an editor's change as 403, a stale version as 409.
 */
class NetworkApiTest extends SpringTestBase {

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
    void converters_and_ports_are_added_read_with_their_flows_changed_and_removed() throws Exception {
        Fixture f = fixtures.create("Net API crud", 1);
        long ihab = structure.addElement(f.workspaceId(), "I-Hab", ElementKind.I_HAB, "ESA", TestWorkspaces.SEEDER);
        ResponseEntity<String> created = send("nasa", HttpMethod.POST, path(f, "/converters"),
                converter(f.elementId(), "HALO DCU", 0.94, 3000));
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
        JsonNode c = mapper.readTree(created.getBody());
        assertThat(created.getHeaders().getLocation()).hasToString(path(f, "/converters/" + c.get("id").asLong()));
        JsonNode port = mapper.readTree(send("nasa", HttpMethod.POST, path(f, "/ports"),
                port("HALO-I-Hab", f.elementId(), ihab, 12_000)).getBody());

        JsonNode network = get(path(f, ""));
        assertThat(network.get("converters")).containsExactly(c);
        assertThat(network.get("ports")).containsExactly(port);
        assertThat(network.get("modeId").asLong()).isEqualTo(f.activeModeId());
        // The fixture's one load has no 28 V part: the converter carries nothing, and nothing flows to I-Hab.
        assertThat(network.get("flows").get("converters").get(0).get("outputW").asDouble()).isZero();
        assertThat(network.get("flows").get("ports").get(0).get("flowW").asDouble()).isCloseTo(0, within(1e-9));
        assertThat(network.get("checks")).extracting(x -> x.get("name").asString())
                .containsExactly("Converter ratings", "Port limits");

        ObjectNode change = converter(f.elementId(), "HALO DCU", 0.92, 3500);
        change.set("version", c.get("version"));
        JsonNode changed = mapper.readTree(send("nasa", HttpMethod.PUT, path(f, "/converters/" + c.get("id").asLong()),
                change).getBody());
        assertThat(changed.get("efficiency").asDouble()).isEqualTo(0.92);
        assertThat(get(path(f, "/converters/" + c.get("id").asLong()))).isEqualTo(changed);

        assertThat(send("nasa", HttpMethod.DELETE, path(f, "/ports/" + port.get("id").asLong() + "?version="
                + port.get("version").asLong()), null).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(send("nasa", HttpMethod.DELETE, path(f, "/converters/" + c.get("id").asLong() + "?version="
                + changed.get("version").asLong()), null).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(get(path(f, "")).get("converters")).isEmpty();
        assertThat(get(path(f, "")).get("checks")).isEmpty();
    }

    @Test
    void refused_values_loops_editors_and_stale_versions_answer_problems_and_change_nothing() throws Exception {
        Fixture f = fixtures.create("Net API refused", 0);
        long ihab = structure.addElement(f.workspaceId(), "I-Hab", ElementKind.I_HAB, "ESA", TestWorkspaces.SEEDER);
        JsonNode bad = problem(send("nasa", HttpMethod.POST, path(f, "/converters"),
                converter(f.elementId(), "DCU", 1.5, 0)), HttpStatus.BAD_REQUEST);
        assertThat(fields(bad)).containsExactlyInAnyOrder("efficiency", "ratingW");
        assertThat(bad.toString()).contains("Converter efficiency must be greater than 0 % and at most 100 % (was 150 %)");

        send("nasa", HttpMethod.POST, path(f, "/ports"), port("A", f.elementId(), ihab, 1000));
        JsonNode loop = problem(send("nasa", HttpMethod.POST, path(f, "/ports"), port("B", ihab, f.elementId(), 1000)),
                HttpStatus.BAD_REQUEST);
        assertThat(fields(loop)).containsExactly("toElementId");

        membership.setMember(f.workspaceId(), "esa", WorkspaceRole.EDITOR, TestWorkspaces.SEEDER);
        problem(send("esa", HttpMethod.POST, path(f, "/converters"), converter(f.elementId(), "DCU", 0.9, 100)),
                HttpStatus.FORBIDDEN);
        assertThat(get(path(f, "")).get("converters")).isEmpty();

        JsonNode c = mapper.readTree(send("nasa", HttpMethod.POST, path(f, "/converters"),
                converter(f.elementId(), "DCU", 0.9, 100)).getBody());
        ObjectNode first = converter(f.elementId(), "DCU", 0.91, 100);
        first.set("version", c.get("version"));
        JsonNode current = mapper.readTree(send("nasa", HttpMethod.PUT, path(f, "/converters/" + c.get("id").asLong()),
                first).getBody());
        JsonNode stale = problem(send("nasa", HttpMethod.PUT, path(f, "/converters/" + c.get("id").asLong()), first),
                HttpStatus.CONFLICT);
        assertThat(stale.get("currentVersion").asLong()).isEqualTo(current.get("version").asLong());
        assertThat(stale.get("current")).as("what a GET would give now, to merge without another request")
                .isEqualTo(current);
        first.remove("version");
        assertThat(fields(problem(send("nasa", HttpMethod.PUT, path(f, "/converters/" + c.get("id").asLong()), first),
                HttpStatus.BAD_REQUEST))).containsExactly("version");
        Fixture other = fixtures.create("Net API other", 0);
        problem(send("nasa", HttpMethod.GET, "/api/v1/workspaces/" + other.workspaceId() + "/network/converters/"
                + c.get("id").asLong(), null), HttpStatus.NOT_FOUND);
        assertThat(get(path(f, "")).get("converters")).containsExactly(current);
    }

    @Test
    void the_openapi_description_lists_the_network() throws Exception {
        JsonNode api = mapper.readTree(rest.getForEntity("/api/v1/openapi", String.class).getBody());
        assertThat(api.get("paths").has("/api/v1/workspaces/{id}/network")).isTrue();
        assertThat(api.get("paths").has("/api/v1/workspaces/{id}/network/ports/{portId}")).isTrue();
    }

    // ---------------------------------------------------------------- helpers

    private static String path(Fixture f, String rest) {
        return "/api/v1/workspaces/" + f.workspaceId() + "/network" + rest;
    }

    private ObjectNode converter(long element, String name, double efficiency, double ratingW) {
        return mapper.createObjectNode().put("elementId", element).put("name", name).put("efficiency", efficiency)
                .put("ratingW", ratingW);
    }

    private ObjectNode port(String name, long from, long to, double limitW) {
        return mapper.createObjectNode().put("name", name).put("fromElementId", from).put("toElementId", to)
                .put("limitW", limitW);
    }

    private ResponseEntity<String> send(String user, HttpMethod method, String path, JsonNode body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        return rest.withBasicAuth(user, "gateway").exchange(path, method,
                new HttpEntity<>(body == null ? null : body.toString(), headers), String.class);
    }

    private JsonNode get(String path) throws Exception {
        ResponseEntity<String> response = send("nasa", HttpMethod.GET, path, null);
        assertThat(response.getStatusCode()).as("GET %s: %s", path, response.getBody()).isEqualTo(HttpStatus.OK);
        return mapper.readTree(response.getBody());
    }

    private JsonNode problem(ResponseEntity<String> response, HttpStatus status) throws Exception {
        return ProblemAssertions.problem(mapper, response, status);
    }
}
