package org.gatewaypower.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.gatewaypower.SpringTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The orbit endpoints: catalogue, trajectory, workspace settings and parameter problems. */
class OrbitApiTest extends SpringTestBase {

    private static final String YEAR = "from=2027-01-01T00:00:00Z&to=2028-01-01T00:00:00Z&perilune=2027-01-01T00:00:00Z";

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ObjectMapper json;

    private ResponseEntity<String> get(String url) {
        return rest.withBasicAuth("csa", "gateway").getForEntity(url, String.class);
    }

    @Test
    void eclipses_of_a_year_list_both_bodies_with_moon_passes_under_90_minutes() throws Exception {
        ResponseEntity<String> r = get("/api/v1/orbit/eclipses?" + YEAR);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode a = json.readTree(r.getBody());
        assertThat(a.size()).isBetween(9, 16);
        for (JsonNode e : a) {
            assertThat(e.get("body").asString()).isIn("EARTH", "MOON");
            assertThat(e.get("start").asString()).endsWith("Z");
            assertThat(e.has("umbraStart")).isTrue();
            assertThat(e.get("minLitFraction").asDouble()).isBetween(0.0, 1.0);
            if (e.get("body").asString().equals("MOON")) {
                assertThat(e.get("durationSeconds").asDouble()).isLessThan(90 * 60);
            }
        }
    }

    @Test
    void trajectory_gives_the_station_relative_to_the_moon_in_km_with_the_lit_fraction() throws Exception {
        ResponseEntity<String> r = get("/api/v1/orbit/trajectory?from=2027-01-01T00:00:00Z&to=2027-01-08T00:00:00Z"
                + "&stepSeconds=3600&perilune=2027-01-01T00:00:00Z");
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode a = json.readTree(r.getBody());
        assertThat(a.size()).isEqualTo(7 * 24 + 1);
        // at the perilune epoch the station is ~3,250 km from the Moon's centre, over its north pole
        JsonNode first = a.get(0);
        double r0 = Math.sqrt(sq(first.get("x")) + sq(first.get("y")) + sq(first.get("z")));
        assertThat(r0).isBetween(3_100.0, 3_500.0);
        for (JsonNode p : a) {
            double d = Math.sqrt(sq(p.get("x")) + sq(p.get("y")) + sq(p.get("z")));
            assertThat(d).isBetween(3_000.0, 80_000.0);
            assertThat(p.get("litFraction").asDouble()).isBetween(0.0, 1.0);
        }
    }

    @Test
    void workspace_orbit_endpoints_use_its_perilune_epoch_and_span() throws Exception {
        long id = json.readTree(get("/api/v1/workspaces").getBody()).get(0).get("id").asLong();
        ResponseEntity<String> r = get("/api/v1/workspaces/" + id + "/orbit/eclipses?from=2027-01-01T00:00:00Z"
                + "&to=2028-01-01T00:00:00Z");
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json.readTree(r.getBody()).size()).isPositive();
        ResponseEntity<String> t = get("/api/v1/workspaces/" + id + "/orbit/trajectory?stepSeconds=86400");
        assertThat(t.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json.readTree(t.getBody()).size()).isGreaterThan(10);
    }

    @Test
    void bad_parameters_get_400_problems_naming_the_parameter() throws Exception {
        Map<String, String> cases = Map.of(
                "/api/v1/orbit/eclipses?from=2028-01-01T00:00:00Z&to=2027-01-01T00:00:00Z&perilune=2027-01-01T00:00:00Z", "to",
                "/api/v1/orbit/eclipses?from=2027-01-01T00:00:00Z&to=2060-01-01T00:00:00Z&perilune=2027-01-01T00:00:00Z", "to",
                "/api/v1/orbit/eclipses?from=yesterday&to=2027-02-01T00:00:00Z&perilune=2027-01-01T00:00:00Z", "from",
                "/api/v1/orbit/eclipses?from=2027-01-01T00:00:00Z&to=2027-02-01T00:00:00Z", "perilune",
                "/api/v1/orbit/trajectory?" + YEAR + "&stepSeconds=1", "stepSeconds");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            ResponseEntity<String> r = get(c.getKey());
            assertThat(r.getStatusCode()).as(c.getKey()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(r.getHeaders().getContentType().toString()).contains("problem+json");
            JsonNode errors = json.readTree(r.getBody()).get("errors");
            assertThat(List.of(errors.get(0).get("field").asString())).as(c.getKey()).containsExactly(c.getValue());
        }
    }

    private static double sq(JsonNode n) {
        return n.asDouble() * n.asDouble();
    }
}
