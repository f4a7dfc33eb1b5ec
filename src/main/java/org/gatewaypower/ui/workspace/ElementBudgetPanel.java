package org.gatewaypower.ui.workspace;

import java.util.List;
import java.util.Optional;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;

import org.gatewaypower.analysis.BalanceReport;
import org.gatewaypower.analysis.ElementBudgets;
import org.gatewaypower.ui.NumberEntry;
import org.gatewaypower.ui.component.Feedback;
import org.gatewaypower.units.Units;
import org.gatewaypower.workspace.AllocationService;
import org.gatewaypower.workspace.BudgetField;
import org.gatewaypower.workspace.ForbiddenException;
import org.gatewaypower.workspace.InvalidInputException;
import org.gatewaypower.workspace.NotFoundException;
import org.gatewaypower.workspace.ReadModels;
import org.gatewaypower.workspace.StaleEditException;

/**
 * The Elements tab: each element's power budget in one mode (the analysed one unless the user picks another):
 * owner, CBE, MEV, allocation, margin and its check, under the sum of the analysed mode's allocations against the
 * sustainable power. Workspace owners set an allocation in a small form under the grid (opened by a row's
 * "Allocate" button, for the mode shown); everyone else sees it read-only, without edit buttons. It follows the
 * balance the view receives, so anyone's edit shows here without a reload.
 */
final class ElementBudgetPanel extends VerticalLayout {

    private final AllocationService allocations;
    private final String me;
    private final Paragraph summary = new Paragraph();
    private final Select<ReadModels.Mode> mode = new Select<>();
    private final Grid<ElementBudgets.Line> grid = new Grid<>();
    /** The owners' column of "Allocate" buttons; hidden for everyone else. */
    private Grid.Column<ElementBudgets.Line> allocateColumn;
    private final Span readOnly = new Span("Read only: workspace owners set the power allocations");
    private final HorizontalLayout form = new HorizontalLayout();
    private final Span formTarget = new Span();
    private final TextField value = new TextField(BudgetField.ALLOCATION.label() + " (kW)");
    /** Whether the user picked a mode; until then the grid follows the analysed mode. */
    private boolean modePicked;
    private ReadModels.WorkspaceSnapshot snapshot;
    private BalanceReport report;
    /** The line the form edits, and the allocation version it was opened on (null: none was set). */
    private ElementBudgets.Line editing;
    private Long editingVersion;

    ElementBudgetPanel(AllocationService allocations, ReadModels.WorkspaceSnapshot ws, String me) {
        this.allocations = allocations;
        this.me = me;
        this.snapshot = ws;
        setId("element-budget-panel");
        setPadding(false);
        summary.setId("allocation-summary");
        mode.setId("budget-mode");
        mode.setLabel("Mode shown");
        mode.setItemLabelGenerator(ReadModels.Mode::name);
        mode.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                modePicked = true;
                closeForm();
            }
            render();
        });
        readOnly.setId("allocation-read-only");
        buildGrid(ws.id());
        buildForm();
        add(summary, mode, grid, readOnly, form);
    }

    private void buildGrid(long workspaceId) {
        grid.setId("element-budget");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        // Figures in kW without the unit in every cell (the headers say it) and the history buttons beside the
        // name, so that a row fits the editing side of the page without scrolling sideways.
        grid.addComponentColumn(l -> {
            // The name wraps; the element's and its allocations' history buttons sit under it.
            HorizontalLayout history = new HorizontalLayout(
                    HistoryPanel.iconButton(workspaceId, "element", l.elementId(), l.elementName()),
                    HistoryPanel.iconButton(workspaceId, AllocationService.KIND, l.elementId(), l.elementName()));
            history.setSpacing(false);
            VerticalLayout cell = new VerticalLayout(new Span(l.elementName()), history);
            cell.setPadding(false);
            cell.setSpacing(false);
            return cell;
        }).setHeader("Element").setFlexGrow(1).setWidth("10rem");
        grid.addColumn(ElementBudgets.Line::ownerTeamCode).setHeader("Owner").setFlexGrow(0).setWidth("4.5rem");
        figureColumn("CBE (kW)", ElementBudgets.Line::cbeW);
        figureColumn("MEV (kW)", ElementBudgets.Line::mevW);
        figureColumn("Allocation (kW)", ElementBudgets.Line::allocationW);
        figureColumn("Margin (kW)", ElementBudgets.Line::marginW);
        grid.addComponentColumn(ElementBudgetPanel::check).setHeader("Check").setFlexGrow(0).setWidth("6rem");
        allocateColumn = grid.addComponentColumn(l -> {
            Button allocate = new Button("Allocate", e -> openForm(l));
            allocate.setId("allocation-edit-" + l.elementId());
            allocate.addThemeVariants(ButtonVariant.LUMO_SMALL);
            return allocate;
        }).setFlexGrow(0).setWidth("6.5rem");
        grid.setAllRowsVisible(true);
    }

    /** A right-aligned column of a figure in kW; "—" where there is none (no allocation). */
    private void figureColumn(String header, java.util.function.Function<ElementBudgets.Line, Double> watts) {
        grid.addColumn(l -> {
            Double w = watts.apply(l);
            return w == null ? "—" : Units.number("%,.2f", w / 1000);
        }).setHeader(header).setFlexGrow(0).setWidth("5rem")
                .setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END);
    }

    /** The check of one line: an icon and a word, so it reads without colour too; the margin column has the figure. */
    private static Span check(ElementBudgets.Line l) {
        Span s = new Span();
        s.addClassName("budget-check");
        s.getElement().setAttribute("data-element", String.valueOf(l.elementId()));
        s.getElement().setAttribute("data-passed", String.valueOf(l.passed()));
        if (!l.judged()) {
            s.add(VaadinIcon.MINUS.create(), new Span(" none"));
            s.setTitle("No allocation in this mode: not judged");
        } else if (l.passed()) {
            s.add(VaadinIcon.CHECK.create(), new Span(" PASS"));
            s.getElement().getThemeList().add("badge success");
        } else {
            s.add(VaadinIcon.WARNING.create(), new Span(" FAIL"));
            s.getElement().getThemeList().add("badge error");
            s.setTitle("MEV above the allocation by " + Units.kw(-l.marginW()));
        }
        return s;
    }

    private void buildForm() {
        form.setId("allocation-form");
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        value.setId("allocation-value");
        value.setHelperText("orbit average, compared with the MEV");
        Button save = new Button("Save", e -> save());
        save.setId("allocation-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button clear = new Button("Clear allocation", e -> clear());
        clear.setId("allocation-clear");
        Button cancel = new Button("Cancel", e -> closeForm());
        form.add(formTarget, value, save, clear, cancel);
        form.setVisible(false);
    }

    /** Whether this user may set allocations: only workspace owners; others see no edit buttons. */
    void setOwner(boolean mayAllocate) {
        allocateColumn.setVisible(mayAllocate);
        readOnly.setVisible(!mayAllocate);
        if (!mayAllocate) {
            closeForm();
        }
        render();
    }

    /** Shows the workspace as saved and its balance (or none, when it cannot be computed). */
    void show(ReadModels.WorkspaceSnapshot ws, BalanceReport balance) {
        this.snapshot = ws;
        this.report = balance;
        ReadModels.Mode shown = mode.getValue();
        mode.setItems(ws.modes());
        Optional<ReadModels.Mode> keep = shown == null || !modePicked ? Optional.empty()
                : ws.modes().stream().filter(m -> m.id() == shown.id()).findFirst();
        mode.setValue(keep.orElseGet(() -> balance == null ? ws.modes().stream().findFirst().orElse(null)
                : ws.modes().stream().filter(m -> m.id() == balance.modeId()).findFirst().orElse(null)));
        render();
    }

    private void render() {
        if (report == null || mode.getValue() == null) {
            summary.setText("No element budget: the energy balance cannot be computed as the workspace stands.");
            grid.setItems(List.of());
            return;
        }
        ElementBudgets b = report.elementBudgets();
        summary.setText("Allocated in " + report.modeName() + ": " + Units.kw(b.allocatedW()) + " of "
                + Units.kw(b.sustainableW()) + " sustainable (" + (b.overAllocated()
                ? Units.kw(-b.unallocatedW()) + " more than the arrays sustain)"
                : Units.kw(b.unallocatedW()) + " not allocated)"));
        summary.getElement().setAttribute("data-over", String.valueOf(b.overAllocated()));
        grid.setItems(b.inMode(mode.getValue().id()));
    }

    private void openForm(ElementBudgets.Line l) {
        editing = l;
        editingVersion = snapshot.allocation(l.elementId(), l.modeId()).map(ReadModels.Allocation::version)
                .orElse(null);
        formTarget.setText(l.elementName() + " in " + l.modeName() + ":");
        value.setValue(l.allocationW() == null ? "" : NumberEntry.text(l.allocationW() / 1000));
        value.setInvalid(false);
        form.setVisible(true);
        value.focus();
    }

    private void closeForm() {
        editing = null;
        form.setVisible(false);
    }

    private void save() {
        if (editing == null) {
            return;
        }
        Double watts;
        try {
            watts = NumberEntry.si(value.getValue(), BudgetField.ALLOCATION.label(), NumberEntry.Unit.KW);
        } catch (NumberEntry.EntryException ex) {
            refuse(ex.getMessage());
            return;
        }
        act(() -> allocations.set(editing.elementId(), editing.modeId(), watts, editingVersion, me),
                "Allocation saved");
    }

    private void clear() {
        if (editing == null || editingVersion == null) {
            closeForm();
            return;
        }
        act(() -> allocations.clear(editing.elementId(), editing.modeId(), editingVersion, me), "Allocation cleared");
    }

    /** Runs an edit; a refusal keeps the form open with the reason, a conflict shows who saved first. */
    private void act(Runnable edit, String done) {
        try {
            edit.run();
            Feedback.saved(done);
            closeForm();
        } catch (InvalidInputException ex) {
            refuse(String.join("; ", ex.violations().stream().map(InvalidInputException.FieldViolation::message)
                    .toList()));
        } catch (StaleEditException ex) {
            Feedback.error(Feedback.stale(ex, "this allocation"));
            closeForm();
        } catch (ForbiddenException | NotFoundException ex) {
            Feedback.error(ex.getMessage());
            closeForm();
        }
    }

    private void refuse(String message) {
        value.setErrorMessage(message);
        value.setInvalid(true);
    }
}
