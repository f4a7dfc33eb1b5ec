package org.gatewaypower.operations;

import static org.assertj.core.api.Assertions.assertThat;

import org.gatewaypower.SpringTestBase;
import org.gatewaypower.workspace.TestWorkspaces;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpStatus;

/** The log lines of a request name its user and workspace, and the context does not leak into the next. */
@ExtendWith(OutputCaptureExtension.class)
class RequestLogContextTest extends SpringTestBase {

    private static final String LOGGER = RequestLogContext.class.getName();

    @Autowired
    TestRestTemplate rest;
    @Autowired
    TestWorkspaces fixtures;
    @Autowired
    LoggingSystem logging;

    @AfterEach
    void quiet() {
        logging.setLogLevel(LOGGER, null);
    }

    @Test
    void an_api_request_logs_its_user_and_workspace(CapturedOutput output) {
        long ws = fixtures.create("Logged", 1).workspaceId();
        logging.setLogLevel(LOGGER, LogLevel.DEBUG);

        String path = "/api/v1/workspaces/" + ws;
        assertThat(rest.withBasicAuth("esa", "gateway").getForEntity(path, String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(rest.withBasicAuth("jaxa", "gateway").getForEntity("/api/v1/me", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);

        assertThat(output.getOut().lines().filter(l -> l.contains("GET " + path + " 200")))
                .singleElement().asString().contains("DEBUG [user=esa ws=" + ws + "]");
        // The next request on the server's threads has its own user and no workspace.
        assertThat(output.getOut().lines().filter(l -> l.contains("GET /api/v1/me 200")))
                .singleElement().asString().contains("DEBUG [user=jaxa ws=-]");
        assertThat(MDC.get(RequestLogContext.USER)).isNull();
    }

    @Test
    void an_anonymous_request_logs_no_user(CapturedOutput output) {
        logging.setLogLevel(LOGGER, LogLevel.DEBUG);
        rest.getForEntity("/actuator/health/liveness", String.class);
        assertThat(output.getOut().lines().filter(l -> l.contains("GET /actuator/health/liveness 200")))
                .singleElement().asString().contains("[user=- ws=-]");
    }

    @Test
    void a_ui_route_names_its_workspace() {
        try {
            RequestLogContext.workspaceFromPath("workspace/42/eclipses");
            assertThat(MDC.get(RequestLogContext.WORKSPACE)).isEqualTo("42");
            MDC.remove(RequestLogContext.WORKSPACE);
            RequestLogContext.workspaceFromPath("admin");
            RequestLogContext.workspaceFromPath(null);
            assertThat(MDC.get(RequestLogContext.WORKSPACE)).isNull();
        } finally {
            MDC.clear();
        }
    }
}
