package org.gatewaypower.collaboration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.gatewaypower.collaboration.ImpactNoticed.CheckFlip;
import org.gatewaypower.collaboration.ImpactNoticed.FigureChange;
import org.junit.jupiter.api.Test;

/** Thresholds in binary-exact fractions, so that "exactly the threshold" is exact. */
class ImpactComparisonTest {

    private final ImpactComparison comparison = new ImpactComparison(0.125, 0.0625);

    private static KeyResults results(double minSoc, double margin, boolean batteryCheck) {
        return new KeyResults(minSoc, 1 - minSoc, margin, Map.of("Battery floor", batteryCheck, "Margin", true),
                "Crewed EOL");
    }

    @Test
    void a_move_of_exactly_the_threshold_is_not_reported_a_larger_one_is() {
        assertThat(comparison.compare(results(0.5, 0.25, true), results(0.375, 0.3125, true)).isEmpty()).isTrue();

        ImpactComparison.Impact impact = comparison.compare(results(0.5, 0.25, true), results(0.37, 0.25, true));
        assertThat(impact.figures()).containsExactly(new FigureChange("minimum state of charge", 0.5, 0.37),
                new FigureChange("maximum depth of discharge", 0.5, 1 - 0.37));
        assertThat(impact.flips()).isEmpty();
    }

    @Test
    void the_margin_has_its_own_threshold() {
        ImpactComparison.Impact impact = comparison.compare(results(0.5, 0.25, true), results(0.5, 0.1874, true));
        assertThat(impact.figures()).containsExactly(new FigureChange("power margin", 0.25, 0.1874));
    }

    @Test
    void a_flipped_check_is_reported_even_when_no_figure_moved_much() {
        ImpactComparison.Impact impact = comparison.compare(results(0.5, 0.25, true), results(0.49, 0.25, false));
        assertThat(impact.figures()).isEmpty();
        assertThat(impact.flips()).containsExactly(new CheckFlip("Battery floor", false));
        assertThat(comparison.compare(results(0.49, 0.25, false), results(0.5, 0.25, true)).flips())
                .containsExactly(new CheckFlip("Battery floor", true));
    }

    @Test
    void a_margin_that_becomes_infinite_is_reported_and_a_missing_battery_is_not_a_move() {
        assertThat(comparison.compare(results(0.5, 0.25, true), results(0.5, Double.NEGATIVE_INFINITY, true))
                .figures()).extracting(FigureChange::name).containsExactly("power margin");
        assertThat(comparison.compare(results(Double.NaN, 0.25, true), results(Double.NaN, 0.25, true)).isEmpty())
                .isTrue();
    }

    @Test
    void the_message_names_who_what_the_figures_and_the_case() {
        ImpactNoticed notice = new ImpactNoticed(1, "esa", "ESA", "changed load I-Hab cabin heater",
                java.util.List.of(new FigureChange("minimum state of charge", 0.62, 0.55)),
                java.util.List.of(new CheckFlip("Battery floor", false)), "Orion docked EOL");
        assertThat(notice.message()).isEqualTo("ESA (esa) changed load I-Hab cabin heater: minimum state of charge "
                + "62.0 % → 55.0 %, check “Battery floor” now fails, Orion docked EOL case");
    }

    private static KeyResults allocated(double mevW, double allocationW) {
        return new KeyResults(0.5, 0.5, 0.25, Map.of("Margin", true), "Crewed EOL", Map.of("7:1",
                new KeyResults.Allocated("I-Hab", "Crewed", "ESA", mevW, allocationW, mevW <= allocationW)));
    }

    @Test
    void an_element_pushed_over_its_allocation_is_reported_to_its_team_one_already_over_is_not() {
        ImpactComparison.Impact pushed = comparison.compare(allocated(900, 1_000), allocated(1_100, 1_000));
        assertThat(pushed.isEmpty()).isFalse();
        assertThat(pushed.elementsOver()).extracting(KeyResults.Allocated::element).containsExactly("I-Hab");
        assertThat(comparison.compare(allocated(1_100, 1_000), allocated(1_200, 1_000)).isEmpty())
                .as("over before and after: nothing new").isTrue();
        assertThat(comparison.compare(results(0.5, 0.25, true), allocated(1_100, 1_000)).elementsOver())
                .as("a new allocation already exceeded").hasSize(1);

        ImpactNoticed notice = new ImpactNoticed(1, "nasa", "NASA", "changed load I-Hab galley", java.util.List.of(),
                java.util.List.of(), "Crewed EOL", pushed.elementsOver());
        assertThat(notice.message()).isEqualTo("NASA (nasa) changed load I-Hab galley: I-Hab over its power "
                + "allocation in Crewed (MEV 1.10 kW > 1.00 kW), Crewed EOL case");
        assertThat(notice.overFor("ESA")).hasSize(1);
        assertThat(notice.overFor("NASA")).isEmpty();
        assertThat(notice.overFor(null)).isEmpty();
    }
}
