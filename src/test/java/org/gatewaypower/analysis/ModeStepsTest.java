package org.gatewaypower.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.gatewaypower.workspace.Operations;
import org.gatewaypower.workspace.PhaseKind;
import org.junit.jupiter.api.Test;

class ModeStepsTest {

    private static final Instant T0 = Instant.parse("2027-01-01T00:00:00Z");

    private static Operations.OperationPhase phase(long mode, long fromH, long toH) {
        return new Operations.OperationPhase(mode, "p" + mode, PhaseKind.OTHER, mode, "m" + mode,
                T0.plusSeconds(fromH * 3600), T0.plusSeconds(toH * 3600), 0, T0, "test");
    }

    @Test
    void phases_switch_the_mode_and_the_design_mode_returns_between_them() {
        // default mode 1; phase A (mode 2) 10–20 h; phase B (mode 3) 20–30 h; span 0–40 h.
        List<BalanceCalculator.ModeStep> steps = BalanceService.modeSteps(List.of(phase(2, 10, 20), phase(3, 20, 30)),
                1, T0, T0.plusSeconds(40 * 3600));
        assertThat(steps).containsExactly(new BalanceCalculator.ModeStep(36_000, 2),
                new BalanceCalculator.ModeStep(72_000, 3), new BalanceCalculator.ModeStep(108_000, 1));
    }

    @Test
    void a_phase_running_over_the_span_start_applies_from_time_zero_and_one_past_the_end_does_not_return() {
        List<BalanceCalculator.ModeStep> steps = BalanceService.modeSteps(List.of(phase(2, -5, 50)), 1, T0,
                T0.plusSeconds(40 * 3600));
        assertThat(steps).containsExactly(new BalanceCalculator.ModeStep(0, 2));
    }
}
