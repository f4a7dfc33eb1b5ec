package org.gatewaypower.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.gatewaypower.api.ProblemAssertions.fields;

import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.gatewaypower.SpringTestBase;
import org.gatewaypower.workspace.MembershipService;
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
 * Allocations over HTTP: an owner sets, changes and clears one (200, 204); the element budgets show it with
 * its margin and version; a bad value is a 400 problem naming allocationW, a stale version 409, an editor 403,
 * an element of another workspace 404.
 */
class AllocationApiTest extends SpringTestBase {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ObjectMapper mapper;

    @Autowired
    TestWorkspaces fixtures;

    @Autowired
    MembershipService membership;

    private static String path(Fixture f, long elementId, long modeId) {
        return "/api/v1/workspaces/" + f.workspaceId() + "/allocations/" + elementId + "/" + modeId;
    }

    private ResponseEntity<String> call(String user, HttpMethod method, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        return rest.withBasicAuth(user, "gateway").exchange(path, method, new HttpEntity<>(body, headers),
                String.class);
    }

    private JsonNode line(Fixture f, long modeId) throws Exception {
        ResponseEntity<String> got = call("esa", HttpMethod.GET, "/api/v1/workspaces/" + f.workspaceId()
                + "/allocations", null);
        assertThat(got.getStatusCode()).as(got.getBody()).isEqualTo(HttpStatus.OK);
        JsonNode budgets = mapper.readTree(got.getBody());
        for (JsonNode l : budgets.get("lines")) {
            if (l.get("elementId").asLong() == f.elementId() && l.get("modeId").asLong() == modeId) {
                return l;
            }
        }
        throw new AssertionError("no line for element " + f.elementId() + " in mode " + modeId + ": " + budgets);
    }

    @Test
    void an_owner_sets_changes_and_clears_an_allocation_and_the_budgets_show_it() throws Exception {
        Fixture f = fixtures.create("Alloc API", 1);
        // One load: 2 × (50 W standby, 500 W operating) at duty 0.5, modified: CBE 550 W, MEV 605 W in Crewed.
        ResponseEntity<String> set = call("nasa", HttpMethod.PUT, path(f, f.elementId(), f.activeModeId()),
                "{\"allocationW\": 700}");
        assertThat(set.getStatusCode()).as(set.getBody()).isEqualTo(HttpStatus.OK);
        JsonNode saved = mapper.readTree(set.getBody());
        assertThat(saved.get("allocationW").asDouble()).isEqualTo(700.0);

        JsonNode l = line(f, f.activeModeId());
        assertThat(l.get("cbeW").asDouble()).isCloseTo(550, within(1e-9));
        assertThat(l.get("mevW").asDouble()).isCloseTo(605, within(1e-9));
        assertThat(l.get("marginW").asDouble()).isCloseTo(95, within(1e-9));
        assertThat(l.get("passed").asBoolean()).isTrue();
        assertThat(l.get("version").asLong()).isEqualTo(saved.get("version").asLong());

        ResponseEntity<String> lowered = call("nasa", HttpMethod.PUT, path(f, f.elementId(), f.activeModeId()),
                "{\"version\": " + saved.get("version").asLong() + ", \"allocationW\": 600}");
        assertThat(lowered.getStatusCode()).as(lowered.getBody()).isEqualTo(HttpStatus.OK);
        JsonNode failing = line(f, f.activeModeId());
        assertThat(failing.get("passed").asBoolean()).isFalse();
        assertThat(failing.get("marginW").asDouble()).isCloseTo(-5, within(1e-9));

        ResponseEntity<String> cleared = call("nasa", HttpMethod.DELETE, path(f, f.elementId(), f.activeModeId())
                + "?version=" + mapper.readTree(lowered.getBody()).get("version").asLong(), null);
        assertThat(cleared.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(line(f, f.activeModeId()).get("allocationW").isNull()).isTrue();
    }

    @Test
    void bad_values_stale_versions_editors_and_foreign_elements_are_refused_with_problems() throws Exception {
        Fixture f = fixtures.create("Alloc API refusals", 0);
        Fixture other = fixtures.create("Alloc API other", 0);
        String here = path(f, f.elementId(), f.activeModeId());

        JsonNode negative = ProblemAssertions.problem(mapper, call("nasa", HttpMethod.PUT, here,
                "{\"allocationW\": -1}"), HttpStatus.BAD_REQUEST);
        assertThat(fields(negative)).containsExactly("allocationW");
        assertThat(negative.get("errors").get(0).get("message").asString())
                .isEqualTo("Power allocation must be between 0 and 10000000 W (was -1)");

        JsonNode saved = mapper.readTree(call("nasa", HttpMethod.PUT, here, "{\"allocationW\": 900}").getBody());
        call("jaxa", HttpMethod.PUT, here, "{\"version\": " + saved.get("version").asLong()
                + ", \"allocationW\": 950}");
        ProblemAssertions.problem(mapper, call("nasa", HttpMethod.PUT, here, "{\"version\": "
                + saved.get("version").asLong() + ", \"allocationW\": 800}"), HttpStatus.CONFLICT);

        membership.setMember(f.workspaceId(), "esa", WorkspaceRole.EDITOR, TestWorkspaces.SEEDER);
        JsonNode editor = ProblemAssertions.problem(mapper, call("esa", HttpMethod.PUT,
                path(f, f.elementId(), f.otherModeId()), "{\"allocationW\": 100}"), HttpStatus.FORBIDDEN);
        assertThat(editor.get("detail").asString()).contains("only workspace owners");

        ProblemAssertions.problem(mapper, call("nasa", HttpMethod.PUT, path(f, other.elementId(), f.activeModeId()),
                "{\"allocationW\": 100}"), HttpStatus.NOT_FOUND);
        assertThat(line(f, f.activeModeId()).get("allocationW").asDouble()).isEqualTo(950.0);
        assertThat(line(f, f.otherModeId()).get("allocationW").isNull()).isTrue();
    }
}
