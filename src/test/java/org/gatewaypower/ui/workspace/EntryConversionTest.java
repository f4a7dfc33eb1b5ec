package org.gatewaypower.ui.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.data.binder.Result;
import com.vaadin.flow.data.binder.ValueContext;
import com.vaadin.flow.data.converter.Converter;

import org.gatewaypower.ui.NumberEntry;
import org.junit.jupiter.api.Test;

/** The load grid's cells read through the one parser; duty cycles convert between % and fractions without noise. */
class EntryConversionTest {

    private static Result<Double> read(Converter<String, Double> c, String text) {
        return c.convertToModel(text, new ValueContext());
    }

    @Test
    void power_cells_read_the_value_typed_or_refuse_it_with_the_field() {
        Converter<String, Double> power = LoadGridColumns.entry("Operating power", NumberEntry.Unit.W);
        assertThat(read(power, "1e12").getOrThrow(IllegalStateException::new)).isEqualTo(1e12);
        assertThat(read(power, "2.5e2").getOrThrow(IllegalStateException::new)).isEqualTo(250.0);
        assertThat(read(power, "2 kW").getOrThrow(IllegalStateException::new)).isEqualTo(2000.0);
        assertThat(read(power, "1,500 W").getOrThrow(IllegalStateException::new)).isEqualTo(1500.0);
        assertThat(read(power, "1 500 W").getOrThrow(IllegalStateException::new)).isEqualTo(1500.0);
        assertThat(read(power, "").getOrThrow(IllegalStateException::new)).isNull();
        Result<Double> bad = read(power, "1,5 kW");
        assertThat(bad.isError()).isTrue();
        assertThat(bad.getMessage()).hasValueSatisfying(m -> assertThat(m).startsWith("Operating power must use a "
                + "decimal point"));
        assertThat(power.convertToPresentation(1e12, new ValueContext())).isEqualTo("1000000000000");
        assertThat(power.convertToPresentation(null, new ValueContext())).isEmpty();
    }

    @Test
    void duty_cells_take_percent_and_convert_to_fractions_exactly() {
        Converter<String, Double> duty = LoadGridColumns.entry("Duty cycle in mode Crewed", NumberEntry.Unit.PERCENT);
        assertThat(read(duty, "95 %").getOrThrow(IllegalStateException::new)).isEqualTo(95.0);
        assertThat(read(duty, "7").getOrThrow(IllegalStateException::new)).isEqualTo(7.0);
        assertThat(read(duty, "0.5 W").isError()).isTrue();
        // percent ↔ fraction in decimal: 0.07 × 100 = 7.000000000000001 in binary, 7 here; and back 0.07
        assertThat(LoadRow.shift(0.07, 2)).isEqualTo(7.0);
        assertThat(LoadRow.shift(7.0, -2)).isEqualTo(0.07);
        assertThat(LoadRow.shift(95.0, -2)).isEqualTo(0.95);
        for (double f : new double[] {0.0, 0.01, 0.07, 0.1, 0.25, 0.333, 0.95, 1.0}) {
            assertThat(LoadRow.shift(LoadRow.shift(f, 2), -2)).as("%s", f).isEqualTo(f);
        }
    }

    @Test
    void quantity_cells_take_what_the_importer_takes_and_refuse_anything_but_a_whole_number_from_one() {
        Converter<String, Integer> qty = LoadGridColumns.quantityEntry();
        ValueContext ctx = new ValueContext();
        assertThat(qty.convertToModel("12", ctx).getOrThrow(IllegalStateException::new)).isEqualTo(12);
        assertThat(qty.convertToModel("1,500", ctx).getOrThrow(IllegalStateException::new)).isEqualTo(1500);
        assertThat(qty.convertToModel("1 500", ctx).getOrThrow(IllegalStateException::new)).isEqualTo(1500);
        assertThat(qty.convertToModel("1e3", ctx).getOrThrow(IllegalStateException::new)).isEqualTo(1000);
        assertThat(qty.convertToModel("10000", ctx).getOrThrow(IllegalStateException::new)).isEqualTo(10_000);
        assertThat(qty.convertToModel("", ctx).getOrThrow(IllegalStateException::new)).isNull();
        // Refused, never rounded or cut: a fraction, zero, beyond the limit, an exponent past int, a unit, text.
        for (String bad : new String[] {"2.5", "0", "-3", "10001", "1e12", "2 W", "two", "1,5"}) {
            Result<Integer> r = qty.convertToModel(bad, ctx);
            assertThat(r.isError()).as(bad).isTrue();
            assertThat(r.getMessage()).as(bad).hasValueSatisfying(m -> assertThat(m)
                    .startsWith("Quantity must be a whole number between 1 and 10000").contains("'" + bad + "'"));
        }
        assertThat(qty.convertToPresentation(7, ctx)).isEqualTo("7");
    }
}
