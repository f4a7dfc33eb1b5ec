package org.gatewaypower.ui.workspace;

import java.util.List;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.theme.lumo.LumoUtility;

import org.gatewaypower.ui.component.EChart;
import org.gatewaypower.workspace.DockingService;
import org.gatewaypower.workspace.Operations.OperationPhase;
import org.gatewaypower.workspace.OperationsService;
import org.gatewaypower.workspace.ReadModels;

/**
 * The "Timeline" tab: a Gantt chart (one row per phase kind, bars coloured by operating mode, and one row per
 * visiting vehicle with its dockings), the phases' list and form ({@link PhaseEditor}) and the dockings' list and
 * form ({@link DockingEditor}). Other users' saves arrive through {@link #refresh}.
 */
final class OperationsPanel extends VerticalLayout {

    private final OperationsService operations;
    private final WorkspaceReader reader;
    private final long workspaceId;
    private final List<ReadModels.Mode> modes;
    private final EChart gantt = new EChart();
    private final PhaseEditor phases;
    private final DockingEditor dockingEditor;

    /** Reads the workspace again: its elements (the vehicles a docking may name) and ports (where they dock). */
    interface WorkspaceReader {
        ReadModels.WorkspaceSnapshot snapshot(long workspaceId);
    }

    OperationsPanel(OperationsService operations, DockingService dockings, WorkspaceReader reader,
                    ReadModels.WorkspaceSnapshot ws, String me) {
        this.operations = operations;
        this.reader = reader;
        this.workspaceId = ws.id();
        this.modes = List.copyOf(ws.modes());
        setPadding(false);
        setWidthFull();
        Paragraph note = new Paragraph("Dated phases set the active operating mode over the analysis span. "
                + "A phase runs from its start up to its end (UTC); phases may touch but not overlap.");
        note.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY, LumoUtility.Margin.NONE);
        gantt.setId("ops-gantt");
        gantt.setWidthFull();
        phases = new PhaseEditor(operations, workspaceId, modes, me, this::reload);
        dockingEditor = new DockingEditor(dockings, workspaceId, me, this::reload);
        add(note, gantt, phases, dockingEditor);
        refresh(operations.phases(workspaceId), ws);
    }

    /** Shows the saved phases and the snapshot's dockings (after an edit here, or another user's save). */
    void refresh(List<OperationPhase> saved, ReadModels.WorkspaceSnapshot ws) {
        List<ReadModels.Docking> savedDockings = ws.dockings();
        gantt.setOption(OperationsChart.option(saved, modes, savedDockings));
        gantt.setHeight(OperationsChart.heightPx(saved, savedDockings) + "px");
        phases.refresh(saved);
        dockingEditor.refresh(savedDockings, ws.elements(), ws.ports());
    }

    /** Hides the editing buttons for users who may not change the timeline or the dockings (owners do). */
    void setReadOnly(boolean readOnly) {
        phases.setReadOnly(readOnly);
        dockingEditor.setReadOnly(readOnly);
    }

    private void reload() {
        refresh(operations.phases(workspaceId), reader.snapshot(workspaceId));
    }
}
