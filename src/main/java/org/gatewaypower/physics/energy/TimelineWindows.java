package org.gatewaypower.physics.energy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts windows out of one long sunlight timeline (e.g. one orbit period from each eclipse entry of a
 * 15-year mission), each as a timeline of its own starting at 0 s. The segments' start times are indexed
 * once, so a window costs a binary search plus its own segments, not a pass over the whole timeline.
 */
public final class TimelineWindows {

    private final List<SunlightSegment> segments;
    /** Start of each segment (s from the timeline's start); one more entry: the timeline's end. */
    private final double[] starts;

    public TimelineWindows(SunlightTimeline timeline) {
        this.segments = timeline.segments();
        this.starts = new double[segments.size() + 1];
        for (int i = 0; i < segments.size(); i++) {
            starts[i + 1] = starts[i] + segments.get(i).durationS();
        }
    }

    /** The whole timeline's length (s). */
    public double durationS() {
        return starts[starts.length - 1];
    }

    /**
     * The illumination from {@code fromS} to {@code toS} (s from the timeline's start), with the segments at
     * the edges cut to fit; time 0 of the result is {@code fromS}.
     *
     * @throws IllegalArgumentException unless 0 ≤ fromS &lt; toS ≤ {@link #durationS()}
     */
    public SunlightTimeline window(double fromS, double toS) {
        if (!(fromS >= 0 && toS > fromS && toS <= durationS())) {
            throw new IllegalArgumentException("window [" + fromS + ", " + toS + ") s must lie within [0, "
                    + durationS() + "] s and not be empty");
        }
        int i = segmentAt(fromS);
        List<SunlightSegment> out = new ArrayList<>();
        while (i < segments.size() && starts[i] < toS) {
            SunlightSegment s = segments.get(i);
            double a = Math.max(starts[i], fromS);
            double b = Math.min(starts[i + 1], toS);
            if (b > a) {
                out.add(b - a == s.durationS() ? s : new SunlightSegment(b - a, s.litFraction(), s.sunDistanceAu()));
            }
            i++;
        }
        return new SunlightTimeline(out);
    }

    /** Index of the segment holding {@code tS} (the last one at the very end). */
    private int segmentAt(double tS) {
        int k = Arrays.binarySearch(starts, tS);
        int i = k >= 0 ? k : -k - 2;
        return Math.max(0, Math.min(i, segments.size() - 1));
    }
}
