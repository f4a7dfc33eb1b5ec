package org.gatewaypower.physics.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Hand-worked networks. The station: PPE (the only source, no load) → HALO (1 kW at 120 V, 2 kW at 28 V through
 * one 0.94 converter rated 3 kW) → I-Hab (500 W at 120 V).
 */
class PowerNetworkTest {

    static final List<NetworkNode> STATION = List.of(new NetworkNode("PPE", 0, 0, 1),
            new NetworkNode("HALO", 1000, 2000, 0), new NetworkNode("I-Hab", 500, 0, 0));
    static final List<ConverterSpec> ONE_CONVERTER = List.of(new ConverterSpec("HALO DCU", 1, 0.94, 3000));

    @Test
    void a_converter_draws_load_over_efficiency_and_the_buses_carry_power_over_voltage() {
        NetworkFlows f = PowerNetwork.solve(STATION, ONE_CONVERTER, List.of(new PortSpec("PPE-HALO", 0, 1, 24_000),
                new PortSpec("HALO-I-Hab", 1, 2, 400)));
        NetworkFlows.ConverterFlow c = f.converters().get(0);
        // 2000 / 0.94 = 2127.66 W in, 127.66 W lost; 2000 / 28 = 71.43 A out, 2127.66 / 120 = 17.73 A in.
        assertThat(c.outputW()).isCloseTo(2000, within(1e-9));
        assertThat(c.inputW()).isCloseTo(2127.66, within(0.005));
        assertThat(c.lossW()).isCloseTo(127.66, within(0.005));
        assertThat(c.outputCurrentA()).isCloseTo(71.43, within(0.005));
        assertThat(c.inputCurrentA()).isCloseTo(17.73, within(0.005));
        assertThat(c.withinRating()).isTrue();
        NetworkFlows.NodeFlow halo = f.nodes().get(1);
        // HALO's 120 V bus: 1000 W of loads + 2127.66 W into the converter = 3127.66 W, 26.06 A.
        assertThat(halo.primaryBusW()).isCloseTo(3127.66, within(0.005));
        assertThat(halo.primaryCurrentA()).isCloseTo(26.06, within(0.005));
        assertThat(halo.secondaryCurrentA()).isCloseTo(71.43, within(0.005));
        // PPE supplies all: 3127.66 + 500 = 3627.66 W; HALO passes 500 W on to I-Hab, over its 400 W limit.
        assertThat(f.nodes().get(0).sourceW()).isCloseTo(3627.66, within(0.005));
        assertThat(f.ports().get(0).flowW()).isCloseTo(3627.66, within(0.005));
        assertThat(f.ports().get(0).currentA()).isCloseTo(30.23, within(0.005));
        assertThat(f.ports().get(0).withinLimit()).isTrue();
        assertThat(f.ports().get(1).flowW()).isCloseTo(500, within(1e-9));
        assertThat(f.ports().get(1).withinLimit()).isFalse();
        assertThat(f.converterLossW()).isCloseTo(127.66, within(0.005));
        assertThat(f.unsupplied()).isEmpty();
    }

    @Test
    void a_port_drawn_the_other_way_carries_a_negative_flow() {
        NetworkFlows f = PowerNetwork.solve(STATION, ONE_CONVERTER, List.of(new PortSpec("HALO-PPE", 1, 0, 24_000),
                new PortSpec("I-Hab-HALO", 2, 1, 600)));
        assertThat(f.ports().get(0).flowW()).isCloseTo(-3627.66, within(0.005));
        assertThat(f.ports().get(1).flowW()).isCloseTo(-500, within(1e-9));
        assertThat(f.ports().get(1).withinLimit()).isTrue();
    }

    @Test
    void converters_of_one_element_share_its_28_V_load_by_rating() {
        // 3 kW at 28 V over ratings 2 kW and 1 kW: 2000 W through the 0.9 one (2222.22 in, 222.22 lost) and
        // 1000 W through the 0.8 one (1250 in, 250 lost).
        NetworkFlows f = PowerNetwork.solve(List.of(new NetworkNode("HALO", 0, 3000, 1)),
                List.of(new ConverterSpec("A", 0, 0.9, 2000), new ConverterSpec("B", 0, 0.8, 1000)), List.of());
        assertThat(f.converters().get(0).outputW()).isCloseTo(2000, within(1e-9));
        assertThat(f.converters().get(0).lossW()).isCloseTo(222.22, within(0.005));
        assertThat(f.converters().get(1).inputW()).isCloseTo(1250, within(1e-9));
        assertThat(f.converters().get(1).lossW()).isCloseTo(250, within(1e-9));
        assertThat(f.nodes().get(0).sourceW()).isCloseTo(3472.22, within(0.005));
    }

    @Test
    void a_converter_over_its_rating_fails_and_a_28_V_load_without_one_is_counted_as_unconverted() {
        NetworkFlows over = PowerNetwork.solve(List.of(new NetworkNode("HALO", 0, 2000, 1)),
                List.of(new ConverterSpec("small", 0, 0.95, 1500)), List.of());
        assertThat(over.converters().get(0).withinRating()).isFalse();
        NetworkFlows none = PowerNetwork.solve(List.of(new NetworkNode("Airlock", 100, 300, 1)), List.of(), List.of());
        assertThat(none.nodes().get(0).unconvertedW()).isEqualTo(300);
        assertThat(none.nodes().get(0).primaryBusW()).isEqualTo(400);
    }

    @Test
    void several_sources_share_the_demand_by_weight_and_an_isolated_load_is_unsupplied() {
        // 4 kW of demand at the middle element, sources weighted 1 : 3 on either side: 1 kW and 3 kW flow in.
        List<NetworkNode> nodes = List.of(new NetworkNode("A", 0, 0, 1), new NetworkNode("B", 4000, 0, 0),
                new NetworkNode("C", 0, 0, 3), new NetworkNode("D", 50, 0, 0));
        NetworkFlows f = PowerNetwork.solve(nodes, List.of(), List.of(new PortSpec("A-B", 0, 1, 5000),
                new PortSpec("B-C", 1, 2, 5000)));
        assertThat(f.ports().get(0).flowW()).isCloseTo(1000, within(1e-9));
        assertThat(f.ports().get(1).flowW()).isCloseTo(-3000, within(1e-9));
        assertThat(f.unsupplied()).containsExactly(3);
    }

    @Test
    void ports_that_close_a_loop_are_refused() {
        List<PortSpec> triangle = List.of(new PortSpec("a", 0, 1, 1), new PortSpec("b", 1, 2, 1),
                new PortSpec("c", 2, 0, 1));
        assertThat(PowerNetwork.firstLoop(3, triangle).name()).isEqualTo("c");
        assertThat(PowerNetwork.firstLoop(3, triangle.subList(0, 2))).isNull();
        assertThatThrownBy(() -> PowerNetwork.solve(STATION, List.of(), triangle))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("port c closes a loop");
    }

    @Test
    void records_refuse_values_outside_their_ranges() {
        assertThatThrownBy(() -> new ConverterSpec("x", 0, 0, 1)).hasMessageContaining("(0, 1]");
        assertThatThrownBy(() -> new ConverterSpec("x", 0, 1.01, 1)).hasMessageContaining("(0, 1]");
        assertThatThrownBy(() -> new ConverterSpec("x", 0, 0.9, 0)).hasMessageContaining("> 0 W");
        assertThatThrownBy(() -> new PortSpec("x", 1, 1, 10)).hasMessageContaining("with itself");
        assertThatThrownBy(() -> new PortSpec("x", 0, 1, -1)).hasMessageContaining("> 0 W");
        assertThatThrownBy(() -> new NetworkNode("x", -1, 0, 0)).hasMessageContaining("primary load");
        assertThat(new ConverterSpec("x", 0, 1.0, 1).efficiency()).isEqualTo(1.0);
    }
}
