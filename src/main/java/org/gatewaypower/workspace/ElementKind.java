package org.gatewaypower.workspace;

/** What an element of the station is: a module or a docked vehicle. */
public enum ElementKind {
    PPE("PPE"),
    HALO("HALO"),
    I_HAB("I-Hab"),
    LUNAR_VIEW("Lunar View"),
    AIRLOCK("Airlock"),
    CANADARM3("Canadarm3"),
    ORION("Orion"),
    HLS("HLS"),
    LOGISTICS("Logistics"),
    OTHER("Other");

    private final String label;

    ElementKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
