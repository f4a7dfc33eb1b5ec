package org.gatewaypower.physics.network;

import java.util.List;

/**
 * The power network at one operating point: what each bus, converter and port carries.
 *
 * @param nodes      per element, in the order of the input nodes
 * @param converters per converter, in the order of the input converters
 * @param ports      per port, in the order of the input ports
 * @param unsupplied indices of the elements whose connected part has demand but no source
 */
public record NetworkFlows(List<NodeFlow> nodes, List<ConverterFlow> converters, List<PortFlow> ports,
                           List<Integer> unsupplied) {

    public NetworkFlows {
        nodes = List.copyOf(nodes);
        converters = List.copyOf(converters);
        ports = List.copyOf(ports);
        unsupplied = List.copyOf(unsupplied);
    }

    /**
     * One element's buses.
     *
     * @param name            the element's name
     * @param primaryLoadW    load on its 120 V bus (W)
     * @param secondaryLoadW  load on its 28 V bus (W)
     * @param primaryBusW     what its 120 V bus delivers: its loads plus its converters' inputs (W)
     * @param primaryCurrentA current of {@code primaryBusW} at 120 V (A)
     * @param secondaryCurrentA current of {@code secondaryLoadW} at 28 V (A)
     * @param sourceW         power entering the network here (W)
     * @param unconvertedW    28 V load without a converter to feed it (W); counted at the 120 V bus without loss
     */
    public record NodeFlow(String name, double primaryLoadW, double secondaryLoadW, double primaryBusW,
                           double primaryCurrentA, double secondaryCurrentA, double sourceW, double unconvertedW) {
    }

    /**
     * One converter.
     *
     * @param name       its name
     * @param node       index of its element
     * @param outputW    power it delivers to the 28 V bus (W)
     * @param inputW     power it draws from the 120 V bus (W)
     * @param lossW      input − output (W)
     * @param inputCurrentA  input current at 120 V (A)
     * @param outputCurrentA output current at 28 V (A)
     * @param ratingW    its output rating (W)
     */
    public record ConverterFlow(String name, int node, double outputW, double inputW, double lossW,
                                double inputCurrentA, double outputCurrentA, double ratingW) {

        /** Whether its output stays within its rating. */
        public boolean withinRating() {
            return outputW <= ratingW * (1 + PowerNetwork.TOLERANCE);
        }
    }

    /**
     * One port.
     *
     * @param name     its name
     * @param from     index of the element a positive flow leaves
     * @param to       index of the element a positive flow enters
     * @param flowW    power through it (W), positive from {@code from} to {@code to}
     * @param currentA the magnitude of the current at 120 V (A)
     * @param limitW   its limit in either direction (W)
     */
    public record PortFlow(String name, int from, int to, double flowW, double currentA, double limitW) {

        /** Whether the flow stays within the limit in its direction. */
        public boolean withinLimit() {
            return Math.abs(flowW) <= limitW * (1 + PowerNetwork.TOLERANCE);
        }
    }

    /** The sum of every converter's loss (W). */
    public double converterLossW() {
        return converters.stream().mapToDouble(ConverterFlow::lossW).sum();
    }
}
