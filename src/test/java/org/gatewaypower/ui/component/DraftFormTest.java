package org.gatewaypower.ui.component;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.gatewaypower.ui.NumberEntry;
import org.gatewaypower.workspace.BudgetField;
import org.gatewaypower.workspace.InvalidInputException;

/** The Binder-backed form: SI conversion, field-named errors, versions, unsaved typing, conflicts, read-only. */
class DraftFormTest {

    /** A draft bean as the panels' beans are: mutable, values in SI. */
    static final class Pack {
        String name;
        Double capacityJ;
        Double maxChargePowerW;
        Double minStateOfCharge;
        Instant bolDate;
    }

    private DraftForm<Pack> form;

    @BeforeEach
    void setUp() {
        form = new DraftForm<>("pack", "Pack", Pack::new, () -> { });
        form.name(p -> p.name, (p, v) -> p.name = v);
        form.number(BudgetField.CAPACITY, NumberEntry.Unit.KWH, p -> p.capacityJ, (p, v) -> p.capacityJ = v);
        form.number(BudgetField.MAX_CHARGE_POWER, NumberEntry.Unit.KW, p -> p.maxChargePowerW,
                (p, v) -> p.maxChargePowerW = v);
        form.number(BudgetField.MIN_SOC, NumberEntry.Unit.PERCENT, p -> p.minStateOfCharge,
                (p, v) -> p.minStateOfCharge = v);
        form.instant(BudgetField.BOL_DATE, p -> p.bolDate, (p, v) -> p.bolDate = v);
    }

    private static Pack pack(String name, double capacityJ, double powerW, double minSoc) {
        Pack p = new Pack();
        p.name = name;
        p.capacityJ = capacityJ;
        p.maxChargePowerW = powerW;
        p.minStateOfCharge = minSoc;
        p.bolDate = Instant.parse("2027-01-01T00:00:00Z");
        return p;
    }

    private TextField text(String id) {
        return (TextField) descendants(form).filter(c -> c.getId().filter(id::equals).isPresent()).findFirst()
                .orElseThrow();
    }

    private static Stream<Component> descendants(Component c) {
        return Stream.concat(Stream.of(c), c.getChildren().flatMap(DraftFormTest::descendants));
    }

    /** What a user's typing does: a value change from the client. */
    private static void typeByUser(TextField f, String value) {
        String old = f.getValue();
        f.setValue(value);
        ComponentUtil.fireEvent(f, new AbstractField.ComponentValueChangeEvent<>(f, f, old, true));
    }

    @Test
    void showsSavedValuesInDisplayUnitsAndReadsTypedOnesBackInSi() {
        assertThat(form.show(pack("HALO A", 3.6e8, 5000, 0.2), 3, "esa")).isTrue();
        assertThat(text("pack-capacityJ").getValue()).isEqualTo("100");
        assertThat(text("pack-capacityJ").getLabel()).isEqualTo("Capacity (kWh)");
        assertThat(text("pack-minStateOfCharge").getValue()).isEqualTo("20");
        text("pack-maxChargePowerW").setValue("2 kW");
        text("pack-minStateOfCharge").setValue("95 %");
        Pack draft = form.draft();
        assertThat(draft.name).isEqualTo("HALO A");
        assertThat(draft.capacityJ).isEqualTo(3.6e8);
        assertThat(draft.maxChargePowerW).isEqualTo(2000.0);
        assertThat(draft.minStateOfCharge).isEqualTo(0.95);
        assertThat(draft.bolDate).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
        assertThat(form.version()).isEqualTo(3);
    }

    @Test
    void refusesEveryBadNumberNamingItsFieldAndRule() {
        form.show(pack("HALO A", 3.6e8, 5000, 0.2), 1, "esa");
        text("pack-capacityJ").setValue("lots");
        text("pack-minStateOfCharge").setValue("1,5");
        assertThatThrownBy(form::draft).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.violations()).extracting(InvalidInputException.FieldViolation::field)
                    .containsExactlyInAnyOrder("capacityJ", "minStateOfCharge");
            assertThat(e.violations()).extracting(InvalidInputException.FieldViolation::message)
                    .anySatisfy(m -> assertThat(m).startsWith("Capacity must be an energy"))
                    .anySatisfy(m -> assertThat(m).startsWith("Minimum state of charge must use a decimal point"));
        });
    }

    @Test
    void keepsUnsavedTypingAndIgnoresOlderVersions() {
        form.show(pack("HALO A", 3.6e8, 5000, 0.2), 2, "esa");
        assertThat(form.show(pack("old", 1e8, 1, 0.1), 1, "esa")).isFalse();
        assertThat(form.show(pack("HALO A", 3.6e8, 5000, 0.2), 2, "esa")).isFalse();
        typeByUser(text("pack-capacityJ"), "120");
        assertThat(form.isDirty()).isTrue();
        assertThat(form.show(pack("HALO B", 7.2e8, 5000, 0.2), 3, "nasa")).isFalse();
        assertThat(text("pack-capacityJ").getValue()).isEqualTo("120");
        assertThat(text("pack-name").getValue()).isEqualTo("HALO A");
        form.markClean();
        assertThat(form.show(pack("HALO B", 7.2e8, 5000, 0.2), 3, "nasa")).isTrue();
        assertThat(text("pack-capacityJ").getValue()).isEqualTo("200");
    }

    @Test
    void conflictFieldsCompareMineTheirsAndWhatTheUserChanged() {
        form.show(pack("HALO A", 3.6e8, 5000, 0.2), 1, "esa");
        text("pack-capacityJ").setValue("432 000 000 J");
        List<ConflictDialog.Field> fields = form.conflictFields(pack("HALO A", 3.6e8, 6000, 0.2));
        assertThat(fields).extracting(ConflictDialog.Field::key)
                .containsExactly("name", "capacityJ", "maxChargePowerW", "minStateOfCharge", "bolDate");
        ConflictDialog.Field capacity = fields.get(1);
        assertThat(capacity.label()).isEqualTo("Capacity (kWh)");
        assertThat(capacity.mine()).isEqualTo("120");
        assertThat(capacity.theirs()).isEqualTo("100");
        assertThat(capacity.changedByMe()).isTrue();
        ConflictDialog.Field power = fields.get(2);
        assertThat(power.mine()).isEqualTo("5");
        assertThat(power.theirs()).isEqualTo("6");
        assertThat(power.changedByMe()).isFalse();
        assertThat(fields.get(4).theirs()).isEqualTo("2027-01-01 00:00 UTC");
        power.takeTheirs().run();
        assertThat(text("pack-maxChargePowerW").getValue()).isEqualTo("6");
        form.rebase(4);
        assertThat(form.version()).isEqualTo(4);
    }

    @Test
    void readOnlyShowsTheReasonAndHidesSave() {
        form.setReadOnly("Read only: owned by NASA");
        assertThat(text("pack-capacityJ").isReadOnly()).isTrue();
        assertThat(descendants(form).filter(c -> c.getId().filter("pack-save"::equals).isPresent()).findFirst()
                .orElseThrow().isVisible()).isFalse();
        assertThat(descendants(form).filter(c -> c.getId().filter("pack-read-only"::equals).isPresent())
                .findFirst().orElseThrow().getElement().getText()).contains("owned by NASA");
        form.setReadOnly(null);
        assertThat(text("pack-capacityJ").isReadOnly()).isFalse();
    }
}
