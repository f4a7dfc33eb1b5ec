package org.gatewaypower.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;

import org.gatewaypower.SpringTestBase;
import org.gatewaypower.analysis.BalanceReport;
import org.gatewaypower.analysis.BalanceService;
import org.gatewaypower.analysis.NetworkReport;
import org.gatewaypower.workspace.Bus;
import org.gatewaypower.workspace.ReadModels;
import org.gatewaypower.workspace.WorkspaceService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The demo's illustrative network: every element with 28 V loads has a converter, the PPE feeds HALO through one
 * 24 kW port and HALO the rest, and the converter and port checks pass in every mode of the run.
 */
class DemoNetworkTest extends SpringTestBase {

    @Autowired
    WorkspaceService workspaces;

    @Autowired
    BalanceService balances;

    @Test
    void every_28_V_load_has_a_converter_and_the_network_checks_pass() {
        ReadModels.WorkspaceSnapshot ws = org.gatewaypower.workspace.TestWorkspaces.demo(workspaces);
        Set<Long> converted = ws.converters().stream().map(ReadModels.Converter::elementId).collect(Collectors.toSet());
        assertThat(ws.loads()).filteredOn(l -> l.bus() == Bus.V28)
                .allSatisfy(l -> assertThat(converted).as(l.name()).contains(l.elementId()));
        assertThat(ws.ports()).hasSize(7).anySatisfy(p -> {
            assertThat(ws.element(p.fromElementId()).name()).isEqualTo("PPE");
            assertThat(ws.element(p.toElementId()).name()).isEqualTo("HALO");
            assertThat(p.limitW()).isEqualTo(24_000);
        });

        BalanceReport r = balances.balance(ws, false);
        NetworkReport.ModeFlows m = r.network().mode(r.modeId());
        assertThat(m.unsupplied()).isEmpty();
        assertThat(r.checks()).filteredOn(c -> c.name().equals(NetworkReport.CONVERTER_CHECK)
                || c.name().equals(NetworkReport.PORT_CHECK)).hasSize(2)
                .allSatisfy(c -> assertThat(c.passed()).as(c.figures()).isTrue());
        assertThat(m.averageLossW()).isGreaterThan(0);
    }
}
