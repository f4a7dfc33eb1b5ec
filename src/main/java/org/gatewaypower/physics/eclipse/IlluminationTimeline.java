package org.gatewaypower.physics.eclipse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.gatewaypower.physics.energy.SunlightSegment;
import org.gatewaypower.physics.energy.SunlightTimeline;
import org.hipparchus.util.FastMath;

/**
 * Turns an orbit's eclipses into the piecewise-constant {@link SunlightTimeline} the energy balance
 * runs on.
 *
 * <p>Construction:
 * <ul>
 *   <li>Every segment boundary falls on a contact: each penumbra entry and exit and each umbra entry
 *       and exit of either body (the event times from {@link EclipseFinder}, accurate to its tolerance,
 *       0.01 s by default) is a segment boundary, so no segment straddles a contact and sunlight is
 *       never mixed into full shadow.</li>
 *   <li>Between an umbra entry and exit the lit fraction is exactly 0 (one segment): no array power,
 *       so the battery cannot charge in full shadow.</li>
 *   <li>In penumbra the stretch between two contacts is cut into sub-segments no longer than the
 *       shadow step and over which the lit fraction ν changes by at most {@link #MAX_LIT_CHANGE}
 *       (adaptive halving); each sub-segment carries the time average of the exact lit fraction over
 *       it, (1/h)∫ν dt, by 3-point Gauss–Legendre quadrature of the shadow geometry. Within one
 *       stretch ν is smooth (the contacts, where its derivatives jump, are the stretch ends), so the
 *       quadrature error is far below the change bound.</li>
 *   <li>In full sunlight segments are long: ν is 1 and the only variation is the slow (1 AU / r)²
 *       term, taken at each segment's midpoint (as is the Sun distance in shadow).</li>
 * </ul>
 *
 * <p>Assumptions and their effect:
 * <ul>
 *   <li>Replacing ν by its average within a penumbra sub-segment keeps the sub-segment's sunlight
 *       energy exact, but the battery's draw, max(0, L − B·ν) for load L and full-Sun bus power B, is
 *       convex in ν, so in the one sub-segment where ν crosses the break-even value L/B the average
 *       understates the draw by at most B·Δν·h/8 (Δν ≤ {@link #MAX_LIT_CHANGE}, h its duration): about
 *       0.02 Wh for a 27-kW array on a Moon pass, whose ~1-s sub-segments cross that value once on
 *       each side.</li>
 *   <li>A grazing pass that leaves the umbra and re-enters it within one pass has one umbra window
 *       from the first entry to the last exit ({@link EclipseFinder}); the brief light in between is
 *       counted as full shadow (conservative).</li>
 *   <li>An umbra contact whose root is off by the finder's tolerance moves at most that much time
 *       between lit fraction 0 and a lit fraction that is itself ~0 there (the visible sliver of the
 *       Sun grows as the 3/2 power of the time since contact).</li>
 * </ul>
 */
public final class IlluminationTimeline {

    /** Astronomical unit (m), IAU 2012. */
    public static final double AU_M = 149_597_870_700.0;

    /** Largest change of the lit fraction within one penumbra segment (dimensionless). */
    public static final double MAX_LIT_CHANGE = 0.02;

    /** Shortest penumbra segment the adaptive halving makes (s); also the shortest kept contact gap. */
    static final double MIN_SEGMENT_S = 1e-3;

    /** 3-point Gauss–Legendre on [−1, 1]: nodes 0 and ±√(3/5), weights 8/9 and 5/9. */
    private static final double GL_NODE = FastMath.sqrt(0.6);

    private IlluminationTimeline() {
    }

    /**
     * @param geometry    positions, for lit fraction and Sun distance
     * @param events      the shadow passes over the span (from {@link EclipseFinder})
     * @param startTt     span start (s of TT since J2000.0); the timeline's time 0
     * @param endTt       span end (s of TT since J2000.0)
     * @param shadowStepS longest segment in penumbra (s); umbra stretches are one segment each
     * @param sunlitStepS longest segment in full sunlight (s)
     */
    public static SunlightTimeline of(ShadowGeometry geometry, List<EclipseEvent> events, double startTt, double endTt,
                                      double shadowStepS, double sunlitStepS) {
        if (!(shadowStepS > 0) || !(sunlitStepS > 0)) {
            throw new IllegalArgumentException("shadowStepS and sunlitStepS must be > 0");
        }
        List<double[]> shadows = merged(events, startTt, endTt);
        List<double[]> umbras = umbras(events, startTt, endTt);
        double[] contacts = contacts(events, startTt, endTt);
        List<SunlightSegment> segments = new ArrayList<>();
        double t = startTt;
        for (double[] s : shadows) {
            addSunlit(geometry, segments, t, s[0], sunlitStepS);
            addShadow(geometry, segments, s[0], s[1], contacts, umbras, shadowStepS);
            t = s[1];
        }
        addSunlit(geometry, segments, t, endTt, sunlitStepS);
        return new SunlightTimeline(segments);
    }

    private static List<double[]> merged(List<EclipseEvent> events, double startTt, double endTt) {
        List<double[]> spans = events.stream()
                .map(e -> new double[] {FastMath.max(startTt, e.startTt()), FastMath.min(endTt, e.endTt())})
                .filter(s -> s[1] > s[0]).sorted(Comparator.comparingDouble(s -> s[0])).toList();
        List<double[]> out = new ArrayList<>();
        for (double[] s : spans) {
            if (!out.isEmpty() && s[0] <= out.get(out.size() - 1)[1]) {
                out.get(out.size() - 1)[1] = FastMath.max(out.get(out.size() - 1)[1], s[1]);
            } else {
                out.add(new double[] {s[0], s[1]});
            }
        }
        return out;
    }

    /** The umbra windows clipped to the span (s of TT). */
    private static List<double[]> umbras(List<EclipseEvent> events, double startTt, double endTt) {
        List<double[]> out = new ArrayList<>();
        for (EclipseEvent e : events) {
            if (e.umbra() != null) {
                double a = FastMath.max(startTt, e.umbra().startTt());
                double b = FastMath.min(endTt, e.umbra().endTt());
                if (b > a) {
                    out.add(new double[] {a, b});
                }
            }
        }
        return out;
    }

    /** Every penumbra and umbra contact within the span, sorted (s of TT). */
    private static double[] contacts(List<EclipseEvent> events, double startTt, double endTt) {
        double[] c = new double[4 * events.size()];
        int n = 0;
        for (EclipseEvent e : events) {
            c[n++] = e.startTt();
            c[n++] = e.endTt();
            if (e.umbra() != null) {
                c[n++] = e.umbra().startTt();
                c[n++] = e.umbra().endTt();
            }
        }
        double[] out = Arrays.stream(c, 0, n).filter(t -> t > startTt && t < endTt).sorted().toArray();
        return out;
    }

    private static void addSunlit(ShadowGeometry g, List<SunlightSegment> out, double from, double to, double step) {
        if (to - from <= 0) {
            return;
        }
        int n = (int) FastMath.ceil((to - from) / step);
        double h = (to - from) / n;
        for (int i = 0; i < n; i++) {
            double mid = from + (i + 0.5) * h;
            out.add(new SunlightSegment(h, 1.0, sunDistanceAu(g, mid)));
        }
    }

    /** One merged shadow span [from, to], cut at every contact inside it. */
    private static void addShadow(ShadowGeometry g, List<SunlightSegment> out, double from, double to,
                                  double[] contacts, List<double[]> umbras, double step) {
        int i = lowerBound(contacts, from);
        double a = from;
        while (a < to) {
            while (i < contacts.length && contacts[i] <= a) {
                i++;
            }
            double b = i < contacts.length && contacts[i] < to ? contacts[i] : to;
            if (b - a < MIN_SEGMENT_S && b < to) {
                // Two contacts closer than this are one instant: the next stretch starts at the first.
                i++;
                continue;
            }
            if (inUmbra(umbras, 0.5 * (a + b))) {
                out.add(new SunlightSegment(b - a, 0.0, sunDistanceAu(g, 0.5 * (a + b))));
            } else {
                addPenumbra(g, out, a, b, step);
            }
            a = b;
        }
    }

    private static boolean inUmbra(List<double[]> umbras, double tt) {
        for (double[] u : umbras) {
            if (tt > u[0] && tt < u[1]) {
                return true;
            }
        }
        return false;
    }

    /** A penumbra stretch between two consecutive contacts: equal parts of at most {@code step}, then halving. */
    private static void addPenumbra(ShadowGeometry g, List<SunlightSegment> out, double from, double to, double step) {
        int n = (int) FastMath.ceil((to - from) / step);
        double h = (to - from) / n;
        double left = lit(g, from);
        double a = from;
        for (int k = 0; k < n; k++) {
            // Each part ends exactly where the next starts, so the durations add up to the stretch.
            double b = k == n - 1 ? to : from + (k + 1) * h;
            double right = lit(g, b);
            refine(g, out, a, b, left, lit(g, 0.5 * (a + b)), right, 0);
            left = right;
            a = b;
        }
    }

    /**
     * Halves [a, b] until the lit fraction changes by at most {@link #MAX_LIT_CHANGE} across its ends and
     * midpoint (or the part is {@link #MIN_SEGMENT_S} short), then emits the part with its mean lit fraction.
     */
    private static void refine(ShadowGeometry g, List<SunlightSegment> out, double a, double b, double la, double lm,
                               double lb, int depth) {
        double range = FastMath.max(la, FastMath.max(lm, lb)) - FastMath.min(la, FastMath.min(lm, lb));
        if (range > MAX_LIT_CHANGE && b - a > 2 * MIN_SEGMENT_S && depth < 40) {
            double m = 0.5 * (a + b);
            refine(g, out, a, m, la, lit(g, 0.5 * (a + m)), lm, depth + 1);
            refine(g, out, m, b, lm, lit(g, 0.5 * (m + b)), lb, depth + 1);
            return;
        }
        double m = 0.5 * (a + b);
        double r = 0.5 * (b - a);
        // Mean of ν over [a, b] = (1/2)·Σ wᵢ·ν(m + r·xᵢ) with the Gauss–Legendre weights (they sum to 2).
        double mean = (5.0 * lit(g, m - r * GL_NODE) + 8.0 * lm + 5.0 * lit(g, m + r * GL_NODE)) / 18.0;
        out.add(new SunlightSegment(b - a, FastMath.min(1.0, FastMath.max(0.0, mean)), sunDistanceAu(g, m)));
    }

    private static double lit(ShadowGeometry g, double tt) {
        return ShadowModel.combinedLitFraction(g, tt);
    }

    private static int lowerBound(double[] sorted, double value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static double sunDistanceAu(ShadowGeometry g, double tt) {
        return g.sun(tt).subtract(g.station(tt)).getNorm() / AU_M;
    }
}
