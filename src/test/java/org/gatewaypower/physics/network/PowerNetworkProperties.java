package org.gatewaypower.physics.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Conservation on random trees: at every element, what enters (its source and the ports' inflows) equals what it
 * uses (its loads on both buses and its converters' losses); over a supplied network the sources equal the loads
 * plus the losses.
 */
class PowerNetworkProperties {

    record Case(List<NetworkNode> nodes, List<ConverterSpec> converters, List<PortSpec> ports) {
    }

    @Property(tries = 500)
    void power_is_conserved_at_every_element(@ForAll("networks") Case c) {
        NetworkFlows f = PowerNetwork.solve(c.nodes(), c.converters(), c.ports());
        int n = c.nodes().size();
        double[] inflow = new double[n];
        for (NetworkFlows.PortFlow p : f.ports()) {
            inflow[p.to()] += p.flowW();
            inflow[p.from()] -= p.flowW();
        }
        double[] losses = new double[n];
        f.converters().forEach(x -> losses[x.node()] += x.lossW());
        double scale = c.nodes().stream().mapToDouble(x -> x.primaryLoadW() + x.secondaryLoadW()).sum() + 1;
        double sources = 0;
        double uses = 0;
        for (int i = 0; i < n; i++) {
            NetworkNode node = c.nodes().get(i);
            double used = node.primaryLoadW() + node.secondaryLoadW() + losses[i];
            assertThat(f.nodes().get(i).sourceW() + inflow[i]).isCloseTo(used, within(1e-9 * scale * 2));
            sources += f.nodes().get(i).sourceW();
            uses += used;
        }
        assertThat(f.unsupplied()).isEmpty();
        assertThat(sources).isCloseTo(uses, within(1e-9 * scale * 2));
        assertThat(uses).isGreaterThanOrEqualTo(sources - 1e-9 * scale);
        f.converters().forEach(x -> assertThat(x.lossW()).isGreaterThanOrEqualTo(0));
    }

    /** Random trees (each element after the first hangs on an earlier one), with a source at element 0. */
    @Provide
    Arbitrary<Case> networks() {
        Arbitrary<Integer> size = Arbitraries.integers().between(1, 12);
        return size.flatMap(n -> {
            Arbitrary<List<Double>> primary = Arbitraries.doubles().between(0, 20_000).list().ofSize(n);
            Arbitrary<List<Double>> secondary = Arbitraries.doubles().between(0, 5_000).list().ofSize(n);
            Arbitrary<List<Double>> weights = Arbitraries.doubles().between(0, 10).list().ofSize(n);
            Arbitrary<List<Double>> efficiencies = Arbitraries.doubles().between(0.5, 1.0).list().ofSize(n);
            Arbitrary<List<Integer>> parents = Arbitraries.integers().between(0, Integer.MAX_VALUE).list().ofSize(n);
            Arbitrary<List<Boolean>> flips = Arbitraries.of(true, false).list().ofSize(n);
            return Combinators.combine(primary, secondary, weights, efficiencies, parents, flips)
                    .as((p, s, w, eff, par, flip) -> {
                        List<NetworkNode> nodes = new ArrayList<>();
                        List<ConverterSpec> converters = new ArrayList<>();
                        List<PortSpec> ports = new ArrayList<>();
                        for (int i = 0; i < n; i++) {
                            nodes.add(new NetworkNode("e" + i, p.get(i), s.get(i), i == 0 ? 1 + w.get(i) : w.get(i)));
                            if (i % 3 != 2) {
                                converters.add(new ConverterSpec("c" + i, i, eff.get(i), 1000 + i));
                            }
                            if (i % 4 == 1) {
                                converters.add(new ConverterSpec("d" + i, i, 1.0, 500));
                            }
                            if (i > 0) {
                                int parent = par.get(i) % i;
                                ports.add(flip.get(i) ? new PortSpec("p" + i, i, parent, 1e6)
                                        : new PortSpec("p" + i, parent, i, 1e6));
                            }
                        }
                        return new Case(nodes, converters, ports);
                    });
        });
    }
}
