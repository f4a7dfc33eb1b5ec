package org.gatewaypower.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.gatewaypower.api.ProblemAssertions.fields;

import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

import org.gatewaypower.SpringTestBase;
import org.gatewaypower.analysis.BalanceReport;
import org.gatewaypower.analysis.BalanceService;
import org.gatewaypower.workspace.EquipmentService;
import org.gatewaypower.workspace.History;
import org.gatewaypower.workspace.HistoryService;
import org.gatewaypower.workspace.InvalidInputException;
import org.gatewaypower.workspace.TestWorkspaces;
import org.gatewaypower.workspace.TestWorkspaces.Fixture;
import org.gatewaypower.workspace.ReadModels;
import org.gatewaypower.workspace.WorkspaceService;
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
 * A load's duty cycle in eclipse, saved through the service and the REST API, refused outside [0, 1] with the
 * field named, recorded in the history, and seen by the energy balance.
 */
class ShadowDutyApiTest extends SpringTestBase {

    private static final String BASE = "/api/v1/workspaces";

    @Autowired
    WorkspaceService service;

    @Autowired
    TestWorkspaces fixtures;

    @Autowired
    EquipmentService equipment;

    @Autowired
    HistoryService history;

    @Autowired
    BalanceService balances;

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ObjectMapper mapper;

    @Test
    void the_service_saves_a_duty_in_eclipse_that_the_balance_draws_through_the_whole_eclipse() {
        Fixture f = fixtures.create("Shadow duty service", 1);
        long loadId = f.loadIds().get(0);
        ReadModels.LoadItem before = equipment.load(loadId);
        assertThat(before.shadowDuty()).isNull();
        BalanceReport sameInShadow = balances.balance(f.workspaceId());

        ReadModels.LoadItem saved = equipment.updateLoad(loadId, before.version(),
                TestWorkspaces.withShadowDuty(TestWorkspaces.draft(before), 0.9), "nasa");

        assertThat(saved.shadowDuty()).isEqualTo(0.9);
        assertThat(equipment.load(loadId).shadowDuty()).isEqualTo(0.9);
        // It applies where the item works (duty 0.5 in the active mode); the unset mode stays at its duty 0.
        assertThat(saved.shadowDuty(f.activeModeId())).isEqualTo(0.9);
        assertThat(saved.duty(f.activeModeId())).isEqualTo(0.5);
        List<History.Entry> entries = history.loadHistory(loadId);
        assertThat(entries.get(0).changes()).anySatisfy(c -> {
            assertThat(c.field()).isEqualTo("shadowDuty");
            assertThat(c.label()).isEqualTo("Duty cycle in eclipse");
            assertThat(c.oldValue()).isNull();
            assertThat(c.newValue()).isEqualTo(0.9);
        });

        // The fixture's load: 2 units, standby 50 W, operating 500 W, modified design (+10 %), on a 90-min design
        // eclipse at the start of the orbit with a full battery, η_d = 0.95.
        // Duty 0.5 (the same in shadow): 2 × (50 × 0.5 + 500 × 0.5) × 1.1 = 605 W → 605 × 1.5 h / 0.95 = 955.263 Wh.
        // Duty 0.9 in shadow: 2 × (50 × 0.1 + 500 × 0.9) × 1.1 = 1,001 W → 1,001 × 1.5 / 0.95 = 1,580.526 Wh.
        BalanceReport heater = balances.balance(f.workspaceId());
        assertThat(sameInShadow.battery().eclipseEnergyDrawnJ() / 3600).isCloseTo(605 * 1.5 / 0.95, within(1e-6));
        assertThat(heater.battery().eclipseEnergyDrawnJ() / 3600).isCloseTo(1_001 * 1.5 / 0.95, within(1e-6));
        assertThat(heater.battery().eclipseEnergyDrawnJ() / 3600).isCloseTo(1_580.526, within(1e-3));
        // The heavier eclipse load lowers the sustainable power: a watt in eclipse costs 1/(η_c·η_d) at the arrays.
        assertThat(heater.sustainableLoadW()).isLessThan(sameInShadow.sustainableLoadW());
        assertThat(heater.powerMargin()).isLessThan(sameInShadow.powerMargin());

        // Cleared again: the same as in sunlight.
        ReadModels.LoadItem cleared = equipment.updateLoad(loadId, saved.version(),
                TestWorkspaces.withShadowDuty(TestWorkspaces.draft(saved), null), "nasa");
        assertThat(cleared.shadowDuty()).isNull();
        assertThat(cleared.shadowDuty(f.activeModeId())).isEqualTo(0.5);
    }

    @Test
    void the_service_refuses_a_duty_in_eclipse_above_one_naming_the_field_and_the_rule() {
        Fixture f = fixtures.create("Shadow duty refused", 1);
        ReadModels.LoadItem before = equipment.load(f.loadIds().get(0));

        assertThatThrownBy(() -> equipment.updateLoad(before.id(), before.version(),
                TestWorkspaces.withShadowDuty(TestWorkspaces.draft(before), 1.5), "nasa"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .singleElement().satisfies(v -> {
                            assertThat(v.field()).isEqualTo("shadowDuty");
                            assertThat(v.message()).isEqualTo(
                                    "Duty cycle in eclipse must be between 0 and 1 (0 % to 100 %) (was 1.5)");
                        }));
        assertThat(equipment.load(before.id())).isEqualTo(before);
    }

    @Test
    void the_api_saves_reads_and_clears_a_duty_in_eclipse_and_refuses_one_point_five_with_a_problem() throws Exception {
        Fixture f = fixtures.create("Shadow duty API", 1);
        long loadId = f.loadIds().get(0);
        JsonNode read = get(f.workspaceId(), loadId);
        assertThat(read.has("shadowDuty")).isTrue();
        assertThat(read.get("shadowDuty").isNull()).isTrue();

        ObjectNode body = (ObjectNode) read.deepCopy();
        body.put("shadowDuty", 0.75);
        ResponseEntity<String> ok = put(f.workspaceId(), loadId, body.toString());
        assertThat(ok.getStatusCode()).as(ok.getBody()).isEqualTo(HttpStatus.OK);
        JsonNode saved = mapper.readTree(ok.getBody());
        assertThat(saved.get("shadowDuty").asDouble()).isEqualTo(0.75);
        assertThat(get(f.workspaceId(), loadId).get("shadowDuty").asDouble()).isEqualTo(0.75);

        ObjectNode tooMuch = (ObjectNode) saved.deepCopy();
        tooMuch.put("shadowDuty", 1.5);
        JsonNode problem = ProblemAssertions.problem(mapper, put(f.workspaceId(), loadId, tooMuch.toString()),
                HttpStatus.BAD_REQUEST);
        assertThat(fields(problem)).containsExactly("shadowDuty");
        assertThat(problem.get("errors").get(0).get("message").asString())
                .isEqualTo("Duty cycle in eclipse must be between 0 and 1 (0 % to 100 %) (was 1.5)");
        // Nothing changed: the stored duty and the version are those saved before the refusal.
        JsonNode after = get(f.workspaceId(), loadId);
        assertThat(after.get("shadowDuty").asDouble()).isEqualTo(0.75);
        assertThat(after.get("version").asLong()).isEqualTo(saved.get("version").asLong());

        // A client that leaves the field out (or sends null) means "the same as in sunlight".
        ObjectNode without = (ObjectNode) saved.deepCopy();
        without.remove("shadowDuty");
        ResponseEntity<String> cleared = put(f.workspaceId(), loadId, without.toString());
        assertThat(cleared.getStatusCode()).as(cleared.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(mapper.readTree(cleared.getBody()).get("shadowDuty").isNull()).isTrue();
    }

    private JsonNode get(long workspaceId, long loadId) throws Exception {
        ResponseEntity<String> r = rest.withBasicAuth("nasa", "gateway")
                .getForEntity(BASE + "/" + workspaceId + "/loads/" + loadId, String.class);
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.OK);
        return mapper.readTree(r.getBody());
    }

    private ResponseEntity<String> put(long workspaceId, long loadId, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        return rest.withBasicAuth("nasa", "gateway").exchange(BASE + "/" + workspaceId + "/loads/" + loadId,
                HttpMethod.PUT, new HttpEntity<>(body, headers), String.class);
    }
}
