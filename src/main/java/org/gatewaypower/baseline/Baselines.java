package org.gatewaypower.baseline;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.gatewaypower.workspace.Operations;
import org.gatewaypower.workspace.ReadModels;

/**
 * Read models of the baseline module. Values SI (W, J, s) or fractions, as in {@link ReadModels}; the UI
 * converts.
 */
public final class Baselines {

    /** Units of a figure or field: SI, a fraction, a count or years; "" for text. */
    public static final String W = "W";
    public static final String J = "J";
    public static final String S = "s";
    public static final String FRACTION = "fraction";
    public static final String COUNT = "count";
    public static final String YEARS = "years";
    public static final String DAYS = "days";
    public static final String DEG = "deg";
    public static final String PER_K = "per K";
    public static final String K = "K";

    private Baselines() {
    }

    /** Everything the standard analysis reads: the workspace snapshot and its operations timeline. */
    public record Inputs(ReadModels.WorkspaceSnapshot workspace, List<Operations.OperationPhase> phases) {

        public Inputs {
            phases = List.copyOf(phases);
        }
    }

    /**
     * One result figure.
     *
     * @param key   stable name, e.g. {@code minStateOfCharge}
     * @param label in words
     * @param unit  one of the unit constants of {@link Baselines}
     * @param value the figure, or null when there is none (no battery, or not finite)
     */
    public record Figure(String key, String label, String unit, Double value) {
    }

    /** One pass/fail check of the analysis, with the figures behind its verdict. */
    public record CheckResult(String name, String rule, boolean passed, String figures) {
    }

    /** A point of a state-of-charge curve: s from the start of the run, state of charge (fraction). */
    public record SocPoint(double timeS, double stateOfCharge) {
    }

    /**
     * The results of the standard analysis (the design case at end of life, MEV loads).
     *
     * @param socCurve the MEV state of charge, reduced to a few hundred points keeping the extremes
     */
    public record Results(String modeName, String illumination, boolean allChecksPass, List<Figure> figures,
                          List<CheckResult> checks, List<SocPoint> socCurve) {

        public Results {
            figures = List.copyOf(figures);
            checks = List.copyOf(checks);
            socCurve = List.copyOf(socCurve);
        }

        /** The figure with this key, if the results have it. */
        public Optional<Figure> figure(String key) {
            return figures.stream().filter(f -> f.key().equals(key)).findFirst();
        }

        /** The value of the figure with this key; null when absent or without a value. */
        public Double value(String key) {
            return figure(key).map(Figure::value).orElse(null);
        }
    }

    /** A frozen baseline: inputs and results as they were when it was created; never changed. */
    public record Baseline(long id, long workspaceId, String name, String description, Instant createdAt,
                           String createdBy, Inputs inputs, Results results) {
    }

    /** A workspace forked from a parent. */
    public record Variant(long workspaceId, long parentWorkspaceId, String name, String workspaceName,
                          Instant createdAt, String createdBy) {
    }
}
