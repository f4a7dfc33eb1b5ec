package org.gatewaypower.physics.energy;

import java.util.ArrayList;
import java.util.List;

/**
 * The illumination seen by the arrays over an analysis span, as consecutive constant segments
 * starting at time 0.
 *
 * <p>This is the seam between orbit geometry and the energy balance: the hand-sizing design case
 * is a two-segment timeline, and an ephemeris orbit yields a longer one (penumbra represented by
 * short segments of intermediate lit fraction) without any change to the engine.
 *
 * @param segments the segments in time order (at least one)
 */
public record SunlightTimeline(List<SunlightSegment> segments) {

    public SunlightTimeline {
        if (segments == null || segments.isEmpty()) {
            throw new IllegalArgumentException("a sunlight timeline needs at least one segment");
        }
        segments = List.copyOf(segments);
    }

    /**
     * The classical hand-sizing orbit: one eclipse of full umbra at the start of the orbit,
     * then sunlight for the rest of the period, at 1 AU.
     *
     * <p>Putting the eclipse first means the orbit starts with the battery at its initial state
     * and ends after the recharge, so "does the orbit's energy close?" is answered by comparing the
     * first and last state of charge.
     *
     * @param periodS  orbit period (s, &gt; eclipse)
     * @param eclipseS longest eclipse (s, ≥ 0)
     */
    public static SunlightTimeline designOrbit(double periodS, double eclipseS) {
        if (!(periodS > 0) || Double.isInfinite(periodS)) {
            throw new IllegalArgumentException("periodS must be a finite number > 0, was " + periodS);
        }
        if (!(eclipseS >= 0) || eclipseS >= periodS) {
            throw new IllegalArgumentException("eclipseS must be within [0, periodS), was " + eclipseS);
        }
        List<SunlightSegment> s = new ArrayList<>(2);
        if (eclipseS > 0) {
            s.add(new SunlightSegment(eclipseS, 0.0, 1.0));
        }
        s.add(new SunlightSegment(periodS - eclipseS, 1.0, 1.0));
        return new SunlightTimeline(s);
    }

    /** Total span (s). */
    public double durationS() {
        double d = 0;
        for (SunlightSegment s : segments) {
            d += s.durationS();
        }
        return d;
    }

    /** A time interval [startS, endS) (s from the timeline's start). */
    public record Interval(double startS, double endS) {
        /** Length of the interval (s). */
        public double durationS() {
            return endS - startS;
        }
    }

    /** The maximal intervals in which the arrays are at least partly shadowed. */
    public List<Interval> shadowIntervals() {
        List<Interval> out = new ArrayList<>();
        double t = 0;
        double start = Double.NaN;
        for (SunlightSegment s : segments) {
            if (s.inShadow() && Double.isNaN(start)) {
                start = t;
            } else if (!s.inShadow() && !Double.isNaN(start)) {
                out.add(new Interval(start, t));
                start = Double.NaN;
            }
            t += s.durationS();
        }
        if (!Double.isNaN(start)) {
            out.add(new Interval(start, t));
        }
        return out;
    }
}
