package org.gatewaypower.physics.eclipse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Hand-computed cases of the dual-cone model. */
class ShadowModelTest {

    @Test
    void disjoint_discs_leave_the_sun_fully_lit_and_a_larger_occulter_centred_on_it_hides_it() {
        assertThat(new ShadowModel.Discs(0.01, 0.02, 0.0301).litFraction()).isEqualTo(1.0);
        assertThat(new ShadowModel.Discs(0.01, 0.02, 0.0099).litFraction()).isEqualTo(0.0);
        assertThat(new ShadowModel.Discs(0.01, 0.02, 0.0301).penumbraSwitch()).isPositive();
        assertThat(new ShadowModel.Discs(0.01, 0.02, 0.0099).umbraSwitch()).isNegative();
    }

    @Test
    void annular_case_hides_the_area_ratio_of_the_discs() {
        // b = a/2 inside the solar disc: hidden (b/a)² = 1/4.
        assertThat(new ShadowModel.Discs(0.01, 0.005, 0.002).litFraction()).isCloseTo(0.75, within(1e-12));
        assertThat(new ShadowModel.Discs(0.01, 0.005, 0.002).umbraSwitch()).isPositive();
    }

    @Test
    void equal_discs_one_radius_apart_hide_the_lens_area() {
        // Lens of two unit circles at distance 1: A = 2·acos(1/2) − (1/2)·√3 = 2π/3 − √3/2;
        // hidden fraction A/π = 0.391002, lit 0.608998.
        double expected = 1 - (2 * Math.PI / 3 - Math.sqrt(3) / 2) / Math.PI;
        assertThat(new ShadowModel.Discs(0.004, 0.004, 0.004).litFraction()).isCloseTo(expected, within(1e-9));
        assertThat(expected).isCloseTo(0.608998, within(1e-6));
    }

    @Test
    void lit_fraction_is_continuous_across_the_contacts() {
        double a = 0.00465;
        double b = 0.0163;
        assertThat(new ShadowModel.Discs(a, b, a + b - 1e-12).litFraction()).isCloseTo(1.0, within(1e-5));
        assertThat(new ShadowModel.Discs(a, b, b - a + 1e-12).litFraction()).isCloseTo(0.0, within(1e-5));
    }
}
