package org.gatewaypower.api;

import java.net.URI;
import java.security.Principal;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gatewaypower.analysis.BalanceReport;
import org.gatewaypower.analysis.BalanceService;
import org.gatewaypower.analysis.NetworkReport;
import org.gatewaypower.workspace.NetworkService;
import org.gatewaypower.workspace.NotFoundException;
import org.gatewaypower.workspace.ReadModels;
import org.gatewaypower.workspace.WorkspaceService;
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
 * The power network of a workspace over REST: its DC-DC converters (efficiency a fraction in (0, 1], rating in W)
 * and its ports between elements (limit in W), with the analysed mode's flows. Owners change it; a refused value
 * answers 400 naming the field, an edit based on an old {@code version} 409.
 */
@RestController
@RequestMapping("/api/v1/workspaces/{id}/network")
@Tag(name = "Network", description = "120 V and 28 V buses, DC-DC converters and ports between elements")
class NetworkApi {

    /** A converter as sent: the version the client read (PUT only), its element, efficiency (fraction), rating (W). */
    record ConverterRequest(Long version, Long elementId, String name, Double efficiency, Double ratingW) {

        NetworkService.ConverterDraft toDraft() {
            return new NetworkService.ConverterDraft(elementId, name, efficiency, ratingW);
        }
    }

    /** A port as sent: the version the client read (PUT only), its two elements and its limit (W). */
    record PortRequest(Long version, String name, Long fromElementId, Long toElementId, Double limitW) {

        NetworkService.PortDraft toDraft() {
            return new NetworkService.PortDraft(name, fromElementId, toElementId, limitW);
        }
    }

    /**
     * The network and what the balance makes of it.
     *
     * @param modeId the analysed mode (the design case's), null without a design case
     * @param flows  that mode's bus loads and currents, converter losses and port flows at the coincident peak;
     *               null without a design case or a network
     * @param checks the checks "Converter ratings" and "Port limits" at end of life (empty without a network)
     */
    record NetworkResponse(List<ReadModels.Converter> converters, List<ReadModels.Port> ports, Long modeId,
                           NetworkReport.ModeFlows flows, List<BalanceReport.Check> checks) {
    }

    private static final String BASE = "/api/v1/workspaces/";

    private final NetworkService network;
    private final WorkspaceService workspaces;
    private final BalanceService balances;

    NetworkApi(NetworkService network, WorkspaceService workspaces, BalanceService balances) {
        this.network = network;
        this.workspaces = workspaces;
        this.balances = balances;
    }

    @GetMapping
    @Operation(summary = "The workspace's converters and ports with the analysed mode's flows and the checks")
    @ApiResponse(responseCode = "200", description = "The network")
    @ApiResponse(responseCode = "403", description = "The user is not a member of the workspace",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    NetworkResponse get(@Parameter(description = "Workspace id") @PathVariable long id) {
        ReadModels.WorkspaceSnapshot s = workspaces.snapshot(id);
        if (s.designCase() == null) {
            return new NetworkResponse(s.converters(), s.ports(), null, null, List.of());
        }
        BalanceReport r = balances.balance(s, false);
        List<BalanceReport.Check> checks = r.checks().stream()
                .filter(c -> c.name().equals(NetworkReport.CONVERTER_CHECK) || c.name().equals(NetworkReport.PORT_CHECK))
                .toList();
        return new NetworkResponse(s.converters(), s.ports(), r.modeId(), r.network().mode(r.modeId()), checks);
    }

    @PostMapping("/converters")
    @Operation(summary = "Add a converter (owners)")
    @ApiResponse(responseCode = "201", description = "Added")
    @ApiResponse(responseCode = "400", description = "A value breaks a rule; the problem names the field",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @ApiResponse(responseCode = "403", description = "Only the workspace's owners change the network",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    ResponseEntity<ReadModels.Converter> addConverter(@PathVariable long id, @RequestBody ConverterRequest body,
                                                      Principal principal) {
        ReadModels.Converter c = network.addConverter(id, body.toDraft(), principal.getName());
        return ResponseEntity.created(URI.create(BASE + id + "/network/converters/" + c.id())).body(c);
    }

    @GetMapping("/converters/{converterId}")
    @Operation(summary = "One converter")
    ReadModels.Converter converter(@PathVariable long id, @PathVariable long converterId) {
        requireConverterIn(id, converterId);
        return network.converter(converterId);
    }

    @PutMapping("/converters/{converterId}")
    @Operation(summary = "Replace a converter (owners); 409 when version is not the current one")
    @ApiResponse(responseCode = "409", description = "Somebody saved the converter since the version sent",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    ReadModels.Converter updateConverter(@PathVariable long id, @PathVariable long converterId,
                                         @RequestBody ConverterRequest body, Principal principal) {
        long version = EditRequests.requireVersion(body.version());
        requireConverterIn(id, converterId);
        return network.updateConverter(converterId, version, body.toDraft(), principal.getName());
    }

    @DeleteMapping("/converters/{converterId}")
    @Operation(summary = "Remove a converter (owners); 409 when version is not the current one")
    ResponseEntity<Void> removeConverter(@PathVariable long id, @PathVariable long converterId,
                                         @RequestParam long version, Principal principal) {
        requireConverterIn(id, converterId);
        network.removeConverter(converterId, version, principal.getName());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/ports")
    @Operation(summary = "Add a port between two elements (owners); the ports must stay a tree")
    @ApiResponse(responseCode = "201", description = "Added")
    @ApiResponse(responseCode = "400", description = "A value breaks a rule (or the port would close a loop); the "
            + "problem names the field", content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    ResponseEntity<ReadModels.Port> addPort(@PathVariable long id, @RequestBody PortRequest body, Principal principal) {
        ReadModels.Port p = network.addPort(id, body.toDraft(), principal.getName());
        return ResponseEntity.created(URI.create(BASE + id + "/network/ports/" + p.id())).body(p);
    }

    @GetMapping("/ports/{portId}")
    @Operation(summary = "One port")
    ReadModels.Port port(@PathVariable long id, @PathVariable long portId) {
        requirePortIn(id, portId);
        return network.port(portId);
    }

    @PutMapping("/ports/{portId}")
    @Operation(summary = "Replace a port (owners); 409 when version is not the current one")
    ReadModels.Port updatePort(@PathVariable long id, @PathVariable long portId, @RequestBody PortRequest body,
                               Principal principal) {
        long version = EditRequests.requireVersion(body.version());
        requirePortIn(id, portId);
        return network.updatePort(portId, version, body.toDraft(), principal.getName());
    }

    @DeleteMapping("/ports/{portId}")
    @Operation(summary = "Remove a port (owners); 409 when version is not the current one")
    ResponseEntity<Void> removePort(@PathVariable long id, @PathVariable long portId, @RequestParam long version,
                                    Principal principal) {
        requirePortIn(id, portId);
        network.removePort(portId, version, principal.getName());
        return ResponseEntity.noContent().build();
    }

    /** A converter of another workspace is not found under this one's path (404). */
    private void requireConverterIn(long workspaceId, long converterId) {
        if (network.workspaceOfConverter(converterId) != workspaceId) {
            throw new NotFoundException("converter in workspace " + workspaceId, converterId);
        }
    }

    private void requirePortIn(long workspaceId, long portId) {
        if (network.workspaceOfPort(portId) != workspaceId) {
            throw new NotFoundException("port in workspace " + workspaceId, portId);
        }
    }
}
