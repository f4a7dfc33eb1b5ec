package org.gatewaypower.workspace.internal;

import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import org.hibernate.envers.Audited;

@Entity
@Audited
@Table(name = "workspace")
public class WorkspaceEntity extends AuditedEntity {

    @Column(nullable = false, length = 120)
    private String name;

    @Column(nullable = false, length = 2000)
    private String description;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "workspace_team", joinColumns = @JoinColumn(name = "workspace_id"))
    @Column(name = "team_id")
    private Set<Long> teamIds = new LinkedHashSet<>();

    protected WorkspaceEntity() {
    }

    public WorkspaceEntity(String name, String description) {
        this.name = name;
        this.description = description;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public Set<Long> getTeamIds() {
        return Set.copyOf(teamIds);
    }

    public void addTeam(long teamId) {
        teamIds.add(teamId);
    }
}
