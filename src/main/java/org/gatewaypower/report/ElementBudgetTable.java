package org.gatewaypower.report;

import com.lowagie.text.Document;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPTable;

import org.gatewaypower.analysis.BalanceReport;
import org.gatewaypower.analysis.ElementBudgets;
import org.gatewaypower.units.Units;

/**
 * The element budget of the analysed mode in section 4: per element its CBE, MEV, allocation, margin and check, and
 * the allocations summed against the sustainable power. Left out when no element has an allocation there.
 */
final class ElementBudgetTable {

    private final PdfStyle style;

    ElementBudgetTable(PdfStyle style) {
        this.style = style;
    }

    void add(Document doc, BalanceReport r) {
        ElementBudgets b = r.elementBudgets();
        if (b.analysed().stream().noneMatch(ElementBudgets.Line::judged)) {
            return;
        }
        doc.add(style.heading("Element budgets against their power allocations, " + r.modeName() + " (kW, orbit "
                + "average)", style.h2, 12));
        PdfPTable t = style.table(new float[] {2.2f, 1, 1, 1, 1, 1.4f});
        style.head(t, "Element (owner)", "CBE", "MEV", "Allocation", "Margin", "Check");
        for (ElementBudgets.Line l : b.analysed()) {
            style.text(t, l.elementName() + " (" + l.ownerTeamCode() + ")");
            style.num(t, kw(l.cbeW()));
            style.num(t, kw(l.mevW()));
            style.num(t, l.allocationW() == null ? "—" : kw(l.allocationW()));
            style.num(t, l.marginW() == null ? "—" : kw(l.marginW()));
            style.text(t, !l.judged() ? "no allocation" : l.passed() ? "PASS" : "FAIL");
        }
        style.total(t, "Allocated");
        style.total(t, "");
        style.total(t, "");
        style.total(t, kw(b.allocatedW()));
        style.total(t, "");
        style.total(t, "");
        doc.add(t);
        doc.add(new Paragraph("The allocations of " + r.modeName() + " share out " + Units.kw(b.allocatedW()) + " of the "
                + Units.kw(b.sustainableW()) + " the arrays sustain at end of life" + (b.overAllocated()
                ? ": more than they sustain." : "."), style.small));
    }

    private static String kw(double watts) {
        return Units.number("%,.2f", watts / 1000);
    }
}
