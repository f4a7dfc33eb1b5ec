package org.gatewaypower.workspace.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.hibernate.envers.Audited;

/** A visiting vehicle's docking: its element, the window [start, end) and the power it exports (W). */
@Entity
@Audited
@Table(name = "docking")
public class DockingEntity extends AuditedEntity {

    @Column(name = "workspace_id", nullable = false)
    private long workspaceId;

    @Column(name = "vehicle_element_id", nullable = false)
    private long vehicleElementId;

    @Column(name = "start_at", nullable = false)
    private Instant startAt;

    @Column(name = "end_at", nullable = false)
    private Instant endAt;

    @Column(name = "export_w", nullable = false)
    private double exportW;

    @Column(length = 500)
    private String note;

    protected DockingEntity() {
    }

    public DockingEntity(long workspaceId) {
        this.workspaceId = workspaceId;
    }

    /** Replaces every editable value; the caller has validated them. */
    public void apply(long newVehicleElementId, Instant newStart, Instant newEnd, double newExportW, String newNote) {
        this.vehicleElementId = newVehicleElementId;
        this.startAt = newStart;
        this.endAt = newEnd;
        this.exportW = settled(exportW, newExportW);
        this.note = newNote;
    }

    public long getWorkspaceId() {
        return workspaceId;
    }

    public long getVehicleElementId() {
        return vehicleElementId;
    }

    public Instant getStartAt() {
        return startAt;
    }

    public Instant getEndAt() {
        return endAt;
    }

    public double getExportW() {
        return exportW;
    }

    public String getNote() {
        return note;
    }
}
