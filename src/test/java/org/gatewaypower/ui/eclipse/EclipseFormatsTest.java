package org.gatewaypower.ui.eclipse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.gatewaypower.analysis.EclipseService;
import org.gatewaypower.physics.eclipse.Occulter;

/** The catalogue's CSV, the best phase of a scan and how the page writes it. */
class EclipseFormatsTest {

    private static final Instant FROM = Instant.parse("2027-01-01T00:00:00Z");

    @Test
    void csv_has_one_line_per_eclipse_with_millisecond_utc_instants_and_empty_umbra_times_when_penumbral() {
        EclipseService.Eclipse earth = new EclipseService.Eclipse(Occulter.EARTH, FROM.plusMillis(1_234_567),
                FROM.plusSeconds(9_000), FROM.plusSeconds(4_000), FROM.plusSeconds(8_000), 5_400.1234, 0.0,
                5_000, false, false);
        EclipseService.Eclipse moon = new EclipseService.Eclipse(Occulter.MOON, FROM.plusSeconds(40_000),
                FROM.plusSeconds(41_200), null, null, 1_200, 0.4567891, 500, false, false);
        EclipseService.Catalogue cat = new EclipseService.Catalogue(new EclipseService.OrbitCase(FROM, FROM,
                FROM.plusSeconds(86_400)), List.of(earth, moon), List.of(), earth);

        String csv = new String(EclipseFormats.csv(cat), StandardCharsets.UTF_8);

        assertThat(csv.split("\n")).containsExactly(EclipseFormats.CSV_HEADER,
                "EARTH,2027-01-01T00:20:34.567Z,2027-01-01T02:30:00Z,2027-01-01T01:06:40Z,2027-01-01T02:13:20Z,"
                        + "5400.123,0.000000",
                "MOON,2027-01-01T11:06:40Z,2027-01-01T11:26:40Z,,,1200.000,0.456789");
    }

    @Test
    void the_best_phase_spends_least_time_in_earth_shadow_as_shown_then_has_the_shortest_longest_eclipse() {
        EclipseService.PhasePoint entered = new EclipseService.PhasePoint(FROM, 0, 1.004, 60, 2);
        EclipseService.PhasePoint shorter = new EclipseService.PhasePoint(FROM.plusSeconds(3_600), 1, 1.001, 50, 1);
        EclipseService.PhasePoint more = new EclipseService.PhasePoint(FROM.plusSeconds(7_200), 2, 1.02, 10, 1);

        assertThat(PhaseScanPanel.best(List.of(entered, shorter, more))).isSameAs(shorter);
        assertThat(PhaseScanPanel.best(List.of())).isNull();
        assertThat(PhaseScanPanel.bestText(shorter)).isEqualTo("Best phase: offset +1.00 h → perilune epoch "
                + "2027-01-01T01:00:00Z: 1.00 h in Earth shadow, longest eclipse 50.0 min, 1 eclipse.");
        assertThat(PhaseScanPanel.bestText(entered)).contains("offset +0.00 h (the phase entered)")
                .endsWith("2 eclipses.");
        assertThat(PhaseScanPanel.bestText(null)).isEmpty();
    }

    @Test
    void span_end_is_left_for_the_service_to_judge_and_an_absurd_span_does_not_overflow() {
        assertThat(EclipseControls.spanEnd(FROM, 1.5)).isEqualTo(FROM.plusSeconds(129_600));
        assertThat(EclipseControls.spanEnd(null, 1.0)).isNull();
        assertThat(EclipseControls.spanEnd(FROM, null)).isNull();
        assertThat(EclipseControls.spanEnd(FROM, 1e300)).isEqualTo(FROM.plusMillis(86_400_000L * 1_000_000));
    }

    @Test
    void whole_numbers_are_written_without_decimals_and_counts_with_their_plural() {
        assertThat(EclipseFormats.trim(30)).isEqualTo("30");
        assertThat(EclipseFormats.trim(30.456)).isEqualTo("30.46");
        assertThat(EclipseFormats.count(1, "eclipse")).isEqualTo("1 eclipse");
        assertThat(EclipseFormats.count(0, "eclipse")).isEqualTo("0 eclipses");
        assertThat(EclipseFormats.iso(FROM.plusMillis(1_999))).isEqualTo("2027-01-01T00:00:01Z");
    }
}
