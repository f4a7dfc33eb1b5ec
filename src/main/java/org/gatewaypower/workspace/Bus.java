package org.gatewaypower.workspace;

/** Distribution bus a load is fed from (ISPSIS: 120 V DC element to element, 28 V DC). */
public enum Bus {
    V120("120 V"),
    V28("28 V");

    private final String label;

    Bus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
