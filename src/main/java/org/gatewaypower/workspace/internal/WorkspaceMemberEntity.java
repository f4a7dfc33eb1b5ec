package org.gatewaypower.workspace.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.gatewaypower.workspace.WorkspaceRole;

@Entity
@Table(name = "workspace_member")
public class WorkspaceMemberEntity extends AuditedEntity {

    @Column(name = "workspace_id", nullable = false)
    private long workspaceId;

    @Column(nullable = false, length = 64)
    private String username;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private WorkspaceRole role;

    protected WorkspaceMemberEntity() {
    }

    public WorkspaceMemberEntity(long workspaceId, String username, WorkspaceRole role) {
        this.workspaceId = workspaceId;
        this.username = username;
        this.role = role;
    }

    public long getWorkspaceId() {
        return workspaceId;
    }

    public String getUsername() {
        return username;
    }

    public WorkspaceRole getRole() {
        return role;
    }

    public void setRole(WorkspaceRole role) {
        this.role = role;
    }
}
