package org.gatewaypower.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.gatewaypower.ui.NumberEntry.EntryException;
import org.gatewaypower.ui.NumberEntry.Unit;
import org.junit.jupiter.api.Test;

/** What a typed number means: the value written, in the field's unit or the one typed, or a refusal naming the field. */
class NumberEntryTest {

    private static final String OP = "Operating power";

    @Test
    void exponents_are_the_value_written_never_their_mantissa() {
        assertThat(NumberEntry.inDisplayUnit("1e12", OP, Unit.W)).isEqualTo(1e12);
        assertThat(NumberEntry.inDisplayUnit("2.5e2", OP, Unit.W)).isEqualTo(250.0);
        assertThat(NumberEntry.inDisplayUnit("1E3", OP, Unit.W)).isEqualTo(1000.0);
        assertThat(NumberEntry.inDisplayUnit("+1.5e-3 kW", OP, Unit.W)).isEqualTo(1.5);
        assertThat(NumberEntry.si("1e12", OP, Unit.KW)).isEqualTo(1e15);
    }

    @Test
    void units_after_the_number_convert_exactly_and_a_bare_number_is_in_the_display_unit() {
        assertThat(NumberEntry.inDisplayUnit("2 kW", OP, Unit.W)).isEqualTo(2000.0);
        assertThat(NumberEntry.inDisplayUnit("2kw", OP, Unit.W)).isEqualTo(2000.0);
        assertThat(NumberEntry.inDisplayUnit("1.2 MW", OP, Unit.W)).isEqualTo(1.2e6);
        assertThat(NumberEntry.si("2", OP, Unit.KW)).isEqualTo(2000.0);
        assertThat(NumberEntry.si("500 W", OP, Unit.KW)).isEqualTo(500.0);
        // 95 % is exactly the double 0.95 (95 × 0.01 in binary would be 0.9500000000000001)
        assertThat(NumberEntry.si("95 %", "Charge efficiency", Unit.PERCENT)).isEqualTo(0.95);
        assertThat(NumberEntry.si("95", "Charge efficiency", Unit.PERCENT)).isEqualTo(0.95);
        assertThat(NumberEntry.inDisplayUnit("37.5%", "Duty cycle", Unit.PERCENT)).isEqualTo(37.5);
        assertThat(NumberEntry.si("-0.35 %/°C", "Temperature coefficient", new Unit("%/°C", 0.01,
                NumberEntry.Dimension.FRACTION))).isEqualTo(-0.0035);
        assertThat(NumberEntry.si("90 min", "Orbit period", Unit.HOUR)).isEqualTo(5400.0);
        assertThat(NumberEntry.si("157.5", "Orbit period", Unit.HOUR)).isEqualTo(567_000.0);
        assertThat(NumberEntry.si("30 kWh", "Capacity", Unit.KWH)).isEqualTo(1.08e8);
        assertThat(NumberEntry.si("15 years", "Array age", Unit.plain("years"))).isEqualTo(15.0);
        assertThat(NumberEntry.si("−5", "Sun incidence", Unit.plain("°"))).isEqualTo(-5.0);
    }

    @Test
    void thousands_are_separated_by_commas_or_spaces() {
        assertThat(NumberEntry.inDisplayUnit("1,500 W", OP, Unit.W)).isEqualTo(1500.0);
        assertThat(NumberEntry.inDisplayUnit("1 500 W", OP, Unit.W)).isEqualTo(1500.0);
        assertThat(NumberEntry.inDisplayUnit("1\u00a0500", OP, Unit.W)).isEqualTo(1500.0);
        assertThat(NumberEntry.inDisplayUnit("12,345,678.5", OP, Unit.W)).isEqualTo(12_345_678.5);
    }

    @Test
    void anything_else_is_refused_with_the_field_and_the_rule() {
        assertThatThrownBy(() -> NumberEntry.inDisplayUnit("1,5", OP, Unit.W)).isInstanceOf(EntryException.class)
                .hasMessageContaining(OP).hasMessageContaining("decimal point");
        assertThatThrownBy(() -> NumberEntry.inDisplayUnit("abc", OP, Unit.W))
                .hasMessage("Operating power must be a power in W, kW or MW (without a unit: W), e.g. 1500, 1,500, "
                        + "2.5e2 or 2 kW (was 'abc')");
        assertThatThrownBy(() -> NumberEntry.inDisplayUnit("5 kWh", OP, Unit.W))
                .hasMessageContaining(OP).hasMessageContaining("'kWh' is not one of its units");
        assertThatThrownBy(() -> NumberEntry.inDisplayUnit("5 mW", OP, Unit.W)).hasMessageContaining("'mW'");
        assertThatThrownBy(() -> NumberEntry.si("95 W", "Charge efficiency", Unit.PERCENT))
                .hasMessageContaining("Charge efficiency must be a percentage in %");
        assertThatThrownBy(() -> NumberEntry.si("15 kW", "Array age", Unit.plain("years")))
                .hasMessageContaining("Array age");
        assertThatThrownBy(() -> NumberEntry.inDisplayUnit("1e400", OP, Unit.W)).hasMessageContaining("too large");
        for (String bad : new String[] {"e5", ".", "-", "1 5", "1,50", "1.2.3", "12 34", "1e", "0x10", "1 e12"}) {
            assertThatThrownBy(() -> NumberEntry.inDisplayUnit(bad, OP, Unit.W)).as(bad)
                    .isInstanceOf(EntryException.class).hasMessageContaining(OP);
        }
    }

    @Test
    void blank_is_no_value_and_shown_values_read_back_unchanged() {
        assertThat(NumberEntry.inDisplayUnit("  ", OP, Unit.W)).isNull();
        assertThat(NumberEntry.si(null, OP, Unit.W)).isNull();
        for (double v : new double[] {0, 2000, 1e12, 0.95, 95, -0.35, 1.5e-9, 3.2e20, 123456.789}) {
            assertThat(NumberEntry.inDisplayUnit(NumberEntry.text(v), OP, Unit.W)).as("%s", v).isEqualTo(v);
        }
        assertThat(NumberEntry.text(2000.0)).isEqualTo("2000");
        assertThat(NumberEntry.text(1e12)).isEqualTo("1000000000000");
        assertThat(NumberEntry.text(null)).isEmpty();
    }
}
