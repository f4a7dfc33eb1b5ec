package org.gatewaypower.ui.workspace;

import java.util.List;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.gatewaypower.analysis.BalanceReport;
import org.gatewaypower.physics.energy.Downsampler;
import org.gatewaypower.physics.energy.PowerState;
import org.gatewaypower.physics.energy.SunlightTimeline;

/**
 * Builds the ECharts option for the design-orbit chart: generation, load and battery power (kW,
 * stepped: they are constant between events) and state of charge (%, linear between events: exact),
 * with the eclipse shaded and the state-of-charge floor drawn. Time axis in hours from eclipse entry.
 */
final class BalanceChart {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Most states plotted: a multi-year run has far more events than a browser chart draws fluidly. */
    static final int MAX_POINTS = 2_000;

    private BalanceChart() {
    }

    static String option(BalanceReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("animation", false);
        root.putObject("tooltip").put("trigger", "axis");
        ArrayNode legend = root.putObject("legend").put("top", 0).put("type", "scroll").putArray("data");
        legend.add("Generation").add("Load (MEV)").add("Shed at floor").add("Off in eclipse").add("Battery")
                .add("State of charge");
        ObjectNode grid = root.putObject("grid");
        grid.put("left", 56).put("right", 56).put("top", 60).put("bottom", 64);
        ObjectNode x = root.putObject("xAxis");
        x.put("type", "value").put("name", "h").put("min", 0).put("max", round(report.spanS() / 3600, 4));
        ArrayNode y = root.putArray("yAxis");
        y.addObject().put("type", "value").put("name", "kW");
        y.addObject().put("type", "value").put("name", "SOC %").put("min", 0).put("max", 100)
                .putObject("splitLine").put("show", false);
        double zoomEnd = zoomEndPercent(report);
        ArrayNode zoom = root.putArray("dataZoom");
        // filterMode none: a step that starts before the window and ends after it is still drawn.
        zoom.addObject().put("type", "slider").put("start", 0).put("end", zoomEnd).put("bottom", 8)
                .put("filterMode", "none");
        zoom.addObject().put("type", "inside").put("start", 0).put("end", zoomEnd).put("filterMode", "none");

        // Downsampled on the server, keeping each stretch's minima and maxima so the deepest discharge shows.
        List<PowerState> states = Downsampler.downsample(report.timeline(), MAX_POINTS);
        ArrayNode series = root.putArray("series");
        ObjectNode gen = stepSeries(series, "Generation", "#f5a623");
        ObjectNode markArea = gen.putObject("markArea").put("silent", true);
        markArea.putObject("itemStyle").put("color", "rgba(60,60,90,0.15)");
        ArrayNode area = markArea.putArray("data");
        for (SunlightTimeline.Interval s : report.shadows()) {
            ArrayNode pair = area.addArray();
            pair.addObject().put("name", "Eclipse").put("xAxis", round(s.startS() / 3600, 4));
            pair.addObject().put("xAxis", round(s.endS() / 3600, 4));
        }
        ObjectNode load = stepSeries(series, "Load (MEV)", "#d0021b");
        // The two ways load goes unserved by the bus, kept apart: the floor rule's shedding (a failure) and the
        // eclipse shedding policy's planned switch-off.
        ObjectNode shedAtFloor = stepSeries(series, "Shed at floor", "#9013fe");
        ObjectNode offInEclipse = stepSeries(series, "Off in eclipse", "#8b572a");
        offInEclipse.putObject("lineStyle").put("type", "dashed");
        // Each element's load, stacked: which module the demand comes from, against the generation line.
        List<ObjectNode> elements = new java.util.ArrayList<>();
        for (BalanceReport.ElementLoad e : report.elementLoads()) {
            ObjectNode es = stepSeries(series, e.name(), null);
            es.remove("color");
            es.put("stack", "elements");
            es.putObject("areaStyle").put("opacity", 0.35);
            es.putObject("lineStyle").put("width", 0);
            legend.add(e.name());
            elements.add(es);
        }
        ObjectNode battery = stepSeries(series, "Battery", "#4a90e2");
        ObjectNode soc = series.addObject();
        soc.put("name", "State of charge").put("type", "line").put("yAxisIndex", 1).put("showSymbol", false)
                .put("color", "#417505");
        if (report.battery() != null) {
            ArrayNode floor = soc.putObject("markLine").put("silent", true).put("symbol", "none").putArray("data");
            floor.addObject().put("name", "floor").put("yAxis", round(100 * report.battery().minStateOfChargeLimit(), 2));
        }
        for (PowerState s : states) {
            double h = round(s.timeS() / 3600, 5);
            point(gen, h, s.generationW() / 1000);
            point(load, h, s.loadW() / 1000);
            point(shedAtFloor, h, s.shedW() / 1000);
            point(offInEclipse, h, s.offInEclipseW() / 1000);
            long mode = report.modeAt(s.timeS());
            boolean inEclipse = s.litFraction() < 1;
            for (int i = 0; i < elements.size(); i++) {
                point(elements.get(i), h, report.elementLoads().get(i).mevW(mode, inEclipse) / 1000);
            }
            point(battery, h, s.batteryPowerW() / 1000);
            point(soc, h, 100 * s.stateOfCharge());
        }
        return root.toString();
    }

    /** Zooms on the eclipse and the recharge that follows, where the interesting part of a long orbit is. */
    private static double zoomEndPercent(BalanceReport r) {
        if (r.shadows().isEmpty() || r.shadows().size() > 1) {
            return 100;
        }
        double recharge = r.battery() != null && r.battery().rechargeTimeS() != null ? r.battery().rechargeTimeS() : 0;
        double end = r.shadows().get(0).endS() + 1.5 * recharge + 2 * r.longestEclipseS();
        return Math.min(100, Math.max(5, 100 * end / r.spanS()));
    }

    private static ObjectNode stepSeries(ArrayNode series, String name, String color) {
        ObjectNode s = series.addObject();
        s.put("name", name).put("type", "line").put("step", "end").put("showSymbol", false);
        if (color != null) {
            s.put("color", color);
        }
        return s;
    }

    private static void point(ObjectNode series, double x, double y) {
        ArrayNode data = series.has("data") ? (ArrayNode) series.get("data") : series.putArray("data");
        data.addArray().add(x).add(round(y, 4));
    }

    private static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }
}
