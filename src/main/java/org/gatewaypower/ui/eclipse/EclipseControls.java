package org.gatewaypower.ui.eclipse;

import static org.gatewaypower.ui.eclipse.EclipseFormats.iso;
import static org.gatewaypower.ui.eclipse.EclipseFormats.trim;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.theme.lumo.LumoUtility.FlexWrap;
import com.vaadin.flow.theme.lumo.LumoUtility.FontSize;
import com.vaadin.flow.theme.lumo.LumoUtility.TextColor;
import com.vaadin.flow.theme.lumo.LumoUtility.Whitespace;

import org.gatewaypower.analysis.EclipseService;
import org.gatewaypower.analysis.TooBusyException;
import org.gatewaypower.ui.NumberEntry;
import org.gatewaypower.workspace.InvalidInputException;
import org.gatewaypower.workspace.ReadModels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The eclipse page's inputs (perilune epoch, span, phases), its Compute, Whole mission and Cancel buttons,
 * the progress and status of a run, and the area that says why a run gave no results.
 */
final class EclipseControls extends HorizontalLayout {

    static final int DEFAULT_PHASES = 12;

    private static final Logger log = LoggerFactory.getLogger(EclipseControls.class);

    private final DateTimePicker perilune = new DateTimePicker("Perilune epoch (UTC)");
    private final DateTimePicker spanStart = new DateTimePicker("Span start (UTC)");
    /** Typed as in every other number field of the app: exponents, separators and the unit are read exactly. */
    private final TextField spanDays = new TextField("Span (days)");
    private final IntegerField phases = new IntegerField("Phases in scan");
    private final Button compute = new Button("Compute");
    private final Button wholeMission = new Button("Whole mission");
    private final Button cancel = new Button("Cancel");
    private final ProgressBar progress = new ProgressBar();
    private final Span status = new Span();
    private final Div errors = new Div();
    private final Map<String, HasValidation> fieldsByName = new LinkedHashMap<>();
    private final Map<HasValidation, String> labels = new LinkedHashMap<>();
    /** What the shown results were computed for; restored as the status when a new request fails. */
    private String shownStatus = "";
    private final Runnable onCompute;

    /** {@code onCompute} starts a run of the inputs shown; {@code onCancel} stops the run under way. */
    EclipseControls(Runnable onCompute, Runnable onCancel) {
        this.onCompute = onCompute;
        perilune.setId("eclipse-perilune");
        spanStart.setId("eclipse-span-start");
        // Phases are found to the second; the default 1 h step would hide the seconds of an epoch.
        perilune.setStep(Duration.ofSeconds(1));
        spanStart.setStep(Duration.ofMinutes(1));
        org.gatewaypower.ui.component.IsoPickers.iso(perilune, spanStart);
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
        compute.addClickListener(e -> onCompute.run());
        cancel.setId("eclipse-cancel");
        cancel.setVisible(false);
        cancel.addClickListener(e -> onCancel.run());
        progress.setId("eclipse-progress");
        progress.setIndeterminate(true);
        progress.setWidth("8rem");
        progress.setVisible(false);
        status.setId("eclipse-status");
        status.addClassNames(FontSize.SMALL, TextColor.SECONDARY);
        errors.setId("eclipse-errors");
        // One line per broken rule: the message lists them with line breaks.
        errors.addClassNames(TextColor.ERROR, FontSize.SMALL, Whitespace.PRE_LINE);
        errors.setVisible(false);

        HorizontalLayout running = new HorizontalLayout(progress, status, cancel);
        running.setAlignItems(FlexComponent.Alignment.CENTER);
        wholeMission.setId("eclipse-whole-mission");
        wholeMission.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        wholeMission.setVisible(false);
        add(perilune, spanStart, spanDays, phases, compute, wholeMission, running);
        setAlignItems(FlexComponent.Alignment.BASELINE);
        addClassName(FlexWrap.WRAP);
        setWidthFull();
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

    /** The area that says why the last run gave no results; the page places it below the controls. */
    Div errorArea() {
        return errors;
    }

    /** Takes the design case's orbit and span, and offers its whole mission span. */
    void prefill(ReadModels.DesignCase dc) {
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
            onCompute.run();
        });
    }

    /**
     * The inputs as a request, or empty (with the reason shown) when the span cannot be read. The service
     * judges everything else, so empty fields are passed on as nulls for it to name.
     */
    Optional<EclipseComputation.Request> request() {
        clearErrors();
        Instant p = utc(perilune.getValue());
        Instant from = utc(spanStart.getValue());
        Double days;
        try {
            days = NumberEntry.si(spanDays.getValue(), "Span", NumberEntry.Unit.plain("days"));
        } catch (NumberEntry.EntryException ex) {
            showErrors(new InvalidInputException(List.of(new InvalidInputException.FieldViolation("to",
                    ex.getMessage()))));
            return Optional.empty();
        }
        int n = phases.getValue() == null ? 0 : phases.getValue();
        return Optional.of(new EclipseComputation.Request(p, from, spanEnd(from, days), n,
                days == null ? 0 : days));
    }

    /**
     * The span's end, left to the service to judge. An absurd span is clamped to a value that is still
     * out of range, so the service reports the span rule instead of the instant overflowing here.
     */
    static Instant spanEnd(Instant from, Double days) {
        if (from == null || days == null) {
            return null;
        }
        double clamped = Math.max(-1e6, Math.min(1e6, days));
        return from.plusMillis(Math.round(clamped * 86_400_000));
    }

    private static Instant utc(LocalDateTime local) {
        return local == null ? null : local.toInstant(ZoneOffset.UTC);
    }

    /** A run of {@code r} has started. */
    void started(EclipseComputation.Request r) {
        setRunning(true);
        status.setText(r.spanDays() > 366 ? "Computing eclipses and the phase scan; a span of years takes a "
                + "while…" : "Computing eclipses and the phase scan…");
    }

    void progress(int done, int of) {
        progress.setIndeterminate(false);
        progress.setValue(Math.min(1.0, done / (double) Math.max(1, of)));
        status.setText("Phase scan: " + done + " of " + of + " phases…");
    }

    /** The run ended with results, which the status now describes. */
    void finished(EclipseComputation.Results r) {
        setRunning(false);
        EclipseService.OrbitCase orbit = r.catalogue().orbitCase();
        shownStatus = String.format(Locale.US, "Showing perilune %s, span %s + %s days · computed in %.1f s",
                iso(orbit.perilune()), iso(orbit.from()), trim(r.spanDays()), r.seconds());
        status.setText(shownStatus);
    }

    /** The run ended without results: says why, and that the results shown are the previous run's. */
    void failed(Throwable cause) {
        setRunning(false);
        if (cause instanceof InvalidInputException ex) {
            showErrors(ex);
            return;
        }
        status.setText(shownStatus);
        if (cause instanceof CancellationException) {
            errors.setText("Cancelled; the results shown are from the previous run.");
        } else if (cause instanceof TooBusyException ex) {
            errors.setText(ex.getMessage());
        } else {
            log.error("Eclipse computation failed", cause);
            errors.setText("The computation failed (" + cause.getClass().getSimpleName()
                    + "); the results shown are from the previous run.");
        }
        errors.setVisible(true);
    }

    private void setRunning(boolean running) {
        compute.setEnabled(!running);
        cancel.setVisible(running);
        progress.setIndeterminate(true);
        progress.setVisible(running);
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
}
