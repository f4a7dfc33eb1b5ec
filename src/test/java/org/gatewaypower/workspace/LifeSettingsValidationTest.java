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

    @Test
    void fade_above_20_percent_a_year_is_refused_naming_the_field_and_the_battery_is_unchanged() {
        TestWorkspaces.Fixture f = TestWorkspaces.create(service, "fade", 0);
        Views.Battery before = service.snapshot(f.workspaceId()).batteries().get(0);
        assertThat(before.capacityFadePerYear()).isEqualTo(0.02);
        Drafts.BatteryDraft d = TestWorkspaces.draft(before);
        Drafts.BatteryDraft bad = new Drafts.BatteryDraft(d.name(), d.capacityJ(), d.minStateOfCharge(),
                d.maxStateOfCharge(), d.chargeEfficiency(), d.dischargeEfficiency(), d.maxChargePowerW(),
                d.maxDischargePowerW(), d.initialStateOfCharge(), 0.5);

        assertThatThrownBy(() -> service.updateBattery(before.id(), before.version(), bad, "jaxa"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .singleElement().satisfies(v -> {
                            assertThat(v.field()).isEqualTo("capacityFadePerYear");
                            assertThat(v.message()).contains("Capacity fade per year").contains("between 0 and 0.2");
                        }));
        assertThat(service.snapshot(f.workspaceId()).batteries().get(0)).isEqualTo(before);
    }

    @Test
    void failed_share_of_95_percent_and_a_negative_transfer_limit_are_refused_and_the_case_is_unchanged() {
        TestWorkspaces.Fixture f = TestWorkspaces.create(service, "failed", 0);
        Views.DesignCase before = service.snapshot(f.workspaceId()).designCase();
        Drafts.DesignCaseDraft bad = new Drafts.DesignCaseDraft(before.activeModeId(), before.orbitPeriodS(),
                before.eclipseDurationS(), before.arrayAgeYears(), before.timeline(), before.periluneEpoch(),
                before.spanStart(), before.spanDays(), 0.95, MarginPolicy.JAXA_CDR, -1.0);

        assertThatThrownBy(() -> service.updateDesignCase(f.workspaceId(), before.version(), bad, "jaxa"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(InvalidInputException.FieldViolation::field)
                        .containsExactlyInAnyOrder("failedCapacityShare", "transferLimitW"));
        assertThat(service.snapshot(f.workspaceId()).designCase()).isEqualTo(before);
    }
}
