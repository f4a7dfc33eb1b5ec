package org.gatewaypower.ui.eclipse;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Future;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;

import org.gatewaypower.analysis.EclipseService;
import org.gatewaypower.analysis.HeavyWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.task.AsyncTaskExecutor;

/**
 * Runs the eclipse page's computation off the UI thread and hands its results, or why there are none, back
 * under the UI lock. Eclipse searches are CPU-bound and can take minutes for a 20-year span, so they run on the
 * application's task executor; {@link HeavyWork} bounds how many run and wait at once.
 */
final class EclipseComputation {

    /** Most points on the lit-fraction chart: enough to see every pass, few enough for a quick page. */
    static final int TARGET_POINTS = 5000;

    private static final Logger log = LoggerFactory.getLogger(EclipseComputation.class);

    /** The inputs of one computation, as the service reads them (null where the user left a field empty). */
    record Request(Instant perilune, Instant from, Instant to, int phases, double spanDays) {
    }

    /** Everything one computation produces, including the chart JSON, all built off the UI thread. */
    record Results(EclipseService.Catalogue catalogue, EclipseService.PhasePoint best, String litOption,
                   String phaseOption, byte[] csv, double spanDays, double seconds) {
    }

    /** Called under the UI lock. */
    interface Listener {

        /** {@code done} of {@code phases} phases of the scan are computed. */
        void progress(int done, int phases);

        /** The latest request ended: with results (cause null) or with the cause of its failure. */
        void finished(Results results, Throwable cause);
    }

    private final EclipseService eclipses;
    private final HeavyWork heavy;
    private final AsyncTaskExecutor tasks;
    private final String me;
    /** The computation under way (null when none): cancelling it interrupts its thread. */
    private Future<?> task;
    /** Only the latest request may put its results on screen. */
    private int generation;

    EclipseComputation(EclipseService eclipses, HeavyWork heavy, AsyncTaskExecutor tasks, String me) {
        this.eclipses = eclipses;
        this.heavy = heavy;
        this.tasks = tasks;
        this.me = me;
    }

    /** Starts computing {@code r}; an earlier request still running will not reach {@code listener}. */
    void start(UI ui, Request r, Listener listener) {
        int request = ++generation;
        task = tasks.submit(() -> {
            Results results = null;
            Throwable failure = null;
            try {
                // A scan repeats the eclipse search once per phase: bounded like every long computation.
                results = heavy.run(me, "a phase scan of " + r.phases() + " phases over " + Math.round(r.spanDays())
                        + " days", () -> run(ui, r, listener));
            } catch (RuntimeException ex) {
                failure = ex;
            }
            deliver(ui, request, results, failure, listener);
        });
    }

    void cancel() {
        if (task != null) {
            task.cancel(true);
        }
    }

    /** Runs on the executor; reports progress through the UI lock. */
    private Results run(UI ui, Request r, Listener listener) {
        long t0 = System.nanoTime();
        // The phase scan first: it checks the phase count before the (slow) orbit search, so that rule
        // is reported at once. The catalogue and trajectory then reuse the service's cached search.
        List<EclipseService.PhasePoint> scan = eclipses.phaseScan(r.perilune(), r.from(), r.to(), r.phases(),
                done -> ui.access(() -> listener.progress(done, r.phases())));
        EclipseService.Catalogue cat = eclipses.catalogue(r.perilune(), r.from(), r.to());
        double spanS = Duration.between(r.from(), r.to()).toMillis() / 1000.0;
        double step = Math.max(EclipseService.MIN_STEP_S, spanS / (TARGET_POINTS - 1));
        List<EclipseService.TrajectoryPoint> trajectory = eclipses.trajectory(r.perilune(), r.from(), r.to(), step);
        EclipseService.PhasePoint best = PhaseScanPanel.best(scan);
        return new Results(cat, best, EclipseChartOptions.litOption(cat, trajectory),
                EclipseChartOptions.phaseOption(scan, best), EclipseFormats.csv(cat), r.spanDays(),
                (System.nanoTime() - t0) / 1e9);
    }

    private void deliver(UI ui, int request, Results results, Throwable failure, Listener listener) {
        try {
            ui.access(() -> {
                if (request != generation) {
                    return;
                }
                task = null;
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                listener.finished(results, cause);
            });
        } catch (UIDetachedException ex) {
            log.debug("Eclipse results dropped: the page was closed before they were ready");
        }
    }
}
