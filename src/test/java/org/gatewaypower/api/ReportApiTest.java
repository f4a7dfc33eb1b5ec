package org.gatewaypower.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;

import tools.jackson.databind.ObjectMapper;

import org.gatewaypower.SpringTestBase;
import org.gatewaypower.workspace.TestWorkspaces;
import org.gatewaypower.workspace.WorkspaceService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The PDF report over HTTP: a PDF attachment for a member, a 403 problem for anyone else. */
class ReportApiTest extends SpringTestBase {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ObjectMapper mapper;

    @Autowired
    WorkspaceService workspaces;

    @Autowired
    TestWorkspaces fixtures;

    @Test
    void a_member_downloads_the_report_as_a_pdf_attachment_named_after_the_workspace() {
        TestWorkspaces.Fixture f = fixtures.create("Report API", 2);

        ResponseEntity<byte[]> response = rest.withBasicAuth("nasa", "gateway")
                .getForEntity("/api/v1/workspaces/" + f.workspaceId() + "/report.pdf", byte[].class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(new String(response.getBody(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(response.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).startsWith("attachment;")
                .contains("Report-API-").contains("-power-budget.pdf");
    }

    @Test
    void a_user_who_is_not_a_member_gets_a_403_problem() throws Exception {
        long ws = workspaces.createWorkspace("Report API private " + UUID.randomUUID(), "Only the seeder",
                Set.of("NASA"), TestWorkspaces.SEEDER);

        ResponseEntity<String> response = rest.withBasicAuth("csa", "gateway")
                .getForEntity("/api/v1/workspaces/" + ws + "/report.pdf", String.class);

        ProblemAssertions.problem(mapper, response, HttpStatus.FORBIDDEN);
    }
}
