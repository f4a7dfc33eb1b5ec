package org.gatewaypower.physics.energy;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Load demand over a run as consecutive constant levels (e.g. one per operating-mode phase of the
 * operations timeline). Step {@code i} holds from its start until the next step's start; the first
 * step starts at time 0 of the run.
 *
 * @param steps the levels in time order (at least one; starts strictly increasing, first at 0 s)
 */
public record LoadSchedule(List<Step> steps) {

    /**
     * One level and when it starts.
     *
     * @param startS start (s from the start of the run)
     * @param level  the demand
     */
    public record Step(double startS, LoadLevel level) {
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

    /** The same demand over the whole run. */
    public static LoadSchedule constant(LoadLevel level) {
        return new LoadSchedule(List.of(new Step(0.0, level)));
    }

    /** Every level transformed, same times. */
    public LoadSchedule map(UnaryOperator<LoadLevel> f) {
        return new LoadSchedule(steps.stream().map(s -> new Step(s.startS(), f.apply(s.level()))).toList());
    }
}
