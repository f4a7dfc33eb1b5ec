package org.gatewaypower.ui.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.gatewaypower.baseline.Baselines;
import org.gatewaypower.baseline.Comparison;

/** The comparison's state-of-charge chart and its changes table show what the comparison holds. */
class BaselineChartOptionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void both_runs_state_of_charge_is_drawn_in_percent_against_hours() {
        Comparison c = comparison(List.of(),
                List.of(new Baselines.SocPoint(0, 0.9), new Baselines.SocPoint(5_400, 0.712345)),
                List.of(new Baselines.SocPoint(0, 0.9), new Baselines.SocPoint(1_234.5, 0.5)));

        JsonNode option = JSON.readTree(BaselineChartOptions.socOption(c));

        assertThat(option.get("xAxis").get("name").asString()).isEqualTo("h");
        assertThat(option.get("yAxis").get("name").asString()).isEqualTo("SOC %");
        assertThat(option.get("yAxis").get("max").asInt()).isEqualTo(100);
        JsonNode series = option.get("series");
        assertThat(series).hasSize(2);
        assertThat(series.get(0).get("name").asString()).isEqualTo("A: Baseline PDR");
        assertThat(series.get(1).get("name").asString()).isEqualTo("B: Current");
        JsonNode a = series.get(0).get("data");
        assertThat(a).hasSize(2);
        assertThat(a.get(1).get(0).asDouble()).isEqualTo(1.5);
        assertThat(a.get(1).get(1).asDouble()).isEqualTo(71.23);
        JsonNode b = series.get(1).get("data");
        assertThat(b.get(1).get(0).asDouble()).isEqualTo(0.343);
        assertThat(b.get(1).get(1).asDouble()).isEqualTo(50.0);
    }

    @Test
    void a_changed_item_gives_one_row_per_field_and_an_added_or_removed_item_one_row() {
        Comparison c = comparison(List.of(
                new Comparison.ItemChange("load", "load:1", "HALO · Avionics", Comparison.ChangeType.CHANGED,
                        List.of(new Comparison.FieldChange("Operating power", Baselines.W, 1_000.0, 1_500.0, null,
                                        null),
                                new Comparison.FieldChange("Name", "", null, null, "Avionics", "Avionics A"))),
                new Comparison.ItemChange("battery", "battery:2", "HALO battery", Comparison.ChangeType.ADDED,
                        List.of()),
                new Comparison.ItemChange("mode", "mode:3", "Docking", Comparison.ChangeType.REMOVED, List.of())),
                List.of(), List.of());

        assertThat(ComparisonPanel.rows(c)).containsExactly(
                new ComparisonPanel.ChangeRow("load", "HALO · Avionics", "changed", "Operating power", "1.00 kW",
                        "1.50 kW"),
                new ComparisonPanel.ChangeRow("load", "HALO · Avionics", "changed", "Name", "Avionics",
                        "Avionics A"),
                new ComparisonPanel.ChangeRow("battery", "HALO battery", "added", "", "—", "present"),
                new ComparisonPanel.ChangeRow("mode", "Docking", "removed", "", "present", "—"));
    }

    private static Comparison comparison(List<Comparison.ItemChange> changes, List<Baselines.SocPoint> socA,
                                         List<Baselines.SocPoint> socB) {
        return new Comparison("Baseline PDR", "Current", changes, List.of(), List.of(), socA, socB, List.of());
    }
}
