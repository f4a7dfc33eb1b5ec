package org.gatewaypower.ui.baseline;

import java.util.List;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.gatewaypower.baseline.Baselines;
import org.gatewaypower.baseline.Comparison;

/** The comparison's state-of-charge chart as an Apache ECharts option (JSON): a pure function of the comparison. */
final class BaselineChartOptions {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BaselineChartOptions() {
    }

    /** Both state-of-charge curves (%) against hours from the start of each run. */
    static String socOption(Comparison c) {
        ObjectNode root = JSON.createObjectNode();
        root.put("animation", false);
        root.putObject("tooltip").put("trigger", "axis");
        root.putObject("legend").put("top", 0);
        root.putObject("grid").put("left", 56).put("right", 24).put("top", 36).put("bottom", 40);
        root.putObject("xAxis").put("type", "value").put("name", "h");
        root.putObject("yAxis").put("type", "value").put("name", "SOC %").put("max", 100);
        ArrayNode series = root.putArray("series");
        curve(series, "A: " + c.labelA(), "#4a90e2", c.socA());
        curve(series, "B: " + c.labelB(), "#d0021b", c.socB());
        return root.toString();
    }

    /** Hours to 0.001 h (3.6 s) and percent to 0.01 %: finer than the chart shows, and a smaller page. */
    private static void curve(ArrayNode series, String name, String color, List<Baselines.SocPoint> points) {
        ObjectNode s = series.addObject();
        s.put("name", name).put("type", "line").put("showSymbol", false).put("color", color);
        ArrayNode data = s.putArray("data");
        for (Baselines.SocPoint p : points) {
            data.addArray().add(Math.round(p.timeS() / 3.6) / 1000.0).add(Math.round(p.stateOfCharge() * 1e4) / 100.0);
        }
    }
}
