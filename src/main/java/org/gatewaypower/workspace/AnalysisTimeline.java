package org.gatewaypower.workspace;

/** Which illumination the energy balance runs on. */
public enum AnalysisTimeline {
    /** One hand-sizing orbit: the design period with the longest eclipse at its start. */
    DESIGN_CASE("Design orbit (period and longest eclipse)"),
    /** The 9:2 NRHO placed with the Moon and Sun ephemerides over the analysis span. */
    EPHEMERIS("Ephemeris orbit (9:2 NRHO over the span)");

    private final String label;

    AnalysisTimeline(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
