package org.gatewaypower.report;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.lowagie.text.Document;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPTable;

import org.gatewaypower.analysis.BalanceReport;
import org.gatewaypower.analysis.Visit;
import org.gatewaypower.units.Units;
import org.gatewaypower.workspace.ReadModels;

/**
 * The report's visiting vehicles: one line per docking (vehicle, window, export) and, on a calendar run, its MEV
 * draw and what it does to the run's minimum state of charge. Nothing is written without dockings.
 */
final class VisitTable {

    private final ReportService.ReportContent c;
    private final PdfStyle style;

    VisitTable(ReportService.ReportContent c, PdfStyle style) {
        this.c = c;
        this.style = style;
    }

    void write(Document doc) {
        ReadModels.WorkspaceSnapshot ws = c.workspace();
        if (ws.dockings().isEmpty()) {
            return;
        }
        BalanceReport r = c.balance();
        Map<Long, Visit> visits = r == null ? Map.of() : r.visits().stream()
                .collect(Collectors.toMap(Visit::dockingId, Function.identity()));
        doc.add(style.heading("Visiting vehicles", style.h2, 8));
        doc.add(new Paragraph(visits.isEmpty()
                ? "The run is the one-orbit design case: each vehicle's loads count through its mode duties and its "
                        + "export is not counted (conservative)."
                : "On the calendar run a vehicle's loads count only while it is docked, and its export is a source "
                        + "then. The effect is the run's minimum state of charge with the docking minus without it.",
                style.small));
        PdfPTable t = style.table(new float[] {1.4f, 1.6f, 1.6f, 0.9f, 1, 1, 1, 1, 1});
        style.head(t, "Vehicle", "Docked (UTC)", "Undocked (UTC)", "Export (kW)", "MEV draw (kW)", "MEV peak (kW)",
                "Min SOC with", "Min SOC without", "Effect (pp)");
        for (ReadModels.Docking d : ws.dockings()) {
            Visit v = visits.get(d.id());
            boolean counted = v != null && v.inRun();
            style.text(t, d.vehicleName());
            style.text(t, PdfStyle.STAMP.format(d.start()));
            style.text(t, PdfStyle.STAMP.format(d.end()));
            style.num(t, Units.number("%,.2f", d.exportW() / Units.W_PER_KW));
            style.num(t, counted ? Units.number("%,.2f", v.mevAverageW() / Units.W_PER_KW) : "—");
            style.num(t, counted ? Units.number("%,.2f", v.mevPeakW() / Units.W_PER_KW) : "—");
            boolean soc = counted && v.minSocWith() != null;
            style.num(t, soc ? Units.percent(v.minSocWith()) : "—");
            style.num(t, soc ? Units.percent(v.minSocWithout()) : "—");
            style.num(t, soc ? Units.pointsDelta(v.minSocWith() - v.minSocWithout()) : (v == null ? "—"
                    : "outside the run"));
        }
        doc.add(PdfStyle.spaced(t, 6, 0));
    }
}
