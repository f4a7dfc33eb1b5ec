package org.gatewaypower.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

import org.gatewaypower.SpringTestBase;
import org.gatewaypower.workspace.BudgetField;
import org.gatewaypower.workspace.TestWorkspaces;
import org.gatewaypower.workspace.TestWorkspaces.Fixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The API's problem bodies word a refused value with the field catalogue ({@link BudgetField}): its label, its
 * unit and its range, the same words the forms and the grid use.
 */
class FieldMessagesApiTest extends SpringTestBase {

    private static final String BASE = "/api/v1/workspaces";
    private static final List<String> LOAD_FIELDS = List.of("elementId", "name", "subsystem", "bus", "quantity",
            "standbyPowerW", "operatingPowerW", "peakPowerW", "dutyByMode", "maturity", "priority");

    @Autowired
    TestWorkspaces fixtures;

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ObjectMapper mapper;

    @Test
    void an_operating_power_above_the_catalogue_maximum_is_refused_with_its_label_unit_and_limit() throws Exception {
        JsonNode problem = refusedLoadEdit("API catalogue power", "operatingPowerW", 2.0e6);

        BudgetField f = BudgetField.OPERATING_POWER;
        assertThat(f.max()).isEqualTo(1.0e6);
        assertThat(onlyMessage(problem, f.field()))
                .isEqualTo("Operating power must be at most 1000000 W (was 2000000)")
                .startsWith(f.label()).contains(" " + f.unit() + " ");
    }

    @Test
    void a_quantity_below_the_catalogue_minimum_is_refused_with_the_catalogue_range() throws Exception {
        JsonNode problem = refusedLoadEdit("API catalogue quantity", "quantity", 0);

        BudgetField f = BudgetField.QUANTITY;
        assertThat(onlyMessage(problem, f.field()))
                .isEqualTo("Quantity must be a whole number between 1 and 10000 (was 0)")
                .startsWith(f.label());
    }

    @Test
    void a_negative_standby_power_is_refused_naming_the_catalogue_label_and_unit() throws Exception {
        JsonNode problem = refusedLoadEdit("API catalogue standby", "standbyPowerW", -3);

        assertThat(onlyMessage(problem, BudgetField.STANDBY_POWER.field()))
                .isEqualTo("Standby power must not be negative (was -3 W)");
    }

    /** PUTs the fixture's load with one field changed, expects 400 and that nothing was saved. */
    private JsonNode refusedLoadEdit(String workspace, String field, double value) throws Exception {
        Fixture f = fixtures.create(workspace, 1);
        long loadId = f.loadIds().get(0);
        JsonNode read = load(f.workspaceId(), loadId);
        ObjectNode body = mapper.createObjectNode();
        body.set("version", read.get("version"));
        LOAD_FIELDS.forEach(name -> body.set(name, read.get(name)));
        if (value == Math.rint(value)) {
            body.put(field, (long) value);
        } else {
            body.put(field, value);
        }
        ResponseEntity<String> response = nasa().exchange(BASE + "/" + f.workspaceId() + "/loads/" + loadId,
                HttpMethod.PUT, json(body.toString()), String.class);
        JsonNode problem = ProblemAssertions.problem(mapper, response, HttpStatus.BAD_REQUEST);
        assertThat(load(f.workspaceId(), loadId)).isEqualTo(read);
        return problem;
    }

    private static String onlyMessage(JsonNode problem, String field) {
        assertThat(problem.get("errors")).hasSize(1);
        JsonNode error = problem.get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo(field);
        return error.get("message").asString();
    }

    private TestRestTemplate nasa() {
        return rest.withBasicAuth("nasa", "gateway");
    }

    private JsonNode load(long workspaceId, long loadId) throws Exception {
        ResponseEntity<String> response = nasa().getForEntity(BASE + "/" + workspaceId, String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        for (JsonNode l : mapper.readTree(response.getBody()).get("loads")) {
            if (l.get("id").asLong() == loadId) {
                return l;
            }
        }
        throw new AssertionError("no load " + loadId + " in workspace " + workspaceId);
    }

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        return new HttpEntity<>(body, headers);
    }
}
