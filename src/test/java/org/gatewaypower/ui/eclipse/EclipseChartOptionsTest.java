package org.gatewaypower.ui.eclipse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.gatewaypower.analysis.EclipseService;
import org.gatewaypower.physics.eclipse.Occulter;

/** The eclipse page's charts show the computed passes and scan in the units their axes name. */
class EclipseChartOptionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant FROM = Instant.parse("2027-01-01T00:00:00Z");
    private static final Instant TO = FROM.plusSeconds(86_400);

    /** An Earth eclipse with an umbra and a penumbral Moon eclipse, both inside the span. */
    private static final EclipseService.Eclipse EARTH = new EclipseService.Eclipse(Occulter.EARTH,
            FROM.plusSeconds(3_600), FROM.plusSeconds(9_000), FROM.plusSeconds(4_000), FROM.plusSeconds(8_000),
            5_400, 0.0, 5_000, false, false);
    private static final EclipseService.Eclipse MOON = new EclipseService.Eclipse(Occulter.MOON,
            FROM.plusSeconds(40_000), FROM.plusSeconds(41_200), null, null, 1_200, 0.4567, 500, false, false);
    private static final EclipseService.Catalogue CATALOGUE = new EclipseService.Catalogue(
            new EclipseService.OrbitCase(FROM, FROM, TO), List.of(EARTH, MOON), List.of(), EARTH);

    @Test
    void lit_fraction_is_in_percent_against_utc_milliseconds_over_the_span() {
        List<EclipseService.TrajectoryPoint> points = List.of(point(0, 1.0), point(43_200, 0.123456),
                point(86_400, 1.0));

        JsonNode option = JSON.readTree(EclipseChartOptions.litOption(CATALOGUE, points));

        assertThat(option.get("useUTC").asBoolean()).isTrue();
        assertThat(option.get("xAxis").get("type").asString()).isEqualTo("time");
        assertThat(option.get("xAxis").get("min").asLong()).isEqualTo(FROM.toEpochMilli());
        assertThat(option.get("xAxis").get("max").asLong()).isEqualTo(TO.toEpochMilli());
        assertThat(option.get("yAxis").get("name").asString()).isEqualTo("Lit %");
        assertThat(option.get("yAxis").get("max").asInt()).isEqualTo(100);
        assertThat(names(option)).containsExactly("Lit fraction", "Earth shadow", "Moon shadow");
        JsonNode lit = option.get("series").get(0).get("data");
        // The samples, plus the Earth pass's penumbra (100 %) and umbra (0 %) contacts and the Moon pass's
        // penumbra contacts, in time order.
        assertThat(pairs(lit)).containsExactly(
                pair(0, 100), pair(3_600, 100), pair(4_000, 0), pair(8_000, 0), pair(9_000, 100),
                pair(40_000, 100), pair(41_200, 100), pair(43_200, 12.35), pair(86_400, 100));
    }

    @Test
    void each_body_marks_its_passes_at_their_middle_and_shades_them() {
        JsonNode option = JSON.readTree(EclipseChartOptions.litOption(CATALOGUE, List.of()));

        JsonNode earth = option.get("series").get(1);
        assertThat(earth.get("data")).hasSize(1);
        assertThat(earth.get("data").get(0).get("name").asString()).isEqualTo("90.0 min");
        assertThat(pair(earth.get("data").get(0).get("value"))).isEqualTo(pair(6_300, 0));
        JsonNode area = earth.get("markArea").get("data").get(0);
        assertThat(area.get(0).get("xAxis").asLong()).isEqualTo(EARTH.start().toEpochMilli());
        assertThat(area.get(1).get("xAxis").asLong()).isEqualTo(EARTH.end().toEpochMilli());

        JsonNode moon = option.get("series").get(2);
        assertThat(moon.get("data").get(0).get("name").asString()).isEqualTo("20.0 min");
        assertThat(pair(moon.get("data").get(0).get("value"))).isEqualTo(pair(40_600, 45.67));
    }

    @Test
    void a_contact_inside_the_other_bodys_shadow_is_not_drawn_at_full_sun() {
        EclipseService.Eclipse moonInside = new EclipseService.Eclipse(Occulter.MOON, FROM.plusSeconds(5_000),
                FROM.plusSeconds(10_000), null, null, 5_000, 0.2, 1_000, false, false);
        EclipseService.Catalogue cat = new EclipseService.Catalogue(new EclipseService.OrbitCase(FROM, FROM, TO),
                List.of(EARTH, moonInside), List.of(), EARTH);

        JsonNode lit = JSON.readTree(EclipseChartOptions.litOption(cat, List.of())).get("series").get(0).get("data");

        assertThat(pairs(lit)).doesNotContain(pair(5_000, 100), pair(9_000, 100)).contains(pair(10_000, 100));
    }

    @Test
    void phase_scan_shows_shadow_hours_as_bars_and_the_longest_eclipse_in_minutes_on_a_second_axis() {
        EclipseService.PhasePoint first = new EclipseService.PhasePoint(FROM, 0, 2.34567, 71.234, 3);
        EclipseService.PhasePoint second = new EclipseService.PhasePoint(FROM.plusSeconds(5_400), 1.5, 0.5, 40.0, 1);

        JsonNode option = JSON.readTree(EclipseChartOptions.phaseOption(List.of(first, second), second));

        assertThat(option.get("xAxis").get("name").asString()).isEqualTo("Perilune offset (h)");
        assertThat(texts(option.get("xAxis").get("data"))).containsExactly("0.0", "1.5");
        assertThat(texts(option.get("yAxis"), "name")).containsExactly("Earth shadow (h)", "Longest eclipse (min)");
        assertThat(names(option)).containsExactly("Earth shadow (h)", "Longest eclipse (min)");
        JsonNode bars = option.get("series").get(0).get("data");
        assertThat(bars.get(0).get("value").asDouble()).isEqualTo(2.346);
        assertThat(bars.get(1).get("value").asDouble()).isEqualTo(0.5);
        assertThat(bars.get(0).has("itemStyle")).isFalse();
        assertThat(bars.get(1).has("itemStyle")).isTrue();
        JsonNode line = option.get("series").get(1);
        assertThat(line.get("yAxisIndex").asInt()).isEqualTo(1);
        assertThat(line.get("data").get(0).asDouble()).isEqualTo(71.23);
        assertThat(line.get("data").get(1).asDouble()).isEqualTo(40.0);
        assertThat(line.get("markLine").get("data").get(0).get("xAxis").asString()).isEqualTo("1.5");
    }

    @Test
    void a_scan_without_a_best_phase_has_no_best_marker() {
        EclipseService.PhasePoint only = new EclipseService.PhasePoint(FROM, 0, 1, 10, 1);

        JsonNode option = JSON.readTree(EclipseChartOptions.phaseOption(List.of(only), null));

        assertThat(option.get("series").get(1).has("markLine")).isFalse();
    }

    private static EclipseService.TrajectoryPoint point(long seconds, double lit) {
        return new EclipseService.TrajectoryPoint(FROM.plusSeconds(seconds), 0, 0, 0, lit);
    }

    /** A chart point: UTC milliseconds and a value. */
    private record Pair(long t, double value) {
    }

    private static Pair pair(long seconds, double value) {
        return new Pair(FROM.plusSeconds(seconds).toEpochMilli(), value);
    }

    private static Pair pair(JsonNode xy) {
        return new Pair(xy.get(0).asLong(), xy.get(1).asDouble());
    }

    private static List<Pair> pairs(JsonNode data) {
        List<Pair> out = new ArrayList<>();
        data.forEach(p -> out.add(pair(p)));
        return out;
    }

    private static List<String> names(JsonNode option) {
        return texts(option.get("series"), "name");
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get(field).asString()));
        return out;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }
}
