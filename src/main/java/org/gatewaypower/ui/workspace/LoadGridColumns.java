package org.gatewaypower.ui.workspace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.FooterRow;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.Result;
import com.vaadin.flow.data.binder.Setter;
import com.vaadin.flow.data.converter.Converter;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.function.ValueProvider;
import com.vaadin.flow.theme.lumo.LumoUtility;

import org.gatewaypower.physics.load.LoadPriority;
import org.gatewaypower.physics.load.MaturityClass;
import org.gatewaypower.ui.NumberEntry;
import org.gatewaypower.ui.component.FieldErrors;
import org.gatewaypower.units.Units;
import org.gatewaypower.workspace.BudgetField;
import org.gatewaypower.workspace.Bus;
import org.gatewaypower.workspace.ReadModels;
import org.gatewaypower.workspace.WorkspaceService;

/**
 * The data columns of the power equipment list: one per budget field, each with its cell editor bound to the
 * row, the totals under them, and the analysed mode's columns pinned beside the name. Headers wrap rather than
 * truncate, so that "Duty % · Orion docked" reads whole in a narrow column. The name column holds the element
 * headings' open/close toggles; on a heading row the number columns show the element's sums in kW (powers and
 * orbit averages summed over quantity) in semibold, where a load's row shows its per-unit W.
 */
final class LoadGridColumns {

    /** Key of the computed column: the row's orbit-average load in the analysed mode. */
    static final String ROW_AVERAGE = "rowAverageW";

    private final TreeGrid<LoadRow> grid;
    private final Binder<LoadRow> binder;
    private final FieldErrors errors;
    private final Function<Long, String> elementLabel;
    /** Column headers and cell texts by field, for the conflict dialog. */
    private final Map<String, String> labels = new LinkedHashMap<>();
    private final Map<String, Function<LoadRow, String>> texts = new HashMap<>();
    private final List<Long> modeIds = new ArrayList<>();
    private final Map<Long, String> modeNames = new HashMap<>();
    /** The mode the design case analyses: its duty column is pinned beside the name and marked. */
    private long analysedModeId = -1;
    private Select<Long> elementSelect;
    private FooterRow totals;

    LoadGridColumns(TreeGrid<LoadRow> grid, Binder<LoadRow> binder, FieldErrors errors,
                    Function<Long, String> elementLabel) {
        this.grid = grid;
        this.binder = binder;
        this.errors = errors;
        this.elementLabel = elementLabel;
    }

    /** Adds the data columns, each with its editor, in the sheet's order. */
    void create(ReadModels.WorkspaceSnapshot ws) {
        // The element's heading holds the toggle and the element's name; a load's row its name, indented.
        TextField name = new TextField();
        Grid.Column<LoadRow> nameColumn = grid.addComponentHierarchyColumn(this::nameCell);
        editable(nameColumn, "Name", LoadRow::getName, "name", name, "15rem").setFrozen(true)
                .setComparator(r -> r.isHeading() ? elementLabel.apply(r.getElementId())
                        : r.getName() == null ? "" : r.getName()).setSortable(true);
        bind(name, LoadRow::getName, LoadRow::setName);

        TextField subsystem = new TextField();
        column("Subsystem", LoadRow::getSubsystem, "subsystem", subsystem, "7rem")
                .setComparator(r -> r.getSubsystem() == null ? "" : r.getSubsystem()).setSortable(true);
        bind(subsystem, LoadRow::getSubsystem, LoadRow::setSubsystem);

        Select<Bus> bus = new Select<>();
        bus.setItems(Bus.values());
        bus.setItemLabelGenerator(Bus::label);
        column("Bus", r -> r.getBus() == null ? "" : r.getBus().label(), "bus", bus, "4.5rem")
                .setComparator(r -> r.getBus() == null ? "" : r.getBus().label()).setSortable(true);
        bind(bus, LoadRow::getBus, LoadRow::setBus);

        // A text cell read by NumberEntry like the other numbers: "1,500" or "1e3" is what was typed, "2.5" is
        // refused rather than rounded, and the limits are the service's.
        TextField quantity = new TextField();
        column("Qty", r -> r.getQuantity() == null ? "" : String.valueOf(r.getQuantity()),
                h -> String.valueOf(h.getSubtotal().quantity()), "quantity", quantity, "3.5rem")
                .setTextAlign(ColumnTextAlign.END)
                .setComparator(r -> r.isHeading() ? r.getSubtotal().quantity() : r.getQuantity() == null ? 0
                        : r.getQuantity()).setSortable(true);
        binder.forField(quantity).withConverter(quantityEntry()).bind(LoadRow::getQuantity, LoadRow::setQuantity);

        powerColumn("Standby W", BudgetField.STANDBY_POWER, LoadRow::getStandbyPowerW, LoadRow::setStandbyPowerW,
                LoadTotals::standbyW);
        powerColumn("Operating W", BudgetField.OPERATING_POWER, LoadRow::getOperatingPowerW,
                LoadRow::setOperatingPowerW, LoadTotals::operatingW);
        powerColumn("Peak W", BudgetField.PEAK_POWER, LoadRow::getPeakPowerW, LoadRow::setPeakPowerW,
                LoadTotals::peakW);

        // Computed, not edited: what the row takes on average in the analysed mode (its total, quantity included).
        grid.addColumn(cells(r -> analysedModeId < 0 ? "" : format(LoadTotals.averageW(r, analysedModeId), "%,.0f"),
                        h -> analysedModeId < 0 ? "" : Units.kw(average(h, analysedModeId))))
                .setKey(ROW_AVERAGE).setHeader(wrapping("Avg W")).setWidth("6rem").setFlexGrow(0).setResizable(true)
                .setTextAlign(ColumnTextAlign.END).setSortable(true)
                .setComparator(r -> analysedModeId < 0 ? 0.0 : r.isHeading() ? average(r, analysedModeId)
                        : LoadTotals.averageW(r, analysedModeId))
                .setTooltipGenerator(r -> r.isHeading() ? "" : "Orbit average of this line in the analysed mode:"
                        + " quantity × (standby × (1 − duty) + operating × duty), current best estimate");

        for (ReadModels.Mode mode : ws.modes()) {
            TextField duty = new TextField();
            long modeId = mode.id();
            modeIds.add(modeId);
            modeNames.put(modeId, mode.name());
            column("Duty % · " + mode.name(), r -> format(r.getDutyPercent(modeId), "%.0f"),
                    h -> "avg " + Units.kw(average(h, modeId)), BudgetField.dutyField(modeId), duty, "7rem")
                    .setComparator(r -> r.isHeading() ? average(r, modeId) : r.getDutyPercent(modeId))
                    .setSortable(true).setTextAlign(ColumnTextAlign.END);
            binder.forField(duty).withConverter(entry("Duty cycle in mode " + mode.name(), NumberEntry.Unit.PERCENT))
                    .bind(r -> r.getDutyPercent(modeId), (r, v) -> r.setDutyPercent(modeId, v));
        }

        // Blank: the item keeps its sunlit duty in eclipse; it applies in every mode where the item works.
        TextField shadowDuty = new TextField();
        shadowDuty.setPlaceholder("as in sunlight");
        column("Duty % in eclipse", r -> format(r.getShadowDutyPercent(), "%.0f"), "shadowDuty", shadowDuty,
                "7rem");
        binder.forField(shadowDuty).withConverter(entry(BudgetField.SHADOW_DUTY.label(), NumberEntry.Unit.PERCENT))
                .bind(LoadRow::getShadowDutyPercent, LoadRow::setShadowDutyPercent);

        Select<MaturityClass> maturity = new Select<>();
        maturity.setItems(MaturityClass.values());
        maturity.setItemLabelGenerator(m -> m.label() + " (+" + Math.round(m.contingency() * 100) + " %)");
        column("Maturity", r -> r.getMaturity() == null ? "" : r.getMaturity().label(), "maturity", maturity,
                "9rem");
        bind(maturity, LoadRow::getMaturity, LoadRow::setMaturity);

        Select<LoadPriority> priority = new Select<>();
        priority.setItems(LoadPriority.values());
        priority.setItemLabelGenerator(LoadPriority::label);
        column("Priority", r -> r.getPriority() == null ? "" : r.getPriority().label(), "priority", priority, "7rem");
        bind(priority, LoadRow::getPriority, LoadRow::setPriority);

        // The heading above says it; the cell stays for moving a load to another element.
        elementSelect = new Select<>();
        elementSelect.setItems(ws.elements().stream().map(ReadModels.Element::id).toList());
        elementSelect.setItemLabelGenerator(elementLabel::apply);
        column("Element", r -> elementLabel.apply(r.getElementId()), "elementId", elementSelect, "9rem");
        bind(elementSelect, LoadRow::getElementId, LoadRow::setElementId);
    }

    /** The name cell: a load's name, or an element heading's name and owner in semibold with its line count. */
    private Component nameCell(LoadRow r) {
        if (!r.isHeading()) {
            return new Span(r.getName() == null ? "" : r.getName());
        }
        String label = elementLabel.apply(r.getElementId());
        Span heading = new Span(label);
        heading.addClassName(LumoUtility.FontWeight.SEMIBOLD);
        heading.setId("load-group-" + r.getElementId());
        heading.getElement().setAttribute("title", label + ": " + r.getLines() + (r.getLines() == 1 ? " line" : " lines")
                + " shown; the number columns sum them (kW)");
        return heading;
    }

    /** The orbit average of a heading's element in mode {@code modeId} (W), 0 before its first subtotal. */
    private static double average(LoadRow heading, long modeId) {
        return heading.getSubtotal().averageW().getOrDefault(modeId, 0.0);
    }

    /**
     * A cell renderer: a load row's text, or on a heading row its element's sum in semibold (a Lumo utility class on
     * the cell's own content, so no style sheet is needed).
     */
    private static LitRenderer<LoadRow> cells(Function<LoadRow, String> row, Function<LoadRow, String> heading) {
        return LitRenderer.<LoadRow>of("<span class=\"${item.c}\">${item.t}</span>")
                .withProperty("t", r -> r.isHeading() ? heading.apply(r) : row.apply(r))
                .withProperty("c", r -> r.isHeading() ? LumoUtility.FontWeight.SEMIBOLD : "");
    }

    /** Offers in the element cell only the elements this user may add loads to. */
    void limitElements(List<Long> editable) {
        elementSelect.setItems(editable);
    }

    List<Long> modeIds() {
        return modeIds;
    }

    /** The name of mode {@code modeId}, or "" when the grid has no such mode. */
    String modeName(long modeId) {
        return modeNames.getOrDefault(modeId, "");
    }

    long analysedModeId() {
        return analysedModeId;
    }

    /** Header texts by field, for the conflict dialog. */
    Map<String, String> labels() {
        return labels;
    }

    /** The cells' texts of a row by field, as the grid shows them. */
    Map<String, String> display(LoadRow row) {
        Map<String, String> out = new HashMap<>();
        texts.forEach((key, text) -> out.put(key, text.apply(row)));
        return out;
    }

    /**
     * Pins the duty column of the mode the design case analyses right after the frozen name, frozen too, and
     * marks its header: the column an engineer reads against the results, followed by what that mode's load is
     * made of (operating power, quantity, the row's average), so that they show without scrolling at 1366 px.
     *
     * @return whether anything changed
     */
    boolean markAnalysedMode(long modeId) {
        if (modeId == analysedModeId || !modeIds.contains(modeId)) {
            return false;
        }
        analysedModeId = modeId;
        List<Grid.Column<LoadRow>> order = new ArrayList<>(grid.getColumns());
        Grid.Column<LoadRow> analysed = grid.getColumnByKey(BudgetField.dutyField(modeId));
        order.remove(analysed);
        order.add(order.indexOf(grid.getColumnByKey("name")) + 1, analysed);
        for (String key : List.of(ROW_AVERAGE, "quantity", "operatingPowerW")) {
            Grid.Column<LoadRow> c = grid.getColumnByKey(key);
            order.remove(c);
            order.add(order.indexOf(analysed) + 1, c);
        }
        for (long m : modeIds) {
            Grid.Column<LoadRow> c = grid.getColumnByKey(BudgetField.dutyField(m));
            c.setFrozen(m == modeId);
            c.setHeader(wrapping(labels.get(BudgetField.dutyField(m)) + (m == modeId ? " ◀ analysed" : "")));
            c.setWidth(m == modeId ? "7.5rem" : "7rem");
            c.setPartNameGenerator(m == modeId ? r -> "analysed-mode" : r -> null);
        }
        grid.getColumnByKey(ROW_AVERAGE).setHeader(wrapping("Avg W · " + modeNames.get(modeId)));
        grid.setColumnOrder(order);
        return true;
    }

    /** The totals over {@code shown}, in kW: connected power per column, orbit average per mode. */
    void showTotals(List<LoadRow> shown) {
        if (totals == null) {
            totals = grid.appendFooterRow();
        }
        LoadTotals t = LoadTotals.of(shown, modeIds);
        footer("name", shown.size() + (shown.size() == 1 ? " line" : " lines") + " · totals, CBE");
        footer("quantity", String.valueOf(t.quantity()));
        footer("standbyPowerW", Units.kw(t.standbyW()));
        footer("operatingPowerW", Units.kw(t.operatingW()));
        footer("peakPowerW", Units.kw(t.peakW()));
        for (long m : modeIds) {
            footer(BudgetField.dutyField(m), "avg " + Units.kw(t.averageW().get(m)));
        }
        if (analysedModeId >= 0) {
            footer(ROW_AVERAGE, Units.kw(t.averageW().get(analysedModeId)));
        }
    }

    private void footer(String key, String text) {
        Grid.Column<LoadRow> c = grid.getColumnByKey(key);
        if (c != null) {
            Span s = new Span(text);
            s.setId("load-total-" + key.replace('.', '-'));
            s.addClassName(LumoUtility.FontWeight.SEMIBOLD);
            totals.getCell(c).setComponent(s);
        }
    }

    private void powerColumn(String header, BudgetField field, ValueProvider<LoadRow, Double> getter,
                             Setter<LoadRow, Double> setter, Function<LoadTotals, Double> sum) {
        TextField f = new TextField();
        column(header, r -> format(getter.apply(r), "%,.0f"), h -> Units.kw(sum.apply(h.getSubtotal())), field.field(),
                f, "6rem").setTextAlign(ColumnTextAlign.END)
                .setComparator(r -> r.isHeading() ? sum.apply(r.getSubtotal())
                        : getter.apply(r) == null ? 0.0 : getter.apply(r)).setSortable(true);
        binder.forField(f).withConverter(entry(field.label(), NumberEntry.Unit.W)).bind(getter, setter);
    }

    /**
     * Reads a typed cell through {@link NumberEntry} into the column's unit (W, or % for duty cycles):
     * "2 kW" is 2000 W, "1e12" is 1e12 W, "1,500" is 1500 W; anything else is refused with the field and
     * the rule, and the row is not saved.
     */
    static Converter<String, Double> entry(String label, NumberEntry.Unit unit) {
        return Converter.from(text -> {
            try {
                return Result.ok(NumberEntry.inDisplayUnit(text, label, unit));
            } catch (NumberEntry.EntryException e) {
                return Result.error(e.getMessage());
            }
        }, NumberEntry::text);
    }

    /**
     * Reads a typed quantity through {@link NumberEntry#whole}: a whole number from 1 to
     * {@link WorkspaceService#MAX_QUANTITY}, or a refusal naming the field and the rule.
     */
    static Converter<String, Integer> quantityEntry() {
        return Converter.from(text -> {
            try {
                return Result.ok(NumberEntry.whole(text, BudgetField.QUANTITY.label(), 1,
                        BudgetField.Limits.MAX_QUANTITY));
            } catch (NumberEntry.EntryException e) {
                return Result.error(e.getMessage());
            }
        }, v -> v == null ? "" : String.valueOf(v));
    }

    private <T> void bind(HasValue<?, T> field, ValueProvider<LoadRow, T> getter, Setter<LoadRow, T> setter) {
        binder.forField(field).bind(getter, setter);
    }

    /** A column whose heading rows are blank. */
    private Grid.Column<LoadRow> column(String header, Function<LoadRow, String> text, String field,
                                        Component editorField, String width) {
        return column(header, text, h -> "", field, editorField, width);
    }

    private Grid.Column<LoadRow> column(String header, Function<LoadRow, String> text,
                                        Function<LoadRow, String> headingText, String field, Component editorField,
                                        String width) {
        return editable(grid.addColumn(cells(text, headingText)), header, text, field, editorField, width);
    }

    /** Gives column {@code c} its header, key, width and cell editor, and registers it for the conflict dialog. */
    private Grid.Column<LoadRow> editable(Grid.Column<LoadRow> c, String header, Function<LoadRow, String> text,
                                          String field, Component editorField, String width) {
        c.setHeader(wrapping(header)).setWidth(width).setFlexGrow(0).setResizable(true).setKey(field);
        labels.put(field, header);
        texts.put(field, text);
        editorField.setId("load-editor-" + field.replace('.', '-'));
        ((HasSize) editorField).setWidthFull();
        c.setEditorComponent(editorField);
        if (editorField instanceof HasValidation v) {
            errors.register(field, v);
        }
        return c;
    }

    /** A header that wraps onto a second line instead of being cut off with an ellipsis. */
    static Span wrapping(String text) {
        Span s = new Span(text);
        s.addClassName("gp-wrap-header");
        s.getElement().setAttribute("title", text);
        return s;
    }

    static String format(Double v, String pattern) {
        return v == null ? "" : String.format(Locale.US, pattern, v);
    }
}
