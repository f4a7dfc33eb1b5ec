package org.gatewaypower.ui.baseline;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.function.Consumer;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import org.gatewaypower.baseline.BaselineService;
import org.gatewaypower.baseline.Baselines;
import org.gatewaypower.baseline.EditionReports;
import org.gatewaypower.ui.component.FieldErrors;
import org.gatewaypower.ui.component.Headings;
import org.gatewaypower.workspace.InvalidInputException;

/** The workspace's baselines with their key results and PDF, and the form that freezes a new one. */
final class BaselinesPanel extends VerticalLayout {

    private static final String MIN_SOC = "minStateOfCharge";

    private final BaselineService baselines;
    private final EditionReports editions;
    private final long workspaceId;
    private final String me;
    private final Grid<Baselines.Baseline> grid = new Grid<>();
    private final TextField name = new TextField("Baseline name");
    private final TextField description = new TextField("Description");
    private final FieldErrors errors = new FieldErrors("baseline-errors", "Not frozen:");

    /** {@code contributes}: the user may freeze; {@code onFrozen} hears of each baseline frozen here. */
    BaselinesPanel(BaselineService baselines, EditionReports editions, long workspaceId, String me,
                   boolean contributes, Consumer<Baselines.Baseline> onFrozen) {
        this.baselines = baselines;
        this.editions = editions;
        this.workspaceId = workspaceId;
        this.me = me;
        setPadding(false);
        setWidthFull();
        Component form = freezeForm(onFrozen);
        form.setVisible(contributes);
        add(Headings.section("Baselines"), createGrid(), form, errors.area());
    }

    private Component createGrid() {
        grid.setId("baselines-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.setWidthFull();
        grid.addColumn(Baselines.Baseline::name).setHeader("Name").setFlexGrow(2);
        grid.addColumn(b -> DisplayUnits.when(b.createdAt())).setHeader("Frozen").setFlexGrow(0).setWidth("12rem");
        grid.addColumn(Baselines.Baseline::createdBy).setHeader("By").setFlexGrow(1);
        grid.addComponentColumn(this::pdfLink).setHeader("Report").setFlexGrow(0).setWidth("6rem");
        grid.addColumn(b -> DisplayUnits.value(Baselines.FRACTION, b.results().value(MIN_SOC)))
                .setHeader("Min SOC").setTextAlign(ColumnTextAlign.END).setFlexGrow(0).setWidth("7rem");
        grid.addColumn(b -> DisplayUnits.value(Baselines.FRACTION, b.results().value("powerMargin")))
                .setHeader("Power margin").setTextAlign(ColumnTextAlign.END).setFlexGrow(0).setWidth("8rem");
        grid.addColumn(b -> DisplayUnits.value(Baselines.W, b.results().value("mevAverageLoadW")))
                .setHeader("Average load (MEV)").setTextAlign(ColumnTextAlign.END).setFlexGrow(0).setWidth("10rem");
        grid.addColumn(b -> b.results().allChecksPass() ? "all pass"
                        : b.results().checks().stream().filter(c -> !c.passed()).count() + " failing")
                .setHeader("Checks").setFlexGrow(0).setWidth("8rem");
        grid.addColumn(Baselines.Baseline::description).setHeader("Description").setFlexGrow(3);
        return grid;
    }

    /** The baseline's PDF, rendered when it is downloaded. */
    private Anchor pdfLink(Baselines.Baseline b) {
        Anchor pdf = new Anchor();
        pdf.setText("PDF");
        pdf.setId("baseline-pdf-" + b.id());
        String file = "baseline-" + b.name().replaceAll("[^A-Za-z0-9._-]+", "-") + ".pdf";
        pdf.setHref(DownloadHandler.fromInputStream(event -> {
            byte[] bytes = editions.baseline(workspaceId, b.id(), me);
            return new DownloadResponse(new ByteArrayInputStream(bytes), file, "application/pdf", bytes.length);
        }), AttachmentType.DOWNLOAD);
        return pdf;
    }

    private Component freezeForm(Consumer<Baselines.Baseline> onFrozen) {
        name.setId("baseline-name");
        name.setManualValidation(true);
        description.setId("baseline-description");
        description.setManualValidation(true);
        description.setWidth("24rem");
        errors.register("name", name);
        errors.register("description", description);
        Button freeze = new Button("Freeze baseline", e -> freeze(onFrozen));
        freeze.setId("freeze-baseline");
        freeze.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(name, description, freeze);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        return form;
    }

    private void freeze(Consumer<Baselines.Baseline> onFrozen) {
        errors.clear();
        try {
            Baselines.Baseline b = baselines.create(workspaceId, name.getValue(), description.getValue(), me);
            name.clear();
            description.clear();
            onFrozen.accept(b);
        } catch (InvalidInputException ex) {
            errors.show(ex);
        }
    }

    void show(List<Baselines.Baseline> list) {
        grid.setItems(list);
    }
}
