package org.gatewaypower.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import com.vaadin.flow.spring.security.AuthenticationContext;

import jakarta.annotation.security.PermitAll;

import org.gatewaypower.workspace.ReadModels;
import org.gatewaypower.workspace.WorkspaceService;

/** Start page: the workspaces the user is a member of (administrators: all). */
@Route(value = "", layout = MainLayout.class)
@PageTitle("Workspaces · Gateway Power")
@PermitAll
public class WorkspacesView extends VerticalLayout {

    public WorkspacesView(WorkspaceService workspaces, AuthenticationContext auth,
                          org.gatewaypower.exchange.ArchiveService archives) {
        Grid<ReadModels.WorkspaceSummary> grid = new Grid<>();
        grid.setId("workspaces");
        grid.addColumn(ReadModels.WorkspaceSummary::name).setHeader("Workspace").setFlexGrow(2);
        grid.addColumn(ReadModels.WorkspaceSummary::description).setHeader("Description").setFlexGrow(4);
        grid.addColumn(w -> String.join(", ", w.teamCodes())).setHeader("Partner teams").setFlexGrow(2);
        grid.addColumn(ReadModels.WorkspaceSummary::elementCount).setHeader("Elements").setFlexGrow(0).setWidth("7rem");
        grid.addColumn(ReadModels.WorkspaceSummary::loadCount).setHeader("Loads").setFlexGrow(0).setWidth("6rem");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setItems(workspaces.listWorkspaces(auth.getPrincipalName().orElse("")));
        grid.addItemClickListener(e -> open(e.getItem()));
        grid.setAllRowsVisible(true);
        String me = auth.getPrincipalName().orElse("");
        com.vaadin.flow.component.upload.Upload upload = new com.vaadin.flow.component.upload.Upload(
                com.vaadin.flow.server.streams.UploadHandler.inMemory((meta, bytes) -> {
                    com.vaadin.flow.component.UI ui = com.vaadin.flow.component.UI.getCurrent();
                    Runnable work = () -> {
                        try {
                            var imported = archives.importArchive(bytes, null, me);
                            com.vaadin.flow.component.notification.Notification.show("Imported " + imported.name()
                                    + (imported.notes().isEmpty() ? "" : " (" + String.join("; ", imported.notes())
                                    + ")"), 6000, com.vaadin.flow.component.notification.Notification.Position
                                    .BOTTOM_START);
                            grid.setItems(workspaces.listWorkspaces(me));
                        } catch (org.gatewaypower.workspace.InvalidInputException ex) {
                            com.vaadin.flow.component.notification.Notification.show("Not imported: "
                                    + ex.getMessage(), 8000, com.vaadin.flow.component.notification.Notification
                                    .Position.MIDDLE).addThemeVariants(com.vaadin.flow.component.notification
                                    .NotificationVariant.LUMO_ERROR);
                        }
                    };
                    if (ui != null) {
                        ui.access(work::run);
                    } else {
                        work.run();
                    }
                }));
        upload.setId("import-archive");
        upload.setAcceptedFileExtensions(".json");
        upload.setMaxFiles(1);
        upload.setDropLabel(new com.vaadin.flow.component.html.Span(
                "Import a workspace archive (.json) as a new workspace"));
        add(new H2("Workspaces"), grid, upload);
    }

    private void open(ReadModels.WorkspaceSummary w) {
        getUI().ifPresent(ui -> Routes.navigate(ui, Routes.WORKSPACE, w.id()));
    }
}
