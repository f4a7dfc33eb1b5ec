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

    @Test
    void subtotals_by_group_add_up_with_each_rows_maturity_contingency_largest_first() {
        LoadRow pump = row("Thermal", 2, 100.0, 500.0, 50.0, org.gatewaypower.physics.load.MaturityClass.OFF_THE_SHELF);
        LoadRow heater = row("Thermal", 4, 0.0, 300.0, 25.0, org.gatewaypower.physics.load.MaturityClass.NEW_DESIGN);
        LoadRow radio = row("Communications", 1, 150.0, 600.0, 80.0,
                org.gatewaypower.physics.load.MaturityClass.OFF_THE_SHELF);
        LoadRow unnamed = row(" ", 1, 10.0, 10.0, 0.0, org.gatewaypower.physics.load.MaturityClass.OFF_THE_SHELF);

        List<LoadTotals.Group> groups = LoadTotals.byGroup(List.of(pump, heater, radio, unnamed),
                LoadRow::getSubsystem, 1L);

        // Thermal: 2 × (100 × 0.5 + 500 × 0.5) = 600 W and 4 × 300 × 0.25 = 300 W: 900 W CBE;
        // Communications: 150 × 0.2 + 600 × 0.8 = 510 W; the blank subsystem: 10 W.
        assertThat(groups).extracting(LoadTotals.Group::name).containsExactly("Thermal", "Communications", "—");
        LoadTotals.Group thermal = groups.get(0);
        assertThat(thermal.lines()).isEqualTo(2);
        assertThat(thermal.quantity()).isEqualTo(6);
        assertThat(thermal.operatingW()).isCloseTo(2 * 500 + 4 * 300, within(1e-9));
        assertThat(thermal.averageW()).isCloseTo(900, within(1e-9));
        // MEV: 600 W × (1 + off-the-shelf contingency) + 300 W × (1 + new-design contingency)
        double fp = org.gatewaypower.physics.load.MaturityClass.OFF_THE_SHELF.contingency();
        double nd = org.gatewaypower.physics.load.MaturityClass.NEW_DESIGN.contingency();
        assertThat(thermal.mevW()).isCloseTo(600 * (1 + fp) + 300 * (1 + nd), within(1e-9));
        assertThat(groups.get(1).averageW()).isCloseTo(510, within(1e-9));
        assertThat(LoadTotals.averageW(radio, 1L)).isCloseTo(510, within(1e-9));
        assertThat(groups.stream().mapToDouble(LoadTotals.Group::averageW).sum())
                .isCloseTo(LoadTotals.of(List.of(pump, heater, radio, unnamed), List.of(1L)).averageW().get(1L),
                        within(1e-9));
    }

    private static LoadRow row(String subsystem, int quantity, double standbyW, double operatingW, double dutyPercent,
                               org.gatewaypower.physics.load.MaturityClass maturity) {
        LoadRow r = LoadRow.blank(1L);
        r.setSubsystem(subsystem);
        r.setQuantity(quantity);
        r.setStandbyPowerW(standbyW);
        r.setOperatingPowerW(operatingW);
        r.setDutyPercent(1L, dutyPercent);
        r.setMaturity(maturity);
        return r;
    }
}
