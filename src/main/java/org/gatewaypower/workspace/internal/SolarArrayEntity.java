package org.gatewaypower.workspace.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.hibernate.envers.Audited;

@Entity
@Audited
@Table(name = "solar_array")
public class SolarArrayEntity extends AuditedEntity {

    @Column(name = "element_id", nullable = false)
    private long elementId;

    @Column(nullable = false, length = 120)
    private String name;

    @Column(name = "rated_power_w", nullable = false)
    private double ratedPowerW;

    @Column(name = "degradation_per_year", nullable = false)
    private double degradationPerYear;

    @Column(name = "path_efficiency", nullable = false)
    private double pathEfficiency;

    @Column(name = "incidence_deg", nullable = false)
    private double incidenceDeg;

    @Column(name = "temperature_coefficient_per_k", nullable = false)
    private double temperatureCoefficientPerK;

    @Column(name = "temperature_offset_k", nullable = false)
    private double temperatureOffsetK;

    /** The team that supplies it; null when it is the element's owner. */
    @Column(name = "owner_team_id")
    private Long ownerTeamId;

    protected SolarArrayEntity() {
    }

    public SolarArrayEntity(long elementId) {
        this.elementId = elementId;
    }

    /** Replaces every editable value; the caller has validated them. */
    public void apply(String newName, double ratedW, double degradation, double efficiency, double incidence,
                      double coefficientPerK, double offsetK) {
        this.incidenceDeg = settled(this.incidenceDeg, incidence);
        this.temperatureCoefficientPerK = settled(this.temperatureCoefficientPerK, coefficientPerK);
        this.temperatureOffsetK = settled(this.temperatureOffsetK, offsetK);
        this.name = newName;
        this.ratedPowerW = settled(this.ratedPowerW, ratedW);
        this.degradationPerYear = settled(this.degradationPerYear, degradation);
        this.pathEfficiency = settled(this.pathEfficiency, efficiency);
    }

    public long getElementId() {
        return elementId;
    }

    public String getName() {
        return name;
    }

    public double getRatedPowerW() {
        return ratedPowerW;
    }

    public double getDegradationPerYear() {
        return degradationPerYear;
    }

    public double getIncidenceDeg() {
        return incidenceDeg;
    }

    public double getTemperatureCoefficientPerK() {
        return temperatureCoefficientPerK;
    }

    public double getTemperatureOffsetK() {
        return temperatureOffsetK;
    }

    public double getPathEfficiency() {
        return pathEfficiency;
    }

    public Long getOwnerTeamId() {
        return ownerTeamId;
    }

    public void setOwnerTeamId(Long ownerTeamId) {
        this.ownerTeamId = ownerTeamId;
    }
}
