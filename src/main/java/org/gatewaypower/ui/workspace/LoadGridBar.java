package org.gatewaypower.ui.workspace;

import java.util.function.Predicate;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.textfield.TextFieldVariant;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.theme.lumo.LumoUtility;

/**
 * The tool bar above the power equipment list: Add load, the filter, "My team's loads", and what the owner puts
 * beside them (import and export); and the one-line hint on editing shown under it. One row at 1366 px.
 */
final class LoadGridBar extends HorizontalLayout {

    private final Button add = new Button("Add load");
    private final TextField filter = new TextField();
    private final Checkbox mine = new Checkbox("My team's loads");
    private final Span hint = new Span("Double-click or Enter edits · Enter saves · Esc cancels · powers per unit (W),"
            + " duty in % of time on · element rows: sums (kW)");

    /**
     * @param onAdd    what Add load does
     * @param onFilter called when the filter text or "My team's loads" changes
     */
    LoadGridBar(Runnable onAdd, Runnable onFilter) {
        add.addClickListener(e -> onAdd.run());
        add.setId("add-load");
        add.addThemeVariants(ButtonVariant.LUMO_SMALL);
        hint.setId("load-edit-hint");
        hint.addClassNames(LumoUtility.FontSize.XSMALL, LumoUtility.TextColor.SECONDARY);
        filter.setId("load-filter");
        filter.setPlaceholder("Filter: name, subsystem, element, bus");
        filter.setClearButtonVisible(true);
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.addValueChangeListener(e -> onFilter.run());
        filter.addThemeVariants(TextFieldVariant.LUMO_SMALL);
        filter.setWidth("12rem");
        mine.setId("load-filter-mine");
        mine.addValueChangeListener(e -> onFilter.run());
        mine.addClassName(LumoUtility.Whitespace.NOWRAP);
        add(add, filter, mine);
        addClassNames(LumoUtility.FlexWrap.WRAP, LumoUtility.AlignItems.CENTER);
    }

    /** The hint on editing, for the grid to place under the bar. */
    Span hint() {
        return hint;
    }

    /**
     * Offers adding, the hint on editing and "My team's loads" only to someone who may edit some element: how to
     * edit is no help to someone who may edit nothing, nor is "my team's loads" with none.
     */
    void permit(boolean editsAny) {
        add.setVisible(editsAny);
        hint.setVisible(editsAny);
        mine.setVisible(editsAny);
    }

    /** The rows to show now, by {@link LoadRowAccess#filter}. */
    Predicate<LoadRow> filter(LoadRowAccess access) {
        return access.filter(filter.getValue(), Boolean.TRUE.equals(mine.getValue()));
    }

    /** Empties the filter and unticks "My team's loads" (their listeners run). */
    void clearFilter() {
        filter.clear();
        mine.clear();
    }

    /** Puts {@code more} at the end of the bar. */
    void append(Component more) {
        add(more);
    }
}
