package org.gatewaypower.physics.load;

/** Load-shedding priority: deferrable loads are shed first, critical loads never. */
public enum LoadPriority {
    CRITICAL("Critical"),
    ESSENTIAL("Essential"),
    DEFERRABLE("Deferrable");

    private final String label;

    LoadPriority(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
