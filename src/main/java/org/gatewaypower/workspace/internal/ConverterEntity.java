package org.gatewaypower.workspace.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.hibernate.envers.Audited;

/** A DC-DC converter feeding its element's 28 V bus from its 120 V bus (efficiency a fraction, rating in W). */
@Entity
@Audited
@Table(name = "converter")
public class ConverterEntity extends AuditedEntity {

    @Column(name = "element_id", nullable = false)
    private long elementId;

    @Column(nullable = false, length = 120)
    private String name;

    @Column(nullable = false)
    private double efficiency;

    @Column(name = "rating_w", nullable = false)
    private double ratingW;

    protected ConverterEntity() {
    }

    public ConverterEntity(long elementId) {
        this.elementId = elementId;
    }

    /** Replaces every editable value; the caller has validated them. */
    public void apply(long newElementId, String newName, double newEfficiency, double newRatingW) {
        this.elementId = newElementId;
        this.name = newName;
        this.efficiency = settled(efficiency, newEfficiency);
        this.ratingW = settled(ratingW, newRatingW);
    }

    public long getElementId() {
        return elementId;
    }

    public String getName() {
        return name;
    }

    public double getEfficiency() {
        return efficiency;
    }

    public double getRatingW() {
        return ratingW;
    }
}
