package org.gatewaypower.physics.eclipse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.gatewaypower.physics.energy.SunlightSegment;
import org.gatewaypower.physics.energy.SunlightTimeline;
import org.hipparchus.util.FastMath;

/**
 * Turns an orbit's eclipses into the piecewise-constant {@link SunlightTimeline} the energy balance
 * runs on. In sunlight, segments are long (the only variation is the slow (1 AU / r)² term);
 * through each shadow pass they are short, with the lit fraction averaged over the segment by
 * Simpson's rule, so the energy of partial shadow is kept to the segment's accuracy.
 */
public final class IlluminationTimeline {

    /** Astronomical unit (m), IAU 2012. */
    public static final double AU_M = 149_597_870_700.0;

    private IlluminationTimeline() {
    }

    /**
     * @param geometry    positions, for lit fraction and Sun distance
     * @param events      the shadow passes over the span (from {@link EclipseFinder})
     * @param startTt     span start (s of TT since J2000.0); the timeline's time 0
     * @param endTt       span end (s of TT since J2000.0)
     * @param shadowStepS longest segment inside a shadow pass (s)
     * @param sunlitStepS longest segment in full sunlight (s)
     */
    public static SunlightTimeline of(ShadowGeometry geometry, List<EclipseEvent> events, double startTt, double endTt,
                                      double shadowStepS, double sunlitStepS) {
        List<double[]> shadows = merged(events, startTt, endTt);
        List<SunlightSegment> segments = new ArrayList<>();
        double t = startTt;
        for (double[] s : shadows) {
            addSunlit(geometry, segments, t, s[0], sunlitStepS);
            addShadow(geometry, segments, s[0], s[1], shadowStepS);
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

    private static void addShadow(ShadowGeometry g, List<SunlightSegment> out, double from, double to, double step) {
        if (to - from <= 0) {
            return;
        }
        int n = (int) FastMath.ceil((to - from) / step);
        double h = (to - from) / n;
        double left = ShadowModel.combinedLitFraction(g, from);
        for (int i = 0; i < n; i++) {
            double a = from + i * h;
            double mid = ShadowModel.combinedLitFraction(g, a + h / 2);
            double right = ShadowModel.combinedLitFraction(g, a + h);
            double mean = FastMath.min(1.0, FastMath.max(0.0, (left + 4 * mid + right) / 6));
            out.add(new SunlightSegment(h, mean, sunDistanceAu(g, a + h / 2)));
            left = right;
        }
    }

    private static double sunDistanceAu(ShadowGeometry g, double tt) {
        return g.sun(tt).subtract(g.station(tt)).getNorm() / AU_M;
    }
}
