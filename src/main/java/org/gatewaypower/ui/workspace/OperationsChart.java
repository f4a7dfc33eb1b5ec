package org.gatewaypower.ui.workspace;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.gatewaypower.workspace.Operations.OperationPhase;
import org.gatewaypower.workspace.PhaseKind;
import org.gatewaypower.workspace.ReadModels;

/**
 * Builds the ECharts option of the operations Gantt chart: one row per phase kind, one bar per phase
 * from start to end, coloured by operating mode, on a UTC time axis; below them one row per visiting vehicle with a
 * bar per docking (series "Docked"). The option must be plain JSON
 * (no renderItem functions), so each bar is a two-point line series drawn thick on a category axis.
 */
final class OperationsChart {

    /** Bar thickness (px) and the height of one row and of the chart's frame (px). */
    static final int BAR_PX = 14;
    static final int ROW_PX = 44;
    static final int FRAME_PX = 110;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] PALETTE = {"#4a90e2", "#f5a623", "#7ed321", "#d0021b", "#9013fe", "#50e3c2",
        "#8b572a", "#417505", "#bd10e0", "#b8e986"};
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private OperationsChart() {
    }

    /** The kinds that have a row: those used by some phase, in the enum's order. */
    static List<PhaseKind> rows(List<OperationPhase> phases) {
        Set<PhaseKind> used = new LinkedHashSet<>();
        phases.forEach(p -> used.add(p.kind()));
        return Arrays.stream(PhaseKind.values()).filter(used::contains).toList();
    }

    /** Chart height (px) for the phases, so that rows keep their size however many there are. */
    static int heightPx(List<OperationPhase> phases) {
        return heightPx(phases, List.of());
    }

    /** Chart height (px) for the phases and the dockings' vehicle rows. */
    static int heightPx(List<OperationPhase> phases, List<ReadModels.Docking> dockings) {
        return FRAME_PX + ROW_PX * Math.max(2, rows(phases).size() + vehicleRows(dockings).size());
    }

    /** The row label of each docked vehicle, in order of first docking. */
    static List<String> vehicleRows(List<ReadModels.Docking> dockings) {
        Set<String> names = new LinkedHashSet<>();
        dockings.forEach(d -> names.add(vehicleRow(d)));
        return List.copyOf(names);
    }

    private static String vehicleRow(ReadModels.Docking d) {
        return "Docked: " + d.vehicleName();
    }

    /** A mode's colour: by its place in the workspace's mode order, so it is the same in every browser. */
    static String colour(List<ReadModels.Mode> modes, long modeId) {
        for (int i = 0; i < modes.size(); i++) {
            if (modes.get(i).id() == modeId) {
                return PALETTE[i % PALETTE.length];
            }
        }
        return "#888888";
    }

    static String option(List<OperationPhase> phases, List<ReadModels.Mode> modes) {
        return option(phases, modes, List.of());
    }

    static String option(List<OperationPhase> phases, List<ReadModels.Mode> modes, List<ReadModels.Docking> dockings) {
        ObjectNode root = JSON.createObjectNode();
        root.put("animation", false);
        root.put("useUTC", true);
        ObjectNode grid = root.putObject("grid");
        grid.put("left", 16).put("containLabel", true).put("right", 56).put("top", 40).put("bottom", 64);
        ObjectNode x = root.putObject("xAxis");
        x.put("type", "time").put("name", "UTC").putObject("axisLabel").put("hideOverlap", true);
        if (phases.isEmpty() && dockings.isEmpty()) {
            root.putObject("title").put("text", "No phases yet: add the first one below").put("left", "center")
                    .put("top", "middle").putObject("textStyle").put("fontSize", 14).put("color", "#888");
            root.putObject("yAxis").put("type", "category").putArray("data");
            return root.toString();
        }
        root.putObject("tooltip").put("trigger", "item").put("confine", true);
        List<PhaseKind> rows = rows(phases);
        ObjectNode y = root.putObject("yAxis");
        y.put("type", "category").put("inverse", true);
        ArrayNode categories = y.putArray("data");
        rows.forEach(k -> categories.add(k.label()));
        List<String> vehicles = vehicleRows(dockings);
        vehicles.forEach(categories::add);

        long min = java.util.stream.Stream.concat(phases.stream().map(OperationPhase::start),
                dockings.stream().map(ReadModels.Docking::start)).mapToLong(java.time.Instant::toEpochMilli).min()
                .orElseThrow();
        long max = java.util.stream.Stream.concat(phases.stream().map(OperationPhase::end),
                dockings.stream().map(ReadModels.Docking::end)).mapToLong(java.time.Instant::toEpochMilli).max()
                .orElseThrow();
        // A little room either side so the first and last bars do not touch the frame.
        long pad = Math.max(3_600_000L, (max - min) / 50);
        x.put("min", min - pad).put("max", max + pad);
        ArrayNode zoom = root.putArray("dataZoom");
        // filterMode none: a bar that starts before the window and ends after it is still drawn.
        zoom.addObject().put("type", "slider").put("bottom", 8).put("filterMode", "none");
        zoom.addObject().put("type", "inside").put("filterMode", "none");

        Map<Long, String> legendNames = new HashMap<>();
        List<String> legend = new ArrayList<>();
        ArrayNode series = root.putArray("series");
        for (OperationPhase p : phases) {
            String modeName = p.modeName() == null ? "Mode " + p.modeId() : p.modeName();
            if (legendNames.putIfAbsent(p.modeId(), modeName) == null) {
                legend.add(modeName);
            }
            String colour = colour(modes, p.modeId());
            int row = rows.indexOf(p.kind());
            bar(series, modeName, colour, p.name(), tooltip(p, modeName), p.start().toEpochMilli(),
                    p.end().toEpochMilli(), row);
        }
        for (ReadModels.Docking d : dockings) {
            int row = rows.size() + vehicles.indexOf(vehicleRow(d));
            String label = d.vehicleName() + (d.exportW() > 0
                    ? String.format(Locale.US, " · exports %.2f kW", d.exportW() / 1000) : "");
            bar(series, DOCKED, DOCKED_COLOUR, label, tooltip(d), d.start().toEpochMilli(), d.end().toEpochMilli(),
                    row);
        }
        if (!dockings.isEmpty()) {
            legend.add(DOCKED);
        }
        ArrayNode legendData = root.putObject("legend").put("top", 0).putArray("data");
        legend.forEach(legendData::add);
        return root.toString();
    }

    /** The series name and colour of docking bars. */
    static final String DOCKED = "Docked";
    private static final String DOCKED_COLOUR = "#5b6770";

    /** One bar: a two-point line drawn thick from {@code fromMs} to {@code toMs} on row {@code row}. */
    private static void bar(ArrayNode series, String name, String colour, String label, String tooltip, long fromMs,
                            long toMs, int row) {
        ObjectNode s = series.addObject();
        s.put("name", name).put("type", "line").put("color", colour).put("symbol", "rect").put("showSymbol", true);
        s.putArray("symbolSize").add(3).add(BAR_PX + 4);
        s.putObject("lineStyle").put("width", BAR_PX).put("color", colour).put("cap", "butt");
        s.putObject("itemStyle").put("color", colour);
        s.putObject("labelLayout").put("hideOverlap", true);
        s.putObject("tooltip").put("formatter", tooltip);
        ArrayNode data = s.putArray("data");
        ObjectNode first = data.addObject().put("name", label);
        first.putArray("value").add(fromMs).add(row);
        first.putObject("label").put("show", true).put("position", "top").put("align", "left")
                .put("formatter", "{b}").put("fontSize", 11);
        data.addObject().put("name", label).putArray("value").add(toMs).add(row);
    }

    private static String tooltip(ReadModels.Docking d) {
        double days = java.time.Duration.between(d.start(), d.end()).toSeconds() / 86_400.0;
        return "<b>" + html(d.vehicleName()) + " docked</b><br/>" + UTC.format(d.start()) + " to "
                + UTC.format(d.end()) + "<br/>" + String.format(Locale.US, "%.2f days · exports %.2f kW", days,
                d.exportW() / 1000) + (d.note() == null ? "" : "<br/>" + html(d.note()));
    }

    /** Tooltip HTML; user-typed names are escaped, since ECharts renders tooltips as HTML. */
    private static String tooltip(OperationPhase p, String modeName) {
        double days = p.duration().toSeconds() / 86_400.0;
        return "<b>" + html(p.name()) + "</b><br/>" + html(p.kind().label()) + " · mode " + html(modeName)
                + "<br/>" + UTC.format(p.start()) + " to " + UTC.format(p.end()) + "<br/>"
                + String.format(Locale.US, "%.2f days", days);
    }

    private static String html(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;").replace("{", "&#123;").replace("}", "&#125;");
    }
}
