package org.gatewaypower.physics.load;

/**
 * The power margin a budget must keep, by agency and project phase (domain reference §5, from
 * Uludağ &amp; Aslan 2025, Aerospace 12:858): margin = (capability − MEV) / capability.
 */
public enum MarginPolicy {
    ESA_SYSTEM(0.20, "ESA system margin (20 %)"),
    NASA_PHASE_B(0.30, "NASA, phase B (30 %)"),
    NASA_PDR(0.20, "NASA, PDR (20 %)"),
    NASA_CDR(0.10, "NASA, CDR (10 %)"),
    JAXA_PDR(0.15, "JAXA, PDR (15 %)"),
    JAXA_CDR(0.10, "JAXA, CDR (10 %)"),
    JAXA_PRE_SHIPMENT(0.06, "JAXA, pre-shipment (6 %)");

    private final double requiredMargin;
    private final String label;

    MarginPolicy(double requiredMargin, String label) {
        this.requiredMargin = requiredMargin;
        this.label = label;
    }

    /** Smallest acceptable margin (dimensionless). */
    public double requiredMargin() {
        return requiredMargin;
    }

    public String label() {
        return label;
    }
}
