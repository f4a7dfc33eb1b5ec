package org.gatewaypower.api;

import java.net.URI;
import java.security.Principal;
import java.util.List;

import org.gatewaypower.analysis.BalanceService;
import org.gatewaypower.workspace.DesignCaseService;
import org.gatewaypower.workspace.EquipmentService;
import org.gatewaypower.workspace.MembershipService;
import org.gatewaypower.workspace.NotFoundException;
import org.gatewaypower.workspace.ReadModels;
import org.gatewaypower.workspace.WorkspaceService;
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

/** REST adapter over the workspace and analysis services; HTTP Basic on the same accounts as the UI. */
@RestController
@RequestMapping("/api/v1/workspaces")
class WorkspaceApi {

    /** A workspace in the list. */
    record WorkspaceRef(long id, String name) {
    }

    private final WorkspaceService workspaces;
    private final MembershipService membership;
    private final EquipmentService equipment;
    private final DesignCaseService designCases;
    private final BalanceService balances;

    WorkspaceApi(WorkspaceService workspaces, MembershipService membership, EquipmentService equipment,
                 DesignCaseService designCases, BalanceService balances) {
        this.workspaces = workspaces;
        this.membership = membership;
        this.equipment = equipment;
        this.designCases = designCases;
        this.balances = balances;
    }

    /** The workspaces the caller is a member of (administrators: all). */
    @GetMapping
    List<WorkspaceRef> list(Principal principal) {
        return workspaces.listWorkspaces(principal.getName()).stream().map(w -> new WorkspaceRef(w.id(), w.name()))
                .toList();
    }

    /** Elements, modes, loads, batteries, arrays and the design case; SI values with units in the names. */
    @GetMapping("/{id}")
    ReadModels.WorkspaceSnapshot get(@PathVariable long id) {
        return workspaces.snapshot(id);
    }

    @GetMapping("/{id}/balance")
    BalanceResponse balance(@PathVariable long id) {
        return BalanceResponse.of(balances.balance(id));
    }

    /** What the caller may change here: role, and the elements, batteries and arrays they may edit. */
    @GetMapping("/{id}/permissions")
    ReadModels.Permissions permissions(@PathVariable long id, Principal principal) {
        return workspaces.permissions(id, principal.getName());
    }

    /** Adds a load item to one of the workspace's elements. */
    @PostMapping("/{id}/loads")
    ResponseEntity<ReadModels.LoadItem> createLoad(@PathVariable long id, @RequestBody LoadUpdateRequest body,
                                              Principal principal) {
        ReadModels.LoadItem created = equipment.createLoad(id, body.toDraft(), principal.getName());
        return ResponseEntity.created(URI.create("/api/v1/workspaces/" + id + "/loads/" + created.id()))
                .body(created);
    }

    @GetMapping("/{id}/loads/{loadId}")
    ReadModels.LoadItem load(@PathVariable long id, @PathVariable long loadId) {
        return inWorkspace(id, equipment.load(loadId), ReadModels.LoadItem::elementId, "load item", loadId);
    }

    /** Replaces a load item; refused with 409 when {@code version} is not the current one. */
    @PutMapping("/{id}/loads/{loadId}")
    ReadModels.LoadItem updateLoad(@PathVariable long id, @PathVariable long loadId, @RequestBody LoadUpdateRequest body,
                              Principal principal) {
        long version = EditRequests.requireVersion(body.version());
        load(id, loadId);
        return equipment.updateLoad(loadId, version, body.toDraft(), principal.getName());
    }

    /** Removes a load item; {@code version} is the one the client read. */
    @DeleteMapping("/{id}/loads/{loadId}")
    ResponseEntity<Void> deleteLoad(@PathVariable long id, @PathVariable long loadId,
                                    @RequestParam(required = false) Long version, Principal principal) {
        long v = EditRequests.requireVersion(version);
        load(id, loadId);
        equipment.deleteLoad(loadId, v, principal.getName());
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/{id}/batteries/{batteryId}")
    ReadModels.Battery updateBattery(@PathVariable long id, @PathVariable long batteryId,
                                @RequestBody EditRequests.BatteryUpdate body, Principal principal) {
        long version = EditRequests.requireVersion(body.version());
        workspaces.snapshot(id).batteries().stream().filter(b -> b.id() == batteryId).findFirst()
                .orElseThrow(() -> new NotFoundException("battery in workspace " + id, batteryId));
        return equipment.updateBattery(batteryId, version, body.toDraft(), principal.getName());
    }

    @PutMapping("/{id}/arrays/{arrayId}")
    ReadModels.SolarArray updateArray(@PathVariable long id, @PathVariable long arrayId,
                                 @RequestBody EditRequests.ArrayUpdate body, Principal principal) {
        long version = EditRequests.requireVersion(body.version());
        workspaces.snapshot(id).arrays().stream().filter(a -> a.id() == arrayId).findFirst()
                .orElseThrow(() -> new NotFoundException("solar array in workspace " + id, arrayId));
        return equipment.updateArray(arrayId, version, body.toDraft(), principal.getName());
    }

    @PutMapping("/{id}/design-case")
    ReadModels.DesignCase updateDesignCase(@PathVariable long id, @RequestBody EditRequests.DesignCaseUpdate body,
                                      Principal principal) {
        long version = EditRequests.requireVersion(body.version());
        return designCases.updateDesignCase(id, version, body.toDraft(), principal.getName());
    }

    @GetMapping("/{id}/members")
    List<ReadModels.Member> members(@PathVariable long id) {
        return membership.members(id);
    }

    /** Adds a member or changes their role (workspace owners). */
    @PutMapping("/{id}/members/{username}")
    ReadModels.Member setMember(@PathVariable long id, @PathVariable String username,
                           @RequestBody EditRequests.MemberRole body, Principal principal) {
        return membership.setMember(id, username, body.role(), principal.getName());
    }

    @DeleteMapping("/{id}/members/{username}")
    ResponseEntity<Void> removeMember(@PathVariable long id, @PathVariable String username, Principal principal) {
        membership.removeMember(id, username, principal.getName());
        return ResponseEntity.noContent().build();
    }

    private <T> T inWorkspace(long workspaceId, T item, java.util.function.ToLongFunction<T> elementOf, String kind,
                              long itemId) {
        if (workspaces.snapshot(workspaceId).elements().stream().noneMatch(e -> e.id() == elementOf.applyAsLong(item))) {
            throw new NotFoundException(kind + " in workspace " + workspaceId, itemId);
        }
        return item;
    }
}
