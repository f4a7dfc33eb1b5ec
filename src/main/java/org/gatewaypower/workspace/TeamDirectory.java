package org.gatewaypower.workspace;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.gatewaypower.workspace.internal.PartnerTeamRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The partner teams, for modules that only need to name them (accounts). Kept apart from
 * {@link MembershipService} so that the account module, which the workspace module asks who an actor
 * is, does not depend back on the membership service.
 */
@Service
public class TeamDirectory {

    private final PartnerTeamRepository teams;

    TeamDirectory(PartnerTeamRepository teams) {
        this.teams = teams;
    }

    @Transactional(readOnly = true)
    public List<ReadModels.Team> teams() {
        return teams.findAll().stream().map(t -> new ReadModels.Team(t.getId(), t.getCode(), t.getName()))
                .sorted(Comparator.comparing(ReadModels.Team::code)).toList();
    }

    @Transactional(readOnly = true)
    public Optional<ReadModels.Team> byCode(String code) {
        return teams.findByCode(code).map(t -> new ReadModels.Team(t.getId(), t.getCode(), t.getName()));
    }

    @Transactional(readOnly = true)
    public Optional<ReadModels.Team> byId(long id) {
        return teams.findById(id).map(t -> new ReadModels.Team(t.getId(), t.getCode(), t.getName()));
    }
}
