package org.gatewaypower.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

import org.gatewaypower.analysis.BalanceReport;
import org.gatewaypower.units.Units;
import org.gatewaypower.workspace.ReadModels;

/**
 * Section 4 of the report: the load of every element in every operating mode, then per element its load items,
 * batteries and arrays, on landscape pages.
 */
final class ElementTables {

    private final ReportService.ReportContent c;
    private final PdfStyle style;

    ElementTables(ReportService.ReportContent c, PdfStyle style) {
        this.c = c;
        this.style = style;
    }

    void elements(Document doc, PdfWriter writer) {
        ReadModels.WorkspaceSnapshot ws = c.workspace();
        BalanceReport r = c.balance();
        doc.add(style.heading("4  Operating modes and elements", style.h1, 0));
        if (r != null) {
            doc.add(style.heading("Orbit-average MEV load per element and operating mode (kW)", style.h2, 4));
            float[] widths = new float[ws.modes().size() + 1];
            widths[0] = 2.2f;
            java.util.Arrays.fill(widths, 1, widths.length, 1);
            PdfPTable matrix = style.table(widths);
            List<String> heads = new ArrayList<>(List.of("Element (owner)"));
            ws.modes().forEach(m -> heads.add(m.name() + (m.id() == r.modeId() ? " (analysis)" : "")));
            style.head(matrix, heads.toArray(String[]::new));
            double[] totals = new double[ws.modes().size()];
            for (BalanceReport.ElementLoad el : r.elementLoads()) {
                style.text(matrix, el.elementId() == BalanceReport.ElementLoad.CONVERTER_LOSSES ? el.name()
                        : ws.element(el.elementId()).name() + " (" + ws.element(el.elementId()).ownerTeamCode() + ")");
                for (int i = 0; i < ws.modes().size(); i++) {
                    double w = el.mevByModeW().getOrDefault(ws.modes().get(i).id(), 0.0);
                    totals[i] += w;
                    style.num(matrix, Units.number("%,.2f", w / 1000));
                }
            }
            style.total(matrix, "Total");
            for (double w : totals) {
                style.total(matrix, Units.number("%,.2f", w / 1000));
            }
            doc.add(matrix);
            new ElementBudgetTable(style).add(doc, r);
        }
        for (ReadModels.Element e : ws.elements()) {
            // Keep an element's heading with the start of its table.
            if (writer.getVerticalPosition(false) - doc.bottom() < 110) {
                doc.newPage();
            }
            element(doc, ws, e, r);
        }
    }

    void element(Document doc, ReadModels.WorkspaceSnapshot ws, ReadModels.Element e, BalanceReport r) {
        String kind = e.kind().label().equalsIgnoreCase(e.name()) ? "" : " · " + e.kind().label();
        doc.add(style.heading(e.name() + kind + " · owner " + e.ownerTeamCode(), style.h2, 14));
        List<ReadModels.LoadItem> loads = ws.loads().stream().filter(l -> l.elementId() == e.id()).toList();
        List<ReadModels.Mode> modes = ws.modes();
        if (loads.isEmpty()) {
            doc.add(new Paragraph("No load items.", style.small));
        } else {
            float[] widths = new float[10 + modes.size()];
            float[] fixed = {2.6f, 1.6f, 0.7f, 0.5f, 1.1f, 1.1f, 1.1f, 1.7f, 1};
            System.arraycopy(fixed, 0, widths, 0, fixed.length);
            java.util.Arrays.fill(widths, fixed.length, widths.length, 1.1f);
            PdfPTable t = style.table(widths);
            List<String> heads = new ArrayList<>(List.of("Load item", "Subsystem", "Bus", "Qty", "Standby W",
                    "Operating W", "Peak W", "Maturity (contingency)", "Priority"));
            modes.forEach(m -> heads.add("Duty % " + m.name()));
            heads.add("Duty % in eclipse (= as in sunlight)");
            style.head(t, heads.toArray(String[]::new));
            double standby = 0;
            double operating = 0;
            double peak = 0;
            int quantity = 0;
            for (ReadModels.LoadItem l : loads) {
                style.text(t, l.name());
                style.text(t, l.subsystem());
                style.text(t, l.bus().label().replace(' ', '\u00A0'));
                style.num(t, String.valueOf(l.quantity()));
                style.num(t, Units.watts(l.standbyPowerW()));
                style.num(t, Units.watts(l.operatingPowerW()));
                style.num(t, Units.watts(l.peakPowerW()));
                style.text(t, l.maturity().label() + " (" + Math.round(100 * l.maturity().contingency()) + "\u00A0%)");
                style.text(t, l.priority().label());
                for (ReadModels.Mode m : modes) {
                    style.num(t, Units.number("%.0f", 100 * l.duty(m.id())));
                }
                // "=" when the item keeps its sunlit duty in eclipse.
                style.num(t, l.shadowDuty() == null ? "=" : Units.number("%.0f", 100 * l.shadowDuty()));
                quantity += l.quantity();
                standby += l.quantity() * l.standbyPowerW();
                operating += l.quantity() * l.operatingPowerW();
                peak += l.quantity() * l.peakPowerW();
            }
            PdfPCell label = style.cell("Element total (" + loads.size() + " items; powers × quantity)", style.cellBold);
            label.setColspan(3);
            label.setBackgroundColor(PdfStyle.TOTAL_FILL);
            t.addCell(label);
            style.total(t, String.valueOf(quantity));
            style.total(t, Units.watts(standby));
            style.total(t, Units.watts(operating));
            style.total(t, Units.watts(peak));
            PdfPCell avg = style.cell("Orbit-average MEV load (kW)", style.cellBold);
            avg.setColspan(2);
            avg.setBackgroundColor(PdfStyle.TOTAL_FILL);
            avg.setHorizontalAlignment(Element.ALIGN_RIGHT);
            t.addCell(avg);
            Map<Long, Double> byMode = r == null ? Map.of() : r.elementLoads().stream()
                    .filter(x -> x.elementId() == e.id()).findFirst().map(BalanceReport.ElementLoad::mevByModeW)
                    .orElse(Map.of());
            for (ReadModels.Mode m : modes) {
                style.total(t, byMode.containsKey(m.id()) ? Units.number("%,.2f", byMode.get(m.id()) / 1000) : "—");
            }
            style.total(t, "");
            doc.add(t);
        }
        List<ReadModels.Battery> batteries = ws.batteries().stream().filter(b -> b.elementId() == e.id()).toList();
        if (!batteries.isEmpty()) {
            PdfPTable t = style.table(new float[] {2.2f, 0.8f, 1, 1, 1, 1, 1, 1, 1, 1, 1});
            style.head(t, "Battery", "Owner", "Capacity", "SOC floor", "SOC ceiling", "Initial SOC", "Charge eff.",
                    "Discharge eff.", "Max charge", "Max discharge", "Fade per year");
            for (ReadModels.Battery b : batteries) {
                style.text(t, b.name());
                style.text(t, b.ownerTeamCode());
                style.num(t, Units.kwh(b.capacityJ()));
                style.num(t, Units.percent(b.minStateOfCharge()));
                style.num(t, Units.percent(b.maxStateOfCharge()));
                style.num(t, Units.percent(b.initialStateOfCharge()));
                style.num(t, Units.percent(b.chargeEfficiency()));
                style.num(t, Units.percent(b.dischargeEfficiency()));
                style.num(t, Units.kw(b.maxChargePowerW()));
                style.num(t, Units.kw(b.maxDischargePowerW()));
                style.num(t, Units.number("%.2f %%", 100 * b.capacityFadePerYear()));
            }
            t.setKeepTogether(true);
            doc.add(PdfStyle.spaced(t, 6, 0));
        }
        List<ReadModels.SolarArray> arrays = ws.arrays().stream().filter(a -> a.elementId() == e.id()).toList();
        if (!arrays.isEmpty()) {
            PdfPTable t = style.table(new float[] {2.2f, 0.8f, 1, 1.1f, 1.1f, 1, 1.2f, 1.2f});
            style.head(t, "Solar array", "Owner", "Rated (1 AU, BOL)", "Degradation per year", "Path efficiency",
                    "Incidence", "Temperature coefficient", "Temperature offset");
            for (ReadModels.SolarArray a : arrays) {
                style.text(t, a.name());
                style.text(t, a.ownerTeamCode());
                style.num(t, Units.kw(a.ratedPowerW()));
                style.num(t, Units.number("%.2f %%", 100 * a.degradationPerYear()));
                style.num(t, Units.percent(a.pathEfficiency()));
                style.num(t, Units.number("%.1f°", a.incidenceDeg()));
                style.num(t, Units.number("%.3f %%/K", 100 * a.temperatureCoefficientPerK()));
                style.num(t, Units.number("%.1f K", a.temperatureOffsetK()));
            }
            t.setKeepTogether(true);
            doc.add(PdfStyle.spaced(t, 6, 0));
        }
    }
}
