package org.gatewaypower.ui.workspace;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.theme.lumo.LumoUtility;

import org.gatewaypower.ui.component.Feedback;
import org.gatewaypower.ui.component.FieldErrors;
import org.gatewaypower.workspace.BudgetField;
import org.gatewaypower.workspace.DockingService;
import org.gatewaypower.workspace.DockingService.DockingDraft;
import org.gatewaypower.workspace.InvalidInputException;
import org.gatewaypower.workspace.NotFoundException;
import org.gatewaypower.workspace.ReadModels;
import org.gatewaypower.workspace.StaleEditException;

/**
 * Visiting vehicles' dockings on the "Timeline" tab: a small list and a form for the selected docking or a new one
 * (vehicle, window in UTC, export in kW, note). Owners edit; others see the list and the selected docking read-only,
 * without edit buttons. The service checks every rule and names the field; a save based on an old version is refused
 * and the form then shows the current values with the reason.
 */
final class DockingEditor extends VerticalLayout {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final DockingService dockings;
    private final long workspaceId;
    private final String me;
    private final Runnable reload;

    private final Grid<ReadModels.Docking> grid = new Grid<>();
    private final H4 title = new H4();
    private final Select<Long> vehicle = new Select<>();
    private final DateTimePicker start = new DateTimePicker("Docked from (UTC)");
    private final DateTimePicker end = new DateTimePicker("Undocked at (UTC)");
    private final NumberField exportKw = new NumberField(BudgetField.EXPORT_POWER.label() + " (kW)");
    private final TextField note = new TextField(BudgetField.NOTE.label());
    private final Button save = new Button("Save docking");
    private final Button delete = new Button("Delete");
    private final Button create = new Button("New docking");
    private final Span status = new Span();
    private final FieldErrors errors = new FieldErrors("dock-errors");

    private Map<Long, String> vehicleNames = Map.of();
    /** The port each vehicle docks at, by its element id: name and limit. */
    private Map<Long, String> portOf = Map.of();
    /** The docking the form shows (as last read), or null for a new one. */
    private ReadModels.Docking editing;

    DockingEditor(DockingService dockings, long workspaceId, String me, Runnable reload) {
        this.dockings = dockings;
        this.workspaceId = workspaceId;
        this.me = me;
        this.reload = reload;
        setPadding(false);
        setWidthFull();
        H4 heading = new H4("Visiting vehicles");
        heading.addClassNames(LumoUtility.Margin.Top.MEDIUM, LumoUtility.Margin.Bottom.NONE);
        Paragraph help = new Paragraph("A docked vehicle (an Orion, HLS or Logistics element) is fed by the station "
                + "only while docked: its PEL loads count from docking to undocking, at the duties of the mode the "
                + "timeline sets, and the power it exports is a source then. On the one-orbit design case its loads "
                + "count through their duties and its export does not.");
        help.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY, LumoUtility.Margin.NONE);
        createGrid();
        add(heading, help, grid, createForm());
        newDocking();
    }

    private void createGrid() {
        grid.setId("dock-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(ReadModels.Docking::vehicleName).setHeader("Vehicle").setFlexGrow(1);
        // The docking port is the power network's port to the vehicle (its limit is judged on the Network tab).
        grid.addColumn(d -> portOf.getOrDefault(d.vehicleElementId(), "none in the network")).setHeader("Port")
                .setFlexGrow(1);
        grid.addColumn(d -> MINUTES.format(d.start())).setHeader("From (UTC)").setWidth("11rem").setFlexGrow(0);
        grid.addColumn(d -> MINUTES.format(d.end())).setHeader("To (UTC)").setWidth("11rem").setFlexGrow(0);
        grid.addColumn(d -> String.format(Locale.US, "%.2f", d.exportW() / 1000)).setHeader("Export (kW)")
                .setWidth("7rem").setFlexGrow(0).setTextAlign(ColumnTextAlign.END);
        grid.addColumn(d -> d.note() == null ? "" : d.note()).setHeader("Note").setFlexGrow(2);
        grid.addComponentColumn(d -> HistoryPanel.button(workspaceId, DockingService.KIND, d.id(), d.vehicleName()))
                .setWidth("7rem").setFlexGrow(0);
        grid.setAllRowsVisible(true);
        grid.asSingleSelect().addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                edit(e.getValue());
            }
        });
    }

    private VerticalLayout createForm() {
        vehicle.setId("dock-vehicle");
        vehicle.setLabel(BudgetField.VEHICLE.label());
        vehicle.setItemLabelGenerator(id -> vehicleNames.getOrDefault(id, "element " + id));
        start.setId("dock-start");
        end.setId("dock-end");
        org.gatewaypower.ui.component.IsoPickers.iso(start, end);
        exportKw.setId("dock-export");
        exportKw.setStep(0.01);
        note.setId("dock-note");
        note.setMaxLength(500);
        errors.register(BudgetField.VEHICLE.field(), vehicle);
        errors.register("start", start);
        errors.register("end", end);
        errors.register(BudgetField.EXPORT_POWER.field(), exportKw);
        errors.register(BudgetField.NOTE.field(), note);
        return EditorForm.of("dock", title, new FormLayout(vehicle, start, end, exportKw, note), errors, save,
                this::save, delete, this::delete, create, this::newDocking, status);
    }

    /**
     * Shows the saved dockings and the vehicles that may dock. The form follows a newer version of the docking it
     * shows; one removed meanwhile empties it.
     */
    void refresh(List<ReadModels.Docking> saved, List<ReadModels.Element> elements, List<ReadModels.Port> ports) {
        portOf = new java.util.HashMap<>();
        for (ReadModels.Port p : ports) {
            String shown = p.name() + String.format(Locale.US, " (%.2f kW)", p.limitW() / 1000);
            portOf.putIfAbsent(p.toElementId(), shown);
            portOf.putIfAbsent(p.fromElementId(), shown);
        }
        vehicleNames = elements.stream().filter(e -> DockingService.VEHICLE_KINDS.contains(e.kind()))
                .collect(Collectors.toMap(ReadModels.Element::id, ReadModels.Element::name));
        Long chosen = vehicle.getValue();
        vehicle.setItems(List.copyOf(vehicleNames.keySet()));
        vehicle.setValue(chosen != null && vehicleNames.containsKey(chosen) ? chosen : null);
        grid.setItems(saved);
        if (editing == null) {
            return;
        }
        Map<Long, ReadModels.Docking> byId = saved.stream()
                .collect(Collectors.toMap(ReadModels.Docking::id, Function.identity()));
        ReadModels.Docking now = byId.get(editing.id());
        if (now == null) {
            newDocking();
            status.setText("The docking you had open was removed by another user.");
        } else if (now.version() > editing.version()) {
            edit(now);
            status.setText("Changed by " + now.updatedBy() + ": the form shows the current values.");
        }
    }

    /** Hides the editing buttons and locks the form for users who may not change dockings (owners do). */
    void setReadOnly(boolean readOnly) {
        EditorForm.buttonsVisible(!readOnly, save, delete, create);
        vehicle.setReadOnly(readOnly);
        start.setReadOnly(readOnly);
        end.setReadOnly(readOnly);
        exportKw.setReadOnly(readOnly);
        note.setReadOnly(readOnly);
        if (readOnly) {
            status.setText("🔒 Read only: workspace owners plan the dockings");
        }
    }

    private void edit(ReadModels.Docking d) {
        editing = d;
        vehicle.setValue(vehicleNames.containsKey(d.vehicleElementId()) ? d.vehicleElementId() : null);
        start.setValue(LocalDateTime.ofInstant(d.start(), ZoneOffset.UTC));
        end.setValue(LocalDateTime.ofInstant(d.end(), ZoneOffset.UTC));
        exportKw.setValue(d.exportW() / 1000);
        note.setValue(d.note() == null ? "" : d.note());
        errors.clear();
        title.setText("Docking: " + d.vehicleName());
        status.setText("Version " + d.version() + " · last saved by " + d.updatedBy());
        delete.setEnabled(true);
        grid.select(d);
    }

    private void newDocking() {
        editing = null;
        grid.deselectAll();
        vehicle.clear();
        start.clear();
        end.clear();
        exportKw.setValue(0.0);
        note.clear();
        errors.clear();
        title.setText("New docking");
        status.setText("");
        delete.setEnabled(false);
    }

    private void save() {
        Double kw = exportKw.getValue();
        DockingDraft draft = new DockingDraft(vehicle.getValue(), instant(start.getValue()), instant(end.getValue()),
                kw == null ? null : kw * 1000, note.getValue());
        try {
            ReadModels.Docking saved = editing == null ? dockings.create(workspaceId, draft, me)
                    : dockings.update(editing.id(), editing.version(), draft, me);
            Feedback.saved("Docking of " + saved.vehicleName() + " saved");
            editing = saved;
            reload.run();
            edit(saved);
        } catch (InvalidInputException ex) {
            errors.show(ex);
        } catch (StaleEditException ex) {
            showCurrent(Feedback.stale(ex, "this docking"));
        } catch (NotFoundException ex) {
            editing = null;
            reload.run();
            title.setText("New docking");
            delete.setEnabled(false);
            errors.showText("Not saved: another user removed this docking. Your values are kept; Save adds them "
                    + "as a new docking.");
        }
    }

    private void delete() {
        if (editing == null) {
            return;
        }
        try {
            dockings.delete(editing.id(), editing.version(), me);
            Feedback.saved("Docking of " + editing.vehicleName() + " deleted");
        } catch (StaleEditException ex) {
            showCurrent(Feedback.stale(ex, "this docking").replace("re-apply your change", "delete it again"));
            return;
        } catch (NotFoundException ex) {
            Feedback.info("The docking was already removed by another user");
        }
        editing = null;
        reload.run();
        newDocking();
    }

    /** A refused save or delete: the form shows the docking as it is now, and why nothing was saved. */
    private void showCurrent(String message) {
        long id = editing.id();
        reload.run();
        grid.getListDataView().getItems().filter(d -> d.id() == id).findFirst()
                .ifPresentOrElse(this::edit, this::newDocking);
        errors.showText(message);
        Feedback.error(message);
    }

    private static Instant instant(LocalDateTime utc) {
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }
}
