package org.gatewaypower.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;

import org.gatewaypower.SpringTestBase;
import org.gatewaypower.physics.load.LoadPriority;
import org.gatewaypower.physics.load.MaturityClass;
import org.gatewaypower.workspace.Bus;
import org.gatewaypower.workspace.Drafts.LoadItemDraft;
import org.gatewaypower.workspace.ElementKind;
import org.gatewaypower.workspace.EquipmentService;
import org.gatewaypower.workspace.NetworkService;
import org.gatewaypower.workspace.StructureService;
import org.gatewaypower.workspace.TestWorkspaces;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A hand-worked network: the fixture's HALO (its 20 kW array and its battery, 12 kW discharge) with a 2 kW CBE
 * off-the-shelf 28 V load (MEV × 1.05 = 2100 W) through one 0.94 converter rated 3 kW, and I-Hab (no source) with a
 * 500 W CBE 120 V load (525 W MEV) fed from HALO through a 400 W port. Every load runs at duty 1 and peak =
 * operating, so the sunlit and eclipse peaks and the orbit average coincide.
 */
class NetworkBalanceTest extends SpringTestBase {

    @Autowired
    TestWorkspaces fixtures;

    @Autowired
    StructureService structure;

    @Autowired
    EquipmentService equipment;

    @Autowired
    NetworkService network;

    @Autowired
    BalanceService balances;

    private static LoadItemDraft load(long element, Bus bus, double w, long mode) {
        return new LoadItemDraft(element, "Load " + bus, "Avionics", bus, 1, 0.0, w, w, Map.of(mode, 1.0), null,
                MaturityClass.OFF_THE_SHELF, LoadPriority.CRITICAL);
    }

    @Test
    void converter_losses_bus_currents_and_port_flows_match_the_hand_figures_and_enter_the_balance() {
        TestWorkspaces.Fixture f = fixtures.create("Network balance", 0);
        long ws = f.workspaceId();
        long halo = f.elementId();
        long ihab = structure.addElement(ws, "I-Hab", ElementKind.I_HAB, "ESA", TestWorkspaces.SEEDER);
        equipment.createLoad(ws, load(halo, Bus.V28, 2000, f.activeModeId()), "nasa");
        equipment.createLoad(ws, load(ihab, Bus.V120, 500, f.activeModeId()), "nasa");
        double drawnWithoutNetworkWh = balances.balance(ws).battery().eclipseEnergyDrawnJ() / 3600;
        network.addConverter(ws, new NetworkService.ConverterDraft(halo, "HALO DCU", 0.94, 3000.0), "nasa");
        network.addPort(ws, new NetworkService.PortDraft("HALO-I-Hab", halo, ihab, 400.0), "nasa");

        BalanceReport r = balances.balance(ws);
        NetworkReport.ModeFlows m = r.network().mode(f.activeModeId());
        assertThat(r.network().modelled()).isTrue();
        NetworkReport.ConverterLoad c = m.converters().get(0);
        // 2100 / 0.94 = 2234.04 W in, 134.04 W lost, at the peak and on average.
        assertThat(c.outputW()).isCloseTo(2100, within(1e-9));
        assertThat(c.inputW()).isCloseTo(2234.04, within(0.005));
        assertThat(c.lossW()).isCloseTo(134.04, within(0.005));
        assertThat(c.averageLossW()).isCloseTo(134.04, within(0.005));
        assertThat(c.withinRating()).isTrue();
        // HALO 120 V: 2234.04 W / 120 V = 18.62 A; HALO 28 V: 2100 W / 28 V = 75 A; I-Hab 120 V: 525 / 120 = 4.375 A.
        assertThat(bus(m, halo, 120).peakCurrentA()).isCloseTo(18.617, within(0.0005));
        assertThat(bus(m, halo, 28).peakCurrentA()).isCloseTo(75.0, within(1e-9));
        assertThat(bus(m, halo, 28).averageCurrentA()).isCloseTo(75.0, within(1e-9));
        assertThat(bus(m, ihab, 120).peakCurrentA()).isCloseTo(4.375, within(1e-9));
        // HALO passes I-Hab's 525 W on: over the 400 W limit.
        NetworkReport.PortLoad p = m.ports().get(0);
        assertThat(p.flowW()).isCloseTo(525, within(1e-9));
        assertThat(p.currentA()).isCloseTo(4.375, within(1e-9));
        assertThat(p.withinLimit()).isFalse();
        assertThat(check(r, NetworkCalculator.CONVERTER_CHECK).passed()).isTrue();
        assertThat(check(r, NetworkCalculator.PORT_CHECK).passed()).isFalse();
        assertThat(check(r, NetworkCalculator.PORT_CHECK).figures()).contains("HALO-I-Hab 0.53 kW of 0.40 kW");
        // The battery carries the converter's loss through the 90-min eclipse at ηd 0.95:
        // (2234.04 + 525) × 1.5 / 0.95 = 4356.38 Wh, against (2100 + 525) × 1.5 / 0.95 = 4144.74 Wh without it.
        assertThat(drawnWithoutNetworkWh).isCloseTo(4144.74, within(0.005));
        assertThat(r.battery().eclipseEnergyDrawnJ() / 3600).isCloseTo(4356.38, within(0.005));
        // Every life case of the design orbit judges the network (the mission's eclipse coverage judges the battery).
        assertThat(r.lifeCases()).filteredOn(l -> l.name().equals("BOL") || l.name().equals("EOL")).hasSize(2)
                .allSatisfy(l -> assertThat(l.checks()).extracting(BalanceReport.Check::name)
                .contains(NetworkCalculator.CONVERTER_CHECK, NetworkCalculator.PORT_CHECK));
    }

    @Test
    void a_28_V_load_without_a_converter_fails_the_converter_check_naming_its_element() {
        TestWorkspaces.Fixture f = fixtures.create("Network unconverted", 0);
        long ws = f.workspaceId();
        long ihab = structure.addElement(ws, "I-Hab", ElementKind.I_HAB, "ESA", TestWorkspaces.SEEDER);
        equipment.createLoad(ws, load(f.elementId(), Bus.V28, 1000, f.activeModeId()), "nasa");
        equipment.createLoad(ws, load(ihab, Bus.V28, 300, f.activeModeId()), "nasa");
        network.addConverter(ws, new NetworkService.ConverterDraft(f.elementId(), "HALO DCU", 0.95, 500.0), "nasa");

        BalanceReport r = balances.balance(ws);
        BalanceReport.Check converters = check(r, NetworkCalculator.CONVERTER_CHECK);
        assertThat(converters.passed()).isFalse();
        // 1050 W MEV through a 500 W converter; I-Hab's 315 W at 28 V has none.
        assertThat(converters.figures()).contains("HALO DCU on HALO 1.05 kW of 0.50 kW",
                "28 V loads without a converter on I-Hab");
        // Without ports there is no port check.
        assertThat(r.checks()).noneMatch(c -> c.name().equals(NetworkCalculator.PORT_CHECK));
        assertThat(bus(r.network().mode(f.activeModeId()), ihab, 28).unconvertedW()).isCloseTo(315, within(1e-9));
    }

    /**
     * The margin is at the loads on both sides: a 2 kW load at 28 V through a 0.94 converter draws what a
     * 2 kW / 0.94 = 2127.66 W load at 120 V draws, so the two stations run the same balance; the first sustains 0.94
     * of what the second does as load at the loads (the rest is converter loss), and both have the same margin.
     * Counting the losses in the capability but not in the load would have shown the first a larger one.
     */
    @Test
    void converter_losses_are_not_headroom_the_margin_equals_that_of_the_same_draw_at_120_V() {
        TestWorkspaces.Fixture a = fixtures.create("Network margin 28 V", 0);
        equipment.createLoad(a.workspaceId(), load(a.elementId(), Bus.V28, 2000, a.activeModeId()), "nasa");
        network.addConverter(a.workspaceId(), new NetworkService.ConverterDraft(a.elementId(), "HALO DCU", 0.94,
                3000.0), "nasa");
        TestWorkspaces.Fixture b = fixtures.create("Network margin 120 V", 0);
        equipment.createLoad(b.workspaceId(), load(b.elementId(), Bus.V120, 2000 / 0.94, b.activeModeId()), "nasa");

        BalanceReport viaConverter = balances.balance(a.workspaceId());
        BalanceReport direct = balances.balance(b.workspaceId());

        assertThat(viaConverter.battery().minStateOfCharge()).isCloseTo(direct.battery().minStateOfCharge(),
                within(1e-12));
        assertThat(viaConverter.sustainableLoadW()).isCloseTo(0.94 * direct.sustainableLoadW(), within(1e-6));
        assertThat(viaConverter.powerMargin()).isCloseTo(direct.powerMargin(), within(1e-12));
    }

    private static NetworkReport.BusLoad bus(NetworkReport.ModeFlows m, long element, double voltage) {
        return m.buses().stream().filter(b -> b.elementId() == element && b.voltageV() == voltage).findFirst()
                .orElseThrow();
    }

    private static BalanceReport.Check check(BalanceReport r, String name) {
        return r.checks().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }
}
