package org.gatewaypower.ui.eclipse;

import java.util.Optional;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.spring.security.AuthenticationContext;
import com.vaadin.flow.theme.lumo.LumoUtility.FontSize;
import com.vaadin.flow.theme.lumo.LumoUtility.Margin;
import com.vaadin.flow.theme.lumo.LumoUtility.TextColor;

import jakarta.annotation.security.PermitAll;

import org.gatewaypower.analysis.EclipseService;
import org.gatewaypower.analysis.HeavyWork;
import org.gatewaypower.ui.MainLayout;
import org.gatewaypower.ui.Routes;
import org.gatewaypower.ui.component.EChart;
import org.gatewaypower.ui.component.Headings;
import org.gatewaypower.workspace.ForbiddenException;
import org.gatewaypower.workspace.NotFoundException;
import org.gatewaypower.workspace.ReadModels;
import org.gatewaypower.workspace.DesignCaseService;
import org.gatewaypower.workspace.WorkspaceService;
import org.springframework.core.task.AsyncTaskExecutor;

/**
 * Eclipses of a workspace's ephemeris orbit: per-body statistics, the worst eclipse, the lit
 * fraction over the span, the catalogue (with CSV export) and a phase scan that shows which perilune
 * epoch keeps the station out of the Earth's shadow. Inputs start from the design case but are not
 * saved from here: this page is for exploring phases and spans.
 */
@Route(value = Routes.ECLIPSES, layout = MainLayout.class)
@PageTitle("Eclipses · Gateway Power")
@PermitAll
public class EclipseView extends VerticalLayout implements BeforeEnterObserver {

    private final WorkspaceService workspaces;
    private final DesignCaseService designCases;
    private final EclipseComputation computation;
    private final String me;

    private final EclipseControls controls;
    private final EclipseStatisticsCards statistics = new EclipseStatisticsCards();
    private final EChart litChart = new EChart();
    private final PhaseScanPanel phaseScan = new PhaseScanPanel();
    private CataloguePanel catalogue;

    public EclipseView(EclipseService eclipses, WorkspaceService workspaces, DesignCaseService designCases,
                       AuthenticationContext auth, HeavyWork heavy, AsyncTaskExecutor tasks) {
        this.workspaces = workspaces;
        this.designCases = designCases;
        this.me = auth.getPrincipalName().orElse("");
        this.computation = new EclipseComputation(eclipses, heavy, tasks, me);
        this.controls = new EclipseControls(() -> compute(UI.getCurrent()), computation::cancel);
        litChart.setId("lit-fraction-chart");
        litChart.setWidthFull();
        litChart.setHeight("300px");
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
            workspaces.requireReadable(id.get(), me);
            ReadModels.WorkspaceSnapshot ws = workspaces.snapshot(id.get());
            boolean mayPick = ws.designCase() != null && workspaces.permissions(ws.id(), me).ownsWorkspace();
            catalogue = new CataloguePanel(workspaces, designCases, ws.id(), me, mayPick);
            add(header(ws), modelNote(), controls, controls.errorArea(), statistics,
                    Headings.section("Lit fraction over the span"), litChart, catalogue, phaseScan);
            controls.prefill(ws.designCase());
            compute(event.getUI());
        } catch (NotFoundException | ForbiddenException ex) {
            add(new Paragraph(ex.getMessage()));
        }
    }

    private static Component header(ReadModels.WorkspaceSnapshot ws) {
        RouterLink back = Routes.link("← Back to workspace", Routes.WORKSPACE, ws.id());
        back.setId("workspace-link");
        HorizontalLayout header = new HorizontalLayout(Headings.title("Eclipses · " + ws.name()), back);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        header.setWidthFull();
        return header;
    }

    private static Component modelNote() {
        Paragraph note = new Paragraph("Eclipses of the 9:2 NRHO as modelled here: the CR3BP periodic orbit placed in "
                + "the Earth–Moon system with Meeus ephemerides of the Sun and Moon, not the flight trajectory. "
                + "All times UTC. Inputs start from the design case and are not saved from this page.");
        note.setId("eclipse-model-note");
        note.addClassNames(Margin.NONE, FontSize.SMALL, TextColor.SECONDARY);
        return note;
    }

    /** Starts a computation of the current inputs; results or rule violations arrive later via push. */
    private void compute(UI ui) {
        controls.request().ifPresent(request -> {
            controls.started(request);
            computation.start(ui, request, new EclipseComputation.Listener() {
                @Override
                public void progress(int done, int phases) {
                    controls.progress(done, phases);
                }

                @Override
                public void finished(EclipseComputation.Results results, Throwable cause) {
                    if (cause == null) {
                        show(results);
                    } else {
                        controls.failed(cause);
                    }
                }
            });
        });
    }

    private void show(EclipseComputation.Results r) {
        statistics.show(r.catalogue());
        litChart.setOption(r.litOption());
        catalogue.show(r.catalogue(), r.csv());
        phaseScan.show(r.phaseOption(), r.best());
        controls.finished(r);
    }
}
