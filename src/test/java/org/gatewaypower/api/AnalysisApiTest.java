package org.gatewaypower.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gatewaypower.api.ProblemAssertions.fields;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.gatewaypower.SpringTestBase;
import org.gatewaypower.workspace.AnalysisTimeline;
import org.gatewaypower.workspace.DesignCaseService;
import org.gatewaypower.workspace.Drafts;
import org.gatewaypower.workspace.EquipmentService;
import org.gatewaypower.workspace.TestWorkspaces;
import org.gatewaypower.workspace.TestWorkspaces.Fixture;
import org.gatewaypower.workspace.ReadModels;
import org.gatewaypower.workspace.WorkspaceService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The analysis API over HTTP: a run's figures with a downsampled timeline, beginning and end of life,
 * the full-resolution CSV, validation problems naming the field, and the OpenAPI description.
 */
class AnalysisApiTest extends SpringTestBase {

    private static final String BASE = "/api/v1/workspaces";
    private static final String CSV_HEADER = "time_utc,t_s,lit_fraction,generation_w,load_w,battery_power_w,"
            + "shed_w,unserved_w,state_of_charge";
    /** Percent and fraction values travel as JSON/CSV doubles at full precision. */
    private static final double EXACT = 1e-9;

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ObjectMapper mapper;

    @Autowired
    WorkspaceService service;

    @Autowired
    TestWorkspaces fixtures;

    @Autowired
    EquipmentService equipment;

    @Autowired
    DesignCaseService designCases;

    // ---------------------------------------------------------------- JSON run

    @Test
    void analysis_returns_the_figures_and_a_timeline_whose_lowest_point_is_the_reported_minimum() throws Exception {
        Fixture f = fixtures.create("Analysis API figures", 3);

        JsonNode run = postOk(f.workspaceId(), "{\"life\":\"EOL\",\"maxPoints\":100}");

        assertThat(run.get("life").asString()).isEqualTo("EOL");
        assertThat(run.get("arrayAgeYears").asDouble()).isEqualTo(15.0);
        assertThat(run.get("checks").isArray()).isTrue();
        assertThat(run.get("ledger").get("relativeClosureError").asDouble()).isLessThan(1e-9);
        assertTimelineHoldsTheMinimum(run, 100);
        JsonNode first = run.get("timeline").get(0);
        for (String field : List.of("tHours", "litFraction", "generationW", "loadW", "batteryPowerW", "shedW",
                "unservedW", "stateOfChargePercent")) {
            assertThat(first.get(field)).as(field).isNotNull();
            assertThat(first.get(field).isNumber()).as(field + " is a number").isTrue();
        }
        // The design orbit starts at eclipse entry: dark, battery at its initial 100 %.
        assertThat(first.get("tHours").asDouble()).isZero();
        assertThat(first.get("litFraction").asDouble()).isZero();
        assertThat(first.get("stateOfChargePercent").asDouble()).isCloseTo(100.0, within(EXACT));
    }

    @Test
    void analysis_without_a_body_runs_end_of_life_and_matches_the_balance_resource() throws Exception {
        Fixture f = fixtures.create("Analysis API defaults", 2);

        ResponseEntity<String> response = nasa().postForEntity(BASE + "/" + f.workspaceId() + "/analysis",
                new HttpEntity<>(null, jsonHeaders()), String.class);
        JsonNode balance = getJson(BASE + "/" + f.workspaceId() + "/balance");

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        JsonNode run = mapper.readTree(response.getBody());
        assertThat(run.get("life").asString()).isEqualTo("EOL");
        assertThat(run.get("minStateOfChargePercent").asDouble())
                .isCloseTo(balance.get("minStateOfChargePercent").asDouble(), within(EXACT));
        assertThat(run.get("sunlitGenerationW").asDouble())
                .isCloseTo(balance.get("sunlitGenerationW").asDouble(), within(EXACT));
    }

    @Test
    void beginning_of_life_generates_at_least_as_much_as_end_of_life_and_keeps_the_bol_eol_pair() throws Exception {
        Fixture f = fixtures.create("Analysis API life", 3);

        JsonNode bol = postOk(f.workspaceId(), "{\"life\":\"BOL\"}");
        JsonNode eol = postOk(f.workspaceId(), "{\"life\":\"EOL\"}");

        assertThat(bol.get("life").asString()).isEqualTo("BOL");
        assertThat(bol.get("arrayAgeYears").asDouble()).isZero();
        // Fixture array: 20 kW rated, 0.75 %/year, path 0.90: BOL 18 kW at the bus, EOL 18 × (1 − 0.0075)^15.
        assertThat(bol.get("sunlitGenerationW").asDouble()).isGreaterThanOrEqualTo(eol.get("sunlitGenerationW")
                .asDouble());
        assertThat(bol.get("sunlitGenerationW").asDouble()).isCloseTo(18_000, within(1e-6));
        assertThat(bol.get("minStateOfChargePercent").asDouble())
                .isGreaterThanOrEqualTo(eol.get("minStateOfChargePercent").asDouble() - EXACT);
        assertTimelineHoldsTheMinimum(bol, 2_000);
        // The life cases are the standard pair whichever life was run.
        assertThat(bol.get("lifeCases")).isEqualTo(eol.get("lifeCases"));
        assertThat(names(bol.get("lifeCases"), "name")).containsExactly("BOL", "EOL", "Eclipse coverage");
    }

    @Test
    void an_ephemeris_run_is_downsampled_to_max_points_keeping_its_minimum() throws Exception {
        Fixture f = ephemerisFixture("Analysis API ephemeris");

        JsonNode run = postOk(f.workspaceId(), "{\"maxPoints\":100}");

        assertThat(run.get("timelineEventStates").asInt()).as("the full run has more states than asked for")
                .isGreaterThan(100);
        assertTimelineHoldsTheMinimum(run, 100);
    }

    @Test
    void a_span_in_the_request_runs_the_ephemeris_orbit_over_it_without_saving_anything() throws Exception {
        Fixture f = fixtures.create("Analysis API span", 1);
        long versionBefore = service.snapshot(f.workspaceId()).designCase().version();

        JsonNode run = postOk(f.workspaceId(), "{\"spanStart\":\"2027-04-01T00:00:00Z\",\"spanDays\":30}");

        assertThat(run.get("illumination").asString()).contains("NRHO").contains("2027-04-01");
        assertThat(run.get("spanHours").asDouble()).isCloseTo(30 * 24, within(1e-9));
        assertThat(service.snapshot(f.workspaceId()).designCase().version()).isEqualTo(versionBefore);
        assertThat(fields(problem(post(f.workspaceId(), "{\"spanDays\":0}"), HttpStatus.BAD_REQUEST)))
                .containsExactly("spanDays");
    }

    @Test
    void an_unknown_life_is_refused_with_400_naming_life() throws Exception {
        Fixture f = fixtures.create("Analysis API bad life", 1);

        JsonNode problem = problem(post(f.workspaceId(), "{\"life\":\"MOL\"}"), HttpStatus.BAD_REQUEST);

        assertThat(fields(problem)).containsExactly("life");
        assertThat(problem.get("detail").asString()).contains("BOL").contains("EOL");
    }

    @Test
    void max_points_below_100_is_refused_with_400_naming_max_points() throws Exception {
        Fixture f = fixtures.create("Analysis API bad maxPoints", 1);

        JsonNode problem = problem(post(f.workspaceId(), "{\"maxPoints\":5}"), HttpStatus.BAD_REQUEST);

        assertThat(fields(problem)).containsExactly("maxPoints");
        assertThat(problem.get("detail").asString()).contains("100").contains("20000");
    }

    @Test
    void max_points_that_is_not_a_number_is_refused_with_400_naming_max_points() throws Exception {
        Fixture f = fixtures.create("Analysis API maxPoints text", 1);

        JsonNode problem = problem(post(f.workspaceId(), "{\"maxPoints\":\"many\"}"), HttpStatus.BAD_REQUEST);

        assertThat(fields(problem)).containsExactly("maxPoints");
    }

    @Test
    void an_unknown_workspace_is_404_for_the_run_and_for_the_csv() throws Exception {
        problem(post(Long.MAX_VALUE, "{}"), HttpStatus.NOT_FOUND);
        problem(nasa().exchange(BASE + "/" + Long.MAX_VALUE + "/analysis/timeline.csv", org.springframework.http
                .HttpMethod.GET, new HttpEntity<>(csvHeaders()), String.class), HttpStatus.NOT_FOUND);
    }

    // ---------------------------------------------------------------- CSV

    @Test
    void csv_of_the_design_orbit_has_one_row_per_step_starting_at_the_initial_charge() throws Exception {
        Fixture f = fixtures.create("Analysis API CSV", 3);
        ReadModels.DesignCase dc = service.snapshot(f.workspaceId()).designCase();
        JsonNode run = postOk(f.workspaceId(), "{}");

        ResponseEntity<String> response = csv(f.workspaceId(), "?life=EOL&stepSeconds=600");

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.parseMediaType("text/csv")))
                .isTrue();
        String[] lines = response.getBody().split("\n");
        assertThat(lines[0]).isEqualTo(CSV_HEADER);
        double spanS = TestWorkspaces.ORBIT_PERIOD_S;
        assertThat(lines.length - 1).isEqualTo((int) Math.floor(spanS / 600) + 1);
        String[] first = lines[1].split(",");
        assertThat(first).hasSize(9);
        // The design orbit is placed at the analysis span's start: t = 0 is eclipse entry at that instant.
        assertThat(Instant.parse(first[0])).isEqualTo(dc.spanStart());
        assertThat(Double.parseDouble(first[1])).isZero();
        // Fixture battery starts full (initial SOC 1.0).
        assertThat(Double.parseDouble(first[8])).isCloseTo(1.0, within(EXACT));
        assertThat(Double.parseDouble(first[8]))
                .isCloseTo(run.get("timeline").get(0).get("stateOfChargePercent").asDouble() / 100, within(EXACT));
        double minSoc = Double.POSITIVE_INFINITY;
        for (int i = 1; i < lines.length; i++) {
            String[] row = lines[i].split(",");
            assertThat(Double.parseDouble(row[1])).isCloseTo((i - 1) * 600.0, within(EXACT));
            minSoc = Math.min(minSoc, Double.parseDouble(row[8]));
        }
        assertThat(minSoc).isGreaterThanOrEqualTo(run.get("minStateOfChargePercent").asDouble() / 100 - EXACT);
    }

    @Test
    void csv_of_an_ephemeris_run_starts_at_the_span_start_and_never_dips_below_the_reported_minimum()
            throws Exception {
        Fixture f = ephemerisFixture("Analysis API CSV ephemeris");
        JsonNode run = postOk(f.workspaceId(), "{\"life\":\"BOL\"}");

        ResponseEntity<String> response = csv(f.workspaceId(), "?life=BOL&stepSeconds=60");

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        String[] lines = response.getBody().split("\n");
        assertThat(lines.length - 1).isEqualTo(30 * 1440 + 1);
        assertThat(lines[1]).startsWith("2027-10-01T00:00:00Z,0,");
        assertThat(lines[lines.length - 1]).startsWith("2027-10-31T00:00:00Z,2592000,");
        double minSoc = Double.POSITIVE_INFINITY;
        for (int i = 1; i < lines.length; i++) {
            minSoc = Math.min(minSoc, Double.parseDouble(lines[i].substring(lines[i].lastIndexOf(',') + 1)));
        }
        double reported = run.get("minStateOfChargePercent").asDouble() / 100;
        assertThat(minSoc).isGreaterThanOrEqualTo(reported - EXACT);
    }

    @Test
    void csv_step_of_zero_seconds_is_refused_with_400_naming_step_seconds() throws Exception {
        Fixture f = fixtures.create("Analysis API CSV step 0", 1);

        JsonNode problem = problem(csv(f.workspaceId(), "?stepSeconds=0"), HttpStatus.BAD_REQUEST);

        assertThat(fields(problem)).containsExactly("stepSeconds");
    }

    @Test
    void csv_step_giving_more_than_two_million_rows_is_refused_with_400_naming_step_seconds() throws Exception {
        // A 3,000,000-s design orbit at 1-s steps would be 3,000,001 rows, over the 2,000,000 limit.
        Fixture f = fixtures.create("Analysis API CSV too many", 1);
        ReadModels.DesignCase dc = service.snapshot(f.workspaceId()).designCase();
        designCases.updateDesignCase(f.workspaceId(), dc.version(), new Drafts.DesignCaseDraft(dc.activeModeId(),
                3_000_000.0, dc.eclipseDurationS(), dc.arrayAgeYears()), TestWorkspaces.SEEDER);

        JsonNode problem = problem(csv(f.workspaceId(), "?stepSeconds=1"), HttpStatus.BAD_REQUEST);

        assertThat(fields(problem)).containsExactly("stepSeconds");
        assertThat(problem.get("detail").asString()).contains("2000000");
    }

    @Test
    void csv_with_an_unknown_life_is_refused_with_400_naming_life() throws Exception {
        Fixture f = fixtures.create("Analysis API CSV bad life", 1);

        JsonNode problem = problem(csv(f.workspaceId(), "?life=middle"), HttpStatus.BAD_REQUEST);

        assertThat(fields(problem)).containsExactly("life");
    }

    // ---------------------------------------------------------------- OpenAPI

    @Test
    void the_openapi_description_lists_the_analysis_run_and_its_csv() throws Exception {
        ResponseEntity<String> response = rest.getForEntity("/api/v1/openapi", String.class);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        JsonNode paths = mapper.readTree(response.getBody()).get("paths");
        assertThat(paths.has("/api/v1/workspaces/{id}/analysis")).as("paths: %s", names(paths)).isTrue();
        assertThat(paths.get("/api/v1/workspaces/{id}/analysis").has("post")).isTrue();
        assertThat(paths.get("/api/v1/workspaces/{id}/analysis").get("post").get("summary").asString()).isNotBlank();
        assertThat(paths.has("/api/v1/workspaces/{id}/analysis/timeline.csv")).isTrue();
    }

    // ---------------------------------------------------------------- helpers

    /** The timeline is at most {@code maxPoints} long and its lowest SOC is the run's minimum SOC. */
    private static void assertTimelineHoldsTheMinimum(JsonNode run, int maxPoints) {
        JsonNode timeline = run.get("timeline");
        assertThat(timeline.isArray()).isTrue();
        assertThat(timeline.size()).isPositive().isLessThanOrEqualTo(maxPoints);
        double min = Double.POSITIVE_INFINITY;
        double previous = Double.NEGATIVE_INFINITY;
        for (JsonNode p : timeline) {
            min = Math.min(min, p.get("stateOfChargePercent").asDouble());
            assertThat(p.get("tHours").asDouble()).as("time order").isGreaterThanOrEqualTo(previous);
            previous = p.get("tHours").asDouble();
        }
        assertThat(min).isCloseTo(run.get("minStateOfChargePercent").asDouble(), within(EXACT));
    }

    /** A fixture switched to 30 days of the ephemeris orbit from 2027-10-01, which has eclipses. */
    private Fixture ephemerisFixture(String prefix) {
        Fixture f = fixtures.create(prefix, 3);
        ReadModels.DesignCase dc = service.snapshot(f.workspaceId()).designCase();
        designCases.updateDesignCase(f.workspaceId(), dc.version(), new Drafts.DesignCaseDraft(dc.activeModeId(),
                dc.orbitPeriodS(), dc.eclipseDurationS(), dc.arrayAgeYears(), AnalysisTimeline.EPHEMERIS,
                Instant.parse("2027-01-01T00:00:00Z"), Instant.parse("2027-10-01T00:00:00Z"), 30.0),
                TestWorkspaces.SEEDER);
        return f;
    }

    @Test
    void balance_and_analysis_carry_the_overall_verdict_and_name_the_failing_case() throws Exception {
        Fixture f = fixtures.create("Verdict API", 0);
        // 8 kW × 1.05 = 8.4 kW through the 90-min eclipse: 13.26 kWh drawn; EOL keeps 15.50 kWh above the
        // floor, 25 % of strings failed only 11.63 kWh (see BalanceAnalysisTest)
        equipment.createLoad(f.workspaceId(), new Drafts.LoadItemDraft(f.elementId(), "Big load", "Test",
                org.gatewaypower.workspace.Bus.V120, 1, 0.0, 8_000.0, 8_000.0, java.util.Map.of(f.activeModeId(), 1.0),
                org.gatewaypower.physics.load.MaturityClass.OFF_THE_SHELF,
                org.gatewaypower.physics.load.LoadPriority.ESSENTIAL), "nasa");
        ReadModels.DesignCase dc = service.snapshot(f.workspaceId()).designCase();
        designCases.updateDesignCase(f.workspaceId(), dc.version(), new Drafts.DesignCaseDraft(dc.activeModeId(),
                dc.orbitPeriodS(), dc.eclipseDurationS(), dc.arrayAgeYears(), dc.timeline(), dc.periluneEpoch(),
                dc.spanStart(), dc.spanDays(), 0.25, dc.marginPolicy(), dc.transferLimitW()), "nasa");

        for (JsonNode r : List.of(getJson(BASE + "/" + f.workspaceId() + "/balance"),
                postOk(f.workspaceId(), "{\"life\":\"EOL\",\"maxPoints\":100}"),
                postOk(f.workspaceId(), "{\"life\":\"BOL\",\"maxPoints\":100}"))) {
            assertThat(r.get("verdict").asString()).isEqualTo("FAIL");
            assertThat(r.get("allChecksPass").asBoolean()).isFalse();
            // the failed-strings case first; the fixture's battery also fails the mission's long Earth passes
            assertThat(names(r.get("failingCases"), null)).containsExactly("EOL, 25 % of strings failed",
                    "Eclipse coverage");
            assertThat(r.get("failingChecks")).isNotEmpty().allSatisfy(c ->
                    assertThat(c.get("caseName").asString()).isIn("EOL, 25 % of strings failed", "Eclipse coverage"));
            assertThat(r.get("lifeCases").get(1).get("allChecksPass").asBoolean()).isTrue();
            assertThat(r.get("lifeCases").get(2).get("checks")).isNotEmpty();
        }
    }

    private TestRestTemplate nasa() {
        return rest.withBasicAuth("nasa", "gateway");
    }

    private ResponseEntity<String> post(long workspaceId, String body) {
        return nasa().postForEntity(BASE + "/" + workspaceId + "/analysis", new HttpEntity<>(body, jsonHeaders()),
                String.class);
    }

    private JsonNode postOk(long workspaceId, String body) throws Exception {
        ResponseEntity<String> response = post(workspaceId, body);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
        return mapper.readTree(response.getBody());
    }

    private ResponseEntity<String> csv(long workspaceId, String query) {
        return nasa().exchange(BASE + "/" + workspaceId + "/analysis/timeline.csv" + query,
                org.springframework.http.HttpMethod.GET, new HttpEntity<>(csvHeaders()), String.class);
    }

    private JsonNode getJson(String path) throws Exception {
        ResponseEntity<String> response = nasa().getForEntity(path, String.class);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        return mapper.readTree(response.getBody());
    }

    private static HttpHeaders jsonHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        return headers;
    }

    /** What a CSV client sends: it asks for CSV and still gets problems as JSON. */
    private static HttpHeaders csvHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.parseMediaType("text/csv"), MediaType.APPLICATION_PROBLEM_JSON));
        return headers;
    }

    private static List<String> names(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(field == null ? n.asString() : n.get(field).asString()));
        return out;
    }

    private static List<String> names(JsonNode object) {
        List<String> out = new ArrayList<>();
        out.addAll(object.propertyNames());
        return out;
    }

    private JsonNode problem(ResponseEntity<String> response, HttpStatus status) throws Exception {
        return ProblemAssertions.problem(mapper, response, status);
    }
}
