package org.gatewaypower.ui.workspace;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSingleSelectionModel;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.theme.lumo.LumoUtility;

import org.gatewaypower.ui.component.ConflictDialog;
import org.gatewaypower.ui.component.Feedback;
import org.gatewaypower.ui.component.FieldErrors;
import org.gatewaypower.workspace.InvalidInputException;
import org.gatewaypower.workspace.NotFoundException;
import org.gatewaypower.workspace.Operations.OperationPhase;
import org.gatewaypower.workspace.Operations.OperationPhaseDraft;
import org.gatewaypower.workspace.OperationsService;
import org.gatewaypower.workspace.PhaseKind;
import org.gatewaypower.workspace.StaleEditException;
import org.gatewaypower.workspace.ReadModels;

/**
 * The phases of the operations timeline (on the "Timeline" tab, under its Gantt chart): the list of phases and a
 * form that edits the selected phase or adds a new one. Times are entered and shown in UTC. The service checks every rule (no overlap, end after start, ...);
 * its messages appear on the fields they name and nothing invalid is saved. A save based on an old
 * version is refused and the form then shows the current values. Other users' saves arrive through
 * {@link #refresh(List)} and never overwrite what the user is typing.
 */
final class PhaseEditor extends VerticalLayout {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final double SECONDS_PER_DAY = 86_400;

    private final OperationsService operations;
    private final long workspaceId;
    private final List<ReadModels.Mode> modes;
    private final String me;
    /** Reads the timeline again and shows it everywhere on the tab (the chart, this list, the dockings). */
    private final Runnable reload;

    private final Grid<OperationPhase> grid = new Grid<>();
    private final H4 formTitle = new H4();
    private final TextField name = new TextField("Name");
    private final Select<PhaseKind> kind = new Select<>();
    private final Select<Long> mode = new Select<>();
    private final DateTimePicker start = new DateTimePicker("Start (UTC)");
    private final DateTimePicker end = new DateTimePicker("End (UTC)");
    private final Button save = new Button("Save");
    private final Button delete = new Button("Delete");
    private final Button create = new Button("New phase");
    private final Span status = new Span();
    private final FieldErrors errors = new FieldErrors("ops-errors");

    /** The phase the form edits (as last read), or null when the form holds a new phase. */
    private OperationPhase editing;
    /** True while the form holds typing that is not saved. */
    private boolean dirty;

    PhaseEditor(OperationsService operations, long workspaceId, List<ReadModels.Mode> modes, String me,
                Runnable reload) {
        this.operations = operations;
        this.workspaceId = workspaceId;
        this.modes = List.copyOf(modes);
        this.me = me;
        this.reload = reload;
        setPadding(false);
        setWidthFull();
        createGrid();
        add(grid, createForm());
        refresh(operations.phases(workspaceId));
        newPhase();
    }

    /**
     * Shows the saved phases. The form follows a newer version of the phase it shows unless the user
     * has typed something unsaved, in which case a note says the save will be refused.
     */
    void refresh(List<OperationPhase> phases) {
        grid.setItems(phases);
        if (editing == null) {
            return;
        }
        Optional<OperationPhase> current = phases.stream().filter(p -> p.id() == editing.id()).findFirst();
        if (current.isEmpty()) {
            if (dirty) {
                editing = null;
                formTitle.setText("New phase");
                delete.setEnabled(false);
                status.setText("This phase was removed by another user; Save adds your values as a new phase.");
            } else {
                newPhase();
                status.setText("The phase you had open was removed by another user.");
            }
            return;
        }
        OperationPhase now = current.get();
        grid.select(now);
        if (now.version() > editing.version()) {
            if (dirty) {
                status.setText("Changed by " + now.updatedBy() + " while you edit: your save will be refused; "
                        + "its current values appear after you save or select it again.");
            } else {
                edit(now);
            }
        }
    }

    private void createGrid() {
        grid.setId("ops-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(OperationPhase::name).setHeader("Name").setFlexGrow(2).setResizable(true);
        grid.addColumn(p -> p.kind().label()).setHeader("Kind").setFlexGrow(1);
        grid.addColumn(OperationPhase::modeName).setHeader("Mode").setFlexGrow(1);
        grid.addColumn(p -> utc(p.start())).setHeader("Start (UTC)").setWidth("11rem").setFlexGrow(0);
        grid.addColumn(p -> utc(p.end())).setHeader("End (UTC)").setWidth("11rem").setFlexGrow(0);
        grid.addColumn(p -> String.format(Locale.US, "%.2f", p.duration().toSeconds() / SECONDS_PER_DAY))
                .setHeader("Duration (d)").setWidth("8rem").setFlexGrow(0).setTextAlign(ColumnTextAlign.END);
        grid.addColumn(OperationPhase::updatedBy).setHeader("Last edit").setWidth("7rem").setFlexGrow(0);
        grid.setAllRowsVisible(true);
        ((GridSingleSelectionModel<OperationPhase>) grid.getSelectionModel()).setDeselectAllowed(false);
        grid.asSingleSelect().addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                edit(e.getValue());
            }
        });
    }

    private VerticalLayout createForm() {
        name.setId("ops-name");
        name.setMaxLength(120);
        kind.setId("ops-kind");
        kind.setLabel("Kind");
        kind.setItems(PhaseKind.values());
        kind.setItemLabelGenerator(PhaseKind::label);
        mode.setId("ops-mode");
        mode.setLabel("Operating mode");
        Map<Long, String> modeNames = modes.stream().collect(Collectors.toMap(ReadModels.Mode::id, ReadModels.Mode::name));
        mode.setItems(modes.stream().map(ReadModels.Mode::id).toList());
        mode.setItemLabelGenerator(modeNames::get);
        start.setId("ops-start");
        end.setId("ops-end");
        org.gatewaypower.ui.component.IsoPickers.iso(start, end);
        errors.register("name", name);
        errors.register("kind", kind);
        errors.register("modeId", mode);
        errors.register("start", start);
        errors.register("end", end);
        name.addValueChangeListener(e -> dirty |= e.isFromClient());
        kind.addValueChangeListener(e -> dirty |= e.isFromClient());
        mode.addValueChangeListener(e -> dirty |= e.isFromClient());
        start.addValueChangeListener(e -> dirty |= e.isFromClient());
        end.addValueChangeListener(e -> dirty |= e.isFromClient());

        return EditorForm.of("ops", formTitle, new FormLayout(name, kind, mode, start, end), errors, save,
                this::save, delete, this::delete, create, this::newPhase, status);
    }

    /** Hides the editing buttons for users who may not change the timeline (owners do). */
    void setReadOnly(boolean readOnly) {
        EditorForm.buttonsVisible(!readOnly, save, delete, create);
        // The form then only shows the selected phase: nothing to type into that could not be saved.
        name.setReadOnly(readOnly);
        kind.setReadOnly(readOnly);
        mode.setReadOnly(readOnly);
        start.setReadOnly(readOnly);
        end.setReadOnly(readOnly);
        if (readOnly) {
            status.setText("🔒 Read only: workspace owners plan the operations timeline");
        }
    }

    /** Puts a saved phase into the form. */
    private void edit(OperationPhase p) {
        editing = p;
        name.setValue(p.name());
        kind.setValue(p.kind());
        mode.setValue(p.modeId());
        start.setValue(LocalDateTime.ofInstant(p.start(), ZoneOffset.UTC));
        end.setValue(LocalDateTime.ofInstant(p.end(), ZoneOffset.UTC));
        dirty = false;
        errors.clear();
        formTitle.setText("Phase: " + p.name());
        status.setText("Version " + p.version() + " · last saved by " + p.updatedBy());
        delete.setEnabled(true);
        grid.select(p);
    }

    /** Empties the form for a new phase, starting where the last phase ends (the usual next step). */
    private void newPhase() {
        editing = null;
        grid.deselectAll();
        name.clear();
        kind.clear();
        mode.clear();
        List<OperationPhase> shown = grid.getListDataView().getItems().toList();
        Optional<Instant> lastEnd = shown.stream().map(OperationPhase::end).max(Instant::compareTo);
        start.setValue(lastEnd.map(t -> LocalDateTime.ofInstant(t, ZoneOffset.UTC)).orElse(null));
        end.clear();
        dirty = false;
        errors.clear();
        formTitle.setText("New phase");
        status.setText("");
        delete.setEnabled(false);
    }

    private void save() {
        OperationPhaseDraft draft = new OperationPhaseDraft(name.getValue(), kind.getValue(), mode.getValue(),
                instant(start.getValue()), instant(end.getValue()));
        try {
            OperationPhase saved = editing == null ? operations.create(workspaceId, draft, me)
                    : operations.update(editing.id(), editing.version(), draft, me);
            Feedback.saved("Phase " + saved.name() + " saved");
            dirty = false;
            reload.run();
            edit(saved);
        } catch (InvalidInputException ex) {
            errors.show(ex);
        } catch (StaleEditException ex) {
            conflict(draft);
        } catch (NotFoundException ex) {
            removedMeanwhile();
        }
    }

    /**
     * Someone saved the phase first: the conflict dialog lists the fields that differ, mine against
     * theirs; keeping theirs shows the saved phase, applying saves my values (or the chosen mix) over
     * the current version, and a further conflict opens the dialog again.
     */
    private void conflict(OperationPhaseDraft mine) {
        OperationPhase opened = editing;
        OperationPhase current;
        try {
            current = operations.phase(opened.id());
        } catch (NotFoundException gone) {
            removedMeanwhile();
            return;
        }
        Map<String, String> labels = new java.util.LinkedHashMap<>();
        labels.put("name", "Name");
        labels.put("kind", "Kind");
        labels.put("mode", "Operating mode");
        labels.put("start", "Start (UTC)");
        labels.put("end", "End (UTC)");
        new ConflictDialog("phase " + current.name(), current.updatedBy(), current.updatedAt(),
                ConflictDialog.fields(labels, texts(mine.name(), mine.kind(), mine.modeId(), mine.start(), mine.end()),
                        texts(current), texts(opened), key -> takeTheirs(key, current)),
                () -> {
                    dirty = false;
                    reload.run();
                    edit(current);
                },
                () -> {
                    editing = current;
                    save();
                }).open();
    }

    private Map<String, String> texts(OperationPhase p) {
        return texts(p.name(), p.kind(), p.modeId(), p.start(), p.end());
    }

    private Map<String, String> texts(String n, PhaseKind k, Long m, Instant from, Instant to) {
        Map<String, String> t = new HashMap<>();
        t.put("name", n == null ? "" : n);
        t.put("kind", k == null ? "" : k.label());
        t.put("mode", m == null ? "" : modes.stream().filter(x -> x.id() == m).map(ReadModels.Mode::name).findFirst()
                .orElse(""));
        t.put("start", from == null ? "" : from.toString());
        t.put("end", to == null ? "" : to.toString());
        return t;
    }

    private void takeTheirs(String key, OperationPhase theirs) {
        switch (key) {
            case "name" -> name.setValue(theirs.name());
            case "kind" -> kind.setValue(theirs.kind());
            case "mode" -> mode.setValue(theirs.modeId());
            case "start" -> start.setValue(LocalDateTime.ofInstant(theirs.start(), ZoneOffset.UTC));
            default -> end.setValue(LocalDateTime.ofInstant(theirs.end(), ZoneOffset.UTC));
        }
    }

    private void delete() {
        if (editing == null) {
            return;
        }
        try {
            operations.delete(editing.id(), editing.version(), me);
            Feedback.saved("Phase " + editing.name() + " deleted");
            editing = null;
            reload.run();
            newPhase();
        } catch (StaleEditException ex) {
            showCurrent(Feedback.stale(ex, "this phase").replace("re-apply your change", "delete it again"));
        } catch (NotFoundException ex) {
            editing = null;
            reload.run();
            newPhase();
            Feedback.info("The phase was already removed by another user");
        }
    }

    /** A refused save or delete: the form shows the phase as it is now, and why nothing was saved. */
    private void showCurrent(String message) {
        long id = editing.id();
        dirty = false;
        reload.run();
        grid.getListDataView().getItems().filter(p -> p.id() == id).findFirst().ifPresentOrElse(this::edit, this::newPhase);
        errors.showText(message);
        Feedback.error(message);
    }

    /** The phase being saved was deleted by someone else: keep the user's values as a new phase. */
    private void removedMeanwhile() {
        editing = null;
        reload.run();
        formTitle.setText("New phase");
        delete.setEnabled(false);
        String message = "Not saved: another user removed this phase. Your values are kept; Save adds them as a "
                + "new phase.";
        errors.showText(message);
        Feedback.error(message);
    }

    private static String utc(Instant t) {
        return (t.getEpochSecond() % 60 == 0 ? MINUTES : SECONDS).format(t);
    }

    private static Instant instant(LocalDateTime utc) {
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }
}
