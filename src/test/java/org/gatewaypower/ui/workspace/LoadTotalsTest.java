package org.gatewaypower.ui.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

class LoadTotalsTest {

    @Test
    void totals_count_every_unit_and_weight_each_mode_by_its_duty_cycle() {
        // 3 thrusters: 50 W standby, 12,000 W operating, 12,500 W peak; on 100 % in mode 2, off in mode 1.
        LoadRow thrusters = LoadRow.blank(1L);
        thrusters.setQuantity(3);
        thrusters.setStandbyPowerW(50.0);
        thrusters.setOperatingPowerW(12_000.0);
        thrusters.setPeakPowerW(12_500.0);
        thrusters.setDutyPercent(1L, 0.0);
        thrusters.setDutyPercent(2L, 100.0);
        // 4 heaters: 0 W standby, 300 W operating and peak, 40 % in mode 1, 50 % in mode 2.
        LoadRow heaters = LoadRow.blank(1L);
        heaters.setQuantity(4);
        heaters.setStandbyPowerW(0.0);
        heaters.setOperatingPowerW(300.0);
        heaters.setPeakPowerW(300.0);
        heaters.setDutyPercent(1L, 40.0);
        heaters.setDutyPercent(2L, 50.0);

        LoadTotals t = LoadTotals.of(List.of(thrusters, heaters), List.of(1L, 2L));

        assertThat(t.quantity()).isEqualTo(7);
        assertThat(t.standbyW()).isCloseTo(150, within(1e-9));
        assertThat(t.operatingW()).isCloseTo(3 * 12_000 + 4 * 300, within(1e-9));
        assertThat(t.peakW()).isCloseTo(3 * 12_500 + 4 * 300, within(1e-9));
        // mode 1: 3 × 50 + 4 × 300 × 0.4 = 150 + 480 = 630 W; mode 2: 3 × 12,000 + 4 × 300 × 0.5 = 36,600 W
        assertThat(t.averageW().get(1L)).isCloseTo(630, within(1e-9));
        assertThat(t.averageW().get(2L)).isCloseTo(36_600, within(1e-9));
    }

    @Test
    void a_new_row_with_blank_numbers_counts_nothing() {
        LoadTotals t = LoadTotals.of(List.of(LoadRow.blank(1L)), List.of(1L));
        assertThat(t.operatingW()).isZero();
        assertThat(t.averageW().get(1L)).isZero();
    }
}
