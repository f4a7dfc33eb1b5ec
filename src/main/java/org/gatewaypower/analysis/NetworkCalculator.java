package org.gatewaypower.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.gatewaypower.physics.load.EclipseShedding;
import org.gatewaypower.physics.load.ModeLoad;
import org.gatewaypower.physics.network.ConverterSpec;
import org.gatewaypower.physics.network.NetworkFlows;
import org.gatewaypower.physics.network.NetworkNode;
import org.gatewaypower.physics.network.PortSpec;
import org.gatewaypower.physics.network.PowerNetwork;
import org.gatewaypower.workspace.Bus;
import org.gatewaypower.workspace.ReadModels;

/**
 * The workspace's power network in each mode of a run ({@link NetworkReport}) and its two checks, "Converter
 * ratings" and "Port limits". Where the power enters: in sunlight at the elements with arrays, in proportion to
 * their arrays' rated power; in eclipse at the elements with batteries, in proportion to their discharge limits.
 * Battery charging is not counted in the port flows (the sunlit flows carry the loads only).
 */
final class NetworkCalculator {

    static final String CONVERTER_CHECK = NetworkReport.CONVERTER_CHECK;
    static final String PORT_CHECK = NetworkReport.PORT_CHECK;

    private NetworkCalculator() {
    }

    /**
     * Per element with converters, what one watt of its 28 V load draws from its 120 V bus (dimensionless, ≥ 1):
     * the rating-weighted mean of 1 / efficiency, as its converters share the load by rating. Elements without a
     * converter are absent (their 28 V loads count as before, at the load).
     */
    static Map<Long, Double> secondaryInputFactor(ReadModels.WorkspaceSnapshot ws) {
        Map<Long, Double> ratings = new HashMap<>();
        Map<Long, Double> weighted = new HashMap<>();
        for (ReadModels.Converter c : ws.converters()) {
            ratings.merge(c.elementId(), c.ratingW(), Double::sum);
            weighted.merge(c.elementId(), c.ratingW() / c.efficiency(), Double::sum);
        }
        Map<Long, Double> out = new HashMap<>();
        ratings.forEach((element, rating) -> out.put(element, weighted.get(element) / rating));
        return out;
    }

    /** The network in every mode of the run; {@link NetworkReport#NONE} when the workspace has no network. */
    static NetworkReport report(ReadModels.WorkspaceSnapshot ws, List<Long> modeIds, double eclipseFraction,
                                EclipseShedding shedding) {
        if (ws.converters().isEmpty() && ws.ports().isEmpty()) {
            return NetworkReport.NONE;
        }
        Layout layout = Layout.of(ws);
        List<NetworkReport.ModeFlows> modes = new ArrayList<>();
        for (long modeId : modeIds) {
            modes.add(mode(ws, layout, modeId, eclipseFraction, shedding));
        }
        return new NetworkReport(true, modes);
    }

    /** The two checks of a network, judged in case {@code caseName}; none without a network. */
    static List<BalanceReport.Check> checks(ReadModels.WorkspaceSnapshot ws, NetworkReport r, String caseName) {
        if (!r.modelled()) {
            return List.of();
        }
        boolean several = r.modes().size() > 1;
        List<String> converterFailures = new ArrayList<>();
        Set<String> unconverted = new LinkedHashSet<>();
        List<String> portFailures = new ArrayList<>();
        Set<String> unsupplied = new LinkedHashSet<>();
        for (NetworkReport.ModeFlows m : r.modes()) {
            String in = several ? " in " + m.modeName() : "";
            m.converters().stream().filter(c -> !c.withinRating()).forEach(c -> converterFailures.add(String.format(
                    Locale.ROOT, "%s on %s %.2f kW of %.2f kW%s", c.name(), c.elementName(), c.outputW() / 1000,
                    c.ratingW() / 1000, in)));
            m.buses().stream().filter(b -> b.unconvertedW() > 0).forEach(b -> unconverted.add(b.elementName()));
            m.ports().stream().filter(p -> !p.withinLimit()).forEach(p -> portFailures.add(String.format(
                    Locale.ROOT, "%s %.2f kW of %.2f kW%s%s", p.name(), Math.abs(p.flowW()) / 1000, p.limitW() / 1000,
                    p.inEclipse() ? " in eclipse" : " in sunlight", in)));
            unsupplied.addAll(m.unsupplied());
        }
        List<BalanceReport.Check> checks = new ArrayList<>();
        List<String> converterFigures = new ArrayList<>(converterFailures);
        if (!unconverted.isEmpty()) {
            converterFigures.add("28 V loads without a converter on " + String.join(", ", unconverted));
        }
        checks.add(new BalanceReport.Check(CONVERTER_CHECK, "Every converter's output at the coincident MEV peak "
                + "(sunlight or eclipse, whichever is higher) ≤ its rating, and every element with 28 V loads has a "
                + "converter, in every mode the run holds", converterFigures.isEmpty(), converterFigures.isEmpty()
                ? highest(r) : String.join("; ", converterFigures), caseName));
        if (!ws.ports().isEmpty()) {
            List<String> portFigures = new ArrayList<>(portFailures);
            if (!unsupplied.isEmpty()) {
                portFigures.add("no path to a source for " + String.join(", ", unsupplied));
            }
            checks.add(new BalanceReport.Check(PORT_CHECK, "Every port's flow at the coincident MEV peak (sunlight: "
                    + "power from the arrays; eclipse: from the batteries) ≤ its limit, and every loaded element has a "
                    + "path to a source, in every mode the run holds", portFigures.isEmpty(), portFigures.isEmpty()
                    ? busiestPort(r) : String.join("; ", portFigures), caseName));
        }
        return checks;
    }

    // ---------------------------------------------------------------- one mode

    private static NetworkReport.ModeFlows mode(ReadModels.WorkspaceSnapshot ws, Layout layout, long modeId,
                                                double eclipseFraction, EclipseShedding shedding) {
        NetworkFlows sun = PowerNetwork.solve(layout.nodes(ws, modeId, false, shedding, layout.sunWeights),
                layout.converters, layout.ports);
        NetworkFlows dark = PowerNetwork.solve(layout.nodes(ws, modeId, true, shedding, layout.darkWeights),
                layout.converters, layout.ports);
        NetworkFlows average = PowerNetwork.solve(layout.averageNodes(ws, modeId, eclipseFraction, shedding),
                layout.converters, layout.ports);
        List<NetworkReport.BusLoad> buses = new ArrayList<>();
        for (int i = 0; i < layout.elements.size(); i++) {
            ReadModels.Element e = layout.elements.get(i);
            NetworkFlows.NodeFlow s = sun.nodes().get(i);
            NetworkFlows.NodeFlow d = dark.nodes().get(i);
            NetworkFlows.NodeFlow a = average.nodes().get(i);
            double primary = Math.max(s.primaryBusW(), d.primaryBusW());
            buses.add(new NetworkReport.BusLoad(e.id(), e.name(), PowerNetwork.PRIMARY_V, primary, a.primaryBusW(),
                    primary / PowerNetwork.PRIMARY_V, a.primaryBusW() / PowerNetwork.PRIMARY_V, 0));
            double secondary = Math.max(s.secondaryLoadW(), d.secondaryLoadW());
            if (secondary > 0 || layout.withConverter.contains(i)) {
                buses.add(new NetworkReport.BusLoad(e.id(), e.name(), PowerNetwork.SECONDARY_V, secondary,
                        a.secondaryLoadW(), secondary / PowerNetwork.SECONDARY_V,
                        a.secondaryLoadW() / PowerNetwork.SECONDARY_V, Math.max(s.unconvertedW(), d.unconvertedW())));
            }
        }
        List<NetworkReport.ConverterLoad> converters = new ArrayList<>();
        for (int k = 0; k < layout.converterIds.size(); k++) {
            NetworkFlows.ConverterFlow s = sun.converters().get(k);
            NetworkFlows.ConverterFlow d = dark.converters().get(k);
            NetworkFlows.ConverterFlow peak = d.outputW() > s.outputW() ? d : s;
            ReadModels.Element e = layout.elements.get(peak.node());
            ConverterSpec spec = layout.converters.get(k);
            converters.add(new NetworkReport.ConverterLoad(layout.converterIds.get(k), peak.name(), e.id(), e.name(),
                    spec.efficiency(), peak.outputW(), peak.inputW(), peak.lossW(),
                    average.converters().get(k).lossW(), peak.ratingW(), peak.withinRating()));
        }
        List<NetworkReport.PortLoad> ports = new ArrayList<>();
        for (int k = 0; k < layout.portIds.size(); k++) {
            NetworkFlows.PortFlow s = sun.ports().get(k);
            NetworkFlows.PortFlow d = dark.ports().get(k);
            boolean eclipse = Math.abs(d.flowW()) > Math.abs(s.flowW());
            NetworkFlows.PortFlow peak = eclipse ? d : s;
            ports.add(new NetworkReport.PortLoad(layout.portIds.get(k), peak.name(),
                    layout.elements.get(peak.from()).id(), layout.elements.get(peak.to()).id(), peak.flowW(),
                    peak.currentA(), eclipse, peak.limitW(), peak.withinLimit()));
        }
        Set<String> unsupplied = new LinkedHashSet<>();
        if (!layout.ports.isEmpty()) {
            sun.unsupplied().forEach(i -> unsupplied.add(layout.elements.get(i).name() + " (sunlight)"));
            dark.unsupplied().forEach(i -> unsupplied.add(layout.elements.get(i).name() + " (eclipse)"));
        }
        return new NetworkReport.ModeFlows(modeId, ws.mode(modeId).name(), buses, converters, ports,
                List.copyOf(unsupplied));
    }

    /** The converter nearest its rating, in words, for a passing check. */
    private static String highest(NetworkReport r) {
        NetworkReport.ConverterLoad best = null;
        String mode = null;
        for (NetworkReport.ModeFlows m : r.modes()) {
            for (NetworkReport.ConverterLoad c : m.converters()) {
                if (best == null || c.outputW() / c.ratingW() > best.outputW() / best.ratingW()) {
                    best = c;
                    mode = m.modeName();
                }
            }
        }
        return best == null ? "no converter" : String.format(Locale.ROOT, "highest %s on %s %.2f kW of %.2f kW (%s)",
                best.name(), best.elementName(), best.outputW() / 1000, best.ratingW() / 1000, mode);
    }

    private static String busiestPort(NetworkReport r) {
        return r.modes().stream().flatMap(m -> m.ports().stream())
                .max(java.util.Comparator.comparingDouble(p -> Math.abs(p.flowW()) / p.limitW()))
                .map(p -> String.format(Locale.ROOT, "highest %s %.2f kW of %.2f kW", p.name(),
                        Math.abs(p.flowW()) / 1000, p.limitW() / 1000)).orElse("no port");
    }

    // ---------------------------------------------------------------- the workspace as a network

    /** The elements as nodes (in snapshot order), the converters and ports by index, and the source weights. */
    private static final class Layout {
        final List<ReadModels.Element> elements;
        final List<ConverterSpec> converters = new ArrayList<>();
        final List<Long> converterIds = new ArrayList<>();
        final List<PortSpec> ports = new ArrayList<>();
        final List<Long> portIds = new ArrayList<>();
        final Set<Integer> withConverter = new java.util.HashSet<>();
        final double[] sunWeights;
        final double[] darkWeights;

        private Layout(List<ReadModels.Element> elements) {
            this.elements = elements;
            this.sunWeights = new double[elements.size()];
            this.darkWeights = new double[elements.size()];
        }

        static Layout of(ReadModels.WorkspaceSnapshot ws) {
            Layout l = new Layout(ws.elements());
            Map<Long, Integer> index = new HashMap<>();
            ws.elements().forEach(e -> index.put(e.id(), index.size()));
            for (ReadModels.Converter c : ws.converters()) {
                Integer i = index.get(c.elementId());
                if (i != null) {
                    l.converters.add(new ConverterSpec(c.name(), i, c.efficiency(), c.ratingW()));
                    l.converterIds.add(c.id());
                    l.withConverter.add(i);
                }
            }
            for (ReadModels.Port p : ws.ports()) {
                Integer from = index.get(p.fromElementId());
                Integer to = index.get(p.toElementId());
                if (from != null && to != null) {
                    l.ports.add(new PortSpec(p.name(), from, to, p.limitW()));
                    l.portIds.add(p.id());
                }
            }
            ws.arrays().forEach(a -> add(l.sunWeights, index.get(a.elementId()), a.ratedPowerW()));
            ws.batteries().forEach(b -> add(l.darkWeights, index.get(b.elementId()), b.maxDischargePowerW()));
            return l;
        }

        private static void add(double[] weights, Integer index, double w) {
            if (index != null) {
                weights[index] += w;
            }
        }

        /** Each element at its coincident MEV peak in sunlight or in eclipse (without the loads off there). */
        List<NetworkNode> nodes(ReadModels.WorkspaceSnapshot ws, long modeId, boolean eclipse, EclipseShedding shedding,
                                double[] weights) {
            List<NetworkNode> out = new ArrayList<>();
            for (int i = 0; i < elements.size(); i++) {
                long id = elements.get(i).id();
                out.add(new NetworkNode(elements.get(i).name(),
                        peakW(ws, modeId, eclipse, shedding, l -> l.elementId() == id && l.bus() != Bus.V28),
                        peakW(ws, modeId, eclipse, shedding, l -> l.elementId() == id && l.bus() == Bus.V28),
                        weights[i]));
            }
            return out;
        }

        /** Each element at its orbit-average MEV load; sources as in sunlight (only buses and converters are read). */
        List<NetworkNode> averageNodes(ReadModels.WorkspaceSnapshot ws, long modeId, double eclipseFraction,
                                       EclipseShedding shedding) {
            List<NetworkNode> out = new ArrayList<>();
            for (int i = 0; i < elements.size(); i++) {
                long id = elements.get(i).id();
                out.add(new NetworkNode(elements.get(i).name(), LoadPlan.planned(ws, modeId, eclipseFraction, shedding,
                        l -> l.elementId() == id && l.bus() != Bus.V28).orbit().mevAverageW(),
                        LoadPlan.planned(ws, modeId, eclipseFraction, shedding,
                                l -> l.elementId() == id && l.bus() == Bus.V28).orbit().mevAverageW(),
                        sunWeights[i]));
            }
            return out;
        }

        private static double peakW(ReadModels.WorkspaceSnapshot ws, long modeId, boolean eclipse,
                                    EclipseShedding shedding, Predicate<ReadModels.LoadItem> which) {
            List<ModeLoad.ItemAtDuty> items = new ArrayList<>();
            for (ReadModels.LoadItem l : ws.loads()) {
                if (which.test(l) && !(eclipse && shedding.shedsInEclipse(l.priority()))) {
                    items.add(new ModeLoad.ItemAtDuty(LoadPlan.toSpec(l), eclipse ? l.shadowDuty(modeId)
                            : l.duty(modeId)));
                }
            }
            return ModeLoad.of(items).mevPeakW();
        }
    }
}
