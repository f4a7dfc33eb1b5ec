package org.gatewaypower.physics.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Worked examples: one new-design item of 10 kW CBE (+20 % maturity contingency → MEV 12 kW) against a
 * sustainable capability of 16 kW.
 */
class MarginPolicyTest {

    static final double CBE = 10_000;
    static final double MEV = ModeLoad.of(List.of(new ModeLoad.ItemAtDuty(
            new LoadItemSpec("new", 1, 0, CBE, CBE, MaturityClass.NEW_DESIGN, LoadPriority.CRITICAL), 1.0)))
            .mevAverageW();
    static final double CAPABILITY = 16_000;

    @Test
    void the_example_item_has_12_kW_mev() {
        assertThat(MEV).isCloseTo(12_000, within(1e-9));
    }

    @Test
    void esa_keeps_20_percent_on_top_of_the_mev() {
        MarginPolicy p = MarginPolicy.ESA_SYSTEM;
        assertThat(p.basis()).isEqualTo(MarginPolicy.Basis.MEV);
        // (16 − 12) / 16 = 0.25 ≥ 0.20: passes; least capability 12 / 0.8 = 15 kW.
        assertThat(p.marginOf(CAPABILITY, CBE, MEV)).isCloseTo(0.25, within(1e-12));
        assertThat(p.passes(CAPABILITY, CBE, MEV)).isTrue();
        assertThat(p.requiredCapabilityW(CBE, MEV)).isCloseTo(15_000, within(1e-9));
        assertThat(p.passes(14_999, CBE, MEV)).isFalse();
    }

    @Test
    void nasa_phase_margins_are_measured_against_cbe_so_contingency_counts_once() {
        // Phase B 30 %: least capability 10 / 0.7 = 14.2857 kW (against MEV it would be 12 / 0.7 = 17.143 kW).
        assertThat(MarginPolicy.NASA_PHASE_B.requiredCapabilityW(CBE, MEV)).isCloseTo(14_285.714, within(1e-3));
        // (16 − 10) / 16 = 0.375 ≥ 0.30: passes; the double-counted reading, (16 − 12) / 16 = 0.25, failed.
        assertThat(MarginPolicy.NASA_PHASE_B.marginOf(CAPABILITY, CBE, MEV)).isCloseTo(0.375, within(1e-12));
        assertThat(MarginPolicy.NASA_PHASE_B.passes(CAPABILITY, CBE, MEV)).isTrue();
        // PDR 20 %: 10 / 0.8 = 12.5 kW; CDR 10 %: 10 / 0.9 = 11.111 kW.
        assertThat(MarginPolicy.NASA_PDR.requiredCapabilityW(CBE, MEV)).isCloseTo(12_500, within(1e-9));
        assertThat(MarginPolicy.NASA_CDR.requiredCapabilityW(CBE, MEV)).isCloseTo(11_111.111, within(1e-3));
    }

    @Test
    void jaxa_phase_margins_are_measured_against_cbe() {
        // PDR 15 %: 10 / 0.85 = 11.765 kW; CDR 10 %: 11.111 kW; pre-shipment 6 %: 10 / 0.94 = 10.638 kW.
        assertThat(MarginPolicy.JAXA_PDR.requiredCapabilityW(CBE, MEV)).isCloseTo(11_764.706, within(1e-3));
        assertThat(MarginPolicy.JAXA_CDR.requiredCapabilityW(CBE, MEV)).isCloseTo(11_111.111, within(1e-3));
        assertThat(MarginPolicy.JAXA_PRE_SHIPMENT.requiredCapabilityW(CBE, MEV)).isCloseTo(10_638.298,
                within(1e-3));
        // 10.7 kW: (10.7 − 10) / 10.7 = 0.0654 ≥ 0.06 passes; 10.6 kW: 0.0566 fails.
        assertThat(MarginPolicy.JAXA_PRE_SHIPMENT.passes(10_700, CBE, MEV)).isTrue();
        assertThat(MarginPolicy.JAXA_PRE_SHIPMENT.passes(10_600, CBE, MEV)).isFalse();
    }

    @Test
    void required_margins_and_labels_are_unchanged_for_existing_callers() {
        assertThat(MarginPolicy.ESA_SYSTEM.requiredMargin()).isEqualTo(0.20);
        assertThat(MarginPolicy.NASA_PHASE_B.requiredMargin()).isEqualTo(0.30);
        assertThat(MarginPolicy.NASA_PDR.requiredMargin()).isEqualTo(0.20);
        assertThat(MarginPolicy.NASA_CDR.requiredMargin()).isEqualTo(0.10);
        assertThat(MarginPolicy.JAXA_PDR.requiredMargin()).isEqualTo(0.15);
        assertThat(MarginPolicy.JAXA_CDR.requiredMargin()).isEqualTo(0.10);
        assertThat(MarginPolicy.JAXA_PRE_SHIPMENT.requiredMargin()).isEqualTo(0.06);
        assertThat(MarginPolicy.NASA_PDR.label()).isEqualTo("NASA, PDR (20 %)");
    }

    @Test
    void no_capability_with_load_is_no_margin() {
        assertThat(MarginPolicy.NASA_CDR.marginOf(0, CBE, MEV)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(MarginPolicy.NASA_CDR.marginOf(0, 0, 0)).isEqualTo(0.0);
    }
}
