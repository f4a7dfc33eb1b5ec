package org.gatewaypower.workspace;

/** What happens during a phase of the operations timeline. */
public enum PhaseKind {
    UNCREWED("Uncrewed"),
    CREWED("Crewed stay"),
    ORION_DOCKED("Orion docked"),
    HLS_DOCKED("HLS docked"),
    EVA("EVA"),
    SEP_BURN("SEP burn"),
    SAFE_MODE("Safe mode"),
    OTHER("Other");

    private final String label;

    PhaseKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
