package org.gatewaypower.physics.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

class ModeLoadTest {

    @Test
    void average_power_blends_standby_and_operating_by_duty_cycle() {
        // 4 heaters, 20 W standby, 300 W operating, 50 % duty: 4 × (20·0.5 + 300·0.5) = 640 W.
        LoadItemSpec heaters = new LoadItemSpec("heater", 4, 20, 300, 350, MaturityClass.MODIFIED, LoadPriority.ESSENTIAL);
        assertThat(heaters.averagePowerW(0.5)).isCloseTo(640, within(1e-12));
        assertThat(heaters.peakPowerAtDutyW(0.5)).isCloseTo(1400, within(1e-12));
        assertThat(heaters.peakPowerAtDutyW(0.0)).isCloseTo(80, within(1e-12));
    }

    @Test
    void mode_load_adds_maturity_contingency_per_item() {
        // CBE: 1000 W (off the shelf, +5 %) + 2000 W (new design, +20 %) = 3000 W; MEV 1050 + 2400 = 3450 W.
        LoadItemSpec a = new LoadItemSpec("a", 1, 0, 1000, 1200, MaturityClass.OFF_THE_SHELF, LoadPriority.CRITICAL);
        LoadItemSpec b = new LoadItemSpec("b", 2, 0, 1000, 1500, MaturityClass.NEW_DESIGN, LoadPriority.DEFERRABLE);
        ModeLoad m = ModeLoad.of(List.of(new ModeLoad.ItemAtDuty(a, 1.0), new ModeLoad.ItemAtDuty(b, 1.0)));

        assertThat(m.cbeAverageW()).isCloseTo(3000, within(1e-12));
        assertThat(m.mevAverageW()).isCloseTo(3450, within(1e-12));
        assertThat(m.cbePeakW()).isCloseTo(4200, within(1e-12));
        assertThat(m.mevPeakW()).isCloseTo(1260 + 3600, within(1e-12));
        assertThat(m.contingency()).isCloseTo(0.15, within(1e-12));
    }

    @Test
    void maturity_classes_carry_the_esa_contingencies() {
        assertThat(MaturityClass.OFF_THE_SHELF.contingency()).isEqualTo(0.05);
        assertThat(MaturityClass.MODIFIED.contingency()).isEqualTo(0.10);
        assertThat(MaturityClass.NEW_DESIGN.contingency()).isEqualTo(0.20);
    }

    @Test
    void load_item_rejects_negative_power_peak_below_operating_and_duty_outside_0_1() {
        assertThatThrownBy(() -> new LoadItemSpec("x", 1, -1, 10, 10, MaturityClass.MODIFIED, LoadPriority.CRITICAL))
                .hasMessageContaining("standbyPowerW");
        assertThatThrownBy(() -> new LoadItemSpec("x", 1, 0, 10, 5, MaturityClass.MODIFIED, LoadPriority.CRITICAL))
                .hasMessageContaining("peakPowerW");
        LoadItemSpec ok = new LoadItemSpec("x", 1, 0, 10, 10, MaturityClass.MODIFIED, LoadPriority.CRITICAL);
        assertThatThrownBy(() -> ok.averagePowerW(1.5)).hasMessageContaining("duty cycle");
        assertThatThrownBy(() -> ok.averagePowerW(-0.1)).hasMessageContaining("duty cycle");
    }
}
