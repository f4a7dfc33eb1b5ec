package org.gatewaypower.physics.eclipse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.hipparchus.analysis.UnivariateFunction;
import org.hipparchus.analysis.solvers.BrentSolver;
import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.hipparchus.util.FastMath;

/**
 * Finds every penumbra and umbra entry and exit of the Earth's and the Moon's shadows over a span.
 *
 * <p>Method: a safe-step scan of the switching functions of {@link ShadowModel}. If a switching
 * function can change no faster than {@code rate} (rad/s), then from a value {@code g > 0} it cannot
 * reach zero within {@code g / rate} seconds, so the scan may jump that far without missing a shadow.
 * Steps never go below {@code minStepS}, so a pass shorter than that can in principle be missed; any
 * pass at least that long is found. Each sign change is then located with a Brent solver to
 * {@code toleranceS}. The rate bounds are measured on the geometry itself (the largest rate seen over
 * a calibration window, times a safety factor), so the finder suits any orbit.
 *
 * <p>Cost grows linearly with the span and only logarithmically with the accuracy asked (root
 * refinement); the scan's cost is set by the rate bound, i.e. by how fast the geometry changes near
 * perilune.
 */
public final class EclipseFinder {

    /** Shortest step of the scan (s): passes of at least this length are never missed. */
    public static final double DEFAULT_MIN_STEP_S = 10.0;
    /** Accuracy of event times (s). */
    public static final double DEFAULT_TOLERANCE_S = 0.01;
    /** Safety factor on the measured rate bounds. */
    public static final double RATE_SAFETY = 2.0;

    private final ShadowGeometry geometry;
    private final double rateBound;
    private final double minStepS;
    private final double toleranceS;
    private final double maxStepS;

    /**
     * @param geometry   the positions
     * @param rateBound  bound on the rate of change of every switching function (rad/s)
     * @param minStepS   shortest scan step (s)
     * @param toleranceS accuracy of event times (s)
     */
    public EclipseFinder(ShadowGeometry geometry, double rateBound, double minStepS, double toleranceS) {
        if (!(rateBound > 0) || !(minStepS > 0) || !(toleranceS > 0)) {
            throw new IllegalArgumentException("rateBound, minStepS and toleranceS must be > 0");
        }
        this.geometry = geometry;
        this.rateBound = rateBound;
        this.minStepS = minStepS;
        this.toleranceS = toleranceS;
        this.maxStepS = 86_400.0;
    }

    /**
     * A finder whose rate bound is measured on the geometry over {@code calibrationS} seconds from
     * {@code calibrationStartTt} (at least one orbit revolution), sampled every {@code sampleS} seconds.
     */
    public static EclipseFinder calibrated(ShadowGeometry geometry, double calibrationStartTt, double calibrationS,
                                           double sampleS) {
        double max = 0;
        double[] previous = null;
        for (double t = calibrationStartTt; t <= calibrationStartTt + calibrationS; t += sampleS) {
            double[] g = switches(geometry, t);
            if (previous != null) {
                for (int i = 0; i < g.length; i++) {
                    max = FastMath.max(max, FastMath.abs(g[i] - previous[i]) / sampleS);
                }
            }
            previous = g;
        }
        return new EclipseFinder(geometry, RATE_SAFETY * max + 1e-9, DEFAULT_MIN_STEP_S, DEFAULT_TOLERANCE_S);
    }

    /** Bound on the switching functions' rate of change used by the scan (rad/s). */
    public double rateBound() {
        return rateBound;
    }

    /** All shadow passes of both bodies that overlap [startTt, endTt], ordered by start. */
    public List<EclipseEvent> find(double startTt, double endTt) {
        if (!(endTt > startTt)) {
            throw new IllegalArgumentException("the span must end after it starts");
        }
        Map<Occulter, PassBuilder> open = new EnumMap<>(Occulter.class);
        List<EclipseEvent> events = new ArrayList<>();
        double t = startTt;
        double[] g = switches(geometry, t);
        for (Occulter body : Occulter.values()) {
            if (g[penumbraIndex(body)] < 0) {
                PassBuilder p = new PassBuilder(body, t);
                p.startClipped = true;
                if (g[umbraIndex(body)] < 0) {
                    p.umbraStart = t;
                }
                open.put(body, p);
            }
        }
        while (t < endTt) {
            double step = maxStepS;
            for (double v : g) {
                step = FastMath.min(step, FastMath.abs(v) / rateBound);
            }
            step = FastMath.min(FastMath.max(step, minStepS), endTt - t);
            double t1 = t + step;
            double[] g1 = switches(geometry, t1);
            for (Occulter body : Occulter.values()) {
                int pi = penumbraIndex(body);
                int ui = umbraIndex(body);
                if (sign(g[pi]) != sign(g1[pi]) && g[pi] >= 0) {
                    open.put(body, new PassBuilder(body, root(body, true, t, t1)));
                }
                PassBuilder pass = open.get(body);
                if (pass != null && sign(g[ui]) != sign(g1[ui])) {
                    double r = root(body, false, t, t1);
                    if (g[ui] >= 0) {
                        if (Double.isNaN(pass.umbraStart)) {
                            pass.umbraStart = r;
                        } else {
                            // Re-entering the umbra within one pass (a grazing double dip): one umbra window.
                            pass.umbraEnd = Double.NaN;
                        }
                    } else {
                        pass.umbraEnd = r;
                    }
                }
                if (pass != null && sign(g[pi]) != sign(g1[pi]) && g[pi] < 0) {
                    events.add(pass.close(root(body, true, t, t1)));
                    open.remove(body);
                }
            }
            t = t1;
            g = g1;
        }
        for (PassBuilder pass : open.values()) {
            pass.endClipped = true;
            events.add(pass.close(endTt));
        }
        events.sort(Comparator.comparingDouble(EclipseEvent::startTt));
        return events;
    }

    private final class PassBuilder {
        final Occulter body;
        final double start;
        double umbraStart = Double.NaN;
        double umbraEnd = Double.NaN;
        boolean startClipped;
        boolean endClipped;

        PassBuilder(Occulter body, double start) {
            this.body = body;
            this.start = start;
        }

        EclipseEvent close(double end) {
            EclipseEvent.Window umbra = null;
            if (!Double.isNaN(umbraStart)) {
                umbra = new EclipseEvent.Window(umbraStart, Double.isNaN(umbraEnd) ? end : umbraEnd);
            }
            double min = umbra != null ? 0.0 : minimumLitFraction(body, start, end);
            return new EclipseEvent(body, start, end, umbra, min, lostSun(body, start, end, umbra), startClipped,
                    endClipped);
        }
    }

    /** Least lit fraction over a pass without umbra: golden-section search (the pass is unimodal). */
    private double minimumLitFraction(Occulter body, double a, double b) {
        final double phi = (FastMath.sqrt(5) - 1) / 2;
        double lo = a;
        double hi = b;
        double x1 = hi - phi * (hi - lo);
        double x2 = lo + phi * (hi - lo);
        double f1 = lit(body, x1);
        double f2 = lit(body, x2);
        while (hi - lo > 1.0) {
            if (f1 < f2) {
                hi = x2;
                x2 = x1;
                f2 = f1;
                x1 = hi - phi * (hi - lo);
                f1 = lit(body, x1);
            } else {
                lo = x1;
                x1 = x2;
                f1 = f2;
                x2 = lo + phi * (hi - lo);
                f2 = lit(body, x2);
            }
        }
        return FastMath.min(f1, f2);
    }

    /**
     * ∫(1 − ν) dt over the pass (s): the umbra window counts in full (ν = 0 there), each penumbra stretch
     * between two contacts by composite 3-point Gauss–Legendre on panels of at most {@link #LOST_SUN_PANEL_S}.
     * The integrand is smooth between contacts (its derivative jumps at them), so no panel straddles a kink.
     */
    private double lostSun(Occulter body, double a, double b, EclipseEvent.Window umbra) {
        if (b <= a) {
            return 0;
        }
        double lost = umbra == null ? hidden(body, a, b)
                : hidden(body, a, umbra.startTt()) + umbra.durationS() + hidden(body, umbra.endTt(), b);
        return FastMath.min(b - a, FastMath.max(0, lost));
    }

    /** Longest quadrature panel of {@link #lostSun} (s). */
    static final double LOST_SUN_PANEL_S = 30.0;

    /** ∫(1 − ν) dt over [a, b] (s), composite 3-point Gauss–Legendre. */
    private double hidden(Occulter body, double a, double b) {
        if (b <= a) {
            return 0;
        }
        int n = (int) FastMath.ceil((b - a) / LOST_SUN_PANEL_S);
        double h = (b - a) / n;
        double x = FastMath.sqrt(0.6) * h / 2;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double m = a + (i + 0.5) * h;
            sum += 5 * (1 - lit(body, m - x)) + 8 * (1 - lit(body, m)) + 5 * (1 - lit(body, m + x));
        }
        return sum * h / 18;
    }

    private double lit(Occulter body, double tt) {
        return disc(geometry, body, tt).litFraction();
    }

    private double root(Occulter body, boolean penumbra, double a, double b) {
        UnivariateFunction f = tt -> {
            ShadowModel.Discs d = disc(geometry, body, tt);
            return penumbra ? d.penumbraSwitch() : d.umbraSwitch();
        };
        BrentSolver solver = new BrentSolver(toleranceS);
        return solver.solve(200, f, a, b);
    }

    private static ShadowModel.Discs disc(ShadowGeometry g, Occulter body, double tt) {
        return ShadowModel.discs(g.station(tt), g.sun(tt), g.centre(body, tt), body.radiusM());
    }

    /** Switching functions at {@code tt}: Earth penumbra, Earth umbra, Moon penumbra, Moon umbra (rad). */
    private static double[] switches(ShadowGeometry g, double tt) {
        Vector3D r = g.station(tt);
        Vector3D s = g.sun(tt);
        ShadowModel.Discs earth = ShadowModel.discs(r, s, Vector3D.ZERO, Occulter.EARTH.radiusM());
        ShadowModel.Discs moon = ShadowModel.discs(r, s, g.moon(tt), Occulter.MOON.radiusM());
        return new double[] {earth.penumbraSwitch(), earth.umbraSwitch(), moon.penumbraSwitch(), moon.umbraSwitch()};
    }

    private static int penumbraIndex(Occulter body) {
        return body == Occulter.EARTH ? 0 : 2;
    }

    private static int umbraIndex(Occulter body) {
        return body == Occulter.EARTH ? 1 : 3;
    }

    private static int sign(double v) {
        return v < 0 ? -1 : 1;
    }
}
