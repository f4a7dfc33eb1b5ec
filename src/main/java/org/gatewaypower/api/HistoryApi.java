package org.gatewaypower.api;

import java.net.URI;
import java.security.Principal;
import java.util.List;

import org.gatewaypower.workspace.History;
import org.gatewaypower.workspace.HistoryService;
import org.gatewaypower.workspace.InvalidInputException;
import org.gatewaypower.workspace.ReadModels;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * History over REST: every audited change (who, when, each field old → new in SI units, newest first) of a
 * workspace, an element or a load item, and restoring a past value. A restore is an ordinary edit: it
 * needs the version the client read (409 when stale), is validated (400) and becomes a new change.
 */
@RestController
@RequestMapping("/api/v1")
class HistoryApi {

    /**
     * What to restore: the values as of {@code revision}, only {@code field} when given (e.g.
     * {@code operatingPowerW}, {@code dutyByMode.7}), based on {@code expectedVersion} (the current version
     * the client read; not needed to re-create a removed load item).
     */
    record RestoreRequest(Long revision, String field, Long expectedVersion) {

        long requiredRevision() {
            if (revision == null) {
                throw new InvalidInputException(List.of(new InvalidInputException.FieldViolation("revision",
                        "Revision is required: the revision whose values to restore")));
            }
            return revision;
        }
    }

    private final HistoryService history;

    private final org.gatewaypower.workspace.WorkspaceService workspaces;

    HistoryApi(HistoryService history, org.gatewaypower.workspace.WorkspaceService workspaces) {
        this.workspaces = workspaces;
        this.history = history;
    }

    @GetMapping("/workspaces/{id}/history")
    List<History.Entry> workspace(@PathVariable long id) {
        return history.workspaceHistory(id);
    }

    @GetMapping("/elements/{id}/history")
    List<History.Entry> element(@PathVariable long id, Principal principal) {
        workspaces.requireReadable(history.workspaceOfElement(id), principal.getName());
        return history.elementHistory(id);
    }

    @GetMapping("/loads/{id}/history")
    List<History.Entry> load(@PathVariable long id, Principal principal) {
        workspaces.requireReadable(history.workspaceOfLoad(id), principal.getName());
        return history.loadHistory(id);
    }

    /** Every audited revision of a load item, oldest first. */
    @GetMapping("/loads/{id}/revisions")
    List<History.Revision> loadRevisions(@PathVariable long id, Principal principal) {
        workspaces.requireReadable(history.workspaceOfLoad(id), principal.getName());
        return history.loadRevisions(id);
    }

    /** Restores a load item (200); a removed one is created anew (201, with its new id). */
    @PostMapping("/loads/{id}/restore")
    ResponseEntity<ReadModels.LoadItem> restoreLoad(@PathVariable long id, @RequestBody RestoreRequest body,
                                               Principal principal) {
        ReadModels.LoadItem restored = history.restoreLoad(id, body.requiredRevision(), body.field(),
                body.expectedVersion(), principal.getName());
        if (restored.id() != id) {
            return ResponseEntity.created(URI.create("/api/v1/loads/" + restored.id() + "/history")).body(restored);
        }
        return ResponseEntity.ok(restored);
    }

    @PostMapping("/batteries/{id}/restore")
    ReadModels.Battery restoreBattery(@PathVariable long id, @RequestBody RestoreRequest body, Principal principal) {
        return history.restoreBattery(id, body.requiredRevision(), body.field(), body.expectedVersion(),
                principal.getName());
    }

    @PostMapping("/arrays/{id}/restore")
    ReadModels.SolarArray restoreArray(@PathVariable long id, @RequestBody RestoreRequest body, Principal principal) {
        return history.restoreArray(id, body.requiredRevision(), body.field(), body.expectedVersion(),
                principal.getName());
    }

    @PostMapping("/design-cases/{id}/restore")
    ReadModels.DesignCase restoreDesignCase(@PathVariable long id, @RequestBody RestoreRequest body,
                                       Principal principal) {
        return history.restoreDesignCase(id, body.requiredRevision(), body.field(), body.expectedVersion(),
                principal.getName());
    }
}
