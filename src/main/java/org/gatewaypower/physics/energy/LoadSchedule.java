package org.gatewaypower.physics.energy;

import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Load demand over a run as consecutive constant levels (e.g. one per operating-mode phase of the
 * operations timeline). Step {@code i} holds from its start until the next step's start; the first
 * step starts at time 0 of the run.
 *
 * <p>A step may also carry an external supply ({@link Step#supplyW()}): power another source offers at the bus,
 * which the simulator draws only as far as the arrays leave demand or battery charging unmet.
 *
 * <p>Each step has a sunlit and a shadow level: the shadow level holds wherever the arrays are in eclipse
 * (a segment with lit fraction &lt; 1, penumbra and umbra alike, from penumbra entry to penumbra exit), the
 * sunlit level everywhere else. Heaters are the usual reason the two differ: they work hardest in shadow.
 *
 * @param steps the levels in time order (at least one; starts strictly increasing, first at 0 s)
 */
public record LoadSchedule(List<Step> steps) {

    /**
     * The demand from one instant on, and the power other sources offer the bus meanwhile.
     *
     * @param startS  start (s from the start of the run)
     * @param sunlit  the demand in full sunlight (W)
     * @param shadow  the demand in eclipse, lit fraction &lt; 1 (W)
     * @param supplyW power an external source offers at the bus during the step, sunlit and in eclipse alike (W, ≥ 0):
     *                e.g. a docked vehicle exporting its own arrays' power. It is independent of the station's
     *                illumination (the vehicle's own arrays may see the Sun when the station's are shaded, an
     *                idealisation that the caller accepts by passing it)
     */
    public record Step(double startS, LoadLevel sunlit, LoadLevel shadow, double supplyW) {

        /** A step without an external supply. */
        public Step(double startS, LoadLevel sunlit, LoadLevel shadow) {
            this(startS, sunlit, shadow, 0.0);
        }

        /** A step whose demand is the same in sunlight and in eclipse, without an external supply. */
        public Step(double startS, LoadLevel level) {
            this(startS, level, level);
        }

        public Step {
            Objects.requireNonNull(sunlit, "sunlit");
            Objects.requireNonNull(shadow, "shadow");
            if (!(supplyW >= 0) || Double.isInfinite(supplyW)) {
                throw new IllegalArgumentException("supplyW must be a finite number ≥ 0, was " + supplyW);
            }
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

    /** Every level, sunlit and shadow, transformed; same times and supplies. */
    public LoadSchedule map(UnaryOperator<LoadLevel> f) {
        return new LoadSchedule(steps.stream()
                .map(s -> new Step(s.startS(), f.apply(s.sunlit()), f.apply(s.shadow()), s.supplyW())).toList());
    }
}
