package org.gatewaypower.workspace.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.hibernate.envers.Audited;

/** The power (W, orbit average) one element may draw in one operating mode. */
@Entity
@Audited
@Table(name = "element_allocation")
public class ElementAllocationEntity extends AuditedEntity {

    @Column(name = "element_id", nullable = false)
    private long elementId;

    @Column(name = "mode_id", nullable = false)
    private long modeId;

    @Column(name = "allocation_w", nullable = false)
    private double allocationW;

    protected ElementAllocationEntity() {
    }

    public ElementAllocationEntity(long elementId, long modeId) {
        this.elementId = elementId;
        this.modeId = modeId;
    }

    public long getElementId() {
        return elementId;
    }

    public long getModeId() {
        return modeId;
    }

    public double getAllocationW() {
        return allocationW;
    }

    /** Sets the allocation (W); the caller has validated it. The same value within rounding is no change. */
    public void setAllocationW(double watts) {
        this.allocationW = settled(allocationW, watts);
    }
}
