package org.gatewaypower.api;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.ObjectMapper;

import org.gatewaypower.SpringTestBase;
import org.gatewaypower.security.ApiTokenService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The operators' endpoints on the main port: Prometheus metrics and the online backup are for administrators
 * (HTTP Basic or an administrator's API token); everyone else gets a 401 or 403 problem, and the health probes
 * stay open. The backup's happy path needs a database file: {@code persistence.OperationsIT}.
 */
class MetricsAndBackupApiTest extends SpringTestBase {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    ObjectMapper mapper;

    @Test
    void prometheus_metrics_are_for_administrators_only() throws Exception {
        ResponseEntity<String> anonymous = rest.getForEntity("/actuator/prometheus", String.class);
        ProblemAssertions.problem(mapper, anonymous, HttpStatus.UNAUTHORIZED);

        ResponseEntity<String> editor = rest.withBasicAuth("nasa", "gateway")
                .getForEntity("/actuator/prometheus", String.class);
        assertThat(ProblemAssertions.problem(mapper, editor, HttpStatus.FORBIDDEN).get("detail").asString())
                .contains("nasa", "administrators");
        ResponseEntity<String> editorToken = exchange(HttpMethod.GET, "/actuator/prometheus",
                bearer(tokens.create("scraper", "esa").secret()));
        ProblemAssertions.problem(mapper, editorToken, HttpStatus.FORBIDDEN);

        ResponseEntity<String> admin = rest.withBasicAuth("admin", "gateway")
                .getForEntity("/actuator/prometheus", String.class);
        assertThat(admin.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(admin.getHeaders().getContentType().toString()).startsWith("text/plain");
        assertThat(admin.getBody()).contains("# HELP gateway_tasks_queued_tasks", "# TYPE gateway_vaadin_sessions gauge",
                "gateway_analysis_duration_seconds_count", "gateway_live_update_delay_seconds_count");

        ResponseEntity<String> adminToken = exchange(HttpMethod.GET, "/actuator/prometheus",
                bearer(tokens.create("prometheus", "admin").secret()));
        assertThat(adminToken.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(adminToken.getBody()).contains("gateway_heavy_work_waiting_computations");
    }

    @Test
    void the_health_probes_stay_open() {
        assertThat(rest.getForEntity("/actuator/health/liveness", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(rest.getForEntity("/actuator/health/readiness", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void a_backup_is_for_administrators_and_needs_a_database_file() throws Exception {
        ProblemAssertions.problem(mapper, exchange(HttpMethod.POST, "/api/v1/admin/backups", new HttpHeaders()),
                HttpStatus.UNAUTHORIZED);
        ResponseEntity<String> editor = rest.withBasicAuth("nasa", "gateway")
                .postForEntity("/api/v1/admin/backups", null, String.class);
        assertThat(ProblemAssertions.problem(mapper, editor, HttpStatus.FORBIDDEN).get("detail").asString())
                .contains("back up the database", "only administrators");

        // The tests' database is in memory: refused with a reason, nothing written.
        ResponseEntity<String> admin = rest.withBasicAuth("admin", "gateway")
                .postForEntity("/api/v1/admin/backups", null, String.class);
        assertThat(ProblemAssertions.problem(mapper, admin, HttpStatus.CONFLICT).get("detail").asString())
                .contains("in memory");
    }

    private ResponseEntity<String> exchange(HttpMethod method, String path, HttpHeaders headers) {
        return rest.exchange(path, method, new HttpEntity<>(headers), String.class);
    }

    private static HttpHeaders bearer(String secret) {
        HttpHeaders h = new HttpHeaders();
        h.setBearerAuth(secret);
        return h;
    }
}
