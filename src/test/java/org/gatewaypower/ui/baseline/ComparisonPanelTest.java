package org.gatewaypower.ui.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import org.gatewaypower.baseline.Baselines;
import org.gatewaypower.baseline.Comparison;
import org.junit.jupiter.api.Test;

/**
 * The comparison's ranking as shown: each change's effect on the energy lost at the floor, the minimum state of
 * charge and the power margin, each in its own column with its unit; a delta that rounds to nothing unsigned.
 */
class ComparisonPanelTest {

    /** Joules in 1 kWh. */
    private static final double KWH = 3.6e6;

    @Test
    void at_the_floor_the_ranking_shows_the_energy_lost_and_no_signed_zero() {
        // A battery at its floor on both sides: the added camera's 1,050 W are shed for the whole 157.5-h run;
        // the minimum state of charge stays at the floor (0), the margin falls by 2.5 percentage points.
        Comparison.Impact camera = new Comparison.Impact("load item", "load:7", "Camera · HALO",
                Comparison.ChangeType.ADDED, 1_050.0 * 157.5 * 3600, 0.0, -0.025,
                "unserved + shed energy +165.38 kWh · min SOC +0.00 pp · power margin -2.50 pp");

        assertThat(ComparisonPanel.rankingCells(1, camera)).containsExactly("1", "load item", "Camera · HALO", "added",
                "+165.38 kWh", "0.00 pp", "-2.50 pp", "");
    }

    @Test
    void a_change_that_cannot_be_analysed_alone_says_why_instead_of_figures() {
        Comparison.Impact battery = new Comparison.Impact("battery", "battery:2", "HALO battery",
                Comparison.ChangeType.REMOVED, null, null, null,
                "no battery on one side: no state of charge or energy shortfall to compare");

        assertThat(ComparisonPanel.rankingCells(3, battery)).containsExactly("3", "battery", "HALO battery", "removed",
                "—", "—", "—", "no battery on one side: no state of charge or energy shortfall to compare");
    }

    @Test
    void deltas_keep_their_sign_unless_they_round_to_zero() {
        assertThat(DisplayUnits.delta(Baselines.J, -0.004 * KWH)).isEqualTo("0.00 kWh");
        assertThat(DisplayUnits.delta(Baselines.J, -0.006 * KWH)).isEqualTo("-0.01 kWh");
        assertThat(DisplayUnits.delta(Baselines.FRACTION, 1e-7)).isEqualTo("0.00 pp");
        assertThat(DisplayUnits.delta(Baselines.FRACTION, -0.0351)).isEqualTo("-3.51 pp");
        assertThat(DisplayUnits.delta(Baselines.W, 10_500.0)).isEqualTo("+10.50 kW");
        assertThat(DisplayUnits.value(Baselines.W, 5.0)).isEqualTo("5 W");
        assertThat(DisplayUnits.value(Baselines.W, 10_500.0)).isEqualTo(org.gatewaypower.units.Units.kw(10_500));
        assertThat(DisplayUnits.delta(Baselines.COUNT, 0.0)).isEqualTo("0");
    }
}
