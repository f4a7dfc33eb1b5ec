package org.gatewaypower.workspace.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.hibernate.envers.Audited;

@Entity
@Audited
@Table(name = "battery")
public class BatteryEntity extends AuditedEntity {

    @Column(name = "element_id", nullable = false)
    private long elementId;

    @Column(nullable = false, length = 120)
    private String name;

    @Column(name = "capacity_j", nullable = false)
    private double capacityJ;

    @Column(name = "min_state_of_charge", nullable = false)
    private double minStateOfCharge;

    @Column(name = "max_state_of_charge", nullable = false)
    private double maxStateOfCharge;

    @Column(name = "charge_efficiency", nullable = false)
    private double chargeEfficiency;

    @Column(name = "discharge_efficiency", nullable = false)
    private double dischargeEfficiency;

    @Column(name = "max_charge_power_w", nullable = false)
    private double maxChargePowerW;

    @Column(name = "max_discharge_power_w", nullable = false)
    private double maxDischargePowerW;

    @Column(name = "initial_state_of_charge", nullable = false)
    private double initialStateOfCharge;

    @Column(name = "capacity_fade_per_year", nullable = false)
    private double capacityFadePerYear;

    /** The team that supplies it; null when it is the element's owner. */
    @Column(name = "owner_team_id")
    private Long ownerTeamId;

    protected BatteryEntity() {
    }

    public BatteryEntity(long elementId) {
        this.elementId = elementId;
    }

    /** Replaces every editable value; the caller has validated them. */
    public void apply(String newName, double capJ, double minSoc, double maxSoc, double etaCharge,
                      double etaDischarge, double chargeW, double dischargeW, double initialSoc,
                      double fadePerYear) {
        this.capacityFadePerYear = settled(this.capacityFadePerYear, fadePerYear);
        this.name = newName;
        this.capacityJ = settled(this.capacityJ, capJ);
        this.minStateOfCharge = settled(this.minStateOfCharge, minSoc);
        this.maxStateOfCharge = settled(this.maxStateOfCharge, maxSoc);
        this.chargeEfficiency = settled(this.chargeEfficiency, etaCharge);
        this.dischargeEfficiency = settled(this.dischargeEfficiency, etaDischarge);
        this.maxChargePowerW = settled(this.maxChargePowerW, chargeW);
        this.maxDischargePowerW = settled(this.maxDischargePowerW, dischargeW);
        this.initialStateOfCharge = settled(this.initialStateOfCharge, initialSoc);
    }

    public long getElementId() {
        return elementId;
    }

    public String getName() {
        return name;
    }

    public double getCapacityJ() {
        return capacityJ;
    }

    public double getMinStateOfCharge() {
        return minStateOfCharge;
    }

    public double getMaxStateOfCharge() {
        return maxStateOfCharge;
    }

    public double getChargeEfficiency() {
        return chargeEfficiency;
    }

    public double getDischargeEfficiency() {
        return dischargeEfficiency;
    }

    public double getMaxChargePowerW() {
        return maxChargePowerW;
    }

    public double getMaxDischargePowerW() {
        return maxDischargePowerW;
    }

    public double getCapacityFadePerYear() {
        return capacityFadePerYear;
    }

    public double getInitialStateOfCharge() {
        return initialStateOfCharge;
    }

    public Long getOwnerTeamId() {
        return ownerTeamId;
    }

    public void setOwnerTeamId(Long ownerTeamId) {
        this.ownerTeamId = ownerTeamId;
    }
}
