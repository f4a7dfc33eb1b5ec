package org.gatewaypower.physics.energy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Invariants that must hold over every run, whatever the inputs. */
class EnergyBalanceProperties {

    @Property(tries = 400)
    void ledger_closes_and_state_of_charge_stays_within_limits(@ForAll("inputs") EnergyBalanceInput in) {
        EnergyBalanceRun run = EnergyBalanceSimulator.run(in);
        BatteryBank b = in.battery();
        double eps = 1e-9 * b.capacityJ();

        EnergyLedger l = run.ledger();
        assertThat(l.relativeClosureError()).isLessThan(1e-9);
        assertThat(l.relativeDemandError()).isLessThan(1e-9);
        double finalStored = run.states().get(run.states().size() - 1).storedJ();
        assertThat(l.storedChangeJ()).isCloseTo(finalStored - b.initialJ(),
                org.assertj.core.api.Assertions.within(1e-9 * b.capacityJ()));
        assertThat(l.curtailedJ()).isGreaterThanOrEqualTo(-1e-6);
        assertThat(l.unservedJ()).isGreaterThanOrEqualTo(0);
        assertThat(l.lossesJ()).isGreaterThanOrEqualTo(0);
        assertThat(l.availableJ()).isCloseTo(in.arrayTerminalPowerW() * relativeFluxTime(in.timeline()),
                org.assertj.core.api.Assertions.within(1e-6 * Math.max(1, l.availableJ())));

        for (PowerState s : run.states()) {
            assertThat(s.storedJ()).isBetween(b.floorJ() - eps, b.ceilingJ() + eps);
            assertThat(s.stateOfCharge()).isBetween(0.0, 1.0);
            assertThat(s.batteryPowerW()).isBetween(-b.maxDischargePowerW() - 1e-9, b.maxChargePowerW() + 1e-9);
        }
        for (PowerState s : run.sampleEvery(Math.max(60, in.timeline().durationS() / 500))) {
            assertThat(s.storedJ()).isBetween(b.floorJ() - eps, b.ceilingJ() + eps);
        }
        assertThat(run.durationS()).isCloseTo(in.timeline().durationS(), org.assertj.core.api.Assertions.within(1e-6));
    }

    @Property(tries = 200)
    void more_load_never_raises_the_minimum_state_of_charge(@ForAll("inputs") EnergyBalanceInput in) {
        EnergyBalanceRun base = EnergyBalanceSimulator.run(in);
        EnergyBalanceRun heavier = EnergyBalanceSimulator.run(in.withLoadPowerW(in.loadPowerW() * 1.1 + 100));
        assertThat(heavier.minStateOfCharge()).isLessThanOrEqualTo(base.minStateOfCharge() + 1e-12);
        assertThat(heavier.ledger().unservedJ()).isGreaterThanOrEqualTo(base.ledger().unservedJ() - 1e-6);
    }

    private static double relativeFluxTime(SunlightTimeline t) {
        double sum = 0;
        for (SunlightSegment s : t.segments()) {
            sum += s.durationS() * s.relativeFlux();
        }
        return sum;
    }

    @Provide
    Arbitrary<EnergyBalanceInput> inputs() {
        Arbitrary<SunlightSegment> segment = Combinators.combine(
                Arbitraries.doubles().between(1, 20_000),
                Arbitraries.oneOf(Arbitraries.just(0.0), Arbitraries.just(1.0), Arbitraries.doubles().between(0, 1)),
                Arbitraries.doubles().between(0.98, 1.02)).as(SunlightSegment::new);
        Arbitrary<SunlightTimeline> timeline = segment.list().ofMinSize(1).ofMaxSize(12).map(SunlightTimeline::new);
        Arbitrary<SolarArraySpec> array = Combinators.combine(
                Arbitraries.doubles().between(0, 80_000),
                Arbitraries.doubles().between(0, 0.05),
                Arbitraries.doubles().between(0.5, 1.0)).as((p, d, e) -> new SolarArraySpec("a", p, d, e));
        Arbitrary<BatterySpec> battery = Combinators.combine(
                Arbitraries.doubles().between(0.1, 200).map(kwh -> kwh * 3.6e6),
                Arbitraries.doubles().between(0, 0.6),
                Arbitraries.doubles().between(0.05, 0.4),
                Arbitraries.doubles().between(0.0, 1.0),
                Arbitraries.doubles().between(0.5, 1.0),
                Arbitraries.doubles().between(0.5, 1.0),
                Arbitraries.doubles().between(0, 30_000),
                Arbitraries.doubles().between(0, 30_000)).as((cap, floor, window, at, etaC, etaD, pc, pd) -> {
                    double ceiling = Math.min(1.0, floor + window);
                    double initial = floor + at * (ceiling - floor);
                    return new BatterySpec("b", cap, floor, ceiling, etaC, etaD, pc, pd, initial);
                });
        return Combinators.combine(timeline, array.list().ofMaxSize(3), Arbitraries.doubles().between(0, 20),
                battery.list().ofMinSize(1).ofMaxSize(3), Arbitraries.doubles().between(0, 60_000))
                .as((t, arrays, age, batteries, load) -> new EnergyBalanceInput(t, new ArrayList<>(arrays), age,
                        BatteryBank.of(List.copyOf(batteries)), load));
    }
}
