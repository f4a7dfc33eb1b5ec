package org.gatewaypower.physics.energy;

import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Load demand over a run as consecutive constant levels (e.g. one per operating-mode phase of the
 * operations timeline). Step {@code i} holds from its start until the next step's start; the first
 * step starts at time 0 of the run.
 *
 * <p>Each step has a sunlit and a shadow level: the shadow level holds wherever the arrays are in eclipse
 * (a segment with lit fraction &lt; 1, penumbra and umbra alike, from penumbra entry to penumbra exit), the
 * sunlit level everywhere else. Heaters are the usual reason the two differ: they work hardest in shadow.
 *
 * @param steps the levels in time order (at least one; starts strictly increasing, first at 0 s)
 */
public record LoadSchedule(List<Step> steps) {

    /**
     * The demand from one instant on.
     *
     * @param startS start (s from the start of the run)
     * @param sunlit the demand in full sunlight (W)
     * @param shadow the demand in eclipse, lit fraction &lt; 1 (W)
     */
    public record Step(double startS, LoadLevel sunlit, LoadLevel shadow) {

        /** A step whose demand is the same in sunlight and in eclipse. */
        public Step(double startS, LoadLevel level) {
            this(startS, level, level);
        }

        public Step {
            Objects.requireNonNull(sunlit, "sunlit");
            Objects.requireNonNull(shadow, "shadow");
        }

        /** The demand in force: the shadow level in eclipse, the sunlit level otherwise (W). */
        public LoadLevel level(boolean inEclipse) {
            return inEclipse ? shadow : sunlit;
        }
    }

    public LoadSchedule {
        if (steps == null || steps.isEmpty()) {
            throw new IllegalArgumentException("a load schedule needs at least one step");
        }
        steps = List.copyOf(steps);
        if (steps.get(0).startS() != 0.0) {
            throw new IllegalArgumentException("the first load step starts at 0 s");
        }
        for (int i = 1; i < steps.size(); i++) {
            if (!(steps.get(i).startS() > steps.get(i - 1).startS())) {
                throw new IllegalArgumentException("load steps must start in strictly increasing time order");
            }
        }
    }

    /** The same demand over the whole run, in sunlight and in eclipse alike. */
    public static LoadSchedule constant(LoadLevel level) {
        return new LoadSchedule(List.of(new Step(0.0, level)));
    }

    /** One demand in sunlight and another in eclipse over the whole run. */
    public static LoadSchedule constant(LoadLevel sunlit, LoadLevel shadow) {
        return new LoadSchedule(List.of(new Step(0.0, sunlit, shadow)));
    }

    /** Every level, sunlit and shadow, transformed; same times. */
    public LoadSchedule map(UnaryOperator<LoadLevel> f) {
        return new LoadSchedule(steps.stream()
                .map(s -> new Step(s.startS(), f.apply(s.sunlit()), f.apply(s.shadow()))).toList());
    }
}
