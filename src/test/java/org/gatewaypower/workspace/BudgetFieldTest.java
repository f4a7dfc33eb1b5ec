package org.gatewaypower.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The field catalogue names every field a draft carries, once, with a label and a unit. */
class BudgetFieldTest {

    @Test
    void every_field_of_every_draft_is_in_the_catalogue() {
        for (Class<?> draft : List.of(Drafts.LoadItemDraft.class, Drafts.BatteryDraft.class,
                Drafts.SolarArrayDraft.class, Drafts.DesignCaseDraft.class)) {
            for (RecordComponent c : draft.getRecordComponents()) {
                if (c.getName().equals("dutyByMode")) {
                    continue;
                }
                assertThat(BudgetField.of(c.getName())).as(draft.getSimpleName() + "." + c.getName()).isPresent();
            }
        }
    }

    @Test
    void labels_are_unique_and_numbers_carry_their_range() {
        assertThat(Arrays.stream(BudgetField.values()).map(BudgetField::label)).doesNotHaveDuplicates();
        assertThat(BudgetField.OPERATING_POWER.unit()).isEqualTo("W");
        assertThat(BudgetField.OPERATING_POWER.max()).isEqualTo(1.0e6);
        assertThat(BudgetField.SHADOW_DUTY.min()).isZero();
        assertThat(BudgetField.NAME.min()).isNaN();
    }

    @Test
    void stored_choices_read_as_their_labels_and_unknown_ones_as_stored() {
        assertThat(BudgetField.TIMELINE.choiceLabel("EPHEMERIS", false))
                .isEqualTo(AnalysisTimeline.EPHEMERIS.label()).doesNotContain("EPHEMERIS");
        assertThat(BudgetField.BUS.choiceLabel("V120", false)).isEqualTo("120 V");
        assertThat(BudgetField.KIND.choiceLabel("EVA", true)).isEqualTo(PhaseKind.EVA.label());
        assertThat(BudgetField.KIND.choiceLabel("HALO", false)).isEqualTo("HALO");
        assertThat(BudgetField.TIMELINE.choiceLabel("RETIRED", false)).isEqualTo("RETIRED");
        assertThat(BudgetField.NAME.choiceLabel("PPE avionics", false)).isEqualTo("PPE avionics");
    }

    @Test
    void a_load_line_lists_its_fields_then_a_duty_cycle_per_mode_then_the_duty_in_eclipse() {
        List<ReadModels.Mode> modes = List.of(new ReadModels.Mode(7, "Crewed", "", 0, 0));
        assertThat(BudgetField.loadLineLabels(modes)).containsKeys("name", "operatingPowerW", "dutyByMode.7",
                "shadowDuty").containsEntry("dutyByMode.7", "Duty cycle · Crewed")
                .containsEntry("peakPowerW", "Peak power");
        assertThat(List.copyOf(BudgetField.loadLineLabels(modes).keySet())).endsWith("dutyByMode.7", "shadowDuty");
    }
}
