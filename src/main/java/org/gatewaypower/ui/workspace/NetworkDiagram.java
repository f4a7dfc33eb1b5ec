package org.gatewaypower.ui.workspace;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.gatewaypower.analysis.NetworkReport;
import org.gatewaypower.workspace.ReadModels;

/**
 * Builds the ECharts option of the network diagram (series type {@code graph}): each element's 120 V bus on the
 * upper row and, where it has one, its 28 V bus below it; ports are edges between 120 V buses, converters edges
 * from an element's 120 V bus down to its 28 V bus. Every edge is labelled with the analysed mode's coincident-peak
 * flow against its limit or rating, drawn in the flow's direction, and red when over it.
 */
final class NetworkDiagram {

    static final String OVER = "#d0021b";
    private static final String OK = "#4a90e2";
    private static final int COLUMN_PX = 160;
    private static final int ROW_PX = 140;
    private static final ObjectMapper JSON = new ObjectMapper();

    private NetworkDiagram() {
    }

    /** The option for the snapshot's network with the flows of {@code flows} (null: no flows, limits only). */
    static String option(ReadModels.WorkspaceSnapshot ws, NetworkReport.ModeFlows flows) {
        ObjectNode root = JSON.createObjectNode();
        root.put("animation", false);
        root.putObject("tooltip").put("confine", true);
        if (ws.converters().isEmpty() && ws.ports().isEmpty()) {
            root.putObject("title").put("text", "No network yet: add a converter or a port below").put("left", "center")
                    .put("top", "middle").putObject("textStyle").put("fontSize", 14).put("color", "#888");
            return root.toString();
        }
        if (flows != null) {
            root.putObject("title").put("text", "Coincident MEV peak · " + flows.modeName()).put("left", "center")
                    .putObject("textStyle").put("fontSize", 13);
        }
        ObjectNode series = root.putArray("series").addObject();
        series.put("type", "graph").put("layout", "none").put("roam", true).put("top", 50).put("bottom", 30);
        series.putArray("edgeSymbol").add("none").add("arrow");
        series.putObject("label").put("show", true).put("position", "bottom").put("fontSize", 11);
        series.putObject("edgeLabel").put("show", true).put("fontSize", 10);
        ArrayNode nodes = series.putArray("data");
        ArrayNode links = series.putArray("links");
        Map<Long, double[]> at = treePositions(ws);
        java.util.Set<Long> secondary = new java.util.HashSet<>();
        ws.converters().forEach(c -> secondary.add(c.elementId()));
        if (flows != null) {
            flows.buses().stream().filter(b -> b.voltageV() < 100).forEach(b -> secondary.add(b.elementId()));
        }
        for (ReadModels.Element e : ws.elements()) {
            double[] xy = at.get(e.id());
            node(nodes, primary(e.id()), e.name() + " 120 V", e.name(), xy[0], xy[1], true,
                    busTip(flows, e.id(), 120));
            if (secondary.contains(e.id())) {
                node(nodes, lower(e.id()), e.name() + " 28 V", "28 V", xy[0] + COLUMN_PX * 0.35,
                        xy[1] + ROW_PX * 0.7, false,
                        busTip(flows, e.id(), 28));
            }
        }
        for (ReadModels.Port p : ws.ports()) {
            NetworkReport.PortLoad f = find(flows == null ? List.of() : flows.ports(), x -> x.portId() == p.id());
            boolean reverse = f != null && f.flowW() < 0;
            // On the line only the figures; the names are in its tooltip (long labels along 8 lines overlapped).
            String label = f == null ? "limit " + kw(p.limitW()) : share(Math.abs(f.flowW()), p.limitW());
            String tip = f == null ? p.name() + " · limit " + kw(p.limitW())
                    : p.name() + " " + kw(Math.abs(f.flowW())) + " / " + kw(p.limitW());
            link(links, primary(reverse ? p.toElementId() : p.fromElementId()),
                    primary(reverse ? p.fromElementId() : p.toElementId()), label, tip,
                    f != null && !f.withinLimit(), 0);
        }
        Map<Long, Integer> perElement = new HashMap<>();
        for (ReadModels.Converter c : ws.converters()) {
            NetworkReport.ConverterLoad f = find(flows == null ? List.of() : flows.converters(),
                    x -> x.converterId() == c.id());
            String label = f == null ? kw(c.ratingW()) : share(f.outputW(), c.ratingW());
            String tip = f == null ? c.name() + " · " + kw(c.ratingW())
                    : String.format(Locale.ROOT, "%s %s / %s, loss %.0f W", c.name(), kw(f.outputW()), kw(c.ratingW()),
                    f.lossW());
            int k = perElement.merge(c.elementId(), 1, Integer::sum) - 1;
            link(links, primary(c.elementId()), lower(c.elementId()), label, tip, f != null && !f.withinRating(),
                    0.25 * k);
        }
        return root.toString();
    }

    private static String primary(long elementId) {
        return "e" + elementId + "-120";
    }

    private static String lower(long elementId) {
        return "e" + elementId + "-28";
    }

    /**
     * Where each element's 120 V bus sits (x, y in px before ECharts fits them): the ports as a tree drawn top down
     * from the element with arrays (the power enters there), one level per port, each level centred; elements no
     * port reaches form a last level. A row of all buses side by side made every port a horizontal line over the
     * buses between its ends, with the labels on top of each other.
     */
    private static Map<Long, double[]> treePositions(ReadModels.WorkspaceSnapshot ws) {
        Map<Long, List<Long>> next = new HashMap<>();
        for (ReadModels.Port p : ws.ports()) {
            next.computeIfAbsent(p.fromElementId(), k -> new java.util.ArrayList<>()).add(p.toElementId());
            next.computeIfAbsent(p.toElementId(), k -> new java.util.ArrayList<>()).add(p.fromElementId());
        }
        long root = ws.arrays().isEmpty() ? ws.elements().get(0).id() : ws.arrays().get(0).elementId();
        Map<Long, Integer> depth = new java.util.LinkedHashMap<>();
        java.util.ArrayDeque<Long> queue = new java.util.ArrayDeque<>(List.of(root));
        depth.put(root, 0);
        while (!queue.isEmpty()) {
            long e = queue.poll();
            for (long n : next.getOrDefault(e, List.of())) {
                if (depth.putIfAbsent(n, depth.get(e) + 1) == null) {
                    queue.add(n);
                }
            }
        }
        int last = depth.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        ws.elements().forEach(e -> depth.putIfAbsent(e.id(), last));
        Map<Integer, List<Long>> levels = new java.util.TreeMap<>();
        ws.elements().forEach(e -> levels.computeIfAbsent(depth.get(e.id()), k -> new java.util.ArrayList<>())
                .add(e.id()));
        Map<Long, double[]> out = new HashMap<>();
        levels.forEach((level, ids) -> {
            for (int i = 0; i < ids.size(); i++) {
                out.put(ids.get(i), new double[] {(i - (ids.size() - 1) / 2.0) * COLUMN_PX, level * 2.0 * ROW_PX});
            }
        });
        return out;
    }

    /** A bus; {@code name} is unique (ECharts keys nodes by it), {@code shown} is what the diagram writes. */
    private static void node(ArrayNode nodes, String id, String name, String shown, double x, double y,
                             boolean primary, String tip) {
        ObjectNode n = nodes.addObject();
        n.putObject("label").put("formatter", shown);
        n.put("id", id).put("name", name).put("x", x).put("y", y)
                .put("symbolSize", primary ? 30 : 20).put("symbol", primary ? "roundRect" : "circle");
        n.putObject("itemStyle").put("color", primary ? "#2c3e50" : "#7f8c8d");
        n.putObject("tooltip").put("formatter", tip);
    }

    private static void link(ArrayNode links, String source, String target, String label, String tip, boolean over,
                             double curveness) {
        ObjectNode l = links.addObject();
        l.put("source", source).put("target", target);
        l.putObject("tooltip").put("formatter", tip);
        l.putObject("lineStyle").put("color", over ? OVER : OK).put("width", over ? 3 : 2).put("curveness", curveness);
        ObjectNode text = l.putObject("label");
        text.put("formatter", label);
        if (over) {
            text.put("color", OVER).put("fontWeight", "bold");
        }
    }

    private static String busTip(NetworkReport.ModeFlows flows, long elementId, double voltage) {
        NetworkReport.BusLoad b = flows == null ? null : find(flows.buses(),
                x -> x.elementId() == elementId && x.voltageV() == voltage);
        return b == null ? "" : String.format(Locale.ROOT, "%s %.0f V: peak %s (%.1f A), orbit average %s (%.1f A)",
                b.elementName(), voltage, kw(b.peakW()), b.peakCurrentA(), kw(b.averageW()), b.averageCurrentA());
    }

    /** A flow against its limit on one line: "8.34 / 12.00 kW". */
    private static String share(double w, double limitW) {
        return String.format(Locale.ROOT, "%.2f / %.2f kW", w / 1000, limitW / 1000);
    }

    private static String kw(double w) {
        return String.format(Locale.ROOT, "%.2f kW", w / 1000);
    }

    private static <T> T find(List<T> list, java.util.function.Predicate<T> which) {
        return list.stream().filter(which).findFirst().orElse(null);
    }
}
