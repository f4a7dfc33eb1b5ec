package org.gatewaypower.physics.eclipse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.gatewaypower.physics.energy.SunlightSegment;
import org.gatewaypower.physics.energy.SunlightTimeline;
import org.junit.jupiter.api.Test;

class CatalogueTest {

    @Test
    void statistics_count_rate_median_and_totals_by_body() {
        // Moon passes of 30, 50 and 70 min (umbra 20, 40 and none), one Earth pass of 4 h, over half a year,
        // and a Moon pass cut by the span end after 10 min: counted, but not a pass duration.
        List<EclipseEvent> events = List.of(
                new EclipseEvent(Occulter.MOON, 0, 1800, new EclipseEvent.Window(300, 1500), 0, 1500, false, false),
                new EclipseEvent(Occulter.MOON, 10_000, 13_000, new EclipseEvent.Window(10_100, 12_500), 0, 2700,
                        false, false),
                new EclipseEvent(Occulter.MOON, 20_000, 24_200, null, 0.3, 1500, false, false),
                new EclipseEvent(Occulter.EARTH, 50_000, 64_400, null, 0.1, 5000, false, false),
                new EclipseEvent(Occulter.MOON, 90_000, 90_600, null, 0.6, 100, false, true));
        double halfYear = EclipseStatistics.JULIAN_YEAR_S / 2;

        EclipseStatistics moon = EclipseStatistics.of(Occulter.MOON, events, halfYear);
        assertThat(moon.count()).isEqualTo(4);
        assertThat(moon.countPerYear()).isCloseTo(8.0, within(1e-12));
        assertThat(moon.minDurationS()).isEqualTo(1800);
        assertThat(moon.medianDurationS()).isEqualTo(3000);
        assertThat(moon.maxDurationS()).isEqualTo(4200);
        assertThat(moon.totalShadowS()).isEqualTo(9600);
        assertThat(moon.totalUmbraS()).isEqualTo(1200 + 2400);
        assertThat(EclipseStatistics.of(Occulter.EARTH, events, halfYear).maxDurationS()).isEqualTo(14_400);
    }

    @Test
    void illumination_timeline_keeps_the_lit_energy_of_a_real_shadow_pass() {
        SyntheticGeometry geo = new SyntheticGeometry(42_164_000, 86_164.1, Math.toRadians(2.0));
        double start = 0.25 * 86_164.1;
        double end = 1.25 * 86_164.1;
        List<EclipseEvent> events = EclipseFinder.calibrated(geo, 0, 86_164.1, 30).find(start, end);
        SunlightTimeline timeline = IlluminationTimeline.of(geo, events, start, end, 60, 6 * 3600);

        assertThat(timeline.durationS()).isCloseTo(end - start, within(1e-6));
        double litSeconds = timeline.segments().stream()
                .mapToDouble(s -> s.durationS() * s.litFraction()).sum();
        // Reference: ν = 1 outside the pass; over the pass a 0.05-s midpoint sum.
        EclipseEvent pass = events.get(0);
        double reference = (end - start) - pass.durationS();
        for (double t = pass.startTt(); t < pass.endTt(); t += 0.05) {
            double h = Math.min(0.05, pass.endTt() - t);
            reference += h * ShadowModel.combinedLitFraction(geo, t + h / 2);
        }
        // Segments cut at every contact with ν averaged by Gauss–Legendre inside each: the lit energy is
        // kept to well under a millisecond of full sunlight (the old 60-s Simpson segments straddling the
        // contacts were off by 0.55 s).
        assertThat(events).hasSize(1);
        assertThat(litSeconds).isCloseTo(reference, within(1e-3));
        assertThat(timeline.segments()).allMatch(s -> s.sunDistanceAu() > 0.99 && s.sunDistanceAu() < 1.01);
        assertThat(timeline.segments().stream().filter(SunlightSegment::inShadow).count()).isGreaterThan(60);
    }
}
