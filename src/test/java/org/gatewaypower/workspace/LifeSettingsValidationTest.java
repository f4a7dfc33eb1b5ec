package org.gatewaypower.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.gatewaypower.SpringTestBase;
import org.gatewaypower.physics.load.MarginPolicy;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Calendar fade, failed strings and transfer limit: rules named, nothing saved when broken. */
class LifeSettingsValidationTest extends SpringTestBase {

    @Autowired
    WorkspaceService service;

    @Autowired
    TestWorkspaces fixtures;

    @Autowired
    EquipmentService equipment;

    @Autowired
    DesignCaseService designCases;

    @Test
    void fade_above_20_percent_a_year_is_refused_naming_the_field_and_the_battery_is_unchanged() {
        TestWorkspaces.Fixture f = fixtures.create("fade", 0);
        ReadModels.Battery before = service.snapshot(f.workspaceId()).batteries().get(0);
        assertThat(before.capacityFadePerYear()).isEqualTo(0.02);
        Drafts.BatteryDraft d = TestWorkspaces.draft(before);
        Drafts.BatteryDraft bad = new Drafts.BatteryDraft(d.name(), d.capacityJ(), d.minStateOfCharge(),
                d.maxStateOfCharge(), d.chargeEfficiency(), d.dischargeEfficiency(), d.maxChargePowerW(),
                d.maxDischargePowerW(), d.initialStateOfCharge(), 0.5);

        assertThatThrownBy(() -> equipment.updateBattery(before.id(), before.version(), bad, "jaxa"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .singleElement().satisfies(v -> {
                            assertThat(v.field()).isEqualTo("capacityFadePerYear");
                            assertThat(v.message()).contains("Capacity fade per year").contains("between 0 and 0.2");
                        }));
        assertThat(service.snapshot(f.workspaceId()).batteries().get(0)).isEqualTo(before);
    }

    @Test
    void an_incidence_beyond_90_degrees_is_refused_and_a_valid_temperature_derating_lowers_generation() {
        TestWorkspaces.Fixture f = fixtures.create("array", 0);
        ReadModels.SolarArray before = service.snapshot(f.workspaceId()).arrays().get(0);
        assertThatThrownBy(() -> equipment.updateArray(before.id(), before.version(), new Drafts.SolarArrayDraft(
                before.name(), before.ratedPowerW(), before.degradationPerYear(), before.pathEfficiency(), 95.0, 0.0,
                0.0), "nasa")).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .singleElement().satisfies(v -> assertThat(v.field()).isEqualTo("incidenceDeg")));
        assertThat(service.snapshot(f.workspaceId()).arrays().get(0)).isEqualTo(before);

        ReadModels.SolarArray after = equipment.updateArray(before.id(), before.version(), new Drafts.SolarArrayDraft(
                before.name(), before.ratedPowerW(), before.degradationPerYear(), before.pathEfficiency(), 0.0,
                -0.0025, 40.0), "nasa");
        assertThat(after.temperatureCoefficientPerK()).isEqualTo(-0.0025);
        assertThat(after.temperatureOffsetK()).isEqualTo(40.0);
    }

    @Test
    void failed_share_of_95_percent_and_a_negative_transfer_limit_are_refused_and_the_case_is_unchanged() {
        TestWorkspaces.Fixture f = fixtures.create("failed", 0);
        ReadModels.DesignCase before = service.snapshot(f.workspaceId()).designCase();
        Drafts.DesignCaseDraft bad = new Drafts.DesignCaseDraft(before.activeModeId(), before.orbitPeriodS(),
                before.eclipseDurationS(), before.arrayAgeYears(), before.timeline(), before.periluneEpoch(),
                before.spanStart(), before.spanDays(), 0.95, MarginPolicy.JAXA_CDR, -1.0);

        assertThatThrownBy(() -> designCases.updateDesignCase(f.workspaceId(), before.version(), bad, "jaxa"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(InvalidInputException.FieldViolation::field)
                        .containsExactlyInAnyOrder("failedCapacityShare", "transferLimitW"));
        assertThat(service.snapshot(f.workspaceId()).designCase()).isEqualTo(before);
    }
}
