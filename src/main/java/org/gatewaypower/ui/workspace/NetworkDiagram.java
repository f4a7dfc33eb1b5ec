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
        series.putObject("label").put("show", true).put("position", "bottom");
        series.putObject("edgeLabel").put("show", true).put("fontSize", 11);
        ArrayNode nodes = series.putArray("data");
        ArrayNode links = series.putArray("links");
        Map<Long, Integer> column = new HashMap<>();
        ws.elements().forEach(e -> column.put(e.id(), column.size()));
        java.util.Set<Long> secondary = new java.util.HashSet<>();
        ws.converters().forEach(c -> secondary.add(c.elementId()));
        if (flows != null) {
            flows.buses().stream().filter(b -> b.voltageV() < 100).forEach(b -> secondary.add(b.elementId()));
        }
        for (ReadModels.Element e : ws.elements()) {
            node(nodes, primary(e.id()), e.name() + " 120 V", column.get(e.id()), 0, busTip(flows, e.id(), 120));
            if (secondary.contains(e.id())) {
                node(nodes, lower(e.id()), e.name() + " 28 V", column.get(e.id()), 1, busTip(flows, e.id(), 28));
            }
        }
        for (ReadModels.Port p : ws.ports()) {
            NetworkReport.PortLoad f = find(flows == null ? List.of() : flows.ports(), x -> x.portId() == p.id());
            boolean reverse = f != null && f.flowW() < 0;
            String label = f == null ? p.name() + " · limit " + kw(p.limitW())
                    : p.name() + " " + kw(Math.abs(f.flowW())) + " / " + kw(p.limitW());
            link(links, primary(reverse ? p.toElementId() : p.fromElementId()),
                    primary(reverse ? p.fromElementId() : p.toElementId()), label, f != null && !f.withinLimit(), 0);
        }
        Map<Long, Integer> perElement = new HashMap<>();
        for (ReadModels.Converter c : ws.converters()) {
            NetworkReport.ConverterLoad f = find(flows == null ? List.of() : flows.converters(),
                    x -> x.converterId() == c.id());
            String label = f == null ? c.name() + " · " + kw(c.ratingW())
                    : String.format(Locale.ROOT, "%s %s / %s, loss %.0f W", c.name(), kw(f.outputW()), kw(c.ratingW()),
                    f.lossW());
            int k = perElement.merge(c.elementId(), 1, Integer::sum) - 1;
            link(links, primary(c.elementId()), lower(c.elementId()), label, f != null && !f.withinRating(),
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

    private static void node(ArrayNode nodes, String id, String name, int column, int row, String tip) {
        ObjectNode n = nodes.addObject();
        n.put("id", id).put("name", name).put("x", column * COLUMN_PX).put("y", row * ROW_PX)
                .put("symbolSize", row == 0 ? 34 : 26).put("symbol", row == 0 ? "roundRect" : "circle");
        n.putObject("itemStyle").put("color", row == 0 ? "#2c3e50" : "#7f8c8d");
        n.putObject("tooltip").put("formatter", tip);
    }

    private static void link(ArrayNode links, String source, String target, String label, boolean over,
                             double curveness) {
        ObjectNode l = links.addObject();
        l.put("source", source).put("target", target);
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

    private static String kw(double w) {
        return String.format(Locale.ROOT, "%.2f kW", w / 1000);
    }

    private static <T> T find(List<T> list, java.util.function.Predicate<T> which) {
        return list.stream().filter(which).findFirst().orElse(null);
    }
}
