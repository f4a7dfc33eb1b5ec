package org.gatewaypower.api;

import java.net.URI;
import java.security.Principal;
import java.util.Set;

import org.gatewaypower.workspace.DesignCaseService;
import org.gatewaypower.workspace.Drafts;
import org.gatewaypower.workspace.ElementKind;
import org.gatewaypower.workspace.EquipmentService;
import org.gatewaypower.workspace.NotFoundException;
import org.gatewaypower.workspace.ReadModels;
import org.gatewaypower.workspace.StructureService;
import org.gatewaypower.workspace.WorkspaceService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The structure of a workspace: new workspaces, elements, operating modes, and adding or removing
 * batteries and arrays. Same rules as everywhere: owners change the structure, a team's editors its
 * batteries and arrays; changes of existing things carry the version the client read.
 */
@RestController
@RequestMapping("/api/v1/workspaces")
class StructureApi {

    record NewWorkspace(String name, String description, Set<String> teamCodes) {
    }

    record Created(long id) {
    }

    record ElementBody(Long version, String name, ElementKind kind, String ownerTeamCode) {
    }

    record ModeBody(Long version, String name, String description, Integer sortOrder) {
    }

    /** A new battery: its element, the team that supplies it (null: the element's owner), and its values. */
    record NewBattery(Long elementId, String ownerTeamCode, String name, Double capacityJ, Double minStateOfCharge,
                      Double maxStateOfCharge, Double chargeEfficiency, Double dischargeEfficiency,
                      Double maxChargePowerW, Double maxDischargePowerW, Double initialStateOfCharge,
                      Double capacityFadePerYear) {
    }

    record NewArray(Long elementId, String name, Double ratedPowerW, Double degradationPerYear,
                    Double pathEfficiency, Double incidenceDeg, Double temperatureCoefficientPerK,
                    Double temperatureOffsetK) {
    }

    private final WorkspaceService workspaces;
    private final StructureService structure;
    private final EquipmentService equipment;
    private final DesignCaseService designCases;

    StructureApi(WorkspaceService workspaces, StructureService structure, EquipmentService equipment,
                 DesignCaseService designCases) {
        this.workspaces = workspaces;
        this.structure = structure;
        this.equipment = equipment;
        this.designCases = designCases;
    }

    /** Creates an empty workspace; the caller becomes its owner. */
    @PostMapping
    ResponseEntity<Created> createWorkspace(@RequestBody NewWorkspace body, Principal principal) {
        long id = workspaces.createWorkspace(body.name(), body.description(),
                body.teamCodes() == null ? Set.of() : body.teamCodes(), principal.getName());
        return ResponseEntity.created(URI.create("/api/v1/workspaces/" + id)).body(new Created(id));
    }

    @PostMapping("/{id}/elements")
    ResponseEntity<ReadModels.Element> addElement(@PathVariable long id, @RequestBody ElementBody body,
                                             Principal principal) {
        long elementId = structure.addElement(id, body.name(), body.kind(), body.ownerTeamCode(),
                principal.getName());
        return ResponseEntity.created(URI.create("/api/v1/workspaces/" + id + "/elements/" + elementId))
                .body(workspaces.snapshot(id).element(elementId));
    }

    @PutMapping("/{id}/elements/{elementId}")
    ReadModels.Element updateElement(@PathVariable long id, @PathVariable long elementId, @RequestBody ElementBody body,
                                Principal principal) {
        long version = EditRequests.requireVersion(body.version());
        workspaces.snapshot(id).element(elementId);
        return structure.updateElement(elementId, version, body.name(), body.kind(), body.ownerTeamCode(),
                principal.getName());
    }

    @DeleteMapping("/{id}/elements/{elementId}")
    ResponseEntity<Void> deleteElement(@PathVariable long id, @PathVariable long elementId,
                                       @RequestParam(required = false) Long version, Principal principal) {
        long v = EditRequests.requireVersion(version);
        workspaces.snapshot(id).element(elementId);
        structure.deleteElement(elementId, v, principal.getName());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/modes")
    ResponseEntity<ReadModels.Mode> addMode(@PathVariable long id, @RequestBody ModeBody body, Principal principal) {
        int order = body.sortOrder() != null ? body.sortOrder() : workspaces.snapshot(id).modes().size();
        long modeId = structure.addMode(id, body.name(), body.description(), order, principal.getName());
        return ResponseEntity.created(URI.create("/api/v1/workspaces/" + id + "/modes/" + modeId))
                .body(workspaces.snapshot(id).mode(modeId));
    }

    @PutMapping("/{id}/modes/{modeId}")
    ReadModels.Mode updateMode(@PathVariable long id, @PathVariable long modeId, @RequestBody ModeBody body,
                          Principal principal) {
        long version = EditRequests.requireVersion(body.version());
        ReadModels.Mode current = workspaces.snapshot(id).mode(modeId);
        return structure.updateMode(modeId, version, body.name(), body.description(),
                body.sortOrder() != null ? body.sortOrder() : current.sortOrder(), principal.getName());
    }

    @DeleteMapping("/{id}/modes/{modeId}")
    ResponseEntity<Void> deleteMode(@PathVariable long id, @PathVariable long modeId,
                                    @RequestParam(required = false) Long version, Principal principal) {
        long v = EditRequests.requireVersion(version);
        workspaces.snapshot(id).mode(modeId);
        structure.deleteMode(modeId, v, principal.getName());
        return ResponseEntity.noContent().build();
    }

    /** The workspace's analysis case (one per workspace; change it later with PUT). */
    @PostMapping("/{id}/design-case")
    ResponseEntity<ReadModels.DesignCase> createDesignCase(@PathVariable long id,
                                                      @RequestBody EditRequests.DesignCaseUpdate body,
                                                      Principal principal) {
        ReadModels.DesignCase created = designCases.createDesignCase(id, body.toDraft(), principal.getName());
        return ResponseEntity.created(URI.create("/api/v1/workspaces/" + id + "/design-case")).body(created);
    }

    @PostMapping("/{id}/batteries")
    ResponseEntity<ReadModels.Battery> addBattery(@PathVariable long id, @RequestBody NewBattery b, Principal principal) {
        long elementId = elementIn(id, b.elementId());
        ReadModels.Battery created = equipment.addBattery(elementId, new Drafts.BatteryDraft(b.name(), b.capacityJ(),
                b.minStateOfCharge(), b.maxStateOfCharge(), b.chargeEfficiency(), b.dischargeEfficiency(),
                b.maxChargePowerW(), b.maxDischargePowerW(), b.initialStateOfCharge(), b.capacityFadePerYear()),
                b.ownerTeamCode(), principal.getName());
        return ResponseEntity.created(URI.create("/api/v1/workspaces/" + id + "/batteries/" + created.id()))
                .body(created);
    }

    @DeleteMapping("/{id}/batteries/{batteryId}")
    ResponseEntity<Void> deleteBattery(@PathVariable long id, @PathVariable long batteryId,
                                       @RequestParam(required = false) Long version, Principal principal) {
        long v = EditRequests.requireVersion(version);
        workspaces.snapshot(id).batteries().stream().filter(x -> x.id() == batteryId).findFirst()
                .orElseThrow(() -> new NotFoundException("battery in workspace " + id, batteryId));
        equipment.deleteBattery(batteryId, v, principal.getName());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/arrays")
    ResponseEntity<ReadModels.SolarArray> addArray(@PathVariable long id, @RequestBody NewArray a, Principal principal) {
        long elementId = elementIn(id, a.elementId());
        ReadModels.SolarArray created = equipment.addArray(elementId, new Drafts.SolarArrayDraft(a.name(),
                a.ratedPowerW(), a.degradationPerYear(), a.pathEfficiency(), a.incidenceDeg(),
                a.temperatureCoefficientPerK(), a.temperatureOffsetK()), principal.getName());
        return ResponseEntity.created(URI.create("/api/v1/workspaces/" + id + "/arrays/" + created.id()))
                .body(created);
    }

    @DeleteMapping("/{id}/arrays/{arrayId}")
    ResponseEntity<Void> deleteArray(@PathVariable long id, @PathVariable long arrayId,
                                     @RequestParam(required = false) Long version, Principal principal) {
        long v = EditRequests.requireVersion(version);
        workspaces.snapshot(id).arrays().stream().filter(x -> x.id() == arrayId).findFirst()
                .orElseThrow(() -> new NotFoundException("solar array in workspace " + id, arrayId));
        equipment.deleteArray(arrayId, v, principal.getName());
        return ResponseEntity.noContent().build();
    }

    private long elementIn(long workspaceId, Long elementId) {
        if (elementId == null) {
            throw new org.gatewaypower.workspace.InvalidInputException(java.util.List.of(
                    new org.gatewaypower.workspace.InvalidInputException.FieldViolation("elementId",
                            "Element is required: the id of one of this workspace's elements")));
        }
        return workspaces.snapshot(workspaceId).element(elementId).id();
    }
}
