package org.gatewaypower.api;

import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.gatewaypower.workspace.DockingService;
import org.gatewaypower.workspace.DockingService.DockingDraft;
import org.gatewaypower.workspace.InvalidInputException;
import org.gatewaypower.workspace.ReadModels.Docking;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Visiting vehicles' dockings over REST: the vehicle element (kind ORION, HLS or LOGISTICS), the window [start, end)
 * (ISO-8601 instants, UTC) and the power it exports (W). Owners edit; bad values are refused with 400 naming the
 * field, edits based on an old {@code version} with 409.
 */
@RestController
@RequestMapping("/api/v1/workspaces/{id}/dockings")
@Tag(name = "Dockings", description = "Visiting vehicles' docking windows and the power they export")
class DockingApi {

    /** A docking as sent: the version the client read (PUT only, for optimistic locking) and its values. */
    record DockingRequest(Long version, Long vehicleElementId, Instant start, Instant end, Double exportW,
                          String note) {

        DockingDraft toDraft() {
            return new DockingDraft(vehicleElementId, start, end, exportW, note);
        }
    }

    private final DockingService dockings;

    DockingApi(DockingService dockings) {
        this.dockings = dockings;
    }

    @GetMapping
    @Operation(summary = "The workspace's dockings, earliest first")
    List<Docking> list(@Parameter(description = "Workspace id") @PathVariable long id) {
        return dockings.dockings(id);
    }

    @PostMapping
    @Operation(summary = "Add a docking (owners)", description = "The vehicle must be an element of kind ORION, HLS "
            + "or LOGISTICS; start before end; exportW in W, 0 to 100 000; a vehicle's dockings may not overlap.")
    @ApiResponse(responseCode = "201", description = "Added; Location names it")
    @ApiResponse(responseCode = "400", description = "A field is invalid; the problem names it",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @ApiResponse(responseCode = "403", description = "Only the workspace's owners edit dockings",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    ResponseEntity<Docking> create(@PathVariable long id, @RequestBody DockingRequest body, Principal principal) {
        Docking created = dockings.create(id, body.toDraft(), principal.getName());
        return ResponseEntity.created(URI.create("/api/v1/workspaces/" + id + "/dockings/" + created.id()))
                .body(created);
    }

    @GetMapping("/{dockingId}")
    @Operation(summary = "One docking")
    Docking get(@PathVariable long id, @PathVariable long dockingId) {
        return dockings.docking(id, dockingId);
    }

    @PutMapping("/{dockingId}")
    @Operation(summary = "Replace a docking (owners)", description = "Send the version you read; 409 when someone "
            + "changed it since.")
    @ApiResponse(responseCode = "409", description = "Changed by someone else since your version",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    Docking update(@PathVariable long id, @PathVariable long dockingId, @RequestBody DockingRequest body,
                   Principal principal) {
        if (body.version() == null) {
            throw new InvalidInputException(List.of(new InvalidInputException.FieldViolation("version",
                    "Version is required: send the version you read, so that nobody's edit is overwritten")));
        }
        dockings.docking(id, dockingId);
        return dockings.update(dockingId, body.version(), body.toDraft(), principal.getName());
    }

    @DeleteMapping("/{dockingId}")
    @Operation(summary = "Remove a docking (owners)", description = "409 when version is not the current one.")
    ResponseEntity<Void> delete(@PathVariable long id, @PathVariable long dockingId, @RequestParam long version,
                                Principal principal) {
        dockings.docking(id, dockingId);
        dockings.delete(dockingId, version, principal.getName());
        return ResponseEntity.noContent().build();
    }
}
