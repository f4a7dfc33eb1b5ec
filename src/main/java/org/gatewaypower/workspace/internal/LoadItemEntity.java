package org.gatewaypower.workspace.internal;

import java.util.HashMap;
import java.util.Map;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;

import org.hibernate.envers.Audited;

import org.gatewaypower.physics.load.LoadPriority;
import org.gatewaypower.physics.load.MaturityClass;
import org.gatewaypower.workspace.Bus;

@Entity
@Audited
@Table(name = "load_item")
public class LoadItemEntity extends AuditedEntity {

    @Column(name = "element_id", nullable = false)
    private long elementId;

    @Column(nullable = false, length = 120)
    private String name;

    @Column(nullable = false, length = 60)
    private String subsystem;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Bus bus;

    @Column(nullable = false)
    private int quantity;

    @Column(name = "standby_power_w", nullable = false)
    private double standbyPowerW;

    @Column(name = "operating_power_w", nullable = false)
    private double operatingPowerW;

    @Column(name = "peak_power_w", nullable = false)
    private double peakPowerW;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private MaturityClass maturity;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private LoadPriority priority;

    /** Duty cycle in eclipse where the item works in a mode; null: the same as in sunlight. */
    @Column(name = "shadow_duty")
    private Double shadowDuty;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "load_duty_cycle", joinColumns = @JoinColumn(name = "load_item_id"))
    @MapKeyColumn(name = "mode_id")
    @Column(name = "duty", nullable = false)
    private Map<Long, Double> dutyByMode = new HashMap<>();

    protected LoadItemEntity() {
    }

    public LoadItemEntity(long elementId) {
        this.elementId = elementId;
    }

    /** Replaces every editable value; the caller has validated them. */
    public void apply(long newElementId, String newName, String newSubsystem, Bus newBus, int newQuantity,
                      double standbyW, double operatingW, double peakW, Map<Long, Double> duties,
                      Double newShadowDuty, MaturityClass newMaturity, LoadPriority newPriority) {
        this.elementId = newElementId;
        this.name = newName;
        this.subsystem = newSubsystem;
        this.bus = newBus;
        this.quantity = newQuantity;
        this.standbyPowerW = settled(this.standbyPowerW, standbyW);
        this.operatingPowerW = settled(this.operatingPowerW, operatingW);
        this.peakPowerW = settled(this.peakPowerW, peakW);
        // Boxed on both branches: a null duty (as in sunlight) must stay null, not be unboxed.
        this.shadowDuty = newShadowDuty == null || this.shadowDuty == null ? newShadowDuty
                : Double.valueOf(settled(this.shadowDuty, newShadowDuty));
        this.maturity = newMaturity;
        this.priority = newPriority;
        Map<Long, Double> kept = settled(this.dutyByMode, duties);
        this.dutyByMode.clear();
        this.dutyByMode.putAll(kept);
    }

    public long getElementId() {
        return elementId;
    }

    public String getName() {
        return name;
    }

    public String getSubsystem() {
        return subsystem;
    }

    public Bus getBus() {
        return bus;
    }

    public int getQuantity() {
        return quantity;
    }

    public double getStandbyPowerW() {
        return standbyPowerW;
    }

    public double getOperatingPowerW() {
        return operatingPowerW;
    }

    public double getPeakPowerW() {
        return peakPowerW;
    }

    public Double getShadowDuty() {
        return shadowDuty;
    }

    public MaturityClass getMaturity() {
        return maturity;
    }

    public LoadPriority getPriority() {
        return priority;
    }

    public Map<Long, Double> getDutyByMode() {
        return Map.copyOf(dutyByMode);
    }

    /** Drops the duty cycle of a mode that is being removed. */
    public void removeDuty(long modeId) {
        dutyByMode.remove(modeId);
    }
}
