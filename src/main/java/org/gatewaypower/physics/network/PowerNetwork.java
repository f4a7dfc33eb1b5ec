package org.gatewaypower.physics.network;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * Solves the power network at one operating point (see the package comment for the model and its limits).
 *
 * <p>For each element: its 28 V load is shared by its converters in proportion to their ratings; each converter
 * draws output / efficiency from the 120 V bus; the element's demand is its 120 V load plus its converters'
 * inputs. Within each connected part of the port tree the sources supply the part's total demand in proportion to
 * their weights, and the flow through each port is the net demand of the subtree behind it.
 */
public final class PowerNetwork {

    /** Nominal voltage of the primary bus (V). */
    public static final double PRIMARY_V = 120.0;
    /** Nominal voltage of the secondary bus (V). */
    public static final double SECONDARY_V = 28.0;
    /** Relative slack in the rating and limit comparisons, for rounding only (dimensionless). */
    static final double TOLERANCE = 1e-9;

    private PowerNetwork() {
    }

    /**
     * The port that closes a loop, if any: the first port, in list order, whose ends are already connected through
     * the ports before it. Null when the ports form a tree (or forest).
     *
     * @param nodeCount how many elements there are; every port end must be an index below it
     */
    public static PortSpec firstLoop(int nodeCount, List<PortSpec> ports) {
        int[] parent = new int[nodeCount];
        Arrays.setAll(parent, i -> i);
        for (PortSpec p : ports) {
            requireIndex(p.from(), nodeCount, p.name());
            requireIndex(p.to(), nodeCount, p.name());
            int a = root(parent, p.from());
            int b = root(parent, p.to());
            if (a == b) {
                return p;
            }
            parent[a] = b;
        }
        return null;
    }

    /**
     * The flows of the network.
     *
     * @throws IllegalArgumentException when an index is out of range or the ports form a loop
     */
    public static NetworkFlows solve(List<NetworkNode> nodes, List<ConverterSpec> converters, List<PortSpec> ports) {
        int n = nodes.size();
        PortSpec loop = firstLoop(n, ports);
        if (loop != null) {
            throw new IllegalArgumentException("ports must form a tree; port " + loop.name() + " closes a loop");
        }
        double[] ratingSum = new double[n];
        for (ConverterSpec c : converters) {
            requireIndex(c.node(), n, c.name());
            ratingSum[c.node()] += c.ratingW();
        }
        double[] demand = new double[n];
        double[] convertersIn = new double[n];
        List<NetworkFlows.ConverterFlow> converterFlows = new ArrayList<>();
        for (ConverterSpec c : converters) {
            double out = nodes.get(c.node()).secondaryLoadW() * c.ratingW() / ratingSum[c.node()];
            double in = out / c.efficiency();
            convertersIn[c.node()] += in;
            converterFlows.add(new NetworkFlows.ConverterFlow(c.name(), c.node(), out, in, in - out, in / PRIMARY_V,
                    out / SECONDARY_V, c.ratingW()));
        }
        double[] unconverted = new double[n];
        for (int i = 0; i < n; i++) {
            NetworkNode node = nodes.get(i);
            unconverted[i] = ratingSum[i] > 0 ? 0 : node.secondaryLoadW();
            demand[i] = node.primaryLoadW() + convertersIn[i] + unconverted[i];
        }
        Forest forest = Forest.of(n, ports);
        double[] source = new double[n];
        List<Integer> unsupplied = new ArrayList<>();
        for (List<Integer> part : forest.parts()) {
            double partDemand = part.stream().mapToDouble(i -> demand[i]).sum();
            double weights = part.stream().mapToDouble(i -> nodes.get(i).sourceWeight()).sum();
            if (weights > 0) {
                part.forEach(i -> source[i] = partDemand * nodes.get(i).sourceWeight() / weights);
            } else if (partDemand > 0) {
                unsupplied.addAll(part);
            }
        }
        double[] portFlow = forest.portFlows(ports, i -> source[i] - demand[i]);
        List<NetworkFlows.NodeFlow> nodeFlows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            NetworkNode node = nodes.get(i);
            double bus = demand[i];
            nodeFlows.add(new NetworkFlows.NodeFlow(node.name(), node.primaryLoadW(), node.secondaryLoadW(), bus,
                    bus / PRIMARY_V, node.secondaryLoadW() / SECONDARY_V, source[i], unconverted[i]));
        }
        List<NetworkFlows.PortFlow> portFlows = new ArrayList<>();
        for (int k = 0; k < ports.size(); k++) {
            PortSpec p = ports.get(k);
            portFlows.add(new NetworkFlows.PortFlow(p.name(), p.from(), p.to(), portFlow[k],
                    Math.abs(portFlow[k]) / PRIMARY_V, p.limitW()));
        }
        return new NetworkFlows(nodeFlows, converterFlows, portFlows, unsupplied);
    }

    private static void requireIndex(int index, int nodeCount, String what) {
        if (index >= nodeCount) {
            throw new IllegalArgumentException(what + " refers to element index " + index + " of " + nodeCount);
        }
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /**
     * The ports as a forest: for each element its parent port (or −1 at a part's root) and an order in which every
     * element comes after its parent.
     */
    private record Forest(int[] parentPort, int[] parentNode, List<Integer> order, List<List<Integer>> parts) {

        static Forest of(int n, List<PortSpec> ports) {
            List<List<Integer>> adjacent = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                adjacent.add(new ArrayList<>());
            }
            for (int k = 0; k < ports.size(); k++) {
                adjacent.get(ports.get(k).from()).add(k);
                adjacent.get(ports.get(k).to()).add(k);
            }
            int[] parentPort = new int[n];
            int[] parentNode = new int[n];
            Arrays.fill(parentPort, -2);
            List<Integer> order = new ArrayList<>();
            List<List<Integer>> parts = new ArrayList<>();
            for (int start = 0; start < n; start++) {
                if (parentPort[start] != -2) {
                    continue;
                }
                List<Integer> part = new ArrayList<>();
                Deque<Integer> queue = new ArrayDeque<>();
                parentPort[start] = -1;
                parentNode[start] = -1;
                queue.add(start);
                while (!queue.isEmpty()) {
                    int i = queue.poll();
                    part.add(i);
                    order.add(i);
                    for (int k : adjacent.get(i)) {
                        PortSpec p = ports.get(k);
                        int other = p.from() == i ? p.to() : p.from();
                        if (parentPort[other] == -2) {
                            parentPort[other] = k;
                            parentNode[other] = i;
                            queue.add(other);
                        }
                    }
                }
                parts.add(part);
            }
            return new Forest(parentPort, parentNode, order, parts);
        }

        /**
         * Each port's flow (W, positive from its {@code from} end): the net demand of the subtree it feeds, summed
         * from the leaves up.
         */
        double[] portFlows(List<PortSpec> ports, java.util.function.IntToDoubleFunction surplusW) {
            int n = parentPort.length;
            double[] subtreeSurplus = new double[n];
            for (int i = 0; i < n; i++) {
                subtreeSurplus[i] = surplusW.applyAsDouble(i);
            }
            double[] flows = new double[ports.size()];
            for (int idx = order.size() - 1; idx >= 0; idx--) {
                int i = order.get(idx);
                int k = parentPort[i];
                if (k < 0) {
                    continue;
                }
                // The subtree behind i takes (−surplus) from its parent through port k.
                double intoChild = -subtreeSurplus[i];
                flows[k] = ports.get(k).to() == i ? intoChild : -intoChild;
                subtreeSurplus[parentNode[i]] += subtreeSurplus[i];
            }
            return flows;
        }
    }
}
