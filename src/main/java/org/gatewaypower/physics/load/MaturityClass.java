package org.gatewaypower.physics.load;

/**
 * Design maturity of a load item, which sets the contingency added to its current best estimate.
 *
 * <p>Values are ESA's minimum equipment-level contingencies (5 / 10 / 20 %), as summarised by
 * Uludağ &amp; Aslan 2025, Aerospace 12:858. Other agencies' phase-dependent policies come with the
 * selectable margin policy.
 */
public enum MaturityClass {
    /** Off-the-shelf, flight-proven equipment: 5 % contingency. */
    OFF_THE_SHELF(0.05, "Off the shelf"),
    /** Existing design with modifications: 10 % contingency. */
    MODIFIED(0.10, "Modified"),
    /** New design: 20 % contingency. */
    NEW_DESIGN(0.20, "New design");

    private final double contingency;
    private final String label;

    MaturityClass(double contingency, String label) {
        this.contingency = contingency;
        this.label = label;
    }

    /** Contingency as a fraction of the current best estimate (dimensionless). */
    public double contingency() {
        return contingency;
    }

    public String label() {
        return label;
    }
}
