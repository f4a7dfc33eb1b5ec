package org.gatewaypower.ui.eclipse;

import static org.gatewaypower.ui.eclipse.EclipseFormats.bodyName;
import static org.gatewaypower.ui.eclipse.EclipseFormats.count;
import static org.gatewaypower.ui.eclipse.EclipseFormats.iso;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.Function;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.theme.lumo.LumoUtility.FontSize;
import com.vaadin.flow.theme.lumo.LumoUtility.TextColor;

import org.gatewaypower.analysis.EclipseService;
import org.gatewaypower.ui.component.Headings;
import org.gatewaypower.workspace.ForbiddenException;
import org.gatewaypower.workspace.InvalidInputException;
import org.gatewaypower.workspace.StaleEditException;
import org.gatewaypower.workspace.DesignCaseService;
import org.gatewaypower.workspace.WorkspaceService;

/**
 * The eclipse catalogue: a summary with the CSV download and the grid of passes, where workspace owners
 * make a complete pass the design eclipse.
 */
final class CataloguePanel extends VerticalLayout {

    /** Catalogues up to this many rows are shown whole, without a scroll area. */
    static final int SHORT_CATALOGUE = 12;

    private final WorkspaceService workspaces;
    private final DesignCaseService designCases;
    private final long workspaceId;
    private final String me;
    private final Grid<EclipseService.Eclipse> grid = new Grid<>();
    private final Anchor csv = new Anchor();
    private final Span summary = new Span();

    /** {@code mayPick}: this user may set the workspace's design case (owners and administrators). */
    CataloguePanel(WorkspaceService workspaces, DesignCaseService designCases, long workspaceId, String me, boolean mayPick) {
        this.workspaces = workspaces;
        this.designCases = designCases;
        this.workspaceId = workspaceId;
        this.me = me;
        setPadding(false);
        setWidthFull();
        csv.setId("eclipse-csv");
        csv.setText("Download CSV");
        csv.setEnabled(false);
        summary.addClassNames(FontSize.SMALL, TextColor.SECONDARY);
        HorizontalLayout bar = new HorizontalLayout(summary, csv);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(Headings.section("Catalogue"), bar, createGrid(mayPick));
    }

    private Grid<EclipseService.Eclipse> createGrid(boolean mayPick) {
        grid.setId("eclipse-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setWidthFull();
        grid.setAllRowsVisible(true);
        grid.addColumn(e -> bodyName(e.body())).setHeader("Body").setSortable(true)
                .setComparator(Comparator.comparing(EclipseService.Eclipse::body)).setWidth("6rem").setFlexGrow(0);
        timeColumn("Start (UTC)", EclipseService.Eclipse::start);
        timeColumn("End (UTC)", EclipseService.Eclipse::end);
        timeColumn("Umbra start (UTC)", EclipseService.Eclipse::umbraStart);
        timeColumn("Umbra end (UTC)", EclipseService.Eclipse::umbraEnd);
        grid.addColumn(e -> String.format(Locale.US, "%.1f", e.durationSeconds() / 60)).setHeader("Duration (min)")
                .setComparator(Comparator.comparingDouble(EclipseService.Eclipse::durationSeconds)).setSortable(true)
                .setTextAlign(ColumnTextAlign.END).setWidth("8rem").setFlexGrow(0);
        grid.addColumn(e -> String.format(Locale.US, "%.1f", 100 * e.minLitFraction())).setHeader("Min lit (%)")
                .setComparator(Comparator.comparingDouble(EclipseService.Eclipse::minLitFraction)).setSortable(true)
                .setTextAlign(ColumnTextAlign.END).setWidth("7rem").setFlexGrow(0);
        if (mayPick) {
            grid.addComponentColumn(this::pickButton).setHeader("Design case").setWidth("11rem").setFlexGrow(0);
        }
        return grid;
    }

    private void timeColumn(String header, Function<EclipseService.Eclipse, Instant> time) {
        grid.addColumn(e -> iso(time.apply(e))).setHeader(header).setSortable(true)
                .setComparator(Comparator.comparing(time::apply, Comparator.nullsFirst(Comparator.naturalOrder())))
                .setFlexGrow(1);
    }

    /** Shows a computed catalogue and offers {@code csvBytes} (built with it, off the UI thread) for download. */
    void show(EclipseService.Catalogue cat, byte[] csvBytes) {
        grid.setItems(cat.eclipses());
        // A short catalogue gets no empty scroll area; a long one scrolls inside the page.
        boolean whole = cat.eclipses().size() <= SHORT_CATALOGUE;
        grid.setAllRowsVisible(whole);
        grid.setHeight(whole ? null : "24rem");
        summary.setText(count(cat.eclipses().size(), "eclipse") + " from " + iso(cat.orbitCase().from())
                + " to " + iso(cat.orbitCase().to()));
        String fileName = "eclipses-" + cat.orbitCase().from().toString().substring(0, 10) + ".csv";
        csv.setHref(DownloadHandler.fromInputStream(event -> new DownloadResponse(
                new ByteArrayInputStream(csvBytes), fileName, "text/csv", csvBytes.length)), AttachmentType.DOWNLOAD);
        csv.setEnabled(true);
    }

    /**
     * Owners make a complete pass the design eclipse; a pass cut by the span's edge has no true length, so it
     * cannot be picked.
     */
    private Component pickButton(EclipseService.Eclipse e) {
        Button use = new Button("Use as design eclipse");
        use.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        use.getElement().setAttribute("data-start", e.start().toString());
        use.setEnabled(e.complete());
        if (!e.complete()) {
            use.setTooltipText("Cut by the span's edge: widen the span to see the whole pass");
        }
        use.addClickListener(click -> pick(e));
        return use;
    }

    private void pick(EclipseService.Eclipse e) {
        String what = bodyName(e.body()) + " pass of " + iso(e.start()) + String.format(Locale.US, " (%.1f min)",
                e.durationSeconds() / 60);
        try {
            long version = workspaces.snapshot(workspaceId).designCase().version();
            designCases.useEclipseAsDesignCase(workspaceId, version, e.start(), e.durationSeconds(), me);
            Notification n = Notification.show("Design eclipse set to the " + what + ".", 4000,
                    Notification.Position.BOTTOM_START);
            n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (InvalidInputException | StaleEditException | ForbiddenException ex) {
            Notification n = Notification.show("Not saved: " + ex.getMessage(), 6000,
                    Notification.Position.BOTTOM_START);
            n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }
}
