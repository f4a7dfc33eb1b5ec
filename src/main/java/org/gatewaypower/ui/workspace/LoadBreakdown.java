package org.gatewaypower.ui.workspace;

import java.util.List;
import java.util.function.Function;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;

import org.gatewaypower.units.Units;

/**
 * Subtotals of the power equipment list by element, subsystem, bus or team in the analysed mode: lines, units,
 * connected operating power, and the orbit average as current best estimate and with maturity contingency
 * (maximum expected value), largest first. It follows the grid's filter, so "my team's loads" by subsystem is
 * two clicks. Collapsed by default: the list itself keeps the height.
 */
final class LoadBreakdown extends Details {

    /** What the rows are grouped by. */
    enum By {
        ELEMENT("Element"), SUBSYSTEM("Subsystem"), BUS("Bus"), TEAM("Team");

        private final String label;

        By(String label) {
            this.label = label;
        }
    }

    private final Select<By> by = new Select<>();
    private final Grid<LoadTotals.Group> table = new Grid<>();
    private final Function<By, Function<LoadRow, String>> keys;
    private List<LoadRow> rows = List.of();
    private long modeId = -1;

    /** @param keys the grouping key of a row for each choice (element and team labels need the workspace) */
    LoadBreakdown(Function<By, Function<LoadRow, String>> keys) {
        this.keys = keys;
        setId("load-breakdown");
        setSummaryText("Totals by element, subsystem, bus or team");
        by.setId("load-breakdown-by");
        by.setLabel("Totals by");
        by.setItems(By.values());
        by.setItemLabelGenerator(b -> b.label);
        by.setValue(By.ELEMENT);
        by.addValueChangeListener(e -> refresh());
        table.setId("load-breakdown-table");
        table.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        table.addColumn(LoadTotals.Group::name).setHeader("Group").setFlexGrow(1).setAutoWidth(true);
        table.addColumn(LoadTotals.Group::lines).setHeader("Lines").setWidth("5rem").setFlexGrow(0)
                .setTextAlign(ColumnTextAlign.END);
        table.addColumn(LoadTotals.Group::quantity).setHeader("Units").setWidth("5rem").setFlexGrow(0)
                .setTextAlign(ColumnTextAlign.END);
        table.addColumn(g -> Units.kw(g.operatingW())).setHeader("Operating").setWidth("7rem").setFlexGrow(0)
                .setTextAlign(ColumnTextAlign.END);
        table.addColumn(g -> Units.kw(g.averageW())).setKey("average").setHeader("Avg, CBE").setWidth("7rem")
                .setFlexGrow(0).setTextAlign(ColumnTextAlign.END);
        table.addColumn(g -> Units.kw(g.mevW())).setHeader("Avg, MEV").setWidth("7rem").setFlexGrow(0)
                .setTextAlign(ColumnTextAlign.END);
        table.setAllRowsVisible(true);
        VerticalLayout content = new VerticalLayout(by, table);
        content.setPadding(false);
        add(content);
        setWidthFull();
        addOpenedChangeListener(e -> refresh());
    }

    /** Takes the rows shown in the list and the analysed mode; recomputes only while open. */
    void show(List<LoadRow> shown, long analysedModeId, String modeName) {
        this.rows = List.copyOf(shown);
        this.modeId = analysedModeId;
        table.getColumnByKey("average").setHeader("Avg " + modeName + ", CBE");
        refresh();
    }

    private void refresh() {
        if (isOpened() && modeId >= 0) {
            table.setItems(LoadTotals.byGroup(rows, keys.apply(by.getValue()), modeId));
        }
    }
}
