package org.gatewaypower.physics.eclipse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.gatewaypower.physics.energy.SunlightSegment;
import org.gatewaypower.physics.energy.SunlightTimeline;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The illumination timeline of a synthetic geostationary-like pass behind the Earth (radius 42,164 km,
 * sidereal day, plane tilted 2° to the Sun line): ~68 min of umbra between two ~2-min penumbra stretches.
 */
class IlluminationTimelineTest {

    static final double DAY = 86_164.1;
    static SyntheticGeometry geo;
    static double start;
    static double end;
    static List<EclipseEvent> events;
    static SunlightTimeline timeline;

    @BeforeAll
    static void build() {
        geo = new SyntheticGeometry(42_164_000, DAY, Math.toRadians(2.0));
        start = 0.25 * DAY;
        end = 1.25 * DAY;
        events = EclipseFinder.calibrated(geo, 0, DAY, 30).find(start, end);
        timeline = IlluminationTimeline.of(geo, events, start, end, 60, 6 * 3600);
    }

    /** Segment boundaries (s of TT): start, then the cumulative sums of the durations. */
    static List<Double> boundaries() {
        List<Double> b = new ArrayList<>();
        double t = start;
        b.add(t);
        for (SunlightSegment s : timeline.segments()) {
            t += s.durationS();
            b.add(t);
        }
        return b;
    }

    @Test
    void one_pass_with_umbra_is_found() {
        assertThat(events).hasSize(1);
        assertThat(events.get(0).umbra()).isNotNull();
        assertThat(timeline.durationS()).isCloseTo(end - start, within(1e-6));
    }

    @Test
    void every_penumbra_and_umbra_contact_is_a_segment_boundary() {
        EclipseEvent e = events.get(0);
        List<Double> b = boundaries();
        for (double contact : new double[] {e.startTt(), e.umbra().startTt(), e.umbra().endTt(), e.endTt()}) {
            // Cumulative sums of ~100 durations of a day's span: rounding stays below 1e-9 s.
            double nearest = b.stream().min((x, y) -> Double.compare(Math.abs(x - contact), Math.abs(y - contact)))
                    .orElseThrow();
            assertThat(nearest).as("boundary at contact %s", contact).isCloseTo(contact, within(1e-6));
        }
    }

    @Test
    void umbra_is_one_segment_of_lit_fraction_exactly_zero() {
        EclipseEvent.Window u = events.get(0).umbra();
        List<Double> b = boundaries();
        List<SunlightSegment> dark = new ArrayList<>();
        for (int i = 0; i < timeline.segments().size(); i++) {
            double mid = 0.5 * (b.get(i) + b.get(i + 1));
            SunlightSegment s = timeline.segments().get(i);
            if (mid > u.startTt() && mid < u.endTt()) {
                dark.add(s);
            } else {
                assertThat(s.litFraction()).isGreaterThan(0.0);
            }
        }
        assertThat(dark).hasSize(1);
        assertThat(dark.get(0).litFraction()).isEqualTo(0.0);
        assertThat(dark.get(0).durationS()).isCloseTo(u.durationS(), within(1e-6));
    }

    @Test
    void each_penumbra_segment_carries_the_time_average_of_the_exact_lit_fraction() {
        List<Double> b = boundaries();
        int penumbra = 0;
        for (int i = 0; i < timeline.segments().size(); i++) {
            SunlightSegment s = timeline.segments().get(i);
            if (s.litFraction() == 0.0 || s.litFraction() == 1.0) {
                continue;
            }
            penumbra++;
            double a = b.get(i);
            double h = s.durationS();
            // Reference mean: 2,000-point midpoint rule over the segment.
            int n = 2000;
            double sum = 0;
            for (int k = 0; k < n; k++) {
                sum += ShadowModel.combinedLitFraction(geo, a + (k + 0.5) * h / n);
            }
            assertThat(s.litFraction()).as("segment at %s", a).isCloseTo(sum / n, within(1e-5));
            // The lit fraction changes by at most MAX_LIT_CHANGE across the segment (ends and midpoint).
            double l0 = ShadowModel.combinedLitFraction(geo, a);
            double l1 = ShadowModel.combinedLitFraction(geo, a + h);
            assertThat(Math.abs(l1 - l0)).isLessThanOrEqualTo(IlluminationTimeline.MAX_LIT_CHANGE + 1e-9);
            assertThat(h).isLessThanOrEqualTo(60 + 1e-9);
        }
        // Two ~2-min penumbra stretches, each cut so that ν changes by ≤ 0.02: at least 2 × 50 segments.
        assertThat(penumbra).isGreaterThanOrEqualTo(100);
    }
}
