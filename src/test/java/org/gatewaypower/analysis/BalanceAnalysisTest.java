package org.gatewaypower.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.gatewaypower.SpringTestBase;
import org.gatewaypower.workspace.Views;
import org.gatewaypower.workspace.WorkspaceService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Life cases and source-driven sizing of the demo workspace, against hand formulas on its own inputs. */
class BalanceAnalysisTest extends SpringTestBase {

    @Autowired
    WorkspaceService workspaces;

    @Autowired
    BalanceService balances;

    private Views.WorkspaceSnapshot demo() {
        long id = workspaces.listWorkspaces().stream().filter(w -> w.name().equals("Gateway demo")).findFirst()
                .orElseThrow().id();
        return workspaces.snapshot(id);
    }

    @Test
    void beginning_of_life_has_the_undegraded_arrays_and_at_least_the_end_of_life_margin() {
        Views.WorkspaceSnapshot ws = demo();
        BalanceReport r = balances.balance(ws);
        BalanceReport.LifeCase bol = r.lifeCases().get(0);
        BalanceReport.LifeCase eol = r.lifeCases().get(1);
        double years = ws.designCase().arrayAgeYears();

        assertThat(bol.name()).isEqualTo("BOL");
        assertThat(eol.name()).isEqualTo("EOL");
        double expectedBol = ws.arrays().stream().mapToDouble(a -> a.ratedPowerW() * a.pathEfficiency()).sum();
        assertThat(bol.sunlitGenerationW()).isCloseTo(expectedBol, within(1e-6));
        double expectedEol = ws.arrays().stream().mapToDouble(a -> a.ratedPowerW() * a.pathEfficiency()
                * Math.pow(1 - a.degradationPerYear(), years)).sum();
        assertThat(eol.sunlitGenerationW()).isCloseTo(expectedEol, within(1e-6));
        assertThat(bol.powerMargin()).isGreaterThanOrEqualTo(eol.powerMargin());
        assertThat(bol.minStateOfCharge()).isGreaterThanOrEqualTo(eol.minStateOfCharge() - 1e-12);
    }

    @Test
    void sizing_of_the_active_mode_is_the_tightest_of_the_margin_peak_and_depth_of_discharge_limits() {
        Views.WorkspaceSnapshot ws = demo();
        BalanceReport r = balances.balance(ws);
        BalanceReport.ModeSizing active = r.sizing().stream().filter(m -> m.modeId() == r.modeId()).findFirst()
                .orElseThrow();

        double capacity = ws.batteries().stream().mapToDouble(Views.Battery::capacityJ).sum();
        double usable = ws.batteries().stream()
                .mapToDouble(b -> b.capacityJ() * (b.initialStateOfCharge() - b.minStateOfCharge())).sum();
        double etaD = ws.batteries().stream().mapToDouble(b -> b.capacityJ() * b.dischargeEfficiency()).sum()
                / capacity;
        double maxDischarge = ws.batteries().stream().mapToDouble(Views.Battery::maxDischargePowerW).sum();
        // margin: (S − (L + x)) / S ≥ 20 %; peak: P + x ≤ discharge limit; DoD: (L + x)·Te / ηd < usable energy
        double byMargin = 0.8 * r.sustainableLoadW() - r.mevAverageLoadW();
        double byPeak = maxDischarge - r.mevPeakLoadW();
        double byDod = usable * etaD / r.longestEclipseS() - r.mevAverageLoadW();
        double expected = Math.max(0, Math.min(byMargin, Math.min(byPeak, byDod)));

        assertThat(active.maxExtraLoadW()).isCloseTo(expected, within(2.0));
        assertThat(r.sizing()).hasSize(ws.modes().size());
    }
}
