package org.gatewaypower.physics.network;

/**
 * A 120 V power transfer between two elements (a docking port or an interface).
 *
 * @param name   for messages
 * @param from   index of one end in the network's node list; a positive flow runs from here
 * @param to     index of the other end; a negative flow runs from here to {@code from}
 * @param limitW the most power it may pass in either direction (W, &gt; 0)
 */
public record PortSpec(String name, int from, int to, double limitW) {

    public PortSpec {
        if (from < 0 || to < 0) {
            throw new IllegalArgumentException("port node indices must be ≥ 0, were " + from + " and " + to);
        }
        if (from == to) {
            throw new IllegalArgumentException("port " + name + " connects an element with itself");
        }
        if (!(limitW > 0) || Double.isInfinite(limitW)) {
            throw new IllegalArgumentException("port limit must be finite and > 0 W, was " + limitW);
        }
    }
}
