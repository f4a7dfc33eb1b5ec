package org.gatewaypower.ui.baseline;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
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
import org.gatewaypower.baseline.Comparison;
import org.gatewaypower.baseline.VariantService;
import org.gatewaypower.ui.MainLayout;
import org.gatewaypower.ui.Routes;
import org.gatewaypower.ui.component.EChart;
import org.gatewaypower.workspace.InvalidInputException;
import org.gatewaypower.workspace.NotFoundException;
import org.gatewaypower.workspace.ReadModels;
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

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.UK)
            .withZone(ZoneOffset.UTC);
    private static final String MIN_SOC = "minStateOfCharge";

    private final BaselineService baselines;
    private final VariantService variants;
    private final WorkspaceService workspaces;
    private final String me;
    private final org.gatewaypower.baseline.EditionReports editions;

    private long workspaceId;
    private Optional<Baselines.Variant> variantOf = Optional.empty();

    private final Grid<Baselines.Baseline> baselineGrid = new Grid<>();
    private final TextField baselineName = new TextField("Baseline name");
    private final TextField baselineDescription = new TextField("Description");
    private final Div baselineErrors = errorArea("baseline-errors");
    private final Div variantList = new Div();
    private final TextField variantName = new TextField("Variant name");
    private final Div variantErrors = errorArea("variant-errors");
    private final Select<String> sideA = new Select<>();
    private final Select<String> sideB = new Select<>();
    private final Div compareErrors = errorArea("compare-errors");
    /** Comparisons of long spans take seconds: they run on the application's task executor, off the request thread. */
    private final AsyncTaskExecutor compareTasks;
    private final com.vaadin.flow.component.progressbar.ProgressBar compareProgress =
            new com.vaadin.flow.component.progressbar.ProgressBar();
    private final Button cancelCompare = new Button("Cancel");
    private Button compareButton;
    private java.util.concurrent.Future<?> comparing;
    private final Div comparison = new Div();
    private final Map<String, String> sideLabels = new LinkedHashMap<>();

    /** One row of the changes table: one field of a changed item, or one added or removed item. */
    record ChangeRow(String kind, String item, String change, String field, String oldValue, String newValue) {
    }

    public BaselineView(BaselineService baselines, VariantService variants, WorkspaceService workspaces,
                        AuthenticationContext auth, org.gatewaypower.baseline.EditionReports editions,
                        AsyncTaskExecutor tasks) {
        this.compareTasks = tasks;
        this.editions = editions;
        this.baselines = baselines;
        this.variants = variants;
        this.workspaces = workspaces;
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
            build(ws, permissions.admin() || permissions.role() == org.gatewaypower.workspace.WorkspaceRole.OWNER
                    || permissions.role() == org.gatewaypower.workspace.WorkspaceRole.EDITOR);
            refresh();
        } catch (NotFoundException | org.gatewaypower.workspace.ForbiddenException ex) {
            add(new Paragraph(ex.getMessage()));
        }
    }

    /** Viewers compare; only owners and editors (and administrators) freeze baselines and fork variants. */
    private void build(ReadModels.WorkspaceSnapshot ws, boolean contributes) {
        Component freezeForm = freezeForm();
        Component variantForm = variantForm();
        freezeForm.setVisible(contributes);
        variantForm.setVisible(contributes);
        add(header(ws), section("Baselines"), baselineGrid(), freezeForm, baselineErrors, section("Variants"),
                variantList, variantForm, variantErrors, section("Compare"), compareControls(), compareErrors,
                comparison);
        comparison.setId("comparison");
        comparison.setWidthFull();
    }

    private Component header(ReadModels.WorkspaceSnapshot ws) {
        H2 title = new H2("Baselines · " + ws.name());
        title.getStyle().set("margin", "0");
        RouterLink back = Routes.link("← Back to workspace", Routes.WORKSPACE, ws.id());
        back.setId("workspace-link");
        HorizontalLayout header = new HorizontalLayout(title, back);
        variantOf.ifPresent(v -> {
            RouterLink parent = Routes.link("Parent workspace", Routes.BASELINES, v.parentWorkspaceId());
            parent.setId("parent-link");
            header.add(new Span("Variant \"" + v.name() + "\""), parent);
        });
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        header.setWidthFull();
        return header;
    }

    private Component baselineGrid() {
        baselineGrid.setId("baselines-grid");
        baselineGrid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        baselineGrid.setAllRowsVisible(true);
        baselineGrid.setWidthFull();
        baselineGrid.addColumn(Baselines.Baseline::name).setHeader("Name").setFlexGrow(2);
        baselineGrid.addColumn(b -> WHEN.format(b.createdAt())).setHeader("Frozen").setFlexGrow(0).setWidth("12rem");
        baselineGrid.addColumn(Baselines.Baseline::createdBy).setHeader("By").setFlexGrow(1);
        baselineGrid.addComponentColumn(b -> {
            com.vaadin.flow.component.html.Anchor pdf = new com.vaadin.flow.component.html.Anchor();
            pdf.setText("PDF");
            pdf.setId("baseline-pdf-" + b.id());
            String file = "baseline-" + b.name().replaceAll("[^A-Za-z0-9._-]+", "-") + ".pdf";
            pdf.setHref(com.vaadin.flow.server.streams.DownloadHandler.fromInputStream(event -> {
                byte[] bytes = editions.baseline(workspaceId, b.id(), me);
                return new com.vaadin.flow.server.streams.DownloadResponse(new java.io.ByteArrayInputStream(bytes),
                        file, "application/pdf", bytes.length);
            }), com.vaadin.flow.component.html.AttachmentType.DOWNLOAD);
            return pdf;
        }).setHeader("Report").setFlexGrow(0).setWidth("6rem");
        baselineGrid.addColumn(b -> DisplayUnits.value(Baselines.FRACTION, b.results().value(MIN_SOC)))
                .setHeader("Min SOC").setTextAlign(ColumnTextAlign.END).setFlexGrow(0).setWidth("7rem");
        baselineGrid.addColumn(b -> DisplayUnits.value(Baselines.FRACTION, b.results().value("powerMargin")))
                .setHeader("Power margin").setTextAlign(ColumnTextAlign.END).setFlexGrow(0).setWidth("8rem");
        baselineGrid.addColumn(b -> DisplayUnits.value(Baselines.W, b.results().value("mevAverageLoadW")))
                .setHeader("Average load (MEV)").setTextAlign(ColumnTextAlign.END).setFlexGrow(0).setWidth("10rem");
        baselineGrid.addColumn(b -> b.results().allChecksPass() ? "all pass"
                        : b.results().checks().stream().filter(c -> !c.passed()).count() + " failing")
                .setHeader("Checks").setFlexGrow(0).setWidth("8rem");
        baselineGrid.addColumn(Baselines.Baseline::description).setHeader("Description").setFlexGrow(3);
        return baselineGrid;
    }

    private Component freezeForm() {
        baselineName.setId("baseline-name");
        baselineName.setManualValidation(true);
        baselineDescription.setId("baseline-description");
        baselineDescription.setManualValidation(true);
        baselineDescription.setWidth("24rem");
        Button freeze = new Button("Freeze baseline", e -> freeze());
        freeze.setId("freeze-baseline");
        freeze.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(baselineName, baselineDescription, freeze);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        return form;
    }

    private Component variantForm() {
        variantName.setId("variant-name");
        variantName.setManualValidation(true);
        variantName.setPlaceholder("e.g. I-Hab with a second science rack");
        variantName.setWidth("24rem");
        Button create = new Button("Create variant", e -> createVariant());
        create.setId("create-variant");
        HorizontalLayout form = new HorizontalLayout(variantName, create);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        variantList.setId("variants-list");
        return form;
    }

    private Component compareControls() {
        sideA.setId("compare-a");
        sideA.setLabel("Side A");
        sideB.setId("compare-b");
        sideB.setLabel("Side B");
        sideA.setItemLabelGenerator(s -> sideLabels.getOrDefault(s, s));
        sideB.setItemLabelGenerator(s -> sideLabels.getOrDefault(s, s));
        sideA.setWidth("18rem");
        sideB.setWidth("18rem");
        Button compare = new Button("Compare", e -> compare());
        compare.setId("compare-button");
        compare.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        compareButton = compare;
        compareProgress.setIndeterminate(true);
        compareProgress.setWidth("8rem");
        compareProgress.setVisible(false);
        cancelCompare.setId("compare-cancel");
        cancelCompare.setVisible(false);
        cancelCompare.addClickListener(e -> {
            if (comparing != null) {
                comparing.cancel(true);
            }
        });
        HorizontalLayout controls = new HorizontalLayout(sideA, sideB, compare, compareProgress, cancelCompare);
        controls.setAlignItems(FlexComponent.Alignment.BASELINE);
        return controls;
    }

    // ---------------------------------------------------------------- actions

    private void freeze() {
        clear(baselineErrors, baselineName, baselineDescription);
        try {
            Baselines.Baseline b = baselines.create(workspaceId, baselineName.getValue(),
                    baselineDescription.getValue(), me);
            baselineName.clear();
            baselineDescription.clear();
            refresh();
            sideA.setValue(BaselineService.BASELINE_PREFIX + b.id());
        } catch (InvalidInputException ex) {
            show(baselineErrors, "Not frozen:", ex, Map.of("name", baselineName, "description", baselineDescription));
        }
    }

    private void createVariant() {
        clear(variantErrors, variantName);
        try {
            variants.fork(workspaceId, variantName.getValue(), me);
            variantName.clear();
            refresh();
        } catch (InvalidInputException ex) {
            show(variantErrors, "Not created:", ex, Map.of("name", variantName));
        }
    }

    /**
     * Compares in the background: over a span of years the ranking re-runs the analysis once per change and
     * takes seconds. Progress shows meanwhile, and Cancel stops it (the service checks between changes).
     */
    private void compare() {
        clear(compareErrors);
        UI ui = UI.getCurrent();
        String a = sideA.getValue();
        String b = sideB.getValue();
        setComparing(true);
        comparing = compareTasks.submit(() -> {
            try {
                org.gatewaypower.baseline.Comparison c = baselines.compare(workspaceId, a, b, me);
                ui.access(() -> {
                    setComparing(false);
                    showComparison(c);
                });
            } catch (RuntimeException ex) {
                ui.access(() -> {
                    setComparing(false);
                    if (ex instanceof InvalidInputException invalid) {
                        show(compareErrors, "Cannot compare:", invalid, Map.of("a", sideA, "b", sideB));
                    } else {
                        compareErrors.setText(ex instanceof java.util.concurrent.CancellationException
                                ? "Comparison cancelled." : ex.getMessage());
                        compareErrors.setVisible(true);
                    }
                });
            }
        });
    }

    private void setComparing(boolean running) {
        if (compareButton != null) {
            compareButton.setEnabled(!running);
        }
        compareProgress.setVisible(running);
        cancelCompare.setVisible(running);
        if (!running) {
            comparing = null;
        }
    }

    private void refresh() {
        List<Baselines.Baseline> list = baselines.baselines(workspaceId);
        baselineGrid.setItems(list);
        variantList.removeAll();
        List<Baselines.Variant> forks = variants.variants(workspaceId);
        if (forks.isEmpty()) {
            variantList.add(new Span("No variants yet."));
        }
        for (Baselines.Variant v : forks) {
            RouterLink link = Routes.link(v.workspaceName(), Routes.WORKSPACE, v.workspaceId());
            link.setId("variant-link-" + v.workspaceId());
            RouterLink compare = Routes.link("baselines and comparison", Routes.BASELINES, v.workspaceId());
            compare.setId("variant-baselines-" + v.workspaceId());
            Div row = new Div(link, new Span(" · by " + v.createdBy() + ", " + WHEN.format(v.createdAt()) + " · "),
                    compare);
            variantList.add(row);
        }
        sideLabels.clear();
        sideLabels.put(BaselineService.CURRENT, "Current");
        variantOf.ifPresent(v -> sideLabels.put(BaselineService.PARENT, "Parent (current)"));
        for (Baselines.Baseline b : list) {
            sideLabels.put(BaselineService.BASELINE_PREFIX + b.id(), "Baseline " + b.name());
        }
        String a = sideA.getValue();
        String b = sideB.getValue();
        List<String> sides = new ArrayList<>(sideLabels.keySet());
        sideA.setItems(sides);
        sideB.setItems(sides);
        String defaultA = !list.isEmpty() ? BaselineService.BASELINE_PREFIX + list.get(list.size() - 1).id()
                : variantOf.isPresent() ? BaselineService.PARENT : BaselineService.CURRENT;
        sideA.setValue(a != null && sides.contains(a) ? a : defaultA);
        sideB.setValue(b != null && sides.contains(b) ? b : BaselineService.CURRENT);
    }

    // ---------------------------------------------------------------- results

    private void showComparison(Comparison c) {
        comparison.removeAll();
        Paragraph summary = new Paragraph(c.labelA() + " → " + c.labelB() + ": " + c.changes().size()
                + (c.changes().size() == 1 ? " change" : " changes") + ", "
                + c.checks().stream().filter(Comparison.CheckDelta::flipped).count() + " check(s) flipped.");
        summary.setId("comparison-summary");
        comparison.add(summary, section("Changes"), changesGrid(c), section("Result figures"), figuresGrid(c),
                section("Checks"), checksGrid(c), section("State of charge"), socChart(c),
                section("Moved minimum SOC by"), rankingGrid(c));
    }

    static List<ChangeRow> rows(Comparison c) {
        List<ChangeRow> rows = new ArrayList<>();
        for (Comparison.ItemChange ch : c.changes()) {
            String type = BaselineService.describe(ch.type());
            if (ch.fields().isEmpty()) {
                rows.add(new ChangeRow(ch.kind(), ch.item(), type, "",
                        ch.type() == Comparison.ChangeType.ADDED ? "—" : "present",
                        ch.type() == Comparison.ChangeType.REMOVED ? "—" : "present"));
            }
            for (Comparison.FieldChange f : ch.fields()) {
                rows.add(new ChangeRow(ch.kind(), ch.item(), type, f.field(),
                        DisplayUnits.field(f.unit(), f.oldNumber(), f.oldText()),
                        DisplayUnits.field(f.unit(), f.newNumber(), f.newText())));
            }
        }
        return rows;
    }

    private Component changesGrid(Comparison c) {
        List<ChangeRow> rows = rows(c);
        if (rows.isEmpty()) {
            Paragraph none = new Paragraph("No differences in the inputs.");
            none.setId("changes-none");
            return none;
        }
        Grid<ChangeRow> grid = grid("changes-grid");
        grid.addColumn(ChangeRow::kind).setHeader("Kind").setFlexGrow(0).setWidth("8rem");
        grid.addColumn(ChangeRow::item).setHeader("Item").setFlexGrow(2);
        grid.addColumn(ChangeRow::change).setHeader("Change").setFlexGrow(0).setWidth("7rem");
        grid.addColumn(ChangeRow::field).setHeader("Field").setFlexGrow(1);
        grid.addColumn(r -> r.oldValue() + " → " + r.newValue()).setHeader("Old → new").setFlexGrow(2);
        grid.setItems(rows);
        return grid;
    }

    private Component figuresGrid(Comparison c) {
        Grid<Comparison.FigureDelta> grid = grid("figures-grid");
        grid.addColumn(Comparison.FigureDelta::label).setHeader("Figure").setFlexGrow(2);
        grid.addColumn(f -> DisplayUnits.value(f.unit(), f.a())).setHeader("A").setTextAlign(ColumnTextAlign.END);
        grid.addColumn(f -> DisplayUnits.value(f.unit(), f.b())).setHeader("B").setTextAlign(ColumnTextAlign.END);
        grid.addColumn(f -> DisplayUnits.delta(f.unit(), f.delta())).setHeader("Δ")
                .setTextAlign(ColumnTextAlign.END);
        grid.setItems(c.figures());
        return grid;
    }

    private Component checksGrid(Comparison c) {
        Grid<Comparison.CheckDelta> grid = grid("checks-grid");
        grid.addColumn(Comparison.CheckDelta::name).setHeader("Check").setFlexGrow(1);
        grid.addColumn(d -> verdict(d.passedA())).setHeader("A").setFlexGrow(0).setWidth("6rem");
        grid.addColumn(d -> verdict(d.passedB())).setHeader("B").setFlexGrow(0).setWidth("6rem");
        grid.addComponentColumn(d -> {
            Span s = new Span(d.flipped() ? "flipped" : "");
            if (d.flipped()) {
                s.getElement().getThemeList().add(Boolean.TRUE.equals(d.passedB()) ? "badge success" : "badge error");
                s.addClassName("check-flipped");
            }
            return s;
        }).setHeader("").setFlexGrow(0).setWidth("7rem");
        grid.addColumn(d -> d.figuresB() == null ? "" : d.figuresB()).setHeader("Figures (B)").setFlexGrow(3);
        grid.setItems(c.checks());
        return grid;
    }

    private Component socChart(Comparison c) {
        EChart chart = new EChart();
        chart.setId("soc-chart");
        chart.setWidthFull();
        chart.setHeight("320px");
        chart.setOption(socOption(c));
        return chart;
    }

    /** Both state-of-charge curves (%) against hours from the start of each run. */
    static String socOption(Comparison c) {
        ObjectNode root = JSON.createObjectNode();
        root.put("animation", false);
        root.putObject("tooltip").put("trigger", "axis");
        root.putObject("legend").put("top", 0);
        root.putObject("grid").put("left", 56).put("right", 24).put("top", 36).put("bottom", 40);
        root.putObject("xAxis").put("type", "value").put("name", "h");
        root.putObject("yAxis").put("type", "value").put("name", "SOC %").put("max", 100);
        ArrayNode series = root.putArray("series");
        curve(series, "A: " + c.labelA(), "#4a90e2", c.socA());
        curve(series, "B: " + c.labelB(), "#d0021b", c.socB());
        return root.toString();
    }

    private static void curve(ArrayNode series, String name, String color, List<Baselines.SocPoint> points) {
        ObjectNode s = series.addObject();
        s.put("name", name).put("type", "line").put("showSymbol", false).put("color", color);
        ArrayNode data = s.putArray("data");
        for (Baselines.SocPoint p : points) {
            data.addArray().add(Math.round(p.timeS() / 3.6) / 1000.0).add(Math.round(p.stateOfCharge() * 1e4) / 100.0);
        }
    }

    private Component rankingGrid(Comparison c) {
        Grid<Comparison.Impact> grid = grid("ranking-grid");
        grid.addColumn(Comparison.Impact::kind).setHeader("Kind").setFlexGrow(0).setWidth("8rem");
        grid.addColumn(Comparison.Impact::item).setHeader("Item").setFlexGrow(2);
        grid.addColumn(i -> BaselineService.describe(i.type())).setHeader("Change").setFlexGrow(0).setWidth("7rem");
        grid.addColumn(i -> DisplayUnits.delta(Baselines.FRACTION, i.minSocDelta())).setHeader("Moved min SOC by")
                .setTextAlign(ColumnTextAlign.END).setFlexGrow(0).setWidth("10rem");
        grid.addColumn(Comparison.Impact::note).setHeader("Note").setFlexGrow(2);
        grid.setItems(c.ranking());
        return grid;
    }

    // ---------------------------------------------------------------- helpers

    private static <T> Grid<T> grid(String id) {
        Grid<T> grid = new Grid<>();
        grid.setId(id);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.setWidthFull();
        return grid;
    }

    private static String verdict(Boolean passed) {
        return passed == null ? "—" : passed ? "pass" : "FAIL";
    }

    private static Div errorArea(String id) {
        Div area = new Div();
        area.setId(id);
        area.getStyle().set("color", "var(--lumo-error-text-color)").set("font-size", "var(--lumo-font-size-s)")
                .set("white-space", "pre-line");
        area.setVisible(false);
        return area;
    }

    private static void clear(Div area, HasValidation... fields) {
        for (HasValidation f : fields) {
            f.setInvalid(false);
            f.setErrorMessage(null);
        }
        area.setText("");
        area.setVisible(false);
    }

    private static void show(Div area, String heading, InvalidInputException ex, Map<String, HasValidation> fields) {
        List<String> lines = new ArrayList<>();
        for (InvalidInputException.FieldViolation v : ex.violations()) {
            HasValidation f = fields.get(v.field());
            if (f != null) {
                f.setErrorMessage(v.message());
                f.setInvalid(true);
            }
            lines.add("• " + v.message());
        }
        area.setText(heading + "\n" + String.join("\n", lines));
        area.setVisible(true);
    }

    private static H4 section(String text) {
        H4 h = new H4(text);
        h.getStyle().set("margin", "var(--lumo-space-s) 0 0 0");
        return h;
    }
}
