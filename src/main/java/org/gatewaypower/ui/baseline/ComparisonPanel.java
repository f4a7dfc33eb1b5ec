package org.gatewaypower.ui.baseline;

import java.util.ArrayList;
import java.util.List;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.theme.lumo.LumoUtility;

import org.gatewaypower.baseline.BaselineService;
import org.gatewaypower.baseline.Baselines;
import org.gatewaypower.baseline.Comparison;
import org.gatewaypower.ui.component.EChart;
import org.gatewaypower.ui.component.Headings;

/**
 * One comparison on screen: what changed, how every result figure and check moved, both state-of-charge
 * curves, and each change applied alone, ranked by what it did: first to the energy lost at the battery floor
 * (unserved + shed), then to the minimum state of charge, then to the power margin, as the service ranks them. The
 * first measure comes first because a battery that sits at its floor on both sides moves no minimum state of
 * charge: every change would read "+0.00 pp" there, while the energy the loads lose still tells them apart.
 */
final class ComparisonPanel extends Div {

    /** One row of the changes table: one field of a changed item, or one added or removed item. */
    record ChangeRow(String kind, String item, String change, String field, String oldValue, String newValue) {
    }

    ComparisonPanel() {
        setId("comparison");
        setWidthFull();
    }

    void show(Comparison c) {
        removeAll();
        Paragraph summary = new Paragraph(c.labelA() + " → " + c.labelB() + ": " + c.changes().size()
                + (c.changes().size() == 1 ? " change" : " changes") + ", "
                + c.checks().stream().filter(Comparison.CheckDelta::flipped).count() + " check(s) flipped.");
        summary.setId("comparison-summary");
        add(summary, Headings.section("Changes"), changesGrid(c), Headings.section("Result figures"),
                figuresGrid(c), Headings.section("Checks"), checksGrid(c), Headings.section("State of charge"),
                socChart(c), Headings.section("Each change alone, ranked by its effect"), rankingNote(), rankingGrid(c));
    }

    static List<ChangeRow> rows(Comparison c) {
        List<ChangeRow> rows = new ArrayList<>();
        for (Comparison.ItemChange ch : c.changes()) {
            String type = BaselineService.describe(ch.type());
            if (ch.fields().isEmpty()) {
                rows.add(new ChangeRow(ch.kind(), ch.item(), type, "",
                        ch.type() == Comparison.ChangeType.ADDED ? "—" : "present",
                        ch.type() == Comparison.ChangeType.REMOVED ? "—" : "present"));
            }
            for (Comparison.FieldChange f : ch.fields()) {
                rows.add(new ChangeRow(ch.kind(), ch.item(), type, f.field(),
                        DisplayUnits.field(f.unit(), f.oldNumber(), f.oldText()),
                        DisplayUnits.field(f.unit(), f.newNumber(), f.newText())));
            }
        }
        return rows;
    }

    private static Component changesGrid(Comparison c) {
        List<ChangeRow> rows = rows(c);
        if (rows.isEmpty()) {
            Paragraph none = new Paragraph("No differences in the inputs.");
            none.setId("changes-none");
            return none;
        }
        Grid<ChangeRow> grid = grid("changes-grid");
        grid.addColumn(ChangeRow::kind).setHeader("Kind").setFlexGrow(0).setWidth("8rem");
        grid.addColumn(ChangeRow::item).setHeader("Item").setFlexGrow(2);
        grid.addColumn(ChangeRow::change).setHeader("Change").setFlexGrow(0).setWidth("7rem");
        grid.addColumn(ChangeRow::field).setHeader("Field").setFlexGrow(1);
        grid.addColumn(r -> r.oldValue() + " → " + r.newValue()).setHeader("Old → new").setFlexGrow(2);
        grid.setItems(rows);
        return grid;
    }

    private static Component figuresGrid(Comparison c) {
        Grid<Comparison.FigureDelta> grid = grid("figures-grid");
        grid.addColumn(Comparison.FigureDelta::label).setHeader("Figure").setFlexGrow(2);
        grid.addColumn(f -> DisplayUnits.value(f.unit(), f.a())).setHeader("A").setTextAlign(ColumnTextAlign.END);
        grid.addColumn(f -> DisplayUnits.value(f.unit(), f.b())).setHeader("B").setTextAlign(ColumnTextAlign.END);
        grid.addColumn(f -> DisplayUnits.delta(f.unit(), f.delta())).setHeader("Δ")
                .setTextAlign(ColumnTextAlign.END);
        grid.setItems(c.figures());
        return grid;
    }

    private static Component checksGrid(Comparison c) {
        Grid<Comparison.CheckDelta> grid = grid("checks-grid");
        grid.addColumn(Comparison.CheckDelta::name).setHeader("Check").setFlexGrow(1);
        grid.addColumn(d -> verdict(d.passedA())).setHeader("A").setFlexGrow(0).setWidth("6rem");
        grid.addColumn(d -> verdict(d.passedB())).setHeader("B").setFlexGrow(0).setWidth("6rem");
        grid.addComponentColumn(d -> {
            Span s = new Span(d.flipped() ? "flipped" : "");
            if (d.flipped()) {
                s.getElement().getThemeList().add(Boolean.TRUE.equals(d.passedB()) ? "badge success" : "badge error");
                s.addClassName("check-flipped");
            }
            return s;
        }).setHeader("").setFlexGrow(0).setWidth("7rem");
        grid.addColumn(d -> d.figuresB() == null ? "" : d.figuresB()).setHeader("Figures (B)").setFlexGrow(3);
        grid.setItems(c.checks());
        return grid;
    }

    private static Component socChart(Comparison c) {
        EChart chart = new EChart();
        chart.setId("soc-chart");
        chart.setWidthFull();
        chart.setHeight("320px");
        chart.setOption(BaselineChartOptions.socOption(c));
        return chart;
    }

    private static Component rankingNote() {
        Paragraph p = new Paragraph("Each change applied alone to A, largest effect first: ranked by the energy lost"
                + " at the battery floor (unserved + shed; more is worse), then by the minimum state of charge, then by"
                + " the power margin (less is worse).");
        p.setId("ranking-note");
        p.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
        return p;
    }

    /** The ranking's cells of one change, as shown: rank, kind, item, change, the three deltas, note. */
    static List<String> rankingCells(int rank, Comparison.Impact i) {
        boolean analysed = i.shortfallDeltaJ() != null || i.minSocDelta() != null || i.marginDelta() != null;
        return List.of(String.valueOf(rank), i.kind(), i.item(), BaselineService.describe(i.type()),
                DisplayUnits.delta(Baselines.J, i.shortfallDeltaJ()),
                DisplayUnits.delta(Baselines.FRACTION, i.minSocDelta()),
                DisplayUnits.delta(Baselines.FRACTION, i.marginDelta()),
                // The note words the three deltas again; only why a change has none adds anything.
                analysed ? "" : i.note());
    }

    private static Component rankingGrid(Comparison c) {
        List<List<String>> rows = new ArrayList<>();
        for (int k = 0; k < c.ranking().size(); k++) {
            rows.add(rankingCells(k + 1, c.ranking().get(k)));
        }
        Grid<List<String>> grid = grid("ranking-grid");
        String[] headers = {"#", "Kind", "Item", "Change", "Lost at floor Δ (unserved + shed)", "Min SOC Δ",
                "Power margin Δ", "Why no figures"};
        String[] widths = {"3rem", "7rem", null, "6rem", "9rem", "7rem", "7rem", null};
        for (int col = 0; col < headers.length; col++) {
            int at = col;
            // Wrapping onto a second line (the shared style sheet's header class) rather than ending in "…".
            Span header = new Span(headers[col]);
            header.addClassName("gp-wrap-header");
            Grid.Column<List<String>> column = grid.addColumn(r -> r.get(at)).setHeader(header);
            if (widths[col] == null) {
                column.setFlexGrow(2);
            } else {
                column.setFlexGrow(0).setWidth(widths[col]);
            }
            if (col == 0 || col >= 4 && col <= 6) {
                column.setTextAlign(ColumnTextAlign.END);
            }
        }
        grid.setItems(rows);
        return grid;
    }

    private static <T> Grid<T> grid(String id) {
        Grid<T> grid = new Grid<>();
        grid.setId(id);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.setWidthFull();
        return grid;
    }

    private static String verdict(Boolean passed) {
        return passed == null ? "—" : passed ? "pass" : "FAIL";
    }
}
