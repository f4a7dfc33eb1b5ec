package org.gatewaypower.workspace.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.hibernate.envers.Audited;

import org.gatewaypower.workspace.ElementKind;

@Entity
@Audited
@Table(name = "element")
public class ElementEntity extends AuditedEntity {

    @Column(name = "workspace_id", nullable = false)
    private long workspaceId;

    @Column(nullable = false, length = 120)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private ElementKind kind;

    @Column(name = "owner_team_id", nullable = false)
    private long ownerTeamId;

    protected ElementEntity() {
    }

    public ElementEntity(long workspaceId, String name, ElementKind kind, long ownerTeamId) {
        this.workspaceId = workspaceId;
        this.name = name;
        this.kind = kind;
        this.ownerTeamId = ownerTeamId;
    }

    public long getWorkspaceId() {
        return workspaceId;
    }

    public String getName() {
        return name;
    }

    public ElementKind getKind() {
        return kind;
    }

    public long getOwnerTeamId() {
        return ownerTeamId;
    }

    public void apply(String newName, ElementKind newKind, long newOwnerTeamId) {
        this.name = newName;
        this.kind = newKind;
        this.ownerTeamId = newOwnerTeamId;
    }
}
