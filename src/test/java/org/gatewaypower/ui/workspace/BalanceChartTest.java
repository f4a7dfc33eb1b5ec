package org.gatewaypower.ui.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.gatewaypower.SpringTestBase;
import org.gatewaypower.analysis.BalanceReport;
import org.gatewaypower.analysis.BalanceService;
import org.gatewaypower.workspace.ReadModels;
import org.gatewaypower.workspace.WorkspaceService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The power chart tells the truth: its stacked shares add up to the load line, every series names its unit. */
class BalanceChartTest extends SpringTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    WorkspaceService workspaces;

    @Autowired
    BalanceService balances;

    private ReadModels.WorkspaceSnapshot demo() {
        return org.gatewaypower.workspace.TestWorkspaces.demo(workspaces);
    }

    private static JsonNode series(JsonNode option, String name) {
        for (JsonNode s : option.get("series")) {
            if (s.get("name").asString().equals(name)) {
                return s;
            }
        }
        throw new AssertionError("no series " + name);
    }

    /** The value each series holds from each instant on: the last point drawn at that instant. */
    private static Map<Double, Double> lastAt(JsonNode series) {
        Map<Double, Double> out = new LinkedHashMap<>();
        series.get("data").forEach(p -> out.put(p.get(0).asDouble(), p.get(1).asDouble()));
        return out;
    }

    @Test
    void the_element_shares_stack_up_to_the_planned_load_at_every_instant_in_sunlight_and_in_eclipse() {
        BalanceReport r = balances.balance(demo(), false);
        JsonNode option = JSON.readTree(BalanceChart.option(r));

        Map<Double, Double> load = lastAt(series(option, BalanceChart.LOAD));
        List<Map<Double, Double>> sums = new ArrayList<>();
        for (int i = 0; i < r.elementLoads().size(); i++) {
            sums.add(lastAt(series(option, BalanceChart.cumulativeName(r.elementLoads(), i))));
        }
        assertThat(load).hasSizeGreaterThan(2);
        // the demo's heaters work harder and its deferrable loads are off in eclipse: the load line moves
        assertThat(load.values().stream().distinct().count()).isGreaterThan(1);
        Map<Double, Double> top = sums.get(sums.size() - 1);
        for (Map.Entry<Double, Double> at : load.entrySet()) {
            // the running sum over all elements is the planned load, to the chart's 10-W rounding per element
            assertThat(top.get(at.getKey())).as("at %s h", at.getKey())
                    .isCloseTo(at.getValue(), within(0.01 * sums.size()));
            for (int i = 1; i < sums.size(); i++) {
                assertThat(sums.get(i).get(at.getKey())).isGreaterThanOrEqualTo(sums.get(i - 1).get(at.getKey()));
            }
        }
    }

    @Test
    void every_series_names_its_unit_and_the_design_orbit_runs_in_hours() {
        JsonNode option = JSON.readTree(BalanceChart.option(balances.balance(demo(), false)));

        option.get("series").forEach(s -> assertThat(s.get("name").asString()).matches(".*\\((kW|%|kW, sum)\\)$"));
        assertThat(option.get("xAxis").get("type").asString()).isEqualTo("value");
        assertThat(option.get("xAxis").get("name").asString()).isEqualTo("hours into the run");
        // the tooltip's header names its unit, and the tooltip stays inside the chart
        assertThat(option.get("xAxis").get("axisPointer").get("label").get("formatter").asString())
                .isEqualTo("{value} h into the run");
        assertThat(option.get("tooltip").get("confine").asBoolean()).isTrue();
        // one eclipse on the design orbit: its band is named
        JsonNode bands = series(option, BalanceChart.GENERATION).get("markArea").get("data");
        assertThat(bands).hasSize(1);
        assertThat(bands.get(0).get(0).get("name").asString()).isEqualTo("Eclipse");
        // kW to 10 W, state of charge to 0.1 %
        series(option, BalanceChart.GENERATION).get("data").forEach(p ->
                assertThat(Math.abs(p.get(1).asDouble() * 100 - Math.round(p.get(1).asDouble() * 100))).isLessThan(1e-6));
    }

    @Test
    void an_ephemeris_year_runs_on_calendar_time_with_unnamed_eclipse_bands() {
        ReadModels.WorkspaceSnapshot ws = BalanceService.withSpan(demo(), Instant.parse("2027-02-10T00:00:00Z"), 365);
        BalanceReport r = balances.balance(ws, false);
        JsonNode option = JSON.readTree(BalanceChart.option(r));

        assertThat(r.runStart()).isEqualTo(Instant.parse("2027-02-10T00:00:00Z"));
        assertThat(option.get("xAxis").get("type").asString()).isEqualTo("time");
        assertThat(option.get("xAxis").get("min").asLong()).isEqualTo(r.runStart().toEpochMilli());
        JsonNode bands = series(option, BalanceChart.GENERATION).get("markArea").get("data");
        assertThat(bands.size()).isEqualTo(r.shadows().size()).isGreaterThan(BalanceChart.MAX_NAMED_BANDS);
        bands.forEach(b -> assertThat(b.get(0).has("name")).isFalse());
        assertThat(bands.get(0).get(0).get("xAxis").asDouble())
                .isEqualTo(r.runStart().toEpochMilli() + Math.round(r.shadows().get(0).startS() * 1000), within(1.0));
    }
}
