package org.gatewaypower.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Percentages printed beside their limit never contradict the verdict judged on the exact values. */
class PercentTextTest {

    @Test
    void one_decimal_when_it_tells_the_side_of_the_limit() {
        assertThat(PercentText.beside(0.2512, 0.20)).isEqualTo("25.1");
        assertThat(PercentText.beside(-0.05, 0.20)).isEqualTo("-5.0");
        assertThat(PercentText.beside(0.20, 0.20)).as("equal to the limit: passes a ≥ rule").isEqualTo("20.0");
    }

    @Test
    void more_decimals_near_the_limit() {
        // 19.99 % fails a 20 % rule: "20.0" would contradict it
        assertThat(PercentText.beside(0.1999, 0.20)).isEqualTo("19.99");
        // 19.9996 % rounds to 20.000 at three decimals: four are needed
        assertThat(PercentText.beside(0.199996, 0.20)).isEqualTo("19.9996");
        // just above: 20.04 % prints 20.0 at one decimal, equal to the limit, which a ≥ rule passes… but the
        // exact value is above, so the printed one must be above too
        assertThat(PercentText.beside(0.2004, 0.20)).isEqualTo("20.04");
        // a depth of discharge just under its 70 % limit
        assertThat(PercentText.beside(0.69996, 0.70)).isEqualTo("69.996");
        assertThat(PercentText.beside(0.70, 0.69996)).isEqualTo("70.000");
    }

    @Test
    void infinite_values_print_a_dash() {
        assertThat(PercentText.beside(Double.NEGATIVE_INFINITY, 0.2)).isEqualTo("—");
    }
}
