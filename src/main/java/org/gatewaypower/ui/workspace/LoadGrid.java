package org.gatewaypower.ui.workspace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Focusable;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.grid.editor.Editor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.provider.DataChangeEvent.DataRefreshEvent;
import com.vaadin.flow.data.provider.hierarchy.TreeDataProvider;
import com.vaadin.flow.theme.lumo.LumoUtility;

import org.gatewaypower.ui.component.Feedback;
import org.gatewaypower.ui.component.FieldErrors;
import org.gatewaypower.workspace.InvalidInputException;
import org.gatewaypower.workspace.NotFoundException;
import org.gatewaypower.workspace.ReadModels;
import org.gatewaypower.workspace.StaleEditException;

/**
 * The power equipment list, grouped by element ({@link LoadGridGroups}) and edited in place. Keyboard: Enter on a
 * row opens it for editing (on an element's heading row, opens or closes the group), Tab
 * moves between cells, Enter saves, Escape cancels. A save goes straight to the service; broken
 * rules are shown on their cells and nothing is saved; an edit based on an old version is refused
 * and the current values are shown.
 */
final class LoadGrid extends VerticalLayout {

    /** What the grid asks of its owner: persistence, in service terms. */
    interface Actions {
        ReadModels.LoadItem save(LoadRow row);

        void delete(LoadRow row);

        Optional<ReadModels.LoadItem> current(long loadId);

        /** The row the user is editing now, or null when none (for presence). */
        void editing(LoadRow row);
    }

    private final TreeGrid<LoadRow> grid = new TreeGrid<>();
    /** The loads, in the order they are listed under their elements (the headings are not in it). */
    private final List<LoadRow> rows = new ArrayList<>();
    private final LoadGridGroups groups;
    private final TreeDataProvider<LoadRow> provider;
    private final Binder<LoadRow> binder = new Binder<>();
    private final FieldErrors errors = new FieldErrors("load-errors");
    private final Actions actions;
    private final Span remoteNotice = new Span();
    /** Which rows the others edit, in words, above the grid. */
    private final Span othersEditing = new Span();
    private LoadRow focused;
    private boolean refreshPending;
    private final LoadGridBar bar;
    private final LoadRowAccess access;
    private final LoadGridColumns columns;
    private final LoadBreakdown breakdown;
    private final LoadConflicts conflicts;
    /** Who else edits which row ("✎ ESA power team"), by load id. */
    private Map<Long, String> editors = Map.of();

    LoadGrid(ReadModels.WorkspaceSnapshot ws, Actions actions) {
        this.actions = actions;
        // What this user may change; everything else is shown read-only with its owner named.
        access = new LoadRowAccess(ws.elements());
        groups = new LoadGridGroups(grid, access::elementIds);
        provider = groups.provider();
        columns = new LoadGridColumns(grid, binder, errors, access::elementLabel);
        breakdown = new LoadBreakdown(access::groupKey);
        conflicts = new LoadConflicts(actions, errors, columns, provider::refreshItem, row -> {
            rows.remove(row);
            groups.rebuild(rows);
        });
        setPadding(false);
        setSizeFull();
        ws.loads().forEach(l -> rows.add(LoadRow.of(l)));
        grid.setId("load-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COLUMN_BORDERS);
        grid.setSizeFull();
        columns.create(ws);
        new LoadRowActions(grid, access::elementLabel).create(ws.id(), access, this::editorsOf, this::delete,
                this::addRow);
        grid.setPartNameGenerator(r -> r.isHeading() ? "load-group"
                : !r.isNew() && editors.containsKey(r.getId()) ? "edited-elsewhere" : null);
        groups.rebuild(rows);
        createEditor();
        columns.markAnalysedMode(ws.designCase() == null ? -1 : ws.designCase().activeModeId());
        bar = new LoadGridBar(() -> access.firstEditableElement().ifPresentOrElse(this::addRow,
                () -> Feedback.error(access.hasElements() ? "You may not add loads: none of this workspace's elements"
                        + " is yours to edit." : "Add an element before adding loads.")), this::applyFilter);
        remoteNotice.setId("load-remote-notice");
        remoteNotice.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.WARNING);
        othersEditing.setId("load-others-editing");
        othersEditing.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.PRIMARY);
        // A heading's own redraw changes no total: skipping it ends the round (totals → heading → totals).
        provider.addDataProviderListener(e -> {
            if (!(e instanceof DataRefreshEvent<?> r && r.getItem() instanceof LoadRow l && l.isHeading())) {
                showTotals();
            }
        });
        showTotals();
        HorizontalLayout notices = new HorizontalLayout(remoteNotice, othersEditing);
        notices.addClassName(LumoUtility.FlexWrap.WRAP);
        setSpacing(false);
        addClassName(LumoUtility.Gap.XSMALL);
        add(bar, bar.hint(), notices, errors.area(), grid, breakdown);
        setFlexGrow(1, grid);
    }

    private void createEditor() {
        Editor<LoadRow> editor = grid.getEditor();
        editor.setBinder(binder);
        editor.setBuffered(true);
        grid.addItemDoubleClickListener(e -> {
            if (!e.getItem().isHeading()) {
                open(e.getItem(), e.getColumn());
            }
        });
        grid.addCellFocusListener(e -> focused = e.getItem().orElse(null));
        Shortcuts.addShortcutListener(grid, () -> {
            if (editor.isOpen()) {
                save();
            } else if (focused != null && focused.isHeading()) {
                groups.toggle(focused);
            } else if (focused != null) {
                open(focused, null);
            }
        }, Key.ENTER).listenOn(grid);
        Shortcuts.addShortcutListener(grid, this::cancel, Key.ESCAPE).listenOn(grid);
        editor.addCloseListener(e -> {
            // "X just changed this row" is about the open editor: its cause is gone with it.
            remoteNotice.setText("");
            actions.editing(null);
            if (refreshPending) {
                refreshPending = false;
                groups.rebuild(rows);
            }
        });
    }

    /** Puts {@code more} at the end of the grid's tool bar (one row at 1366 px rather than two). */
    void addToToolbar(Component more) {
        bar.append(more);
    }

    /**
     * Limits editing to what the user may change: rows of other teams' elements stay read-only (the
     * service refuses such saves anyway; this saves the user typing into them).
     */
    void setPermissions(ReadModels.Permissions permissions) {
        access.setPermissions(permissions);
        bar.permit(access.editsAny());
        columns.limitElements(access.editableElements());
        provider.refreshAll();
    }

    private void open(LoadRow row, Grid.Column<LoadRow> column) {
        if (!access.mayEdit(row)) {
            remoteNotice.setText(access.readOnlyReason(row.getElementId()));
            return;
        }
        Editor<LoadRow> editor = grid.getEditor();
        if (editor.isOpen()) {
            if (editor.getItem() == row) {
                return;
            }
            cancel();
        }
        errors.clear();
        remoteNotice.setText("");
        editor.editItem(row);
        actions.editing(row);
        Component target = column != null && column.getEditorComponent() != null ? column.getEditorComponent()
                : grid.getColumnByKey("name").getEditorComponent();
        if (target instanceof Focusable<?> f) {
            f.focus();
        }
    }

    private void cancel() {
        Editor<LoadRow> editor = grid.getEditor();
        LoadRow row = editor.getItem();
        if (row != null) {
            editor.cancel();
            if (row.isNew()) {
                rows.remove(row);
                groups.rebuild(rows);
            }
        }
        errors.clear();
    }

    /** Saves the row being edited through the service; on success closes the editor. */
    void save() {
        Editor<LoadRow> editor = grid.getEditor();
        LoadRow row = editor.getItem();
        if (row == null) {
            return;
        }
        errors.clear();
        LoadRow draft = row.copy();
        if (!binder.writeBeanIfValid(draft)) {
            List<String> problems = binder.validate().getFieldValidationErrors().stream()
                    .map(e -> "• " + e.getMessage().orElse("invalid value")).toList();
            errors.showText("Not saved: fix the highlighted cells.\n" + String.join("\n", problems));
            return;
        }
        try {
            ReadModels.LoadItem saved = actions.save(draft);
            Long elementBefore = row.getElementId();
            row.refreshFrom(saved);
            // A buffered editor closes through cancel(): the row already holds the saved values.
            editor.cancel();
            if (row.getElementId().equals(elementBefore)) {
                provider.refreshItem(row);
            } else {
                groups.rebuild(rows);
            }
            Feedback.saved("Saved " + saved.name());
        } catch (InvalidInputException ex) {
            errors.show(ex);
        } catch (StaleEditException ex) {
            LoadRow opened = row.copy();
            editor.cancel();
            conflicts.resolve(row, opened, draft, ex);
        } catch (NotFoundException ex) {
            editor.cancel();
            conflicts.removedMeanwhile(row);
        } catch (org.gatewaypower.workspace.ForbiddenException ex) {
            errors.showText("Not saved: " + ex.getMessage());
            Feedback.error("Not saved: " + ex.getMessage());
        }
    }

    /**
     * Marks the rows other people edit now.
     *
     * @param byLoadId who edits each load ("✎ ESA power team"), by load id
     */
    void showEditors(Map<Long, String> byLoadId) {
        Map<Long, String> before = editors;
        editors = Map.copyOf(byLoadId);
        boolean editing = grid.getEditor().isOpen();
        List<String> marks = new ArrayList<>();
        for (LoadRow row : rows) {
            if (!row.isNew() && editors.containsKey(row.getId())) {
                marks.add(row.getName() + " " + editors.get(row.getId()));
            }
            if (!row.isNew() && !Objects.equals(before.get(row.getId()), editors.get(row.getId()))) {
                // Refreshing any row closes an open editor: the marks wait until the user is done.
                if (editing) {
                    refreshPending = true;
                } else {
                    provider.refreshItem(row);
                }
            }
        }
        othersEditing.setText(marks.isEmpty() ? "" : "Being edited: " + String.join(" · ", marks));
    }

    private void delete(LoadRow row) {
        if (row.isNew()) {
            cancel();
            return;
        }
        try {
            actions.delete(row);
            rows.remove(row);
            groups.rebuild(rows);
            Feedback.saved("Deleted " + row.getName());
        } catch (StaleEditException ex) {
            actions.current(ex.id()).ifPresent(row::refreshFrom);
            provider.refreshItem(row);
            Feedback.error(Feedback.stale(ex, "“" + row.getName() + "”") + " Nothing was deleted.");
        } catch (NotFoundException ex) {
            rows.remove(row);
            groups.rebuild(rows);
        } catch (org.gatewaypower.workspace.ForbiddenException ex) {
            Feedback.error("Not deleted: " + ex.getMessage());
        }
    }

    /** Shows the rows that match the filter text and, if ticked, only those the user's team may edit. */
    private void applyFilter() {
        provider.setFilter(bar.filter(access)::test);
    }

    /** The totals under the list and the breakdown, over the rows shown (after any filter). */
    private void showTotals() {
        List<LoadRow> shown = provider.getFilter() == null ? rows
                : rows.stream().filter(provider.getFilter()::test).toList();
        columns.showTotals(shown);
        if (groups.subtotals(shown, columns.modeIds(), !grid.getEditor().isOpen()) && grid.getEditor().isOpen()) {
            refreshPending = true;
        }
        long mode = columns.analysedModeId();
        breakdown.show(shown, mode, columns.modeName(mode));
    }

    /** A new row, first under the heading of element {@code elementId}, scrolled into view and opened. */
    private void addRow(long elementId) {
        LoadRow row = LoadRow.blank(elementId);
        rows.add(0, row);
        // A filter or a sort could hide the new row or put it elsewhere: clear them, so it sits first in its group.
        bar.clearFilter();
        grid.sort(List.of());
        groups.rebuild(rows);
        groups.reveal(row);
        grid.scrollToItem(row);
        open(row, grid.getColumnByKey("name"));
    }

    /**
     * Takes the saved state of the workspace without disturbing the row being edited: that row keeps
     * the user's values, and a note says who changed it meanwhile (their save will be refused). Rows
     * change only to newer versions and disappear only when {@code removedIds} names them.
     */
    void update(ReadModels.WorkspaceSnapshot ws, java.util.Set<Long> removedIds, Consumer<String> remoteChangeOfEditedRow) {
        if (ws.designCase() != null) {
            if (columns.markAnalysedMode(ws.designCase().activeModeId())) {
                showTotals();
            }
        }
        access.setElements(ws.elements());
        Map<Long, ReadModels.LoadItem> saved = new HashMap<>();
        ws.loads().forEach(l -> saved.put(l.id(), l));
        LoadRow editing = grid.getEditor().getItem();
        boolean structural = false;
        for (LoadRow row : new ArrayList<>(rows)) {
            if (row.isNew()) {
                continue;
            }
            ReadModels.LoadItem item = saved.remove(row.getId());
            if (item == null) {
                // Only a removal we were told of: a snapshot read before a row was added also lacks it.
                if (row != editing && removedIds.contains(row.getId())) {
                    rows.remove(row);
                    structural = true;
                }
                continue;
            }
            // Only newer versions: a late event's older snapshot never rolls a row back.
            if (item.version() > row.getVersion()) {
                if (row == editing) {
                    String note = item.updatedBy() + " just changed this row; saving yours will be refused";
                    remoteNotice.setText(note);
                    remoteChangeOfEditedRow.accept(note);
                } else {
                    // Moved to another element: it goes under that element's heading.
                    structural |= !Objects.equals(item.elementId(), row.getElementId());
                    row.refreshFrom(item);
                    provider.refreshItem(row);
                }
            }
        }
        for (ReadModels.LoadItem added : saved.values()) {
            rows.add(LoadRow.of(added));
            structural = true;
        }
        if (structural) {
            if (grid.getEditor().isOpen()) {
                refreshPending = true;
            } else {
                groups.rebuild(rows);
            }
        }
    }

    private String editorsOf(LoadRow r) {
        return r.getId() == null ? "" : editors.getOrDefault(r.getId(), "");
    }
}
