package org.gatewaypower.workspace.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.hibernate.envers.Audited;

/** A 120 V power transfer between two elements of a workspace; limit in W, either direction. */
@Entity
@Audited
@Table(name = "power_port")
public class PortEntity extends AuditedEntity {

    @Column(name = "workspace_id", nullable = false)
    private long workspaceId;

    @Column(nullable = false, length = 120)
    private String name;

    @Column(name = "from_element_id", nullable = false)
    private long fromElementId;

    @Column(name = "to_element_id", nullable = false)
    private long toElementId;

    @Column(name = "limit_w", nullable = false)
    private double limitW;

    protected PortEntity() {
    }

    public PortEntity(long workspaceId) {
        this.workspaceId = workspaceId;
    }

    /** Replaces every editable value; the caller has validated them. */
    public void apply(String newName, long newFrom, long newTo, double newLimitW) {
        this.name = newName;
        this.fromElementId = newFrom;
        this.toElementId = newTo;
        this.limitW = settled(limitW, newLimitW);
    }

    public long getWorkspaceId() {
        return workspaceId;
    }

    public String getName() {
        return name;
    }

    public long getFromElementId() {
        return fromElementId;
    }

    public long getToElementId() {
        return toElementId;
    }

    public double getLimitW() {
        return limitW;
    }
}
