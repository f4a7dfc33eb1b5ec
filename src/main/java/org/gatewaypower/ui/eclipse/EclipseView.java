package org.gatewaypower.ui.eclipse;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import jakarta.annotation.security.PermitAll;

import org.gatewaypower.analysis.EclipseService;
import org.gatewaypower.physics.eclipse.EclipseStatistics;
import org.gatewaypower.physics.eclipse.Occulter;
import org.gatewaypower.ui.MainLayout;
import org.gatewaypower.ui.Routes;
import org.gatewaypower.ui.component.EChart;
import org.gatewaypower.workspace.DesignCaseService;
import org.gatewaypower.workspace.InvalidInputException;
import org.gatewaypower.workspace.NotFoundException;
import org.gatewaypower.workspace.ReadModels;
import org.gatewaypower.workspace.WorkspaceService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    /** Most points on the lit-fraction chart: enough to see every pass, few enough for a quick page. */
    static final int TARGET_POINTS = 5000;
    static final int DEFAULT_PHASES = 12;
    /** Catalogues up to this many rows are shown whole, without a scroll area. */
    static final int SHORT_CATALOGUE = 12;
    static final String CSV_HEADER = "body,start,end,umbraStart,umbraEnd,durationSeconds,minLitFraction";

    private static final Logger log = LoggerFactory.getLogger(EclipseView.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter ISO_SECONDS = DateTimeFormatter.ISO_INSTANT;
    private static final String EARTH_COLOR = "rgba(74,144,226,0.30)";
    private static final String MOON_COLOR = "rgba(144,19,254,0.22)";
    private static final String SUN_COLOR = "#f5a623";

    /**
     * The application's task executor. Eclipse searches are CPU-bound and can take minutes for a 20-year span,
     * so they leave the UI thread; HeavyWork bounds how many run and wait at once.
     */
    private final AsyncTaskExecutor computeTasks;

    private final EclipseService eclipses;
    private final WorkspaceService workspaces;
    private final DesignCaseService designCases;

    private final DateTimePicker perilune = new DateTimePicker("Perilune epoch (UTC)");
    private final DateTimePicker spanStart = new DateTimePicker("Span start (UTC)");
    /** Typed as in every other number field of the app: exponents, separators and the unit are read exactly. */
    private final com.vaadin.flow.component.textfield.TextField spanDays =
            new com.vaadin.flow.component.textfield.TextField("Span (days)");
    private final IntegerField phases = new IntegerField("Phases in scan");
    private final Button compute = new Button("Compute");
    private final Button wholeMission = new Button("Whole mission");
    private final Button cancel = new Button("Cancel");
    private final org.gatewaypower.analysis.HeavyWork heavy;
    /** The computation under way (null when none): cancelling it interrupts its thread. */
    private java.util.concurrent.Future<?> task;
    private final ProgressBar progress = new ProgressBar();
    private final Span status = new Span();
    private final Div errors = new Div();
    private final Map<String, HasValidation> fieldsByName = new LinkedHashMap<>();
    private final Map<HasValidation, String> labels = new LinkedHashMap<>();

    private final Div earthStats = new Div();
    private final Div moonStats = new Div();
    private final Div worst = new Div();
    private final EChart litChart = new EChart();
    private final Grid<EclipseService.Eclipse> grid = new Grid<>();
    private final Anchor csv = new Anchor();
    private final Span catalogueSummary = new Span();
    private final EChart phaseChart = new EChart();
    private final Div phaseBest = new Div();

    /** What the shown results were computed for; restored as the status when a new request fails. */
    private String shownStatus = "";
    /** Only the latest request may put its results on screen. */
    private int generation;

    /** Everything one computation produces, including the chart JSON, all built off the UI thread. */
    private record Results(EclipseService.Catalogue catalogue, EclipseService.PhasePoint best, String litOption,
                           String phaseOption, byte[] csv, double spanDays, double seconds) {
    }

    private final String me;
    /** The workspace shown, and whether this user may set its design case (owners and administrators). */
    private long workspaceId;
    private boolean mayPick;

    public EclipseView(EclipseService eclipses, WorkspaceService workspaces, DesignCaseService designCases,
                       com.vaadin.flow.spring.security.AuthenticationContext auth,
                       org.gatewaypower.analysis.HeavyWork heavy, AsyncTaskExecutor tasks) {
        this.computeTasks = tasks;
        this.heavy = heavy;
        this.eclipses = eclipses;
        this.workspaces = workspaces;
        this.designCases = designCases;
        this.me = auth.getPrincipalName().orElse("");
        setWidthFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        Optional<Long> id = event.getRouteParameters().get(Routes.WORKSPACE_ID).flatMap(EclipseView::parse);
        if (id.isEmpty()) {
            add(new Paragraph("No such workspace."));
            return;
        }
        try {
            workspaces.requireReadable(id.get(), me);
            ReadModels.WorkspaceSnapshot ws = workspaces.snapshot(id.get());
            workspaceId = id.get();
            mayPick = ws.designCase() != null && workspaces.permissions(workspaceId, me).ownsWorkspace();
            build(ws);
            prefill(ws.designCase());
            compute(event.getUI());
        } catch (NotFoundException | org.gatewaypower.workspace.ForbiddenException ex) {
            add(new Paragraph(ex.getMessage()));
        }
    }

    private void build(ReadModels.WorkspaceSnapshot ws) {
        add(createHeader(ws), createModelNote(), createControls(), errors, createSummary(),
                section("Lit fraction over the span"), createLitChart(),
                section("Catalogue"), createCatalogueBar(), createGrid(),
                section("Phase scan"), createPhaseScan());
    }

    private Component createHeader(ReadModels.WorkspaceSnapshot ws) {
        H2 title = new H2("Eclipses · " + ws.name());
        title.getStyle().set("margin", "0");
        RouterLink back = Routes.link("← Back to workspace", Routes.WORKSPACE, ws.id());
        back.setId("workspace-link");
        HorizontalLayout header = new HorizontalLayout(title, back);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        header.setWidthFull();
        return header;
    }

    private Component createModelNote() {
        Paragraph note = new Paragraph("Eclipses of the 9:2 NRHO as modelled here: the CR3BP periodic orbit placed in "
                + "the Earth–Moon system with Meeus ephemerides of the Sun and Moon, not the flight trajectory. "
                + "All times UTC. Inputs start from the design case and are not saved from this page.");
        note.setId("eclipse-model-note");
        note.getStyle().set("margin", "0").set("font-size", "var(--lumo-font-size-s)")
                .set("color", "var(--lumo-secondary-text-color)");
        return note;
    }

    private Component createControls() {
        perilune.setId("eclipse-perilune");
        spanStart.setId("eclipse-span-start");
        // Phases are found to the second; the default 1 h step would hide the seconds of an epoch.
        perilune.setStep(Duration.ofSeconds(1));
        spanStart.setStep(Duration.ofMinutes(1));
        isoFormat(perilune);
        isoFormat(spanStart);
        spanDays.setId("eclipse-span-days");
        spanDays.setWidth("8rem");
        phases.setId("eclipse-phases");
        phases.setMin(1);
        phases.setMax(72);
        phases.setStepButtonsVisible(true);
        phases.setWidth("8rem");
        register("perilune", perilune, "Perilune epoch");
        register("from", spanStart, "Span start");
        register("to", spanDays, "Span (days)");
        register("stepSeconds", spanDays, "Span (days)");
        register("phases", phases, "Phases in scan");

        compute.setId("eclipse-compute");
        compute.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        compute.addClickListener(e -> compute(UI.getCurrent()));
        cancel.setId("eclipse-cancel");
        cancel.setVisible(false);
        cancel.addClickListener(e -> {
            if (task != null) {
                task.cancel(true);
            }
        });
        progress.setId("eclipse-progress");
        progress.setIndeterminate(true);
        progress.setWidth("8rem");
        progress.setVisible(false);
        status.setId("eclipse-status");
        status.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        errors.setId("eclipse-errors");
        errors.getStyle().set("color", "var(--lumo-error-text-color)").set("font-size", "var(--lumo-font-size-s)")
                .set("white-space", "pre-line");
        errors.setVisible(false);

        HorizontalLayout running = new HorizontalLayout(progress, status, cancel);
        running.setAlignItems(FlexComponent.Alignment.CENTER);
        wholeMission.setId("eclipse-whole-mission");
        wholeMission.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        wholeMission.setVisible(false);
        HorizontalLayout controls = new HorizontalLayout(perilune, spanStart, spanDays, phases, compute, wholeMission,
                running);
        controls.setAlignItems(FlexComponent.Alignment.BASELINE);
        controls.getStyle().set("flex-wrap", "wrap");
        controls.setWidthFull();
        return controls;
    }

    /** ISO dates and 24-hour times, as UTC epochs are written in mission documents, whatever the browser locale. */
    private static void isoFormat(DateTimePicker picker) {
        picker.setLocale(Locale.UK);
        picker.setDatePickerI18n(new DatePicker.DatePickerI18n().setDateFormat("yyyy-MM-dd"));
    }

    /**
     * The service's messages own the fields' invalid state, so the fields' own range checks are off:
     * otherwise they would clear or overwrite the rule the service reported.
     */
    private void register(String field, HasValidation component, String label) {
        component.setManualValidation(true);
        fieldsByName.put(field, component);
        labels.put(component, label);
    }

    private Component createSummary() {
        earthStats.setId("eclipse-stats-earth");
        moonStats.setId("eclipse-stats-moon");
        worst.setId("eclipse-worst");
        FlexLayout cards = new FlexLayout(card(earthStats), card(moonStats), card(worst));
        cards.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        cards.getStyle().set("gap", "var(--lumo-space-s)");
        cards.setWidthFull();
        return cards;
    }

    private Component createLitChart() {
        litChart.setId("lit-fraction-chart");
        litChart.setWidthFull();
        litChart.setHeight("300px");
        return litChart;
    }

    private Component createCatalogueBar() {
        csv.setId("eclipse-csv");
        csv.setText("Download CSV");
        csv.setEnabled(false);
        catalogueSummary.getStyle().set("font-size", "var(--lumo-font-size-s)")
                .set("color", "var(--lumo-secondary-text-color)");
        HorizontalLayout bar = new HorizontalLayout(catalogueSummary, csv);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        return bar;
    }

    private Component createGrid() {
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
        } catch (InvalidInputException | org.gatewaypower.workspace.StaleEditException
                 | org.gatewaypower.workspace.ForbiddenException ex) {
            Notification n = Notification.show("Not saved: " + ex.getMessage(), 6000,
                    Notification.Position.BOTTOM_START);
            n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private void timeColumn(String header, Function<EclipseService.Eclipse, Instant> time) {
        grid.addColumn(e -> iso(time.apply(e))).setHeader(header).setSortable(true)
                .setComparator(Comparator.comparing(time::apply, Comparator.nullsFirst(Comparator.naturalOrder())))
                .setFlexGrow(1);
    }

    private Component createPhaseScan() {
        phaseChart.setId("phase-scan-chart");
        phaseChart.setWidthFull();
        phaseChart.setHeight("280px");
        Paragraph how = new Paragraph("Each bar re-runs the eclipse search over the same span with the perilune epoch "
                + "shifted by the offset, across one revolution. Shift the perilune epoch by the offset to pick an "
                + "eclipse-favourable phase: least time in the Earth's shadow first, then the shortest longest "
                + "eclipse.");
        how.getStyle().set("margin", "0").set("font-size", "var(--lumo-font-size-s)")
                .set("color", "var(--lumo-secondary-text-color)");
        phaseBest.setId("phase-best");
        phaseBest.getStyle().set("font-weight", "600");
        VerticalLayout box = new VerticalLayout(how, phaseChart, phaseBest);
        box.setPadding(false);
        box.setSpacing(false);
        box.setWidthFull();
        return box;
    }

    private void prefill(ReadModels.DesignCase dc) {
        phases.setValue(DEFAULT_PHASES);
        if (dc == null) {
            return;
        }
        perilune.setValue(LocalDateTime.ofInstant(dc.periluneEpoch(), ZoneOffset.UTC));
        spanStart.setValue(LocalDateTime.ofInstant(dc.spanStart(), ZoneOffset.UTC));
        spanDays.setValue(trim(dc.spanDays()));
        // The design eclipse is taken from the mission span (beginning of life to mission end): one click shows
        // the passes it is chosen from, to pick one or to see the longest.
        double missionDays = Duration.between(dc.bolDate(), dc.missionEnd()).toSeconds() / 86_400.0;
        wholeMission.setText("Whole mission (" + dc.bolDate().toString().substring(0, 10) + " + "
                + trim(missionDays) + " days)");
        wholeMission.setVisible(true);
        wholeMission.addClickListener(e -> {
            spanStart.setValue(LocalDateTime.ofInstant(dc.bolDate(), ZoneOffset.UTC));
            spanDays.setValue(trim(missionDays));
            compute(UI.getCurrent());
        });
    }

    /** Starts a computation of the current inputs; results or rule violations arrive later via push. */
    private void compute(UI ui) {
        clearErrors();
        Instant p = utc(perilune.getValue());
        Instant from = utc(spanStart.getValue());
        Double days;
        try {
            days = org.gatewaypower.ui.NumberEntry.si(spanDays.getValue(), "Span",
                    org.gatewaypower.ui.NumberEntry.Unit.plain("days"));
        } catch (org.gatewaypower.ui.NumberEntry.EntryException ex) {
            showErrors(new InvalidInputException(List.of(new InvalidInputException.FieldViolation("to",
                    ex.getMessage()))));
            return;
        }
        Instant to = spanEnd(from, days);
        int n = phases.getValue() == null ? 0 : phases.getValue();
        int request = ++generation;
        setRunning(true);
        status.setText(days != null && days > 366 ? "Computing eclipses and the phase scan; a span of years takes a "
                + "while…" : "Computing eclipses and the phase scan…");
        double d = days == null ? 0 : days;
        task = computeTasks.submit(() -> {
            Results results = null;
            Throwable failure = null;
            try {
                // A scan repeats the eclipse search once per phase: bounded like every long computation.
                results = heavy.run(me, "a phase scan of " + n + " phases over " + Math.round(d) + " days",
                        () -> run(ui, p, from, to, n, d));
            } catch (RuntimeException ex) {
                failure = ex;
            }
            deliver(ui, request, results, failure);
        });
    }

    /** Runs on the compute executor; touches no component except the progress bar, through the UI lock. */
    private Results run(UI ui, Instant p, Instant from, Instant to, int n, double days) {
        long t0 = System.nanoTime();
        // The phase scan first: it checks the phase count before the (slow) orbit search, so that rule
        // is reported at once. The catalogue and trajectory then reuse the service's cached search.
        List<EclipseService.PhasePoint> scan = eclipses.phaseScan(p, from, to, n, done -> ui.access(() -> {
            progress.setIndeterminate(false);
            progress.setValue(Math.min(1.0, done / (double) Math.max(1, n)));
            status.setText("Phase scan: " + done + " of " + n + " phases…");
        }));
        EclipseService.Catalogue cat = eclipses.catalogue(p, from, to);
        double spanS = Duration.between(from, to).toMillis() / 1000.0;
        double step = Math.max(EclipseService.MIN_STEP_S, spanS / (TARGET_POINTS - 1));
        List<EclipseService.TrajectoryPoint> trajectory = eclipses.trajectory(p, from, to, step);
        EclipseService.PhasePoint best = best(scan);
        return new Results(cat, best, litOption(cat, trajectory), phaseOption(scan, best), csv(cat), days,
                (System.nanoTime() - t0) / 1e9);
    }

    private void deliver(UI ui, int request, Results results, Throwable failure) {
        try {
            ui.access(() -> {
                if (request != generation) {
                    return;
                }
                setRunning(false);
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                if (cause == null) {
                    show(results);
                } else if (cause instanceof InvalidInputException ex) {
                    showErrors(ex);
                } else if (cause instanceof java.util.concurrent.CancellationException) {
                    status.setText(shownStatus);
                    errors.setText("Cancelled; the results shown are from the previous run.");
                    errors.setVisible(true);
                } else if (cause instanceof org.gatewaypower.analysis.TooBusyException ex) {
                    status.setText(shownStatus);
                    errors.setText(ex.getMessage());
                    errors.setVisible(true);
                } else {
                    log.error("Eclipse computation failed", cause);
                    status.setText(shownStatus);
                    errors.setText("The computation failed (" + cause.getClass().getSimpleName()
                            + "); the results shown are from the previous run.");
                    errors.setVisible(true);
                }
            });
        } catch (UIDetachedException ex) {
            log.debug("Eclipse results dropped: the page was closed before they were ready");
        }
    }

    private void setRunning(boolean running) {
        compute.setEnabled(!running);
        cancel.setVisible(running);
        progress.setIndeterminate(true);
        progress.setVisible(running);
        if (!running) {
            task = null;
        }
    }

    private void show(Results r) {
        EclipseService.Catalogue cat = r.catalogue();
        for (EclipseStatistics s : cat.statistics()) {
            fillStats(s.body() == Occulter.EARTH ? earthStats : moonStats, s);
        }
        fillWorst(cat.worst());
        litChart.setOption(r.litOption());
        grid.setItems(cat.eclipses());
        // A short catalogue gets no empty scroll area; a long one scrolls inside the page.
        boolean whole = cat.eclipses().size() <= SHORT_CATALOGUE;
        grid.setAllRowsVisible(whole);
        grid.setHeight(whole ? null : "24rem");
        catalogueSummary.setText(count(cat.eclipses().size(), "eclipse") + " from " + iso(cat.orbitCase().from())
                + " to " + iso(cat.orbitCase().to()));
        byte[] bytes = r.csv();
        String fileName = "eclipses-" + cat.orbitCase().from().toString().substring(0, 10) + ".csv";
        csv.setHref(DownloadHandler.fromInputStream(event -> new DownloadResponse(new ByteArrayInputStream(bytes),
                fileName, "text/csv", bytes.length)), AttachmentType.DOWNLOAD);
        csv.setEnabled(true);
        phaseChart.setOption(r.phaseOption());
        phaseBest.setText(bestText(r.best()));
        shownStatus = String.format(Locale.US, "Showing perilune %s, span %s + %s days · computed in %.1f s",
                iso(cat.orbitCase().perilune()), iso(cat.orbitCase().from()), trim(r.spanDays()), r.seconds());
        status.setText(shownStatus);
    }

    private void showErrors(InvalidInputException ex) {
        StringBuilder text = new StringBuilder("Not computed; the results shown are from the previous run:");
        for (InvalidInputException.FieldViolation v : ex.violations()) {
            HasValidation field = fieldsByName.get(v.field());
            if (field != null) {
                field.setErrorMessage(v.message());
                field.setInvalid(true);
            }
            String label = field == null ? v.field() : labels.get(field);
            text.append("\n• ").append(label).append(": ").append(v.message());
        }
        errors.setText(text.toString());
        errors.setVisible(true);
        status.setText(shownStatus);
    }

    private void clearErrors() {
        fieldsByName.values().forEach(f -> {
            f.setInvalid(false);
            f.setErrorMessage(null);
        });
        errors.setText("");
        errors.setVisible(false);
    }

    private void fillStats(Div box, EclipseStatistics s) {
        box.removeAll();
        box.add(cardTitle(bodyName(s.body()) + " shadow"));
        Div table = new Div();
        table.getStyle().set("display", "grid").set("grid-template-columns", "auto auto")
                .set("column-gap", "var(--lumo-space-m)")
                .set("font-size", "var(--lumo-font-size-s)");
        boolean any = s.completeCount() > 0;
        int cut = s.count() - s.completeCount();
        row(table, "Eclipses", String.format(Locale.US, "%d (%.1f per year)", s.count(), s.countPerYear())
                + (cut > 0 ? ", " + cut + " cut by the span's edge" : ""));
        // Durations come from complete passes only: a pass cut by the span's edge is as long as the span lets it be.
        row(table, "Duration min / median / max", any ? String.format(Locale.US, "%.1f / %.1f / %.1f min",
                s.minDurationS() / 60, s.medianDurationS() / 60, s.maxDurationS() / 60)
                : s.count() > 0 ? "no complete pass in the span" : "—");
        row(table, "Total in shadow", String.format(Locale.US, "%.2f h", s.totalShadowS() / 3600));
        row(table, "Total in umbra", String.format(Locale.US, "%.2f h", s.totalUmbraS() / 3600));
        box.add(table);
    }

    private void fillWorst(EclipseService.Eclipse e) {
        worst.removeAll();
        worst.add(cardTitle("Worst eclipse (most sunlight lost)"));
        Span value = new Span(e == null ? "no complete pass in the span"
                : String.format(Locale.US, "%.1f min", e.durationSeconds() / 60));
        value.getStyle().set("display", "block").set("font-size", "var(--lumo-font-size-xl)").set("font-weight", "600");
        Span detail = new Span(e == null ? "" : bodyName(e.body()) + " shadow · starts " + iso(e.start())
                + (e.umbraStart() == null ? " · penumbral only" : "")
                + String.format(Locale.US, " · %.1f min of full Sun lost", e.lostSunSeconds() / 60));
        detail.getStyle().set("display", "block").set("font-size", "var(--lumo-font-size-s)");
        worst.add(value, detail);
    }

    private static void row(Div table, String label, String value) {
        Span l = new Span(label);
        l.getStyle().set("color", "var(--lumo-secondary-text-color)");
        Span v = new Span(value);
        v.getStyle().set("font-weight", "600").set("text-align", "right");
        table.add(l, v);
    }

    private static Span cardTitle(String text) {
        Span t = new Span(text);
        t.getStyle().set("display", "block").set("font-size", "var(--lumo-font-size-xs)")
                .set("color", "var(--lumo-secondary-text-color)").set("text-transform", "uppercase")
                .set("letter-spacing", "0.04em").set("margin-bottom", "var(--lumo-space-xs)");
        return t;
    }

    private static Div card(Div content) {
        content.getStyle().set("border", "1px solid var(--lumo-contrast-10pct)")
                .set("border-radius", "var(--lumo-border-radius-m)")
                .set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                .set("min-width", "16rem").set("flex", "1 1 16rem");
        return content;
    }

    private static H4 section(String text) {
        H4 h = new H4(text);
        h.getStyle().set("margin", "var(--lumo-space-s) 0 0 0");
        return h;
    }

    /** Least Earth-shadow time (to 0.01 h, as shown) first, then the shortest longest eclipse. */
    static EclipseService.PhasePoint best(List<EclipseService.PhasePoint> scan) {
        return scan.stream().min(Comparator.comparingDouble((EclipseService.PhasePoint p) ->
                        Math.round(p.earthShadowHours() * 100))
                .thenComparingDouble(EclipseService.PhasePoint::longestEclipseMinutes)).orElse(null);
    }

    private static String bestText(EclipseService.PhasePoint best) {
        if (best == null) {
            return "";
        }
        return String.format(Locale.US, "Best phase: offset +%.2f h%s → perilune epoch %s: %.2f h in Earth shadow, "
                        + "longest eclipse %.1f min, %s.", best.offsetHours(),
                best.offsetHours() == 0 ? " (the phase entered)" : "", iso(best.perilune()), best.earthShadowHours(),
                best.longestEclipseMinutes(), count(best.eclipseCount(), "eclipse"));
    }

    /** Lit fraction (%) against UTC time, each eclipse shaded by body, zoomable. */
    static String litOption(EclipseService.Catalogue cat, List<EclipseService.TrajectoryPoint> points) {
        ObjectNode root = JSON.createObjectNode();
        root.put("animation", false);
        // Time-axis labels and tooltips in UTC like every other time on the page, not the browser's zone.
        root.put("useUTC", true);
        root.putObject("tooltip").put("trigger", "axis");
        root.putObject("legend").put("top", 0);
        root.putObject("grid").put("left", 56).put("right", 24).put("top", 36).put("bottom", 64);
        root.putObject("xAxis").put("type", "time").put("min", cat.orbitCase().from().toEpochMilli())
                .put("max", cat.orbitCase().to().toEpochMilli());
        root.putObject("yAxis").put("type", "value").put("name", "Lit %").put("min", 0).put("max", 100);
        ArrayNode zoom = root.putArray("dataZoom");
        zoom.addObject().put("type", "slider").put("bottom", 8).put("filterMode", "none");
        zoom.addObject().put("type", "inside").put("filterMode", "none");
        ArrayNode series = root.putArray("series");
        ObjectNode lit = series.addObject();
        lit.put("name", "Lit fraction").put("type", "line").put("showSymbol", false).put("color", SUN_COLOR)
                .put("sampling", "lttb");
        lit.putObject("lineStyle").put("width", 1);
        lit.putObject("areaStyle").put("opacity", 0.08);
        ArrayNode data = lit.putArray("data");
        for (Map.Entry<Long, Double> p : litPoints(cat, points).entrySet()) {
            data.addArray().add(p.getKey()).add(round(p.getValue(), 2));
        }
        shadowSeries(series, "Earth shadow", EARTH_COLOR, "#2f6fb8", cat, Occulter.EARTH);
        shadowSeries(series, "Moon shadow", MOON_COLOR, "#7b2cbf", cat, Occulter.MOON);
        return root.toString();
    }

    /**
     * The sampled lit fraction (%) with each eclipse's contact times added: over a long span the sampling
     * step is longer than an eclipse, and without them the line would not dip for passes between
     * samples. Contacts are exact (100 % at penumbra entry and exit, 0 % at umbra entry and exit);
     * a pass clipped by the span end has no contact there, and a penumbra contact inside the other
     * body's shadow is not at 100 %, so neither is added.
     */
    private static NavigableMap<Long, Double> litPoints(EclipseService.Catalogue cat,
                                                        List<EclipseService.TrajectoryPoint> points) {
        NavigableMap<Long, Double> out = new TreeMap<>();
        points.forEach(p -> out.put(p.t().toEpochMilli(), 100 * p.litFraction()));
        Instant from = cat.orbitCase().from();
        Instant to = cat.orbitCase().to();
        for (EclipseService.Eclipse e : cat.eclipses()) {
            if (e.start().isAfter(from) && !inOtherShadow(cat, e, e.start())) {
                out.put(e.start().toEpochMilli(), 100.0);
            }
            if (e.end().isBefore(to) && !inOtherShadow(cat, e, e.end())) {
                out.put(e.end().toEpochMilli(), 100.0);
            }
            if (e.umbraStart() != null) {
                out.put(e.umbraStart().toEpochMilli(), 0.0);
                out.put(e.umbraEnd().toEpochMilli(), 0.0);
            }
        }
        return out;
    }

    private static boolean inOtherShadow(EclipseService.Catalogue cat, EclipseService.Eclipse e, Instant t) {
        return cat.eclipses().stream()
                .anyMatch(o -> o.body() != e.body() && !t.isBefore(o.start()) && !t.isAfter(o.end()));
    }

    /**
     * One series per body: a marker at each eclipse's middle (at its minimum lit %) and the eclipse
     * shaded. The marker keeps a pass visible when it is far narrower than a pixel of a long span, and
     * the legend names and toggles each body.
     */
    private static void shadowSeries(ArrayNode series, String name, String color, String markerColor,
                                     EclipseService.Catalogue cat, Occulter body) {
        ObjectNode s = series.addObject();
        s.put("name", name).put("type", "scatter").put("color", markerColor).put("symbol", "triangle")
                .put("symbolSize", 9).put("symbolRotate", 180);
        ArrayNode data = s.putArray("data");
        ObjectNode markArea = s.putObject("markArea").put("silent", true);
        markArea.putObject("itemStyle").put("color", color);
        ArrayNode areas = markArea.putArray("data");
        for (EclipseService.Eclipse e : cat.eclipses()) {
            if (e.body() == body) {
                long mid = (e.start().toEpochMilli() + e.end().toEpochMilli()) / 2;
                data.addObject().put("name", String.format(Locale.US, "%.1f min", e.durationSeconds() / 60))
                        .putArray("value").add(mid).add(round(100 * e.minLitFraction(), 2));
                ArrayNode pair = areas.addArray();
                pair.addObject().put("xAxis", e.start().toEpochMilli());
                pair.addObject().put("xAxis", e.end().toEpochMilli());
            }
        }
    }

    /** Earth-shadow hours (bars) and longest eclipse (line, second axis) per perilune offset. */
    static String phaseOption(List<EclipseService.PhasePoint> scan, EclipseService.PhasePoint best) {
        ObjectNode root = JSON.createObjectNode();
        root.put("animation", false);
        root.putObject("tooltip").put("trigger", "axis");
        root.putObject("legend").put("top", 0);
        root.putObject("grid").put("left", 56).put("right", 64).put("top", 40).put("bottom", 48);
        ObjectNode x = root.putObject("xAxis");
        x.put("type", "category").put("name", "Perilune offset (h)").put("nameLocation", "middle").put("nameGap", 28);
        ArrayNode categories = x.putArray("data");
        ArrayNode y = root.putArray("yAxis");
        y.addObject().put("type", "value").put("name", "Earth shadow (h)").put("min", 0);
        y.addObject().put("type", "value").put("name", "Longest eclipse (min)").put("min", 0)
                .putObject("splitLine").put("show", false);
        ArrayNode series = root.putArray("series");
        ObjectNode bars = series.addObject();
        bars.put("name", "Earth shadow (h)").put("type", "bar").put("color", "#4a90e2").put("barMaxWidth", 36);
        ArrayNode barData = bars.putArray("data");
        ObjectNode line = series.addObject();
        line.put("name", "Longest eclipse (min)").put("type", "line").put("yAxisIndex", 1).put("color", "#d0021b");
        ArrayNode lineData = line.putArray("data");
        for (EclipseService.PhasePoint p : scan) {
            categories.add(String.format(Locale.US, "%.1f", p.offsetHours()));
            ObjectNode bar = barData.addObject().put("value", round(p.earthShadowHours(), 3));
            if (p == best) {
                bar.putObject("itemStyle").put("color", "#417505");
            }
            lineData.add(round(p.longestEclipseMinutes(), 2));
        }
        if (best != null) {
            ArrayNode mark = line.putObject("markLine").put("silent", true).put("symbol", "none").putArray("data");
            mark.addObject().put("name", "best phase")
                    .put("xAxis", String.format(Locale.US, "%.1f", best.offsetHours()))
                    .putObject("label").put("formatter", "best");
        }
        return root.toString();
    }

    /** The catalogue as CSV: one line per eclipse, ISO-8601 UTC instants, empty umbra times when penumbral. */
    static byte[] csv(EclipseService.Catalogue cat) {
        StringBuilder out = new StringBuilder(CSV_HEADER).append('\n');
        for (EclipseService.Eclipse e : cat.eclipses()) {
            out.append(org.gatewaypower.exchange.CsvCells.text(e.body().name())).append(',').append(csvTime(e.start())).append(',').append(csvTime(e.end()))
                    .append(',').append(csvTime(e.umbraStart())).append(',').append(csvTime(e.umbraEnd())).append(',')
                    .append(String.format(Locale.US, "%.3f,%.6f", e.durationSeconds(), e.minLitFraction()))
                    .append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String csvTime(Instant t) {
        return t == null ? "" : t.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    static String iso(Instant t) {
        return t == null ? "" : ISO_SECONDS.format(t.truncatedTo(ChronoUnit.SECONDS));
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String bodyName(Occulter body) {
        return body == Occulter.EARTH ? "Earth" : "Moon";
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.US, "%.2f", v);
    }

    /**
     * The span's end, left to the service to judge. An absurd span is clamped to a value that is still
     * out of range, so the service reports the span rule instead of the instant overflowing here.
     */
    private static Instant spanEnd(Instant from, Double days) {
        if (from == null || days == null) {
            return null;
        }
        double clamped = Math.max(-1e6, Math.min(1e6, days));
        return from.plusMillis(Math.round(clamped * 86_400_000));
    }

    private static Instant utc(LocalDateTime local) {
        return local == null ? null : local.toInstant(ZoneOffset.UTC);
    }

    private static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }

    private static Optional<Long> parse(String s) {
        try {
            return Optional.of(Long.parseLong(s));
        } catch (NumberFormatException ex) {
            return Optional.empty();
        }
    }
}
