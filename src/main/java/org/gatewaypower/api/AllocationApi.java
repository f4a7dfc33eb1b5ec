package org.gatewaypower.api;

import java.security.Principal;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.gatewaypower.analysis.BalanceReport;
import org.gatewaypower.analysis.BalanceService;
import org.gatewaypower.analysis.ElementBudgets;
import org.gatewaypower.workspace.AllocationService;
import org.gatewaypower.workspace.ReadModels;
import org.gatewaypower.workspace.WorkspaceService;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The elements' power allocations over REST: the element budgets of the standard balance (CBE, MEV, allocation,
 * margin per element and mode) and setting or clearing one allocation. Only workspace owners change allocations
 * (403 otherwise); a value outside the range is refused with 400 naming {@code allocationW}; an edit based on an
 * old {@code version} with 409.
 */
@RestController
@RequestMapping("/api/v1/workspaces/{id}/allocations")
@Tag(name = "Allocations", description = "Power allocations per element and operating mode, and the element budgets")
class AllocationApi {

    @Schema(description = "An allocation as sent")
    record AllocationRequest(
            @Schema(description = "The version read; omit or null when the element has no allocation in the mode yet")
            Long version,
            @Schema(description = "Orbit-average power the element may draw in the mode (W)", minimum = "0",
                    maximum = "10000000") Double allocationW) {
    }

    @Schema(description = "One element in one mode")
    record Line(long elementId, String elementName, String ownerTeamCode, long modeId, String modeName,
                @Schema(description = "Orbit-average load, current best estimate (W)") double cbeW,
                @Schema(description = "Orbit-average load with contingency (W)") double mevW,
                @Schema(description = "Allocation (W); null when none is set") Double allocationW,
                @Schema(description = "Allocation − MEV (W); null without an allocation") Double marginW,
                @Schema(description = "MEV within the allocation; true when none is set") boolean passed,
                @Schema(description = "The allocation's version, for a PUT or DELETE; null when none is set")
                Long version) {
    }

    @Schema(description = "The element budgets of the standard (end-of-life) balance")
    record Budgets(long modeId, String modeName,
                   @Schema(description = "Sum of the allocations in the analysed mode (W)") double allocatedW,
                   @Schema(description = "Sustainable orbit-average power of the analysed mode (W)")
                   double sustainableW,
                   @Schema(description = "Whether the allocations share out more than the sustainable power")
                   boolean overAllocated,
                   @Schema(description = "The check 'Element allocations' of the run; null when no allocation is "
                           + "set in the modes it holds") BalanceReport.Check check,
                   List<Line> lines) {
    }

    private final AllocationService allocations;
    private final WorkspaceService workspaces;
    private final BalanceService balances;

    AllocationApi(AllocationService allocations, WorkspaceService workspaces, BalanceService balances) {
        this.allocations = allocations;
        this.workspaces = workspaces;
        this.balances = balances;
    }

    @GetMapping
    @Operation(summary = "Element budgets with their allocations",
            description = "Per element and operating mode: CBE and MEV orbit averages as planned, the allocation, "
                    + "margin = allocation − MEV and pass/fail; the analysed mode's allocations summed against the "
                    + "sustainable power.")
    Budgets budgets(@Parameter(description = "Workspace id") @PathVariable long id) {
        ReadModels.WorkspaceSnapshot snapshot = workspaces.snapshot(id);
        BalanceReport report = balances.balance(snapshot, false);
        ElementBudgets b = report.elementBudgets();
        List<Line> lines = b.lines().stream().map(l -> new Line(l.elementId(), l.elementName(), l.ownerTeamCode(),
                l.modeId(), l.modeName(), l.cbeW(), l.mevW(), l.allocationW(), l.marginW(), l.passed(),
                snapshot.allocation(l.elementId(), l.modeId()).map(ReadModels.Allocation::version).orElse(null)))
                .toList();
        BalanceReport.Check check = report.checks().stream().filter(c -> c.name().equals(ElementBudgets.CHECK))
                .findFirst().orElse(null);
        return new Budgets(b.modeId(), report.modeName(), b.allocatedW(), b.sustainableW(), b.overAllocated(), check,
                lines);
    }

    @PutMapping("/{elementId}/{modeId}")
    @Operation(summary = "Set an element's allocation in a mode (workspace owners)")
    @ApiResponse(responseCode = "200", description = "The allocation as saved")
    @ApiResponse(responseCode = "400", description = "allocationW is missing or out of range; the problem names it",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @ApiResponse(responseCode = "403", description = "Not a workspace owner",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @ApiResponse(responseCode = "409", description = "Changed (or set) by someone else since the version sent",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    ReadModels.Allocation set(@PathVariable long id, @PathVariable long elementId, @PathVariable long modeId,
                              @RequestBody AllocationRequest body, Principal principal) {
        allocations.requireElementIn(id, elementId);
        return allocations.set(elementId, modeId, body.allocationW(), body.version(), principal.getName());
    }

    @DeleteMapping("/{elementId}/{modeId}")
    @Operation(summary = "Clear an element's allocation in a mode (workspace owners)")
    @ApiResponse(responseCode = "204", description = "Cleared")
    @ApiResponse(responseCode = "409", description = "Changed by someone else since the version sent",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    ResponseEntity<Void> clear(@PathVariable long id, @PathVariable long elementId, @PathVariable long modeId,
                               @RequestParam long version, Principal principal) {
        allocations.requireElementIn(id, elementId);
        allocations.clear(elementId, modeId, version, principal.getName());
        return ResponseEntity.noContent().build();
    }
}
