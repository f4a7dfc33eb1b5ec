package org.gatewaypower.workspace.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.hibernate.envers.Audited;

import org.gatewaypower.physics.load.MarginPolicy;
import org.gatewaypower.physics.load.EclipseShedding;
import org.gatewaypower.workspace.AnalysisTimeline;
import org.gatewaypower.workspace.DesignEclipseSource;

@Entity
@Audited
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

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private AnalysisTimeline timeline = AnalysisTimeline.DESIGN_CASE;

    @Column(name = "perilune_epoch", nullable = false)
    private Instant periluneEpoch;

    @Column(name = "span_start", nullable = false)
    private Instant spanStart;

    @Column(name = "span_days", nullable = false)
    private double spanDays;

    @Column(name = "bol_date", nullable = false)
    private Instant bolDate = Instant.parse("2027-01-01T00:00:00Z");

    @Column(name = "failed_capacity_share", nullable = false)
    private double failedCapacityShare;

    @Enumerated(EnumType.STRING)
    @Column(name = "margin_policy", nullable = false, length = 24)
    private MarginPolicy marginPolicy = MarginPolicy.ESA_SYSTEM;

    @Column(name = "transfer_limit_w", nullable = false)
    private double transferLimitW = 24_000.0;

    @Column(name = "mission_end", nullable = false)
    private Instant missionEnd = Instant.parse("2042-01-01T00:00:00Z");

    @Enumerated(EnumType.STRING)
    @Column(name = "eclipse_source", nullable = false, length = 16)
    private DesignEclipseSource eclipseSource = DesignEclipseSource.HAND;

    @Column(name = "picked_eclipse_start")
    private Instant pickedEclipseStart;

    @Enumerated(EnumType.STRING)
    @Column(name = "eclipse_shedding", nullable = false, length = 32)
    private EclipseShedding eclipseShedding = EclipseShedding.NONE;

    protected DesignCaseEntity() {
    }

    public DesignCaseEntity(long workspaceId) {
        this.workspaceId = workspaceId;
    }

    /** Replaces every editable value; the caller has validated them. */
    public void apply(long modeId, double periodS, double eclipseS, double ageYears, AnalysisTimeline newTimeline,
                      Instant newPeriluneEpoch, Instant newSpanStart, double newSpanDays) {
        apply(modeId, periodS, eclipseS, ageYears, newTimeline, newPeriluneEpoch, newSpanStart, newSpanDays,
                failedCapacityShare, marginPolicy, transferLimitW);
    }

    /** Replaces every editable value, including the life and policy settings; the caller validated them. */
    public void apply(long modeId, double periodS, double eclipseS, double ageYears, AnalysisTimeline newTimeline,
                      Instant newPeriluneEpoch, Instant newSpanStart, double newSpanDays, double failedShare,
                      MarginPolicy policy, double transferW) {
        this.failedCapacityShare = settled(this.failedCapacityShare, failedShare);
        this.marginPolicy = policy;
        this.transferLimitW = settled(this.transferLimitW, transferW);
        this.activeModeId = modeId;
        this.orbitPeriodS = settled(this.orbitPeriodS, periodS);
        this.eclipseDurationS = settled(this.eclipseDurationS, eclipseS);
        this.arrayAgeYears = settled(this.arrayAgeYears, ageYears);
        this.timeline = newTimeline;
        this.periluneEpoch = newPeriluneEpoch;
        this.spanStart = newSpanStart;
        this.spanDays = settled(this.spanDays, newSpanDays);
    }

    /** Sets where the design eclipse comes from, the mission end and the eclipse shedding; validated by the caller. */
    public void applyMission(Instant end, DesignEclipseSource source, Instant pickedStart, EclipseShedding shedding) {
        this.missionEnd = end;
        this.eclipseSource = source;
        this.pickedEclipseStart = pickedStart;
        this.eclipseShedding = shedding;
    }

    public Instant getMissionEnd() {
        return missionEnd;
    }

    public DesignEclipseSource getEclipseSource() {
        return eclipseSource;
    }

    public Instant getPickedEclipseStart() {
        return pickedEclipseStart;
    }

    public EclipseShedding getEclipseShedding() {
        return eclipseShedding;
    }

    public Instant getBolDate() {
        return bolDate;
    }

    public void setBolDate(Instant date) {
        this.bolDate = date;
    }

    public double getFailedCapacityShare() {
        return failedCapacityShare;
    }

    public MarginPolicy getMarginPolicy() {
        return marginPolicy;
    }

    public double getTransferLimitW() {
        return transferLimitW;
    }

    public AnalysisTimeline getTimeline() {
        return timeline;
    }

    public Instant getPeriluneEpoch() {
        return periluneEpoch;
    }

    public Instant getSpanStart() {
        return spanStart;
    }

    public double getSpanDays() {
        return spanDays;
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
