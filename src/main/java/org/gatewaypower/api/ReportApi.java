package org.gatewaypower.api;

import java.nio.charset.StandardCharsets;
import java.security.Principal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.gatewaypower.report.ReportService;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The PDF budget report of a workspace, for a review. */
@RestController
@Tag(name = "Report", description = "PDF budget report of a workspace")
class ReportApi {

    private final ReportService reports;
    private final org.gatewaypower.baseline.EditionReports editions;

    ReportApi(ReportService reports, org.gatewaypower.baseline.EditionReports editions) {
        this.reports = reports;
        this.editions = editions;
    }

    @GetMapping(value = "/api/v1/workspaces/{id}/report.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "PDF budget report of the workspace's current inputs",
            description = "Cover (workspace, date, requester, authors), summary and checks at end of life with "
                    + "beginning and end of life side by side, state-of-charge and power charts, eclipse statistics, "
                    + "per-element loads, batteries and arrays, and the models' assumptions.")
    @ApiResponse(responseCode = "200", description = "The report",
            content = @Content(mediaType = MediaType.APPLICATION_PDF_VALUE, schema = @Schema(type = "string",
                    format = "binary")))
    @ApiResponse(responseCode = "403", description = "The user is not a member of the workspace",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @ApiResponse(responseCode = "404", description = "No such workspace",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    ResponseEntity<byte[]> report(@Parameter(description = "Workspace id") @PathVariable long id,
                                  @Parameter(description = "Report this baseline's frozen inputs instead")
                                  @org.springframework.web.bind.annotation.RequestParam(required = false)
                                  Long baseline, Principal principal) {
        // Rendered in full before anything is sent, so that a refusal or a failure is still a problem answer.
        byte[] pdf = baseline == null ? editions.current(id, principal.getName())
                : editions.baseline(id, baseline, principal.getName());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(reports.fileName(id, principal.getName()), StandardCharsets.UTF_8).build().toString())
                .body(pdf);
    }
}
