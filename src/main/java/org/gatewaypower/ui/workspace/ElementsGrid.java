package org.gatewaypower.ui.workspace;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;

import org.gatewaypower.workspace.ReadModels;

/** The Elements tab: each element of the station with its kind, owner team and history. */
final class ElementsGrid extends Grid<ReadModels.Element> {

    ElementsGrid(ReadModels.WorkspaceSnapshot ws) {
        setId("elements");
        addThemeVariants(GridVariant.LUMO_COMPACT);
        addColumn(ReadModels.Element::name).setHeader("Element");
        addColumn(e -> e.kind().label()).setHeader("Kind");
        addColumn(ReadModels.Element::ownerTeamCode).setHeader("Owner team");
        addComponentColumn(e -> HistoryPanel.button(ws.id(), "element", e.id(), e.name()));
        setItems(ws.elements());
        setAllRowsVisible(true);
    }
}
