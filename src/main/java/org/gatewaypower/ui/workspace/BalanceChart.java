package org.gatewaypower.ui.workspace;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.gatewaypower.analysis.BalanceReport;
import org.gatewaypower.physics.energy.Downsampler;
import org.gatewaypower.physics.energy.PowerState;
import org.gatewaypower.physics.energy.SunlightTimeline;

/**
 * Builds the ECharts option for the energy-balance chart: generation, planned load, shedding and battery power
 * (kW, constant between events, so drawn as steps), each element's share of the planned load stacked under it,
 * and the state of charge (%, linear between events: exact), with eclipses shaded and the state-of-charge floor
 * drawn. Every series names its unit, so the tooltip reads "Generation (kW) 54.66".
 *
 * <p>The time axis is hours from the start of the run on the design orbit, and calendar time (UTC) on an
 * ephemeris run. The elements' shares are not stacked by ECharts, whose stacking on a value axis draws steps
 * wrongly: each element's band is drawn as the running sum up to it, computed here, filled to the axis and drawn
 * from the largest sum down so that each band shows as the difference to the one below. The top band's line is
 * the planned load line at every instant; tooltips give each running sum, named so.
 */
final class BalanceChart {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Most states plotted: a multi-year run has far more events than a browser chart draws fluidly. */
    static final int MAX_POINTS = 2_000;
    /** Eclipse bands are named only when there are this few; more would print over one another. */
    static final int MAX_NAMED_BANDS = 3;

    static final String GENERATION = "Generation (kW)";
    static final String LOAD = "Planned load, MEV (kW)";
    static final String SHED = "Shed at floor (kW)";
    static final String OFF = "Off in eclipse (kW)";
    static final String BATTERY = "Battery (kW)";
    static final String SOC = "State of charge (%)";

    private BalanceChart() {
    }

    static String option(BalanceReport report) {
        Instant start = report.runStart();
        ObjectNode root = JSON.createObjectNode();
        root.put("animation", false);
        // Confined to the chart, so that a tooltip near the top is not cut off by the results pane.
        root.putObject("tooltip").put("trigger", "axis").put("confine", true);
        // Two legend rows: the bus and battery series always on the first, the element bands on the second (which
        // pages when a station has many elements), so that the key series never hide behind a page arrow.
        ArrayNode legends = root.putArray("legend");
        ObjectNode busLegend = legends.addObject().put("top", 0).put("type", "scroll");
        busLegend.putArray("data").add(GENERATION).add(LOAD).add(SHED).add(OFF).add(BATTERY).add(SOC);
        ObjectNode bandLegend = legends.addObject().put("top", 22).put("type", "scroll");
        for (ObjectNode l : List.of(busLegend, bandLegend)) {
            l.put("itemWidth", 14).put("itemGap", 8).putObject("textStyle").put("fontSize", 11);
        }
        ArrayNode legend = bandLegend.putArray("data");
        ObjectNode grid = root.putObject("grid");
        grid.put("left", 56).put("right", 56).put("top", 76).put("bottom", 76);
        ObjectNode x = root.putObject("xAxis");
        // The axis name sits under the labels (not at the end, where it ran into the SOC axis), and the tooltip's
        // header, which ECharts takes from the axis pointer's label, says what the number is.
        x.put("nameLocation", "middle").put("nameGap", 24);
        ObjectNode header = x.putObject("axisPointer").putObject("label");
        if (start == null) {
            x.put("type", "value").put("name", "hours into the run").put("min", 0)
                    .put("max", round(report.spanS() / 3600, 4));
            header.put("precision", 2).put("formatter", "{value} h into the run");
        } else {
            x.put("type", "time").put("name", "UTC").put("min", start.toEpochMilli())
                    .put("max", start.toEpochMilli() + Math.round(report.spanS() * 1000));
            header.put("formatter", "{value} UTC");
        }
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
        ObjectNode gen = stepSeries(series, GENERATION, "#f5a623");
        bands(gen, report, start);
        ObjectNode load = stepSeries(series, LOAD, "#d0021b");
        // The two ways load goes unserved by the bus, kept apart: the floor rule's shedding (a failure) and the
        // eclipse shedding policy's planned switch-off.
        ObjectNode shedAtFloor = stepSeries(series, SHED, "#9013fe");
        ObjectNode offInEclipse = stepSeries(series, OFF, "#8b572a");
        offInEclipse.putObject("lineStyle").put("type", "dashed");
        // Largest running sum first, so each smaller one is drawn over it.
        List<ObjectNode> elements = new ArrayList<>();
        List<BalanceReport.ElementLoad> loads = report.elementLoads();
        for (int i = loads.size() - 1; i >= 0; i--) {
            ObjectNode es = stepSeries(series, cumulativeName(loads, i), null);
            es.remove("color");
            es.putObject("areaStyle").put("opacity", 0.9);
            es.putObject("lineStyle").put("width", 0);
            legend.add(cumulativeName(loads, i));
            elements.add(0, es);
        }
        ObjectNode battery = stepSeries(series, BATTERY, "#4a90e2");
        ObjectNode soc = series.addObject();
        soc.put("name", SOC).put("type", "line").put("yAxisIndex", 1).put("showSymbol", false)
                .put("color", "#417505");
        if (report.battery() != null) {
            ArrayNode floor = soc.putObject("markLine").put("silent", true).put("symbol", "none").putArray("data");
            floor.addObject().put("name", "floor").put("yAxis", round(100 * report.battery().minStateOfChargeLimit(), 1));
            if (start != null) {
                dockingMarks(floor, report, start);
            }
        }
        for (PowerState s : states) {
            double t = time(start, s.timeS());
            point(gen, t, s.generationW() / 1000, 2);
            // What the loads draw by plan: their demand less what the eclipse policy switches off.
            point(load, t, (s.loadW() - s.offInEclipseW()) / 1000, 2);
            point(shedAtFloor, t, s.shedW() / 1000, 2);
            point(offInEclipse, t, s.offInEclipseW() / 1000, 2);
            long mode = report.modeAt(s.timeS());
            boolean inEclipse = s.litFraction() < 1;
            double sum = 0;
            for (int i = 0; i < elements.size(); i++) {
                sum += report.elementLoads().get(i).mevW(mode, inEclipse) / 1000;
                point(elements.get(i), t, sum, 2);
            }
            point(battery, t, s.batteryPowerW() / 1000, 2);
            point(soc, t, 100 * s.stateOfCharge(), 1);
        }
        return root.toString();
    }

    /** The eclipses as shaded bands on the generation series; named only when few enough to read. */
    private static void bands(ObjectNode series, BalanceReport report, Instant start) {
        ObjectNode markArea = series.putObject("markArea").put("silent", true);
        markArea.putObject("itemStyle").put("color", "rgba(60,60,90,0.15)");
        ArrayNode area = markArea.putArray("data");
        boolean named = report.shadows().size() <= MAX_NAMED_BANDS;
        for (SunlightTimeline.Interval s : report.shadows()) {
            ArrayNode pair = area.addArray();
            ObjectNode from = pair.addObject();
            if (named) {
                from.put("name", "Eclipse");
            }
            from.put("xAxis", time(start, s.startS()));
            pair.addObject().put("xAxis", time(start, s.endS()));
        }
    }

    /** On the calendar, a vertical line where each visiting vehicle docks and one where it leaves. */
    private static void dockingMarks(ArrayNode lines, BalanceReport report, Instant start) {
        for (org.gatewaypower.analysis.Visit v : report.visits()) {
            if (!v.inRun()) {
                continue;
            }
            lines.addObject().put("name", v.vehicleName() + " docks").put("xAxis", Math.max(start.toEpochMilli(),
                    v.from().toEpochMilli())).putObject("label").put("formatter", "{b}");
            lines.addObject().put("name", v.vehicleName() + " leaves").put("xAxis", Math.min(
                    start.toEpochMilli() + Math.round(report.spanS() * 1000), v.to().toEpochMilli()))
                    .putObject("label").put("formatter", "{b}");
        }
    }

    /** The legend name of element {@code i}'s band: its name, and what the running sum adds up. */
    static String cumulativeName(List<BalanceReport.ElementLoad> loads, int i) {
        return i == 0 ? loads.get(0).name() + " (kW)" : "+ " + loads.get(i).name() + " (kW, sum)";
    }

    /** An x value: hours from the start of the run, or epoch milliseconds on the calendar. */
    private static double time(Instant start, double tS) {
        return start == null ? round(tS / 3600, 4) : start.toEpochMilli() + Math.round(tS * 1000);
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

    private static void point(ObjectNode series, double x, double y, int decimals) {
        ArrayNode data = series.has("data") ? (ArrayNode) series.get("data") : series.putArray("data");
        data.addArray().add(x).add(round(y, decimals));
    }

    private static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }
}
