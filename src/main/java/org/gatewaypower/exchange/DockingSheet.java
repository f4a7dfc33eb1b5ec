package org.gatewaypower.exchange;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import org.gatewaypower.analysis.BalanceReport;
import org.gatewaypower.analysis.Visit;
import org.gatewaypower.units.Units;
import org.gatewaypower.workspace.ReadModels;

/**
 * The workbook's "Dockings" sheet: each visiting vehicle's docking (vehicle, window in UTC, export, note) and, when
 * the standard run is on the calendar, what it does there (MEV draw, minimum state of charge with and without it).
 * Written only when the workspace has dockings, so a workbook without them keeps its former sheets.
 */
final class DockingSheet {

    /** The sheet's name, reserved against element sheets of the same name. */
    static final String NAME = "Dockings";

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private DockingSheet() {
    }

    static void write(XSSFWorkbook wb, CellStyle header, CellStyle figure, ReadModels.WorkspaceSnapshot ws,
                      BalanceReport report) {
        if (ws.dockings().isEmpty()) {
            return;
        }
        Map<Long, Visit> visits = report == null ? Map.of() : report.visits().stream()
                .collect(Collectors.toMap(Visit::dockingId, Function.identity()));
        Sheet s = wb.createSheet(NAME);
        int n = 0;
        cells(s.createRow(n++), header, null, List.of("Vehicle", "From (UTC)", "To (UTC)", "Export (kW)", "Note",
                "In the run", "MEV draw, average (kW)", "MEV draw, peak (kW)", "Minimum SOC with it (%)",
                "Minimum SOC without it (%)", "Effect on minimum SOC (points)"));
        for (ReadModels.Docking d : ws.dockings()) {
            Visit v = visits.get(d.id());
            boolean counted = v != null && v.inRun();
            cells(s.createRow(n++), null, figure, java.util.Arrays.asList(d.vehicleName(), UTC.format(d.start()),
                    UTC.format(d.end()), d.exportW() / Units.W_PER_KW, d.note(), counted ? "yes" : "no",
                    counted ? v.mevAverageW() / Units.W_PER_KW : null, counted ? v.mevPeakW() / Units.W_PER_KW : null,
                    counted && v.minSocWith() != null ? 100 * v.minSocWith() : null,
                    counted && v.minSocWithout() != null ? 100 * v.minSocWithout() : null,
                    counted ? v.minSocEffectPoints() : null));
        }
        s.setColumnWidth(0, 20 * 256);
        s.setColumnWidth(4, 28 * 256);
    }

    /** One row: numbers with the figure style, text (or empty for null) with the row style. */
    private static void cells(Row r, CellStyle style, CellStyle figure, List<Object> values) {
        for (int i = 0; i < values.size(); i++) {
            Cell c = r.createCell(i);
            Object v = values.get(i);
            if (v instanceof Number num) {
                c.setCellValue(num.doubleValue());
                if (figure != null) {
                    c.setCellStyle(figure);
                }
            } else {
                c.setCellValue(v == null ? "" : v.toString());
            }
            if (style != null) {
                c.setCellStyle(style);
            }
        }
    }
}
