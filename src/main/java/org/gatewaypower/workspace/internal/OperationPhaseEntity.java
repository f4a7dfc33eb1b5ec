package org.gatewaypower.workspace.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.hibernate.envers.Audited;

import org.gatewaypower.workspace.PhaseKind;

@Entity
@Audited
@Table(name = "operation_phase")
public class OperationPhaseEntity extends AuditedEntity {

    @Column(name = "workspace_id", nullable = false)
    private long workspaceId;

    @Column(nullable = false, length = 120)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    private PhaseKind kind;

    @Column(name = "mode_id", nullable = false)
    private long modeId;

    @Column(name = "start_at", nullable = false)
    private Instant startAt;

    @Column(name = "end_at", nullable = false)
    private Instant endAt;

    protected OperationPhaseEntity() {
    }

    public OperationPhaseEntity(long workspaceId) {
        this.workspaceId = workspaceId;
    }

    /** Replaces every editable value; the caller has validated them. */
    public void apply(String newName, PhaseKind newKind, long newModeId, Instant newStart, Instant newEnd) {
        this.name = newName;
        this.kind = newKind;
        this.modeId = newModeId;
        this.startAt = newStart;
        this.endAt = newEnd;
    }

    public long getWorkspaceId() {
        return workspaceId;
    }

    public String getName() {
        return name;
    }

    public PhaseKind getKind() {
        return kind;
    }

    public long getModeId() {
        return modeId;
    }

    public Instant getStartAt() {
        return startAt;
    }

    public Instant getEndAt() {
        return endAt;
    }
}
