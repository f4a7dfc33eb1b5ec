package org.gatewaypower.ui.workspace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Focusable;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.grid.editor.Editor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.Result;
import com.vaadin.flow.data.converter.Converter;
import com.vaadin.flow.data.provider.ListDataProvider;
import com.vaadin.flow.data.binder.Setter;
import com.vaadin.flow.function.ValueProvider;
import com.vaadin.flow.theme.lumo.LumoUtility;

import org.gatewaypower.physics.load.LoadPriority;
import org.gatewaypower.physics.load.MaturityClass;
import org.gatewaypower.ui.NumberEntry;
import org.gatewaypower.ui.component.ConflictDialog;
import org.gatewaypower.ui.component.Feedback;
import org.gatewaypower.ui.component.FieldErrors;
import org.gatewaypower.workspace.BudgetField;
import org.gatewaypower.workspace.Bus;
import org.gatewaypower.workspace.InvalidInputException;
import org.gatewaypower.workspace.NotFoundException;
import org.gatewaypower.workspace.StaleEditException;
import org.gatewaypower.workspace.ReadModels;
import org.gatewaypower.workspace.WorkspaceService;

/**
 * The power equipment list, edited in place. Keyboard: Enter on a row opens it for editing, Tab
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

    private final Grid<LoadRow> grid = new Grid<>();
    private final List<LoadRow> rows = new ArrayList<>();
    private final ListDataProvider<LoadRow> provider = new ListDataProvider<>(rows);
    private final Binder<LoadRow> binder = new Binder<>();
    private final FieldErrors errors = new FieldErrors("load-errors");
    private final Actions actions;
    private final Map<Long, ReadModels.Element> elements = new HashMap<>();
    private final Span remoteNotice = new Span();
    /** Which rows the others edit, in words, above the grid. */
    private final Span othersEditing = new Span();
    private LoadRow focused;
    private boolean refreshPending;
    /** What this user may change; everything else is shown read-only with its owner named. */
    private ReadModels.Permissions permissions;
    private final Button add = new Button("Add load");
    private final Span hint = new Span("Double-click or Enter to edit · Tab between cells · Enter saves · Esc "
            + "cancels. Powers per unit in W; duty cycles in % of the time operating.");
    private final TextField filter = new TextField();
    private final com.vaadin.flow.component.checkbox.Checkbox mine =
            new com.vaadin.flow.component.checkbox.Checkbox("My team's loads");
    /** The totals under the list, over the rows shown; one cell per column that has a total. */
    private com.vaadin.flow.component.grid.FooterRow totals;
    private final List<Long> modeIds = new ArrayList<>();
    /** The mode the design case analyses: its duty column is pinned beside the name and marked. */
    private long analysedModeId;
    private Select<Long> elementSelect;
    /** Column headers and cell texts by field, for the conflict dialog. */
    private final Map<String, String> labels = new java.util.LinkedHashMap<>();
    private final Map<String, Function<LoadRow, String>> texts = new HashMap<>();
    /** Who else edits which row ("✎ ESA power team"), by load id. */
    private Map<Long, String> editors = Map.of();

    LoadGrid(ReadModels.WorkspaceSnapshot ws, Actions actions) {
        this.actions = actions;
        setPadding(false);
        setSizeFull();
        ws.elements().forEach(e -> elements.put(e.id(), e));
        ws.loads().forEach(l -> rows.add(LoadRow.of(l)));
        grid.setId("load-grid");
        grid.setItems(provider);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COLUMN_BORDERS);
        grid.setSizeFull();
        createColumns(ws);
        createEditor();
        createTotals();
        markAnalysedMode(ws.designCase() == null ? -1 : ws.designCase().activeModeId());

        add.addClickListener(e -> addRow());
        add.setId("add-load");
        add.addThemeVariants(ButtonVariant.LUMO_SMALL);
        hint.setId("load-edit-hint");
        hint.addClassNames(LumoUtility.FontSize.XSMALL, LumoUtility.TextColor.SECONDARY);
        remoteNotice.setId("load-remote-notice");
        remoteNotice.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.WARNING);
        othersEditing.setId("load-others-editing");
        othersEditing.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.PRIMARY);
        filter.setId("load-filter");
        filter.setPlaceholder("Filter: name, subsystem, element, bus");
        filter.setClearButtonVisible(true);
        filter.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.LAZY);
        filter.addValueChangeListener(e -> applyFilter());
        mine.setId("load-filter-mine");
        mine.addValueChangeListener(e -> applyFilter());
        mine.addClassName(LumoUtility.Whitespace.NOWRAP);
        provider.addDataProviderListener(e -> showTotals());
        filter.setWidth("16rem");
        HorizontalLayout bar = new HorizontalLayout(add, filter, mine, remoteNotice, othersEditing);
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        add(bar, hint, errors.area(), grid);
        setFlexGrow(1, grid);
    }

    private void createColumns(ReadModels.WorkspaceSnapshot ws) {
        Select<Long> element = new Select<>();
        elementSelect = element;
        element.setItems(ws.elements().stream().map(ReadModels.Element::id).toList());
        element.setItemLabelGenerator(id -> elementLabel(id));
        column("Element", r -> elementLabel(r.getElementId()), "elementId", element, "8rem")
                .setFrozen(true).setComparator(r -> elementLabel(r.getElementId())).setSortable(true);
        bind(element, LoadRow::getElementId, LoadRow::setElementId);

        TextField name = new TextField();
        column("Name", LoadRow::getName, "name", name, "11rem").setFrozen(true)
                .setComparator(r -> r.getName() == null ? "" : r.getName()).setSortable(true);
        bind(name, LoadRow::getName, LoadRow::setName);

        TextField subsystem = new TextField();
        column("Subsystem", LoadRow::getSubsystem, "subsystem", subsystem, "7rem")
                .setComparator(r -> r.getSubsystem() == null ? "" : r.getSubsystem()).setSortable(true);
        bind(subsystem, LoadRow::getSubsystem, LoadRow::setSubsystem);

        Select<Bus> bus = new Select<>();
        bus.setItems(Bus.values());
        bus.setItemLabelGenerator(Bus::label);
        column("Bus", r -> r.getBus() == null ? "" : r.getBus().label(), "bus", bus, "5rem")
                .setComparator(r -> r.getBus() == null ? "" : r.getBus().label()).setSortable(true);
        bind(bus, LoadRow::getBus, LoadRow::setBus);

        // A text cell read by NumberEntry like the other numbers: "1,500" or "1e3" is what was typed, "2.5" is
        // refused rather than rounded, and the limits are the service's.
        TextField quantity = new TextField();
        column("Qty", r -> r.getQuantity() == null ? "" : String.valueOf(r.getQuantity()), "quantity", quantity, "4rem");
        binder.forField(quantity).withConverter(quantityEntry()).bind(LoadRow::getQuantity, LoadRow::setQuantity);

        powerColumn("Standby W", BudgetField.STANDBY_POWER, LoadRow::getStandbyPowerW, LoadRow::setStandbyPowerW);
        powerColumn("Operating W", BudgetField.OPERATING_POWER, LoadRow::getOperatingPowerW,
                LoadRow::setOperatingPowerW);
        powerColumn("Peak W", BudgetField.PEAK_POWER, LoadRow::getPeakPowerW, LoadRow::setPeakPowerW);

        for (ReadModels.Mode mode : ws.modes()) {
            TextField duty = new TextField();
            long modeId = mode.id();
            modeIds.add(modeId);
            column("Duty % · " + mode.name(), r -> format(r.getDutyPercent(modeId), "%.0f"), "dutyByMode." + modeId,
                    duty, "7.5rem").setComparator(r -> r.getDutyPercent(modeId)).setSortable(true);
            binder.forField(duty).withConverter(entry("Duty cycle in mode " + mode.name(), NumberEntry.Unit.PERCENT))
                    .bind(r -> r.getDutyPercent(modeId), (r, v) -> r.setDutyPercent(modeId, v));
        }

        // Blank: the item keeps its sunlit duty in eclipse; it applies in every mode where the item works.
        TextField shadowDuty = new TextField();
        shadowDuty.setPlaceholder("as in sunlight");
        column("Duty % in eclipse", r -> format(r.getShadowDutyPercent(), "%.0f"), "shadowDuty", shadowDuty,
                "7.5rem");
        binder.forField(shadowDuty).withConverter(entry(BudgetField.SHADOW_DUTY.label(), NumberEntry.Unit.PERCENT))
                .bind(LoadRow::getShadowDutyPercent, LoadRow::setShadowDutyPercent);

        Select<MaturityClass> maturity = new Select<>();
        maturity.setItems(MaturityClass.values());
        maturity.setItemLabelGenerator(m -> m.label() + " (+" + Math.round(m.contingency() * 100) + " %)");
        column("Maturity", r -> r.getMaturity() == null ? "" : r.getMaturity().label(), "maturity", maturity, "10rem");
        bind(maturity, LoadRow::getMaturity, LoadRow::setMaturity);

        Select<LoadPriority> priority = new Select<>();
        priority.setItems(LoadPriority.values());
        priority.setItemLabelGenerator(LoadPriority::label);
        column("Priority", r -> r.getPriority() == null ? "" : r.getPriority().label(), "priority", priority, "8rem");
        bind(priority, LoadRow::getPriority, LoadRow::setPriority);

        grid.addColumn(r -> r.getUpdatedBy() == null ? "" : r.getUpdatedBy()).setHeader("Last edit").setWidth("7rem")
                .setFlexGrow(0);
        grid.addColumn(this::editorsOf).setHeader("Editing now").setKey("editors").setWidth("10rem").setFlexGrow(0);
        // The row's actions stay at the right edge however far the grid scrolls (the name and the analysed
        // mode are frozen at the left).
        grid.addComponentColumn(r -> r.isNew() ? new Span()
                : HistoryPanel.button(ws.id(), "load item", r.getId(), r.getName())).setWidth("6rem").setFlexGrow(0)
                .setFrozenToEnd(true);
        // The frozen name column says it too, so that it shows however far the grid is scrolled.
        grid.getColumnByKey("name").setTooltipGenerator(this::editorsOf);
        grid.setPartNameGenerator(r -> !r.isNew() && editors.containsKey(r.getId()) ? "edited-elsewhere" : null);
        // Tints the rows others edit; one page-level rule, as the app has no theme files of its own.
        grid.getElement().executeJs("if (!document.getElementById('gp-edited-elsewhere')) {"
                + " const s = document.createElement('style'); s.id = 'gp-edited-elsewhere';"
                + " s.textContent = 'vaadin-grid::part(edited-elsewhere) { background-color:"
                + " var(--lumo-primary-color-10pct); } vaadin-grid::part(analysed-mode) { background-color:"
                + " var(--lumo-success-color-10pct); font-weight: 600; }'; document.head.appendChild(s); }");
        grid.addComponentColumn(r -> {
            if (!mayEdit(r)) {
                Span lock = new Span("🔒 " + ownerOf(r.getElementId()));
                lock.getElement().setAttribute("title", readOnlyReason(r.getElementId()));
                lock.getElement().setAttribute("data-read-only", "true");
                lock.addClassNames(LumoUtility.FontSize.XSMALL, LumoUtility.TextColor.SECONDARY);
                return lock;
            }
            Button delete = new Button("Delete", e -> delete(r));
            delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            return delete;
        }).setWidth("6rem").setFlexGrow(0).setFrozenToEnd(true);
    }

    private void powerColumn(String header, BudgetField field, ValueProvider<LoadRow, Double> getter,
                             Setter<LoadRow, Double> setter) {
        TextField f = new TextField();
        column(header, r -> format(getter.apply(r), "%,.0f"), field.field(), f, "7rem")
                .setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END)
                .setComparator(r -> getter.apply(r) == null ? 0.0 : getter.apply(r)).setSortable(true);
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
                return Result.ok(NumberEntry.whole(text, BudgetField.QUANTITY.label(), 1, BudgetField.Limits.MAX_QUANTITY));
            } catch (NumberEntry.EntryException e) {
                return Result.error(e.getMessage());
            }
        }, v -> v == null ? "" : String.valueOf(v));
    }

    private <T> void bind(com.vaadin.flow.component.HasValue<?, T> field, ValueProvider<LoadRow, T> getter,
                          Setter<LoadRow, T> setter) {
        binder.forField(field).bind(getter, setter);
    }

    private Grid.Column<LoadRow> column(String header, Function<LoadRow, String> text, String field,
                                        Component editorField, String width) {
        Grid.Column<LoadRow> c = grid.addColumn(text::apply).setHeader(header).setWidth(width).setFlexGrow(0)
                .setResizable(true).setKey(field);
        labels.put(field, header);
        texts.put(field, text);
        editorField.setId("load-editor-" + field.replace('.', '-'));
        ((com.vaadin.flow.component.HasSize) editorField).setWidthFull();
        c.setEditorComponent(editorField);
        if (editorField instanceof com.vaadin.flow.component.HasValidation v) {
            errors.register(field, v);
        }
        return c;
    }

    private void createEditor() {
        Editor<LoadRow> editor = grid.getEditor();
        editor.setBinder(binder);
        editor.setBuffered(true);
        grid.addItemDoubleClickListener(e -> open(e.getItem(), e.getColumn()));
        grid.addCellFocusListener(e -> focused = e.getItem().orElse(null));
        Shortcuts.addShortcutListener(grid, () -> {
            if (editor.isOpen()) {
                save();
            } else if (focused != null) {
                open(focused, null);
            }
        }, Key.ENTER).listenOn(grid);
        Shortcuts.addShortcutListener(grid, this::cancel, Key.ESCAPE).listenOn(grid);
        editor.addCloseListener(e -> {
    
            actions.editing(null);
            if (refreshPending) {
                refreshPending = false;
                provider.refreshAll();
            }
        });
    }

    /**
     * Limits editing to what the user may change: rows of other teams' elements stay read-only (the
     * service refuses such saves anyway; this saves the user typing into them).
     */
    void setPermissions(ReadModels.Permissions permissions) {
        this.permissions = permissions;
        add.setVisible(!permissions.editableElementIds().isEmpty());
        // How to edit is no help to someone who may edit nothing; nor is "my team's loads" with none.
        hint.setVisible(!permissions.editableElementIds().isEmpty());
        mine.setVisible(!permissions.editableElementIds().isEmpty());
        elementSelect.setItems(elements.keySet().stream().sorted().filter(permissions::mayEditLoadsOf).toList());
        provider.refreshAll();
    }

    private boolean mayEdit(LoadRow row) {
        return permissions == null || row.getElementId() == null || permissions.mayEditLoadsOf(row.getElementId());
    }

    private String ownerOf(Long elementId) {
        ReadModels.Element e = elementId == null ? null : elements.get(elementId);
        return e == null ? "" : e.ownerTeamCode();
    }

    private String readOnlyReason(Long elementId) {
        String owner = ownerOf(elementId);
        if (permissions != null && permissions.role() == org.gatewaypower.workspace.WorkspaceRole.VIEWER) {
            return "Read only: you are a viewer of this workspace";
        }
        return "Read only: owned by " + owner + "; only " + owner + " editors and workspace owners change it";
    }

    private void open(LoadRow row, Grid.Column<LoadRow> column) {
        if (!mayEdit(row)) {
            remoteNotice.setText(readOnlyReason(row.getElementId()));
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
                provider.refreshAll();
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
            row.refreshFrom(saved);
            // A buffered editor closes through cancel(): the row already holds the saved values.
            editor.cancel();
            provider.refreshItem(row);
            Feedback.saved("Saved " + saved.name());
        } catch (InvalidInputException ex) {
            errors.show(ex);
        } catch (StaleEditException ex) {
            LoadRow opened = row.copy();
            editor.cancel();
            conflict(row, opened, draft, ex);
        } catch (NotFoundException ex) {
            editor.cancel();
            removedMeanwhile(row);
        } catch (org.gatewaypower.workspace.ForbiddenException ex) {
            errors.showText("Not saved: " + ex.getMessage());
            Feedback.error("Not saved: " + ex.getMessage());
        }
    }

    /**
     * A save that lost the race: the row shows the saved values and a dialog offers the user's values
     * field by field; applying saves against the version now current.
     *
     * @param opened what the row held when the user started (to tell which fields the user changed)
     * @param mine   what the user tried to save
     */
    private void conflict(LoadRow row, LoadRow opened, LoadRow mine, StaleEditException ex) {
        Optional<ReadModels.LoadItem> current = actions.current(ex.id());
        if (current.isEmpty()) {
            removedMeanwhile(row);
            return;
        }
        ReadModels.LoadItem saved = current.get();
        row.refreshFrom(saved);
        provider.refreshItem(row);
        LoadRow theirs = LoadRow.of(saved);
        errors.showText("Not saved: " + saved.updatedBy() + " changed “" + saved.name()
                + "” after you opened it. Choose in the dialog which values to keep.");
        List<ConflictDialog.Field> fields = ConflictDialog.fields(labels, display(mine), display(theirs),
                display(opened), key -> mine.copyField(key, theirs));
        new ConflictDialog("load " + saved.name(), saved.updatedBy(), saved.updatedAt(), fields,
                () -> Feedback.info("Kept the values " + saved.updatedBy() + " saved for " + saved.name()),
                () -> {
                    mine.rebase(saved.version());
                    apply(row, theirs, mine);
                }).open();
    }

    /** Saves a resolved conflict; another lost race opens the dialog again, based on what the user saw. */
    private void apply(LoadRow row, LoadRow seen, LoadRow mine) {
        try {
            ReadModels.LoadItem saved = actions.save(mine);
            row.refreshFrom(saved);
            provider.refreshItem(row);
            Feedback.saved("Saved " + saved.name());
        } catch (InvalidInputException ex) {
            errors.show(ex);
        } catch (StaleEditException ex) {
            conflict(row, seen, mine, ex);
        } catch (NotFoundException ex) {
            removedMeanwhile(row);
        }
    }

    private void removedMeanwhile(LoadRow row) {
        rows.remove(row);
        provider.refreshAll();
        String message = "Not saved: load “" + row.getName() + "” was removed by someone else meanwhile.";
        errors.showText(message);
        Feedback.error(message);
    }

    private Map<String, String> display(LoadRow row) {
        Map<String, String> out = new HashMap<>();
        texts.forEach((key, text) -> out.put(key, text.apply(row)));
        return out;
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
            provider.refreshAll();
            Feedback.saved("Deleted " + row.getName());
        } catch (StaleEditException ex) {
            actions.current(ex.id()).ifPresent(row::refreshFrom);
            provider.refreshItem(row);
            Feedback.error(Feedback.stale(ex, "“" + row.getName() + "”") + " Nothing was deleted.");
        } catch (NotFoundException ex) {
            rows.remove(row);
            provider.refreshAll();
        } catch (org.gatewaypower.workspace.ForbiddenException ex) {
            Feedback.error("Not deleted: " + ex.getMessage());
        }
    }

    /** Shows the rows that match the filter text and, if ticked, only those the user's team may edit. */
    private void applyFilter() {
        String text = filter.getValue() == null ? "" : filter.getValue().strip().toLowerCase(java.util.Locale.ROOT);
        boolean onlyMine = Boolean.TRUE.equals(mine.getValue()) && permissions != null;
        provider.setFilter(r -> r.isNew() || (!onlyMine || mayEdit(r)) && (text.isEmpty() || java.util.stream.Stream
                .of(r.getName(), r.getSubsystem(), elementLabel(r.getElementId()),
                        r.getBus() == null ? null : r.getBus().label())
                .anyMatch(s -> s != null && s.toLowerCase(java.util.Locale.ROOT).contains(text))));
    }

    private void createTotals() {
        totals = grid.appendFooterRow();
        showTotals();
    }

    /** The totals over the rows shown, in kW: connected power per column, orbit average per mode. */
    private void showTotals() {
        if (totals == null) {
            return;
        }
        List<LoadRow> shown = provider.getFilter() == null ? rows
                : rows.stream().filter(provider.getFilter()::test).toList();
        LoadTotals t = LoadTotals.of(shown, modeIds);
        footer("name", shown.size() + (shown.size() == 1 ? " line" : " lines") + " · totals, CBE");
        footer("quantity", String.valueOf(t.quantity()));
        footer("standbyPowerW", org.gatewaypower.units.Units.kw(t.standbyW()));
        footer("operatingPowerW", org.gatewaypower.units.Units.kw(t.operatingW()));
        footer("peakPowerW", org.gatewaypower.units.Units.kw(t.peakW()));
        for (long m : modeIds) {
            footer(BudgetField.dutyField(m), "avg " + org.gatewaypower.units.Units.kw(t.averageW().get(m)));
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

    /**
     * Pins the duty column of the mode the design case analyses right after the frozen name, frozen too, and
     * marks its header: the column an engineer reads against the results.
     */
    void markAnalysedMode(long modeId) {
        if (modeId == analysedModeId || !modeIds.contains(modeId)) {
            return;
        }
        analysedModeId = modeId;
        List<Grid.Column<LoadRow>> order = new ArrayList<>(grid.getColumns());
        Grid.Column<LoadRow> analysed = grid.getColumnByKey(BudgetField.dutyField(modeId));
        order.remove(analysed);
        order.add(order.indexOf(grid.getColumnByKey("name")) + 1, analysed);
        // Then what that mode's load is made of, so that the key figures show without scrolling at 1366 px.
        for (String key : List.of("operatingPowerW", "quantity")) {
            Grid.Column<LoadRow> c = grid.getColumnByKey(key);
            order.remove(c);
            order.add(order.indexOf(analysed) + 1, c);
        }
        for (long m : modeIds) {
            Grid.Column<LoadRow> c = grid.getColumnByKey(BudgetField.dutyField(m));
            c.setFrozen(m == modeId);
            c.setHeader(labels.get(BudgetField.dutyField(m)) + (m == modeId ? " ◀ analysed" : ""));
            c.setWidth(m == modeId ? "10rem" : "7.5rem");
            c.setPartNameGenerator(m == modeId ? r -> "analysed-mode" : r -> null);
        }
        grid.setColumnOrder(order);
    }

    private void addRow() {
        if (elements.isEmpty()) {
            Feedback.error("Add an element before adding loads.");
            return;
        }
        Optional<Long> first = elements.keySet().stream().sorted()
                .filter(id -> permissions == null || permissions.mayEditLoadsOf(id)).findFirst();
        if (first.isEmpty()) {
            Feedback.error("You may not add loads: none of this workspace's elements is yours to edit.");
            return;
        }
        LoadRow row = LoadRow.blank(first.get());
        rows.add(0, row);
        // A filter or a sort could hide the new row or put it elsewhere: clear them, so it sits first and in view.
        filter.clear();
        mine.clear();
        grid.sort(List.of());
        provider.refreshAll();
        grid.scrollToStart();
        open(row, grid.getColumnByKey("name"));
    }

    /**
     * Takes the saved state of the workspace without disturbing the row being edited: that row keeps
     * the user's values, and a note says who changed it meanwhile (their save will be refused). Rows
     * change only to newer versions and disappear only when {@code removedIds} names them.
     */
    void update(ReadModels.WorkspaceSnapshot ws, java.util.Set<Long> removedIds, Consumer<String> remoteChangeOfEditedRow) {
        if (ws.designCase() != null) {
            markAnalysedMode(ws.designCase().activeModeId());
        }
        elements.clear();
        ws.elements().forEach(e -> elements.put(e.id(), e));
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
                provider.refreshAll();
            }
        }
    }

    private String editorsOf(LoadRow r) {
        return r.isNew() ? "" : editors.getOrDefault(r.getId(), "");
    }

    private String elementLabel(Long id) {
        ReadModels.Element e = id == null ? null : elements.get(id);
        return e == null ? "" : e.name() + " (" + e.ownerTeamCode() + ")";
    }

    private static String format(Double v, String pattern) {
        return v == null ? "" : String.format(java.util.Locale.US, pattern, v);
    }

}
