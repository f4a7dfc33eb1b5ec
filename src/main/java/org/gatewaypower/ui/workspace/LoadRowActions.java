package org.gatewaypower.ui.workspace;

import java.util.function.Consumer;
import java.util.function.Function;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.theme.lumo.LumoUtility;

/**
 * The power equipment list's columns after the data: who last edited a row and who edits it now, and the actions
 * cell frozen at the right edge: a load's history and delete (or a lock naming the owner), an element heading's
 * "add a load here" for those who may add to it.
 */
final class LoadRowActions {

    private final Grid<LoadRow> grid;
    private final Function<Long, String> elementLabel;

    LoadRowActions(Grid<LoadRow> grid, Function<Long, String> elementLabel) {
        this.grid = grid;
        this.elementLabel = elementLabel;
    }

    /**
     * Who edits each row now, and the row's actions at the right edge however far the grid scrolls (the name
     * and the analysed mode are frozen at the left): its history, and delete, or a lock naming the owner.
     */
    void create(long workspaceId, LoadRowAccess access, Function<LoadRow, String> editorsOf,
              Consumer<LoadRow> delete, Consumer<Long> addTo) {
        grid.addColumn(r -> r.getUpdatedBy() == null ? "" : r.getUpdatedBy()).setHeader("Last edit").setWidth("7rem")
                .setFlexGrow(0);
        grid.addColumn(editorsOf::apply).setHeader("Editing now").setKey("editors").setWidth("10rem").setFlexGrow(0);
        grid.addComponentColumn(r -> r.isHeading() ? headingActions(r, access, addTo)
                        : rowActions(workspaceId, r, access, delete)).setKey("actions").setWidth("5.5rem")
                .setFlexGrow(0).setFrozenToEnd(true);
        // The frozen name column says it too, so that it shows however far the grid is scrolled; and the whole
        // name, which the indented cell may cut.
        grid.getColumnByKey("name").setTooltipGenerator(r -> r.isHeading() || r.getName() == null ? ""
                : (r.getName() + " " + editorsOf.apply(r)).strip());
    }

    /** On an element's heading: add a load to it, for those who may. */
    private Component headingActions(LoadRow heading, LoadRowAccess access, Consumer<Long> addTo) {
        if (!access.mayEdit(heading)) {
            return new Span();
        }
        String element = elementLabel.apply(heading.getElementId());
        Button add = new Button(VaadinIcon.PLUS.create(), e -> addTo.accept(heading.getElementId()));
        add.setId("add-load-" + heading.getElementId());
        add.setTooltipText("Add a load to " + element);
        add.getElement().setAttribute("aria-label", "Add a load to " + element);
        add.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        add.addClassName(LumoUtility.Margin.NONE);
        return add;
    }

    private static Component rowActions(long workspaceId, LoadRow r, LoadRowAccess access, Consumer<LoadRow> onDelete) {
        HorizontalLayout actions = new HorizontalLayout();
        actions.setSpacing(false);
        actions.setAlignItems(FlexComponent.Alignment.CENTER);
        if (!r.isNew()) {
            Button history = HistoryPanel.iconButton(workspaceId, "load item", r.getId(), r.getName());
            history.addClassName(LumoUtility.Margin.NONE);
            actions.add(history);
        }
        if (!access.mayEdit(r)) {
            Icon lock = VaadinIcon.LOCK.create();
            lock.setId("load-locked-" + (r.isNew() ? "new" : r.getId()));
            lock.setTooltipText(access.readOnlyReason(r.getElementId()));
            lock.getElement().setAttribute("aria-label", access.readOnlyReason(r.getElementId()));
            lock.getElement().setAttribute("data-read-only", "true");
            // Margins at the sides only: an icon no taller than the buttons keeps the rows compact.
            lock.addClassNames(LumoUtility.IconSize.SMALL, LumoUtility.TextColor.SECONDARY,
                    LumoUtility.Margin.Horizontal.SMALL);
            actions.add(lock);
            return actions;
        }
        Button delete = new Button(VaadinIcon.TRASH.create(), e -> onDelete.accept(r));
        delete.setTooltipText("Delete " + (r.getName() == null ? "this line" : r.getName()));
        delete.getElement().setAttribute("aria-label", "Delete");
        delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR,
                ButtonVariant.LUMO_ICON);
        // Without the buttons' own vertical margins a row is as tall as its text, not 47 px: more rows fit.
        delete.addClassName(LumoUtility.Margin.NONE);
        actions.add(delete);
        return actions;
    }
}
