package org.gatewaypower.analysis;

import java.util.List;

/**
 * The power network of a balance run (see {@code physics.network} for the model and its limits): per mode the
 * run holds, the load and current of each element's buses, each converter's output, input and loss, and each
 * port's flow, all at the coincident MEV peak (every load at its peak power at once, in sunlight or in eclipse,
 * whichever is higher) and, for buses and converters, as orbit averages. Powers in W, currents in A.
 *
 * @param modelled whether the workspace has a network (at least one converter or port); without one, the balance
 *                 is as before the network existed and {@code modes} is empty
 * @param modes    per mode of the run, in order of first appearance
 */
public record NetworkReport(boolean modelled, List<ModeFlows> modes) {

    /** The name of the check of every converter's rating (and of 28 V loads without a converter). */
    public static final String CONVERTER_CHECK = "Converter ratings";
    /** The name of the check of every port's limit (and of elements without a path to a source). */
    public static final String PORT_CHECK = "Port limits";

    /** The report of a workspace without a network. */
    public static final NetworkReport NONE = new NetworkReport(false, List.of());

    public NetworkReport {
        modes = List.copyOf(modes);
    }

    /** The flows of mode {@code modeId}, or null when the run does not hold it. */
    public ModeFlows mode(long modeId) {
        return modes.stream().filter(m -> m.modeId() == modeId).findFirst().orElse(null);
    }

    /**
     * One mode's network.
     *
     * @param unsupplied names of the elements with load but no path to a source (through ports) in sunlight or in
     *                   eclipse
     */
    public record ModeFlows(long modeId, String modeName, List<BusLoad> buses, List<ConverterLoad> converters,
                            List<PortLoad> ports, List<String> unsupplied) {

        public ModeFlows {
            buses = List.copyOf(buses);
            converters = List.copyOf(converters);
            ports = List.copyOf(ports);
            unsupplied = List.copyOf(unsupplied);
        }

        /** The summed loss of every converter at the orbit average (W). */
        public double averageLossW() {
            return converters.stream().mapToDouble(ConverterLoad::averageLossW).sum();
        }
    }

    /**
     * One bus of one element. The 120 V bus carries the element's 120 V loads and its converters' inputs; the 28 V
     * bus its 28 V loads (only elements with a converter or a 28 V load have one).
     *
     * @param voltageV        120 or 28 (V)
     * @param peakW           at the coincident MEV peak (W)
     * @param averageW        orbit-average MEV (W)
     * @param peakCurrentA    {@code peakW} / voltage (A)
     * @param averageCurrentA {@code averageW} / voltage (A)
     * @param unconvertedW    28 V load at the peak with no converter to feed it (W)
     */
    public record BusLoad(long elementId, String elementName, double voltageV, double peakW, double averageW,
                          double peakCurrentA, double averageCurrentA, double unconvertedW) {
    }

    /**
     * One converter at the coincident peak, and its loss at the orbit average.
     *
     * @param efficiency   output / input (fraction)
     * @param outputW      power delivered to the 28 V bus at the peak (W)
     * @param inputW       power drawn from the 120 V bus at the peak (W)
     * @param lossW        input − output at the peak (W)
     * @param averageLossW loss at the orbit-average load (W)
     * @param ratingW      its output rating (W)
     * @param withinRating whether {@code outputW} ≤ {@code ratingW}
     */
    public record ConverterLoad(long converterId, String name, long elementId, String elementName, double efficiency,
                                double outputW, double inputW, double lossW, double averageLossW, double ratingW,
                                boolean withinRating) {
    }

    /**
     * One port at the coincident peak: of the sunlit peak (power entering at the elements with arrays) and the
     * eclipse peak (power leaving the batteries), the one with the larger flow.
     *
     * @param flowW       signed: positive from {@code fromElementId} to {@code toElementId} (W)
     * @param currentA    |flow| / 120 V (A)
     * @param inEclipse   whether the larger flow is the eclipse one
     * @param limitW      its limit in either direction (W)
     * @param withinLimit whether |flow| ≤ limit
     */
    public record PortLoad(long portId, String name, long fromElementId, long toElementId, double flowW,
                           double currentA, boolean inEclipse, double limitW, boolean withinLimit) {
    }
}
