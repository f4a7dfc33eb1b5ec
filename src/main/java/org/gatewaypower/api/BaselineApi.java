package org.gatewaypower.api;

import java.net.URI;
import java.security.Principal;
import java.util.List;

import org.gatewaypower.baseline.BaselineService;
import org.gatewaypower.baseline.Baselines;
import org.gatewaypower.baseline.Comparison;
import org.gatewaypower.baseline.VariantService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Baselines (immutable snapshots of a workspace's inputs and results), variants (forked workspaces) and
 * comparisons of any two sides over REST. A side is {@code current}, {@code parent} (of a variant) or
 * {@code baseline:<id>}; a bad side is refused with 400 naming {@code a} or {@code b}.
 */
@RestController
@RequestMapping("/api/v1")
class BaselineApi {

    /** A baseline to freeze: its name and, optionally, what it records. */
    record BaselineRequest(String name, String description) {
    }

    /** A variant to fork: its name. */
    record VariantRequest(String name) {
    }

    private final BaselineService baselines;
    private final VariantService variants;

    BaselineApi(BaselineService baselines, VariantService variants) {
        this.baselines = baselines;
        this.variants = variants;
    }

    @PostMapping("/workspaces/{id}/baselines")
    ResponseEntity<Baselines.Baseline> freeze(@PathVariable long id, @RequestBody BaselineRequest body,
                                              Principal principal) {
        Baselines.Baseline created = baselines.create(id, body.name(), body.description(), principal.getName());
        return ResponseEntity.created(URI.create("/api/v1/baselines/" + created.id())).body(created);
    }

    /** The workspace's baselines, oldest first. */
    @GetMapping("/workspaces/{id}/baselines")
    List<Baselines.Baseline> list(@PathVariable long id) {
        return baselines.baselines(id);
    }

    @GetMapping("/baselines/{baselineId}")
    Baselines.Baseline get(@PathVariable long baselineId, Principal principal) {
        return baselines.baseline(baselineId, principal.getName());
    }

    /** Side A against side B: item changes, result deltas, both SOC curves and the min-SOC ranking. */
    @GetMapping("/workspaces/{id}/compare")
    Comparison compare(@PathVariable long id, @RequestParam String a, @RequestParam String b,
                       Principal principal) {
        return baselines.compare(id, a, b, principal.getName());
    }

    @PostMapping("/workspaces/{id}/variants")
    ResponseEntity<Baselines.Variant> fork(@PathVariable long id, @RequestBody VariantRequest body,
                                           Principal principal) {
        Baselines.Variant created = variants.fork(id, body.name(), principal.getName());
        return ResponseEntity.created(URI.create("/api/v1/workspaces/" + created.workspaceId())).body(created);
    }

    /** The variants forked from the workspace, oldest first. */
    @GetMapping("/workspaces/{id}/variants")
    List<Baselines.Variant> variants(@PathVariable long id) {
        return variants.variants(id);
    }
}
