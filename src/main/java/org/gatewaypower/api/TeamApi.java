package org.gatewaypower.api;

import java.net.URI;
import java.util.List;

import org.gatewaypower.workspace.MembershipService;
import org.gatewaypower.workspace.ReadModels;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Partner teams: everyone may list them; administrators add new ones. */
@RestController
class TeamApi {

    /** A new team. */
    record NewTeam(String code, String name) {
    }

    private final MembershipService membership;

    TeamApi(MembershipService membership) {
        this.membership = membership;
    }

    @GetMapping("/api/v1/teams")
    List<ReadModels.Team> list() {
        return membership.teams();
    }

    @PostMapping("/api/v1/teams")
    ResponseEntity<?> create(@RequestBody NewTeam team, Authentication auth) {
        ReadModels.Team created = membership.createTeam(team.code(), team.name(), auth.getName());
        return ResponseEntity.created(URI.create("/api/v1/teams/" + created.id())).body(created);
    }
}
