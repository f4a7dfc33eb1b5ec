package org.gatewaypower.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;

import com.vaadin.flow.spring.security.AuthenticationContext;

import jakarta.annotation.security.PermitAll;

import org.gatewaypower.ui.workspace.WorkspaceView;
import org.gatewaypower.workspace.Views;
import org.gatewaypower.workspace.WorkspaceService;

/** Start page: the workspaces the user is a member of (administrators: all). */
@Route(value = "", layout = MainLayout.class)
@PageTitle("Workspaces · Gateway Power")
@PermitAll
public class WorkspacesView extends VerticalLayout {

    public WorkspacesView(WorkspaceService workspaces, AuthenticationContext auth) {
        Grid<Views.WorkspaceSummary> grid = new Grid<>();
        grid.setId("workspaces");
        grid.addColumn(Views.WorkspaceSummary::name).setHeader("Workspace").setFlexGrow(2);
        grid.addColumn(Views.WorkspaceSummary::description).setHeader("Description").setFlexGrow(4);
        grid.addColumn(w -> String.join(", ", w.teamCodes())).setHeader("Partner teams").setFlexGrow(2);
        grid.addColumn(Views.WorkspaceSummary::elementCount).setHeader("Elements").setFlexGrow(0).setWidth("7rem");
        grid.addColumn(Views.WorkspaceSummary::loadCount).setHeader("Loads").setFlexGrow(0).setWidth("6rem");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setItems(workspaces.listWorkspaces(auth.getPrincipalName().orElse("")));
        grid.addItemClickListener(e -> open(e.getItem()));
        grid.setAllRowsVisible(true);
        add(new H2("Workspaces"), grid);
    }

    private void open(Views.WorkspaceSummary w) {
        getUI().ifPresent(ui -> ui.navigate(WorkspaceView.class,
                new RouteParameters(WorkspaceView.WORKSPACE_ID, String.valueOf(w.id()))));
    }
}
