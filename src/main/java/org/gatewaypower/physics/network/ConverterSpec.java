package org.gatewaypower.physics.network;

/**
 * A DC-DC converter feeding an element's 28 V bus from its 120 V bus.
 *
 * @param name       for messages
 * @param node       index of its element in the network's node list
 * @param efficiency output / input (dimensionless, in (0, 1]), constant over the load range
 * @param ratingW    the output power it is rated for (W, &gt; 0)
 */
public record ConverterSpec(String name, int node, double efficiency, double ratingW) {

    public ConverterSpec {
        if (!(efficiency > 0 && efficiency <= 1)) {
            throw new IllegalArgumentException("converter efficiency must be in (0, 1], was " + efficiency);
        }
        if (!(ratingW > 0) || Double.isInfinite(ratingW)) {
            throw new IllegalArgumentException("converter rating must be finite and > 0 W, was " + ratingW);
        }
        if (node < 0) {
            throw new IllegalArgumentException("converter node index must be ≥ 0, was " + node);
        }
    }
}
