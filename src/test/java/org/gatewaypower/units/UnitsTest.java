package org.gatewaypower.units;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The UI, the PDF and the spreadsheets show SI values the way engineers read them, all alike. */
class UnitsTest {

    @Test
    void watts_joules_fractions_and_seconds_are_shown_in_kw_kwh_percent_hours_and_minutes() {
        assertThat(Units.kw(18_607.8)).isEqualTo("18.61 kW");
        assertThat(Units.kwh(29_288.25 * 3600)).isEqualTo("29.29 kWh");
        assertThat(Units.percent(0.70711)).isEqualTo("70.7 %");
        assertThat(Units.hours(5_532)).isEqualTo("1.54 h");
        assertThat(Units.minutes(5_400)).isEqualTo("90.0 min");
    }

    @Test
    void rounding_residue_is_not_shown_as_negative_zero_and_an_infinite_margin_as_a_dash() {
        assertThat(Units.kwh(-1e-9)).isEqualTo("0.00 kWh");
        assertThat(Units.kw(-0.001)).isEqualTo("0.00 kW");
        assertThat(Units.percent(Double.NEGATIVE_INFINITY)).isEqualTo("—");
        assertThat(Units.watts(-0.2)).isEqualTo("0");
    }

    @Test
    void single_equipment_in_whole_watts_with_thousands_and_the_conversion_factors_agree() {
        assertThat(Units.watts(12_500)).isEqualTo("12,500");
        assertThat(Units.J_PER_KWH).isEqualTo(1000 * Units.J_PER_WH);
        assertThat(Units.kwh(Units.J_PER_KWH)).isEqualTo("1.00 kWh");
        assertThat(Units.number("%.1f years", 15)).isEqualTo("15.0 years");
    }

    @Test
    void deltas_carry_their_sign_and_no_negative_zero() {
        assertThat(Units.kwhDelta(1.2 * 3.6e6)).isEqualTo("+1.20 kWh");
        assertThat(Units.kwhDelta(-4_320_000)).isEqualTo("-1.20 kWh");
        assertThat(Units.pointsDelta(-0.0035)).isEqualTo("-0.35 pp");
        assertThat(Units.pointsDelta(-1e-12)).as("rounding residue").isEqualTo("+0.00 pp");
    }
}
