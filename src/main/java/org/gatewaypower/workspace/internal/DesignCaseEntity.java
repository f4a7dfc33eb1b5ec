package org.gatewaypower.workspace.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(name = "design_case")
public class DesignCaseEntity extends AuditedEntity {

    @Column(name = "workspace_id", nullable = false)
    private long workspaceId;

    @Column(name = "active_mode_id", nullable = false)
    private long activeModeId;

    @Column(name = "orbit_period_s", nullable = false)
    private double orbitPeriodS;

    @Column(name = "eclipse_duration_s", nullable = false)
    private double eclipseDurationS;

    @Column(name = "array_age_years", nullable = false)
    private double arrayAgeYears;

    protected DesignCaseEntity() {
    }

    public DesignCaseEntity(long workspaceId) {
        this.workspaceId = workspaceId;
    }

    /** Replaces every editable value; the caller has validated them. */
    public void apply(long modeId, double periodS, double eclipseS, double ageYears) {
        this.activeModeId = modeId;
        this.orbitPeriodS = periodS;
        this.eclipseDurationS = eclipseS;
        this.arrayAgeYears = ageYears;
    }

    public long getWorkspaceId() {
        return workspaceId;
    }

    public long getActiveModeId() {
        return activeModeId;
    }

    public double getOrbitPeriodS() {
        return orbitPeriodS;
    }

    public double getEclipseDurationS() {
        return eclipseDurationS;
    }

    public double getArrayAgeYears() {
        return arrayAgeYears;
    }
}
