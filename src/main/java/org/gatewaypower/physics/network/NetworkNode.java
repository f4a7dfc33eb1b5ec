package org.gatewaypower.physics.network;

/**
 * One element of the network: the loads on its buses and how much of the supply enters there.
 *
 * @param name           the element's name, for messages
 * @param primaryLoadW   load on its 120 V bus (W, ≥ 0)
 * @param secondaryLoadW load on its 28 V bus (W, ≥ 0), fed through the element's converters
 * @param sourceWeight   its share of the supply relative to the other elements of its connected part
 *                       (dimensionless, ≥ 0; e.g. its arrays' power in W in sunlight); 0 when no power enters here
 */
public record NetworkNode(String name, double primaryLoadW, double secondaryLoadW, double sourceWeight) {

    public NetworkNode {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a network node needs a name");
        }
        requireNonNegative(primaryLoadW, "primary load");
        requireNonNegative(secondaryLoadW, "secondary load");
        requireNonNegative(sourceWeight, "source weight");
    }

    static void requireNonNegative(double value, String what) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(what + " must be finite and ≥ 0, was " + value);
        }
    }
}
