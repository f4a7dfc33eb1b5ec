package org.gatewaypower.report;

import java.util.List;

import com.lowagie.text.Document;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPTable;

import org.gatewaypower.analysis.BalanceReport;
import org.gatewaypower.analysis.NetworkReport;
import org.gatewaypower.units.Units;
import org.gatewaypower.workspace.ReadModels;

/**
 * The report's power network section: the converters and ports as saved and, in the analysed mode, each bus's
 * load and current, each converter's output and loss and each port's flow at the coincident MEV peak, with the
 * rule they are judged by. Nothing when the workspace has no network.
 */
final class NetworkSection {

    private final ReportService.ReportContent c;
    private final PdfStyle style;

    NetworkSection(ReportService.ReportContent c, PdfStyle style) {
        this.c = c;
        this.style = style;
    }

    void write(Document doc) {
        ReadModels.WorkspaceSnapshot ws = c.workspace();
        if (ws.converters().isEmpty() && ws.ports().isEmpty()) {
            return;
        }
        BalanceReport r = c.balance();
        NetworkReport.ModeFlows m = r == null ? null : r.network().mode(r.modeId());
        doc.add(style.heading("Power network", style.h1, 8));
        doc.add(new Paragraph("Buses are ideal at 120 V and 28 V (current = power / voltage); converter efficiency "
                + "is constant; ports form a tree; in sunlight the power enters at the elements with arrays, in "
                + "eclipse at those with batteries (by discharge limit). Figures at the coincident MEV peak of the "
                + "analysed mode" + (m == null ? "." : " (" + m.modeName() + ")."), style.small));
        doc.add(style.heading("Converters", style.h2, 4));
        PdfPTable conv = style.table(new float[] {2.2f, 1.6f, 1, 1, 1, 1, 1});
        style.head(conv, "Converter", "Element", "Efficiency", "Rating (kW)", "Output (kW)", "Loss (W)", "Check");
        for (ReadModels.Converter x : ws.converters()) {
            NetworkReport.ConverterLoad f = m == null ? null : m.converters().stream()
                    .filter(l -> l.converterId() == x.id()).findFirst().orElse(null);
            style.text(conv, x.name());
            style.text(conv, ws.element(x.elementId()).name());
            style.num(conv, Units.percent(x.efficiency()));
            style.num(conv, Units.number("%,.2f", x.ratingW() / 1000));
            style.num(conv, f == null ? "—" : Units.number("%,.2f", f.outputW() / 1000));
            style.num(conv, f == null ? "—" : Units.number("%,.0f", f.lossW()));
            style.text(conv, f == null ? "—" : f.withinRating() ? "pass" : "OVER");
        }
        doc.add(conv);
        doc.add(style.heading("Ports", style.h2, 4));
        PdfPTable ports = style.table(new float[] {2.2f, 1.4f, 1.4f, 1, 1, 1, 1});
        style.head(ports, "Port", "From", "To", "Limit (kW)", "Flow (kW)", "Current (A)", "Check");
        for (ReadModels.Port x : ws.ports()) {
            NetworkReport.PortLoad f = m == null ? null : m.ports().stream().filter(l -> l.portId() == x.id())
                    .findFirst().orElse(null);
            style.text(ports, x.name());
            style.text(ports, ws.element(x.fromElementId()).name());
            style.text(ports, ws.element(x.toElementId()).name());
            style.num(ports, Units.number("%,.2f", x.limitW() / 1000));
            style.num(ports, f == null ? "—" : Units.number("%,.2f", f.flowW() / 1000));
            style.num(ports, f == null ? "—" : Units.number("%,.1f", f.currentA()));
            style.text(ports, f == null ? "—" : f.withinLimit() ? "pass" : "OVER");
        }
        doc.add(ports);
        if (m != null) {
            doc.add(style.heading("Buses", style.h2, 4));
            PdfPTable buses = style.table(new float[] {2.2f, 0.8f, 1, 1, 1, 1});
            style.head(buses, "Element", "Bus", "Peak (kW)", "Peak current (A)", "Average (kW)", "Average current (A)");
            for (NetworkReport.BusLoad b : m.buses()) {
                style.text(buses, b.elementName());
                style.text(buses, Units.number("%,.0f V", b.voltageV()));
                style.num(buses, Units.number("%,.2f", b.peakW() / 1000));
                style.num(buses, Units.number("%,.1f", b.peakCurrentA()));
                style.num(buses, Units.number("%,.2f", b.averageW() / 1000));
                style.num(buses, Units.number("%,.1f", b.averageCurrentA()));
            }
            doc.add(buses);
        }
        List<BalanceReport.Check> checks = r == null ? List.of() : r.checks().stream()
                .filter(x -> x.name().equals(NetworkReport.CONVERTER_CHECK) || x.name().equals(NetworkReport.PORT_CHECK))
                .toList();
        for (BalanceReport.Check x : checks) {
            doc.add(new Paragraph(x.name() + ": " + (x.passed() ? "pass" : "FAIL") + " · " + x.figures() + " (rule: "
                    + x.rule() + ")", style.small));
        }
    }
}
