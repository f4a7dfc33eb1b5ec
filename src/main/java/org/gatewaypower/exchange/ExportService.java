package org.gatewaypower.exchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gatewaypower.analysis.BalanceReport;
import org.gatewaypower.analysis.BalanceService;
import org.gatewaypower.analysis.EclipseService;
import org.gatewaypower.units.Units;
import org.gatewaypower.workspace.AnalysisTimeline;
import org.gatewaypower.workspace.BudgetField;
import org.gatewaypower.workspace.ReadModels;
import org.gatewaypower.workspace.WorkspaceService;
import org.springframework.stereotype.Service;

/**
 * Exports a workspace's budget: an {@code .xlsx} workbook with a summary, the checks, the mode
 * matrix, one sheet per element (the power equipment list in the import's own layout, so that it
 * re-imports unchanged), the batteries, the arrays and the eclipses; and the power equipment list as
 * CSV. Powers in W in the element sheets (exact round trip), kW and kWh in the summary tables.
 */
@Service
public class ExportService {

    /** Sheets that are not elements; an element named like one gets a suffix. */
    private static final Set<String> FIXED = Set.of("summary", "checks", "mode matrix", "batteries", "arrays",
            "eclipses", AllocationSheet.NAME.toLowerCase(Locale.ROOT),
            "dockings", "network");

    private final WorkspaceService workspaces;
    private final BalanceService balances;
    private final EclipseService eclipses;
    private final Clock clock;

    ExportService(WorkspaceService workspaces, BalanceService balances, EclipseService eclipses, Clock clock) {
        this.workspaces = workspaces;
        this.balances = balances;
        this.eclipses = eclipses;
        this.clock = clock;
    }

    /** The header of an element sheet and of the CSV (after its Element column). */
    /** The column of the duty cycle in eclipse: blank when it is the same as in sunlight. */
    static final String SHADOW_DUTY_HEADER = "Duty % in eclipse (blank: as in sunlight)";

    static List<String> loadHeaders(List<ReadModels.Mode> modes) {
        // The catalogue's labels, with the unit of the cells where they hold numbers: the import reads them back.
        List<String> h = new ArrayList<>(List.of(BudgetField.NAME.label(), BudgetField.SUBSYSTEM.label(),
                BudgetField.BUS.label(), BudgetField.QUANTITY.label(), BudgetField.STANDBY_POWER.label() + " (W)",
                BudgetField.OPERATING_POWER.label() + " (W)", BudgetField.PEAK_POWER.label() + " (W)"));
        modes.forEach(m -> h.add("Duty % · " + m.name()));
        h.add(SHADOW_DUTY_HEADER);
        h.addAll(List.of(BudgetField.MATURITY.label(), BudgetField.PRIORITY.label(), "Last edit"));
        return h;
    }

    /** A sheet name Excel accepts for an element: at most 31 characters, none of []:*?/\. */
    static String sheetName(String elementName) {
        String s = elementName.replaceAll("[\\[\\]:*?/\\\\]", "-").strip();
        s = s.length() > 31 ? s.substring(0, 31) : s;
        return FIXED.contains(s.toLowerCase(Locale.ROOT)) ? (s.length() > 21 ? s.substring(0, 21) : s) + " (element)" : s;
    }

    public byte[] xlsx(long workspaceId, String actor) {
        workspaces.requireReadable(workspaceId, actor);
        ReadModels.WorkspaceSnapshot ws = workspaces.snapshot(workspaceId);
        BalanceReport report = ws.designCase() == null ? null : balances.balance(ws, false);
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles st = new Styles(wb);
            summary(wb, st, ws, report, actor);
            if (report != null) {
                checks(wb, st, report);
                modeMatrix(wb, st, ws, report);
                if (!ws.allocations().isEmpty()) {
                    AllocationSheet.write(wb, st.header, st.figure, report);
                }
            }
            Set<String> used = new HashSet<>(FIXED);
            for (ReadModels.Element e : ws.elements()) {
                String name = sheetName(e.name());
                for (int i = 2; !used.add(name.toLowerCase(Locale.ROOT)); i++) {
                    name = (name.length() > 27 ? name.substring(0, 27) : name) + " " + i;
                }
                elementSheet(wb.createSheet(name), st, ws, e);
            }
            batteries(wb, st, ws);
            arrays(wb, st, ws);
            DockingSheet.write(wb, st.header, st.figure, ws, report);
            if (!ws.converters().isEmpty() || !ws.ports().isEmpty()) {
                NetworkSheet.write(wb, st.header, st.figure, ws, report);
            }
            eclipseSheet(wb, st, ws);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException ex) {
            throw new IllegalStateException("Writing a workbook to memory cannot fail", ex);
        }
    }

    /** The power equipment list of every element as CSV (UTF-8, comma separated, W and % of time). */
    public String csv(long workspaceId, String actor) {
        workspaces.requireReadable(workspaceId, actor);
        ReadModels.WorkspaceSnapshot ws = workspaces.snapshot(workspaceId);
        StringBuilder sb = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("Element"));
        header.addAll(loadHeaders(ws.modes()));
        sb.append(String.join(",", header.stream().map(CsvCells::text).toList())).append("\r\n");
        for (ReadModels.LoadItem l : ws.loads()) {
            // Text cells are neutralised against formula injection; numeric cells are written as numbers.
            List<String> row = new ArrayList<>();
            row.add(CsvCells.text(ws.element(l.elementId()).name()));
            row.add(CsvCells.text(l.name()));
            row.add(CsvCells.text(l.subsystem()));
            row.add(CsvCells.text(l.bus().label()));
            row.add(CsvCells.number(String.valueOf(l.quantity())));
            row.add(CsvCells.number(num(l.standbyPowerW())));
            row.add(CsvCells.number(num(l.operatingPowerW())));
            row.add(CsvCells.number(num(l.peakPowerW())));
            ws.modes().forEach(m -> row.add(CsvCells.number(num(l.duty(m.id()) * 100))));
            row.add(l.shadowDuty() == null ? "" : CsvCells.number(num(l.shadowDuty() * 100)));
            row.add(CsvCells.text(l.maturity().label()));
            row.add(CsvCells.text(l.priority().label()));
            row.add(CsvCells.text(l.updatedBy() == null ? "" : l.updatedBy()));
            sb.append(String.join(",", row)).append("\r\n");
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------- sheets

    private void summary(XSSFWorkbook wb, Styles st, ReadModels.WorkspaceSnapshot ws, BalanceReport r, String actor) {
        Sheet s = wb.createSheet("Summary");
        int[] n = {0};
        row(s, n, st.title, ws.name());
        row(s, n, null, ws.description());
        row(s, n, null, "Exported " + Instant.now(clock) + " by " + actor + " from Gateway Power");
        n[0]++;
        if (r == null) {
            row(s, n, null, "No analysis case: no results.");
            return;
        }
        row(s, n, st.header, "Figure", "Value", "Unit");
        row(s, n, null, "Operating mode", r.modeName(), "");
        row(s, n, null, "Illumination", r.illumination(), "");
        figure(s, n, "Array age", r.arrayAgeYears(), "years");
        figure(s, n, "Orbit-average load, CBE", r.cbeAverageLoadW() / 1e3, "kW");
        figure(s, n, "Orbit-average load, MEV", r.mevAverageLoadW() / 1e3, "kW");
        figure(s, n, "Peak load, CBE", r.cbePeakLoadW() / 1e3, "kW");
        figure(s, n, "Peak load, MEV", r.mevPeakLoadW() / 1e3, "kW");
        figure(s, n, "Array rating at 1 AU, BOL", r.arrayRatedPowerW() / 1e3, "kW");
        figure(s, n, "Array power at bus, sunlit", r.sunlitGenerationW() / 1e3, "kW");
        figure(s, n, "Array power at bus, orbit average", r.orbitAverageGenerationW() / 1e3, "kW");
        figure(s, n, "Sustainable load", r.sustainableLoadW() / 1e3, "kW");
        figure(s, n, "Power margin", Double.isFinite(r.powerMargin()) ? r.powerMargin() * 100 : Double.NaN, "%");
        figure(s, n, "Required margin (" + r.marginPolicy() + ")", r.requiredMargin() * 100, "%");
        if (r.battery() != null) {
            BalanceReport.BatteryResult b = r.battery();
            figure(s, n, "Minimum state of charge, MEV", b.minStateOfCharge() * 100, "%");
            figure(s, n, "Minimum state of charge, CBE", b.minStateOfChargeCbe() * 100, "%");
            figure(s, n, "Maximum depth of discharge", b.maxDepthOfDischarge() * 100, "%");
            figure(s, n, "Depth-of-discharge limit", b.maxDepthOfDischargeLimit() * 100, "%");
            figure(s, n, "Energy drawn in eclipse", b.eclipseEnergyDrawnJ() / Units.J_PER_KWH, "kWh");
            figure(s, n, "Battery capacity", b.capacityJ() / Units.J_PER_KWH, "kWh");
        }
        figure(s, n, "Eclipses in the run", r.eclipseCount(), "");
        figure(s, n, "Longest eclipse", r.longestEclipseS() / 60, "min");
        s.setColumnWidth(0, 40 * 256);
        s.setColumnWidth(1, 60 * 256);
    }

    private void checks(XSSFWorkbook wb, Styles st, BalanceReport r) {
        Sheet s = wb.createSheet("Checks");
        int[] n = {0};
        row(s, n, st.header, "Check", "Rule", "Result", "Figures", "Case");
        // Every case the verdict judges (BOL, EOL, failed strings, eclipse coverage), not only the one shown.
        for (BalanceReport.Check c : allChecks(r)) {
            row(s, n, null, c.name(), c.rule(), c.passed() ? "PASS" : "FAIL", c.figures(), c.caseName());
        }
        row(s, n, st.header, "Verdict", "PASS only when every check of every case passes", r.verdict(),
                String.join(", ", r.failingCases()), "");
        s.setColumnWidth(0, 34 * 256);
        s.setColumnWidth(1, 60 * 256);
        s.setColumnWidth(3, 70 * 256);
    }

    /** The checks of every life case in order, then those of the report's own case if no life case judged it. */
    static List<BalanceReport.Check> allChecks(BalanceReport r) {
        List<BalanceReport.Check> out = new ArrayList<>();
        java.util.Set<String> cases = new java.util.HashSet<>();
        for (BalanceReport.LifeCase l : r.lifeCases()) {
            cases.add(l.name());
            out.addAll(l.checks());
        }
        r.checks().stream().filter(c -> !cases.contains(c.caseName())).forEach(out::add);
        return out;
    }

    private void modeMatrix(XSSFWorkbook wb, Styles st, ReadModels.WorkspaceSnapshot ws, BalanceReport r) {
        Sheet s = wb.createSheet("Mode matrix");
        int[] n = {0};
        List<Object> header = new ArrayList<>(List.of("Orbit-average MEV load (kW)"));
        ws.modes().forEach(m -> header.add(m.name()));
        row(s, n, st.header, header.toArray());
        for (BalanceReport.ElementLoad e : r.elementLoads()) {
            List<Object> cells = new ArrayList<>(List.of(e.name()));
            ws.modes().forEach(m -> cells.add(e.mevByModeW().getOrDefault(m.id(), 0.0) / 1e3));
            figures(s, n, st.figure, cells.toArray());
        }
        List<Object> total = new ArrayList<>(List.of("Total"));
        ws.modes().forEach(m -> total.add(r.elementLoads().stream()
                .mapToDouble(e -> e.mevByModeW().getOrDefault(m.id(), 0.0)).sum() / 1e3));
        row(s, n, st.header, total.toArray());
        s.setColumnWidth(0, 30 * 256);
    }

    private void elementSheet(Sheet s, Styles st, ReadModels.WorkspaceSnapshot ws, ReadModels.Element e) {
        int[] n = {0};
        row(s, n, st.header, loadHeaders(ws.modes()).toArray());
        for (ReadModels.LoadItem l : ws.loads()) {
            if (l.elementId() != e.id()) {
                continue;
            }
            List<Object> cells = new ArrayList<>(List.of(l.name(), l.subsystem(), l.bus().label(), l.quantity(),
                    l.standbyPowerW(), l.operatingPowerW(), l.peakPowerW()));
            ws.modes().forEach(m -> cells.add(l.duty(m.id()) * 100));
            cells.add(l.shadowDuty() == null ? "" : l.shadowDuty() * 100);
            cells.addAll(List.of(l.maturity().label(), l.priority().label(),
                    l.updatedBy() == null ? "" : l.updatedBy()));
            row(s, n, null, cells.toArray());
        }
        s.setColumnWidth(0, 34 * 256);
        s.createFreezePane(1, 1);
    }

    private void batteries(XSSFWorkbook wb, Styles st, ReadModels.WorkspaceSnapshot ws) {
        Sheet s = wb.createSheet("Batteries");
        int[] n = {0};
        row(s, n, st.header, "Element", "Battery", "Owner", "Capacity (kWh)", "Minimum SOC (%)", "Maximum SOC (%)",
                "Initial SOC (%)", "Charge efficiency (%)", "Discharge efficiency (%)", "Max charge power (kW)",
                "Max discharge power (kW)", "Capacity fade (%/year)");
        for (ReadModels.Battery b : ws.batteries()) {
            figures(s, n, st.figure, ws.element(b.elementId()).name(), b.name(), b.ownerTeamCode(), b.capacityJ() / Units.J_PER_KWH,
                    b.minStateOfCharge() * 100, b.maxStateOfCharge() * 100, b.initialStateOfCharge() * 100,
                    b.chargeEfficiency() * 100, b.dischargeEfficiency() * 100, b.maxChargePowerW() / 1e3,
                    b.maxDischargePowerW() / 1e3, b.capacityFadePerYear() * 100);
        }
        s.setColumnWidth(1, 28 * 256);
    }

    private void arrays(XSSFWorkbook wb, Styles st, ReadModels.WorkspaceSnapshot ws) {
        Sheet s = wb.createSheet("Arrays");
        int[] n = {0};
        row(s, n, st.header, "Element", "Array", "Owner", "Rated power at 1 AU, BOL (kW)", "Degradation (%/year)",
                "Path efficiency (%)", "Sun incidence (°)", "Temperature coefficient (%/K)",
                "Temperature above rating (K)");
        for (ReadModels.SolarArray a : ws.arrays()) {
            figures(s, n, st.figure, ws.element(a.elementId()).name(), a.name(), a.ownerTeamCode(), a.ratedPowerW() / 1e3,
                    a.degradationPerYear() * 100, a.pathEfficiency() * 100, a.incidenceDeg(),
                    a.temperatureCoefficientPerK() * 100, a.temperatureOffsetK());
        }
        s.setColumnWidth(1, 28 * 256);
    }

    private void eclipseSheet(XSSFWorkbook wb, Styles st, ReadModels.WorkspaceSnapshot ws) {
        Sheet s = wb.createSheet("Eclipses");
        int[] n = {0};
        ReadModels.DesignCase dc = ws.designCase();
        if (dc == null) {
            row(s, n, null, "No analysis case.");
            return;
        }
        if (dc.timeline() != AnalysisTimeline.EPHEMERIS) {
            row(s, n, st.header, "Design orbit", "Value", "Unit");
            figure(s, n, "Orbit period", dc.orbitPeriodS() / 3600, "h");
            figure(s, n, "Longest eclipse", dc.eclipseDurationS() / 60, "min");
            row(s, n, null, "The ephemeris catalogue is exported when the analysis case runs on the ephemeris orbit.");
            return;
        }
        Instant to = dc.spanStart().plusMillis(Math.round(dc.spanDays() * 86_400_000));
        EclipseService.Catalogue c = eclipses.catalogue(dc.periluneEpoch(), dc.spanStart(), to);
        row(s, n, st.header, "Body", "Start (UTC)", "End (UTC)", "Duration (min)", "Umbra start (UTC)",
                "Umbra end (UTC)", "Minimum lit fraction", "Sunlight lost (min)");
        for (EclipseService.Eclipse e : c.eclipses()) {
            row(s, n, null, e.body().toString(), e.start().toString(), e.end().toString(), e.durationSeconds() / 60,
                    e.umbraStart() == null ? "" : e.umbraStart().toString(),
                    e.umbraEnd() == null ? "" : e.umbraEnd().toString(), e.minLitFraction(), e.lostSunSeconds() / 60);
        }
        s.setColumnWidth(1, 24 * 256);
        s.setColumnWidth(2, 24 * 256);
    }

    // ---------------------------------------------------------------- cells

    private static final class Styles {
        final CellStyle header;
        final CellStyle title;
        /** Derived figures (kW, kWh, %) shown to two decimals; the cell keeps its full value. */
        final CellStyle figure;

        Styles(XSSFWorkbook wb) {
            figure = wb.createCellStyle();
            figure.setDataFormat(wb.createDataFormat().getFormat("#,##0.00"));
            Font bold = wb.createFont();
            bold.setBold(true);
            header = wb.createCellStyle();
            header.setFont(bold);
            Font big = wb.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            title = wb.createCellStyle();
            title.setFont(big);
        }
    }

    private static void figure(Sheet s, int[] n, String name, double value, String unit) {
        row(s, n, null, name, Double.isFinite(value) ? (Object) value : "—", unit);
    }

    /** A row whose numbers show two decimals (derived figures; element sheets keep plain numbers). */
    private static void figures(Sheet s, int[] n, CellStyle figure, Object... values) {
        Row r = s.createRow(n[0]++);
        for (int i = 0; i < values.length; i++) {
            org.apache.poi.ss.usermodel.Cell c = r.createCell(i);
            if (values[i] instanceof Number num) {
                c.setCellValue(num.doubleValue());
                c.setCellStyle(figure);
            } else {
                c.setCellValue(values[i] == null ? "" : values[i].toString());
            }
        }
    }

    private static void row(Sheet s, int[] n, CellStyle style, Object... values) {
        Row r = s.createRow(n[0]++);
        for (int i = 0; i < values.length; i++) {
            org.apache.poi.ss.usermodel.Cell c = r.createCell(i);
            Object v = values[i];
            if (v instanceof Number num) {
                c.setCellValue(num.doubleValue());
            } else {
                c.setCellValue(v == null ? "" : v.toString());
            }
            if (style != null) {
                c.setCellStyle(style);
            }
        }
    }

    private static String num(double v) {
        String s = Double.toString(v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }
}
