package org.gatewaypower.api;

import java.security.Principal;
import java.util.List;

import org.gatewaypower.analysis.BalanceService;
import org.gatewaypower.workspace.InvalidInputException;
import org.gatewaypower.workspace.Views;
import org.gatewaypower.workspace.WorkspaceService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** REST adapter over the workspace and analysis services; HTTP Basic on the same accounts as the UI. */
@RestController
@RequestMapping("/api/v1/workspaces")
class WorkspaceApi {

    /** A workspace in the list. */
    record WorkspaceRef(long id, String name) {
    }

    private final WorkspaceService workspaces;
    private final BalanceService balances;

    WorkspaceApi(WorkspaceService workspaces, BalanceService balances) {
        this.workspaces = workspaces;
        this.balances = balances;
    }

    @GetMapping
    List<WorkspaceRef> list() {
        return workspaces.listWorkspaces().stream().map(w -> new WorkspaceRef(w.id(), w.name())).toList();
    }

    /** Elements, modes, loads, batteries, arrays and the design case; SI values with units in the names. */
    @GetMapping("/{id}")
    Views.WorkspaceSnapshot get(@PathVariable long id) {
        return workspaces.snapshot(id);
    }

    @GetMapping("/{id}/balance")
    BalanceResponse balance(@PathVariable long id) {
        return BalanceResponse.of(balances.balance(id));
    }

    /** Replaces a load item; refused with 409 when {@code version} is not the current one. */
    @PutMapping("/{id}/loads/{loadId}")
    Views.LoadItem updateLoad(@PathVariable long id, @PathVariable long loadId, @RequestBody LoadUpdateRequest body,
                              Principal principal) {
        if (body.version() == null) {
            throw new InvalidInputException(List.of(new InvalidInputException.FieldViolation("version",
                    "Version is required: send the version you read, so that nobody's edit is overwritten")));
        }
        Views.LoadItem current = workspaces.load(loadId);
        if (workspaces.snapshot(id).elements().stream().noneMatch(e -> e.id() == current.elementId())) {
            throw new org.gatewaypower.workspace.NotFoundException("load item in workspace " + id, loadId);
        }
        return workspaces.updateLoad(loadId, body.version(), body.toDraft(), principal.getName());
    }
}
