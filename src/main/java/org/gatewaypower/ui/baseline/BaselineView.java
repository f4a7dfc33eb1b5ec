package org.gatewaypower.ui.baseline;

import java.util.List;
import java.util.Optional;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.spring.security.AuthenticationContext;

import jakarta.annotation.security.PermitAll;

import org.gatewaypower.baseline.BaselineService;
import org.gatewaypower.baseline.Baselines;
import org.gatewaypower.baseline.EditionReports;
import org.gatewaypower.baseline.VariantService;
import org.gatewaypower.ui.MainLayout;
import org.gatewaypower.ui.Routes;
import org.gatewaypower.ui.component.Headings;
import org.gatewaypower.workspace.ForbiddenException;
import org.gatewaypower.workspace.NotFoundException;
import org.gatewaypower.workspace.ReadModels;
import org.gatewaypower.workspace.WorkspaceRole;
import org.gatewaypower.workspace.WorkspaceService;
import org.springframework.core.task.AsyncTaskExecutor;

/**
 * Baselines and variants of a workspace: freeze the workspace as a named baseline, fork it into a
 * variant, and compare any two of its baselines, its current state and (for a variant) its parent:
 * what changed, how every result figure and check moved, both state-of-charge curves, and which change
 * moved the minimum state of charge most.
 */
@Route(value = Routes.BASELINES, layout = MainLayout.class)
@RouteAlias(value = "workspaces/:workspaceId/baselines", layout = MainLayout.class)
@PageTitle("Baselines · Gateway Power")
@PermitAll
public class BaselineView extends VerticalLayout implements BeforeEnterObserver {

    private final BaselineService baselines;
    private final VariantService variants;
    private final WorkspaceService workspaces;
    private final EditionReports editions;
    private final AsyncTaskExecutor tasks;
    private final String me;

    private long workspaceId;
    private Optional<Baselines.Variant> variantOf = Optional.empty();
    private BaselinesPanel baselinesPanel;
    private VariantsPanel variantsPanel;
    private ComparePanel comparePanel;

    public BaselineView(BaselineService baselines, VariantService variants, WorkspaceService workspaces,
                        AuthenticationContext auth, EditionReports editions, AsyncTaskExecutor tasks) {
        this.baselines = baselines;
        this.variants = variants;
        this.workspaces = workspaces;
        this.editions = editions;
        this.tasks = tasks;
        this.me = auth.getPrincipalName().orElse("anonymous");
        setWidthFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        Optional<Long> id = Routes.workspaceId(event.getRouteParameters());
        if (id.isEmpty()) {
            add(new Paragraph("No such workspace."));
            return;
        }
        try {
            workspaceId = id.get();
            workspaces.requireReadable(workspaceId, me);
            ReadModels.WorkspaceSnapshot ws = workspaces.snapshot(workspaceId);
            variantOf = variants.parent(workspaceId);
            ReadModels.Permissions permissions = workspaces.permissions(workspaceId, me);
            build(ws, permissions.admin() || permissions.role() == WorkspaceRole.OWNER
                    || permissions.role() == WorkspaceRole.EDITOR);
            refresh();
        } catch (NotFoundException | ForbiddenException ex) {
            add(new Paragraph(ex.getMessage()));
        }
    }

    /** Viewers compare; only owners and editors (and administrators) freeze baselines and fork variants. */
    private void build(ReadModels.WorkspaceSnapshot ws, boolean contributes) {
        baselinesPanel = new BaselinesPanel(baselines, editions, workspaceId, me, contributes, frozen -> {
            refresh();
            comparePanel.compareFrom(frozen);
        });
        variantsPanel = new VariantsPanel(variants, workspaceId, me, contributes, this::refresh);
        comparePanel = new ComparePanel(baselines, tasks, workspaceId, me);
        add(header(ws), baselinesPanel, variantsPanel, comparePanel);
    }

    private Component header(ReadModels.WorkspaceSnapshot ws) {
        RouterLink back = Routes.link("← Back to workspace", Routes.WORKSPACE, ws.id());
        back.setId("workspace-link");
        HorizontalLayout header = new HorizontalLayout(Headings.title("Baselines · " + ws.name()), back);
        variantOf.ifPresent(v -> {
            RouterLink parent = Routes.link("Parent workspace", Routes.BASELINES, v.parentWorkspaceId());
            parent.setId("parent-link");
            header.add(new Span("Variant \"" + v.name() + "\""), parent);
        });
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        header.setWidthFull();
        return header;
    }

    private void refresh() {
        List<Baselines.Baseline> list = baselines.baselines(workspaceId);
        baselinesPanel.show(list);
        variantsPanel.show(variants.variants(workspaceId));
        comparePanel.setSides(list, variantOf.isPresent());
    }
}
