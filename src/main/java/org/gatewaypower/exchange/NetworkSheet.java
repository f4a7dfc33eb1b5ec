package org.gatewaypower.exchange;

import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gatewaypower.analysis.BalanceReport;
import org.gatewaypower.analysis.NetworkReport;
import org.gatewaypower.workspace.ReadModels;

/**
 * The "Network" sheet of the workbook export: the converters and ports as saved, then per mode of the run the bus
 * loads and currents, the converters' output, input and loss and the ports' flows at the coincident MEV peak. The
 * import does not read it (loads carry their bus in their own column).
 */
final class NetworkSheet {

    /** The sheet's name; an element of that name gets a suffix. */
    static final String NAME = "Network";

    private NetworkSheet() {
    }

    static void write(XSSFWorkbook wb, CellStyle header, CellStyle figure, ReadModels.WorkspaceSnapshot ws,
                      BalanceReport report) {
        Sheet s = wb.createSheet(NAME);
        int[] n = {0};
        row(s, n, header, "Converters");
        row(s, n, header, "Element", "Converter", "Efficiency (%)", "Rating (kW)");
        for (ReadModels.Converter c : ws.converters()) {
            row(s, n, figure, ws.element(c.elementId()).name(), c.name(), c.efficiency() * 100, c.ratingW() / 1e3);
        }
        n[0]++;
        row(s, n, header, "Ports");
        row(s, n, header, "Port", "From", "To", "Limit (kW)");
        for (ReadModels.Port p : ws.ports()) {
            row(s, n, figure, p.name(), ws.element(p.fromElementId()).name(), ws.element(p.toElementId()).name(),
                    p.limitW() / 1e3);
        }
        List<NetworkReport.ModeFlows> modes = report == null ? List.of() : report.network().modes();
        for (NetworkReport.ModeFlows m : modes) {
            n[0]++;
            row(s, n, header, "Mode " + m.modeName() + ": coincident MEV peak and orbit average");
            row(s, n, header, "Element", "Bus (V)", "Peak load (kW)", "Peak current (A)", "Average load (kW)",
                    "Average current (A)", "28 V load without converter (kW)");
            for (NetworkReport.BusLoad b : m.buses()) {
                row(s, n, figure, b.elementName(), b.voltageV(), b.peakW() / 1e3, b.peakCurrentA(), b.averageW() / 1e3,
                        b.averageCurrentA(), b.unconvertedW() / 1e3);
            }
            row(s, n, header, "Converter", "Element", "Output at peak (kW)", "Input at peak (kW)", "Loss at peak (W)",
                    "Loss, orbit average (W)", "Within rating");
            for (NetworkReport.ConverterLoad c : m.converters()) {
                row(s, n, figure, c.name(), c.elementName(), c.outputW() / 1e3, c.inputW() / 1e3, c.lossW(),
                        c.averageLossW(), c.withinRating() ? "yes" : "NO");
            }
            row(s, n, header, "Port", "Flow at peak (kW, + from → to)", "Current (A)", "Case", "Within limit");
            for (NetworkReport.PortLoad p : m.ports()) {
                row(s, n, figure, p.name(), p.flowW() / 1e3, p.currentA(), p.inEclipse() ? "eclipse" : "sunlight",
                        p.withinLimit() ? "yes" : "NO");
            }
        }
        s.setColumnWidth(0, 30 * 256);
        s.setColumnWidth(1, 26 * 256);
    }

    private static void row(Sheet s, int[] n, CellStyle style, Object... values) {
        Row r = s.createRow(n[0]++);
        for (int i = 0; i < values.length; i++) {
            org.apache.poi.ss.usermodel.Cell c = r.createCell(i);
            if (values[i] instanceof Number num) {
                c.setCellValue(num.doubleValue());
            } else {
                c.setCellValue(values[i] == null ? "" : values[i].toString());
            }
            // A header row (style without a number format) styles every cell; a row of figures only its numbers.
            if (style != null && (style.getDataFormat() == 0 || values[i] instanceof Number)) {
                c.setCellStyle(style);
            }
        }
    }
}
