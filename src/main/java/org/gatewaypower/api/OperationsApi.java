package org.gatewaypower.api;

import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.List;

import org.gatewaypower.workspace.InvalidInputException;
import org.gatewaypower.workspace.Operations.OperationPhase;
import org.gatewaypower.workspace.Operations.OperationPhaseDraft;
import org.gatewaypower.workspace.OperationsService;
import org.gatewaypower.workspace.PhaseKind;
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
 * The operations timeline of a workspace over REST: dated phases (ISO-8601 instants, UTC) that set the
 * active operating mode. Overlapping or reversed phases are refused with 400 naming the field; edits
 * based on an old {@code version} with 409.
 */
@RestController
@RequestMapping("/api/v1/workspaces/{id}/operations")
class OperationsApi {

    /**
     * A phase as sent: the version the client read (PUT only, for optimistic locking), the mode's id and
     * the interval [start, end).
     */
    record PhaseRequest(Long version, String name, PhaseKind kind, Long modeId, Instant start, Instant end) {

        OperationPhaseDraft toDraft() {
            return new OperationPhaseDraft(name, kind, modeId, start, end);
        }
    }

    private final OperationsService operations;

    OperationsApi(OperationsService operations) {
        this.operations = operations;
    }

    /** The workspace's phases, earliest first. */
    @GetMapping
    List<OperationPhase> list(@PathVariable long id) {
        return operations.phases(id);
    }

    @PostMapping
    ResponseEntity<OperationPhase> create(@PathVariable long id, @RequestBody PhaseRequest body, Principal principal) {
        OperationPhase created = operations.create(id, body.toDraft(), principal.getName());
        return ResponseEntity.created(URI.create("/api/v1/workspaces/" + id + "/operations/" + created.id()))
                .body(created);
    }

    @GetMapping("/{phaseId}")
    OperationPhase get(@PathVariable long id, @PathVariable long phaseId) {
        return operations.phase(id, phaseId);
    }

    /** Replaces a phase; refused with 409 when {@code version} is not the current one. */
    @PutMapping("/{phaseId}")
    OperationPhase update(@PathVariable long id, @PathVariable long phaseId, @RequestBody PhaseRequest body,
                          Principal principal) {
        if (body.version() == null) {
            throw new InvalidInputException(List.of(new InvalidInputException.FieldViolation("version",
                    "Version is required: send the version you read, so that nobody's edit is overwritten")));
        }
        requireInWorkspace(id, phaseId);
        return operations.update(phaseId, body.version(), body.toDraft(), principal.getName());
    }

    /** Removes a phase; refused with 409 when {@code version} is not the current one. */
    @DeleteMapping("/{phaseId}")
    ResponseEntity<Void> delete(@PathVariable long id, @PathVariable long phaseId, @RequestParam long version,
                                Principal principal) {
        requireInWorkspace(id, phaseId);
        operations.delete(phaseId, version, principal.getName());
        return ResponseEntity.noContent().build();
    }

    /** A phase of another workspace is not found under this one's path (404), whatever its version. */
    private void requireInWorkspace(long workspaceId, long phaseId) {
        operations.phase(workspaceId, phaseId);
    }
}
