package org.gatewaypower.api;

import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.gatewaypower.SpringTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the field-level history does not hold reaches the workspace's history too: members added, changed
 * and removed, baselines frozen, variants forked; and viewers may not fork.
 */
class AuditTrailApiTest extends SpringTestBase {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ObjectMapper mapper;

    @Test
    void membership_baselines_and_variants_are_in_the_workspace_history_with_who_and_what() throws Exception {
        JsonNode ws = mapper.readTree(call("nasa", HttpMethod.POST, "/api/v1/workspaces",
                Map.of("name", "Audit " + UUID.randomUUID(), "teamCodes", java.util.List.of("NASA", "ESA")),
                HttpStatus.CREATED));
        String base = "/api/v1/workspaces/" + ws.get("id").asLong();
        long mode = mapper.readTree(call("nasa", HttpMethod.POST, base + "/modes", Map.of("name", "Crewed"),
                HttpStatus.CREATED)).get("id").asLong();
        call("nasa", HttpMethod.POST, base + "/design-case", Map.of("activeModeId", mode, "orbitPeriodS", 566991,
                "eclipseDurationS", 5400, "arrayAgeYears", 15), HttpStatus.CREATED);
        call("nasa", HttpMethod.PUT, base + "/members/esa", Map.of("role", "EDITOR"), HttpStatus.OK);
        call("nasa", HttpMethod.PUT, base + "/members/esa", Map.of("role", "VIEWER"), HttpStatus.OK);

        ResponseEntity<String> refused = rest.withBasicAuth("esa", "gateway").exchange(base + "/variants",
                HttpMethod.POST, json(Map.of("name", "viewer's copy")), String.class);
        ProblemAssertions.problem(mapper, refused, HttpStatus.FORBIDDEN);

        call("nasa", HttpMethod.POST, base + "/baselines", Map.of("name", "SRR"), HttpStatus.CREATED);
        call("nasa", HttpMethod.POST, base + "/variants", Map.of("name", "second rack"), HttpStatus.CREATED);
        call("nasa", HttpMethod.DELETE, base + "/members/esa", null, HttpStatus.NO_CONTENT);

        String history = call("nasa", HttpMethod.GET, base + "/history", null, HttpStatus.OK);
        assertThat(history).contains("nasa added esa as Editor")
                .contains("nasa changed esa's role from Editor to Viewer")
                .contains("nasa froze baseline \\\"SRR\\\"")
                .contains("nasa forked variant")
                .contains("nasa removed esa (Viewer)")
                .doesNotContain("viewer's copy");
        JsonNode entries = mapper.readTree(history);
        assertThat(entries.get(0).get("kind").asString()).as("newest first").isEqualTo("member");
        assertThat(entries.get(0).get("change").asString()).isEqualTo("REMOVED");
    }

    private String call(String user, HttpMethod method, String path, Object body, HttpStatus expected) {
        ResponseEntity<String> r = rest.withBasicAuth(user, "gateway").exchange(path, method,
                body == null ? null : json(body), String.class);
        assertThat(r.getStatusCode()).as("%s %s: %s", method, path, r.getBody()).isEqualTo(expected);
        return r.getBody();
    }

    private static HttpEntity<Object> json(Object body) {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, h);
    }
}
