package org.gatewaypower.ui.eclipse;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.gatewaypower.analysis.EclipseService;
import org.gatewaypower.physics.eclipse.Occulter;

/**
 * The eclipse page's two charts as Apache ECharts options (JSON): pure functions of the computed results, so
 * they run off the UI thread with the computation and are tested without a browser.
 */
final class EclipseChartOptions {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EARTH_COLOR = "rgba(74,144,226,0.30)";
    private static final String MOON_COLOR = "rgba(144,19,254,0.22)";
    private static final String SUN_COLOR = "#f5a623";

    private EclipseChartOptions() {
    }

    /** Lit fraction (%) against UTC time, each eclipse shaded by body, zoomable. */
    static String litOption(EclipseService.Catalogue cat, List<EclipseService.TrajectoryPoint> points) {
        ObjectNode root = JSON.createObjectNode();
        root.put("animation", false);
        // Time-axis labels and tooltips in UTC like every other time on the page, not the browser's zone.
        root.put("useUTC", true);
        root.putObject("tooltip").put("trigger", "axis");
        root.putObject("legend").put("top", 0);
        root.putObject("grid").put("left", 56).put("right", 24).put("top", 36).put("bottom", 64);
        root.putObject("xAxis").put("type", "time").put("min", cat.orbitCase().from().toEpochMilli())
                .put("max", cat.orbitCase().to().toEpochMilli());
        root.putObject("yAxis").put("type", "value").put("name", "Lit %").put("min", 0).put("max", 100);
        ArrayNode zoom = root.putArray("dataZoom");
        zoom.addObject().put("type", "slider").put("bottom", 8).put("filterMode", "none");
        zoom.addObject().put("type", "inside").put("filterMode", "none");
        ArrayNode series = root.putArray("series");
        ObjectNode lit = series.addObject();
        lit.put("name", "Lit fraction").put("type", "line").put("showSymbol", false).put("color", SUN_COLOR)
                .put("sampling", "lttb");
        lit.putObject("lineStyle").put("width", 1);
        lit.putObject("areaStyle").put("opacity", 0.08);
        ArrayNode data = lit.putArray("data");
        for (Map.Entry<Long, Double> p : litPoints(cat, points).entrySet()) {
            data.addArray().add(p.getKey()).add(round(p.getValue(), 2));
        }
        shadowSeries(series, "Earth shadow", EARTH_COLOR, "#2f6fb8", cat, Occulter.EARTH);
        shadowSeries(series, "Moon shadow", MOON_COLOR, "#7b2cbf", cat, Occulter.MOON);
        return root.toString();
    }

    /**
     * The sampled lit fraction (%) with each eclipse's contact times added: over a long span the sampling
     * step is longer than an eclipse, and without them the line would not dip for passes between
     * samples. Contacts are exact (100 % at penumbra entry and exit, 0 % at umbra entry and exit);
     * a pass clipped by the span end has no contact there, and a penumbra contact inside the other
     * body's shadow is not at 100 %, so neither is added.
     */
    private static NavigableMap<Long, Double> litPoints(EclipseService.Catalogue cat,
                                                        List<EclipseService.TrajectoryPoint> points) {
        NavigableMap<Long, Double> out = new TreeMap<>();
        points.forEach(p -> out.put(p.t().toEpochMilli(), 100 * p.litFraction()));
        Instant from = cat.orbitCase().from();
        Instant to = cat.orbitCase().to();
        for (EclipseService.Eclipse e : cat.eclipses()) {
            if (e.start().isAfter(from) && !inOtherShadow(cat, e, e.start())) {
                out.put(e.start().toEpochMilli(), 100.0);
            }
            if (e.end().isBefore(to) && !inOtherShadow(cat, e, e.end())) {
                out.put(e.end().toEpochMilli(), 100.0);
            }
            if (e.umbraStart() != null) {
                out.put(e.umbraStart().toEpochMilli(), 0.0);
                out.put(e.umbraEnd().toEpochMilli(), 0.0);
            }
        }
        return out;
    }

    private static boolean inOtherShadow(EclipseService.Catalogue cat, EclipseService.Eclipse e, Instant t) {
        return cat.eclipses().stream()
                .anyMatch(o -> o.body() != e.body() && !t.isBefore(o.start()) && !t.isAfter(o.end()));
    }

    /**
     * One series per body: a marker at each eclipse's middle (at its minimum lit %) and the eclipse
     * shaded. The marker keeps a pass visible when it is far narrower than a pixel of a long span, and
     * the legend names and toggles each body.
     */
    private static void shadowSeries(ArrayNode series, String name, String color, String markerColor,
                                     EclipseService.Catalogue cat, Occulter body) {
        ObjectNode s = series.addObject();
        s.put("name", name).put("type", "scatter").put("color", markerColor).put("symbol", "triangle")
                .put("symbolSize", 9).put("symbolRotate", 180);
        ArrayNode data = s.putArray("data");
        ObjectNode markArea = s.putObject("markArea").put("silent", true);
        markArea.putObject("itemStyle").put("color", color);
        ArrayNode areas = markArea.putArray("data");
        for (EclipseService.Eclipse e : cat.eclipses()) {
            if (e.body() == body) {
                long mid = (e.start().toEpochMilli() + e.end().toEpochMilli()) / 2;
                data.addObject().put("name", String.format(Locale.US, "%.1f min", e.durationSeconds() / 60))
                        .putArray("value").add(mid).add(round(100 * e.minLitFraction(), 2));
                ArrayNode pair = areas.addArray();
                pair.addObject().put("xAxis", e.start().toEpochMilli());
                pair.addObject().put("xAxis", e.end().toEpochMilli());
            }
        }
    }

    /** Earth-shadow hours (bars) and longest eclipse (line, second axis) per perilune offset. */
    static String phaseOption(List<EclipseService.PhasePoint> scan, EclipseService.PhasePoint best) {
        ObjectNode root = JSON.createObjectNode();
        root.put("animation", false);
        root.putObject("tooltip").put("trigger", "axis");
        root.putObject("legend").put("top", 0);
        root.putObject("grid").put("left", 56).put("right", 64).put("top", 40).put("bottom", 48);
        ObjectNode x = root.putObject("xAxis");
        x.put("type", "category").put("name", "Perilune offset (h)").put("nameLocation", "middle").put("nameGap", 28);
        ArrayNode categories = x.putArray("data");
        ArrayNode y = root.putArray("yAxis");
        y.addObject().put("type", "value").put("name", "Earth shadow (h)").put("min", 0);
        y.addObject().put("type", "value").put("name", "Longest eclipse (min)").put("min", 0)
                .putObject("splitLine").put("show", false);
        ArrayNode series = root.putArray("series");
        ObjectNode bars = series.addObject();
        bars.put("name", "Earth shadow (h)").put("type", "bar").put("color", "#4a90e2").put("barMaxWidth", 36);
        ArrayNode barData = bars.putArray("data");
        ObjectNode line = series.addObject();
        line.put("name", "Longest eclipse (min)").put("type", "line").put("yAxisIndex", 1).put("color", "#d0021b");
        ArrayNode lineData = line.putArray("data");
        for (EclipseService.PhasePoint p : scan) {
            categories.add(String.format(Locale.US, "%.1f", p.offsetHours()));
            ObjectNode bar = barData.addObject().put("value", round(p.earthShadowHours(), 3));
            if (p == best) {
                bar.putObject("itemStyle").put("color", "#417505");
            }
            lineData.add(round(p.longestEclipseMinutes(), 2));
        }
        if (best != null) {
            ArrayNode mark = line.putObject("markLine").put("silent", true).put("symbol", "none").putArray("data");
            mark.addObject().put("name", "best phase")
                    .put("xAxis", String.format(Locale.US, "%.1f", best.offsetHours()))
                    .putObject("label").put("formatter", "best");
        }
        return root.toString();
    }

    private static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }
}
