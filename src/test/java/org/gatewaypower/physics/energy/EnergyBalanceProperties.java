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
import org.gatewaypower.physics.load.EclipseShedding;

/**
 * Invariants that must hold over every run, whatever the inputs: random timelines, arrays, batteries, load
 * steps with different sunlit and shadow levels, and every eclipse shedding policy.
 */
class EnergyBalanceProperties {

    @Property(tries = 1500)
    void ledger_closes_and_state_of_charge_stays_within_limits(@ForAll("inputs") EnergyBalanceInput in) {
        EnergyBalanceRun run = EnergyBalanceSimulator.run(in);
        BatteryBank b = in.battery();
        double eps = 1e-9 * b.capacityJ();

        EnergyLedger l = run.ledger();
        assertThat(l.relativeClosureError()).isLessThan(1e-9);
        assertThat(l.relativeDemandError()).isLessThan(1e-9);
        // demand = delivered + shed at the floor + off in eclipse + unserved, written out rather than trusted to
        // the ledger's own helper
        assertThat(l.deliveredJ() + l.shedJ() + l.offInEclipseJ() + l.unservedJ()).isCloseTo(l.demandJ(),
                org.assertj.core.api.Assertions.within(1e-9 * Math.max(1, l.demandJ())));
        assertThat(l.offInEclipseJ()).isGreaterThanOrEqualTo(0);
        if (in.eclipseShedding() == EclipseShedding.NONE) {
            assertThat(l.offInEclipseJ()).isZero();
        }
        double finalStored = run.states().get(run.states().size() - 1).storedJ();
        assertThat(l.storedChangeJ()).isCloseTo(finalStored - b.initialJ(),
                org.assertj.core.api.Assertions.within(1e-9 * b.capacityJ()));
        assertThat(l.curtailedJ()).isGreaterThanOrEqualTo(-1e-6);
        assertThat(l.unservedJ()).isGreaterThanOrEqualTo(0);
        assertThat(l.lossesJ()).isGreaterThanOrEqualTo(0);
        // only what was offered can be drawn
        assertThat(l.importedJ()).isBetween(0.0, offeredSupplyEnergy(in) * (1 + 1e-9) + 1e-6);
        assertThat(l.availableJ()).isCloseTo(agedFluxEnergy(in),
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
    void more_supply_never_lowers_the_minimum_state_of_charge(@ForAll("inputs") EnergyBalanceInput in) {
        EnergyBalanceRun base = EnergyBalanceSimulator.run(in);
        LoadSchedule more = new LoadSchedule(in.loads().steps().stream()
                .map(s -> new LoadSchedule.Step(s.startS(), s.sunlit(), s.shadow(), s.supplyW() + 500)).toList());
        EnergyBalanceRun supplied = EnergyBalanceSimulator.run(in.withLoads(more));
        assertThat(supplied.minStateOfCharge()).isGreaterThanOrEqualTo(base.minStateOfCharge() - 1e-12);
        assertThat(supplied.ledger().importedJ()).isGreaterThanOrEqualTo(base.ledger().importedJ() - 1e-6);
    }

    @Property(tries = 200)
    void more_load_never_raises_the_minimum_state_of_charge(@ForAll("inputs") EnergyBalanceInput in) {
        EnergyBalanceRun base = EnergyBalanceSimulator.run(in);
        EnergyBalanceRun heavier = EnergyBalanceSimulator.run(in.withLoads(in.loads().map(l -> l.plusCritical(100))));
        assertThat(heavier.minStateOfCharge()).isLessThanOrEqualTo(base.minStateOfCharge() + 1e-12);
        assertThat(heavier.ledger().unservedJ() + heavier.ledger().shedJ())
                .isGreaterThanOrEqualTo(base.ledger().unservedJ() + base.ledger().shedJ() - 1e-6);
    }

    @Property(tries = 400)
    void shedding_respects_priority(@ForAll("inputs") EnergyBalanceInput in) {
        EnergyBalanceRun run = EnergyBalanceSimulator.run(in);
        List<LoadSchedule.Step> steps = in.loads().steps();
        for (PowerState s : run.states()) {
            LoadLevel demand = levelAt(steps, s.timeS(), s.litFraction() < 1);
            LoadLevel level = kept(in, demand, s);
            assertThat(s.loadW()).isCloseTo(demand.totalW(), org.assertj.core.api.Assertions.within(1e-9));
            assertThat(s.offInEclipseW()).isCloseTo(demand.totalW() - level.totalW(),
                    org.assertj.core.api.Assertions.within(1e-6));
            double sheddable = level.essentialW() + level.deferrableW();
            assertThat(s.shedW()).isLessThanOrEqualTo(sheddable + 1e-9);
            if (s.unservedW() > 1e-9) {
                // critical load goes short only when everything sheddable is already off
                assertThat(s.shedW()).isCloseTo(sheddable, org.assertj.core.api.Assertions.within(1e-6));
            }
            assertThat(s.unservedW()).isLessThanOrEqualTo(level.criticalW() + 1e-9);
        }
        // essential loads are shed only while every deferrable load is off
        for (PowerState s : run.states()) {
            if (s.shedEssentialW() > 0) {
                assertThat(s.shedDeferrableW()).isCloseTo(
                        kept(in, levelAt(steps, s.timeS(), s.litFraction() < 1), s).deferrableW(),
                        org.assertj.core.api.Assertions.within(1e-9));
            }
        }
        double tolerance = 1e-9 * Math.max(1, run.ledger().demandJ());
        double shedEnergy = run.shedding().stream().filter(x -> !x.planned()).mapToDouble(ShedInterval::energyJ)
                .sum();
        assertThat(shedEnergy).isCloseTo(run.ledger().shedJ(), org.assertj.core.api.Assertions.within(tolerance));
        double plannedEnergy = run.shedding().stream().filter(ShedInterval::planned).mapToDouble(ShedInterval::energyJ)
                .sum();
        assertThat(plannedEnergy).isCloseTo(run.ledger().offInEclipseJ(),
                org.assertj.core.api.Assertions.within(tolerance));
    }

    /** The step's level in force at {@code t}: its shadow level when {@code inEclipse}. */
    private static LoadLevel levelAt(List<LoadSchedule.Step> steps, double t, boolean inEclipse) {
        LoadLevel level = steps.get(0).level(inEclipse);
        for (LoadSchedule.Step s : steps) {
            if (s.startS() <= t) {
                level = s.level(inEclipse);
            }
        }
        return level;
    }

    /** What the eclipse plan leaves on of {@code demand} in state {@code s}. */
    private static LoadLevel kept(EnergyBalanceInput in, LoadLevel demand, PowerState s) {
        return s.litFraction() < 1 ? demand.keptOnBy(in.eclipseShedding()) : demand;
    }

    /** Energy the steps' external supplies offer over the run (J). */
    private static double offeredSupplyEnergy(EnergyBalanceInput in) {
        List<LoadSchedule.Step> steps = in.loads().steps();
        double end = in.timeline().durationS();
        double sum = 0;
        for (int i = 0; i < steps.size(); i++) {
            double to = i + 1 < steps.size() ? Math.min(end, steps.get(i + 1).startS()) : end;
            sum += steps.get(i).supplyW() * Math.max(0, to - steps.get(i).startS());
        }
        return sum;
    }

    /** Array energy available over the run, with the arrays ageing through it (J). */
    private static double agedFluxEnergy(EnergyBalanceInput in) {
        double sum = 0;
        double t = 0;
        for (SunlightSegment s : in.timeline().segments()) {
            double age = in.arrayAgeYears() + (t + s.durationS() / 2) / EnergyBalanceSimulator.SECONDS_PER_YEAR;
            sum += in.arrayTerminalPowerW(age) * s.durationS() * s.relativeFlux();
            t += s.durationS();
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
        Arbitrary<LoadLevel> level = Combinators.combine(Arbitraries.doubles().between(0, 30_000),
                Arbitraries.doubles().between(0, 20_000), Arbitraries.doubles().between(0, 20_000)).as(LoadLevel::new);
        Arbitrary<List<Double>> fractions = Arbitraries.doubles().between(0.01, 0.99).list().ofMaxSize(3);
        // Most steps without a supply (as without a docked vehicle), some with one up to 20 kW.
        Arbitrary<List<Double>> supplies = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(2, Arbitraries.just(0.0)),
                net.jqwik.api.Tuple.of(1, Arbitraries.doubles().between(0, 20_000))).list().ofSize(4);
        return Combinators.combine(timeline, array.list().ofMaxSize(3), Arbitraries.doubles().between(0, 20),
                battery.list().ofMinSize(1).ofMaxSize(3), level.list().ofMinSize(8).ofMaxSize(8), fractions,
                Arbitraries.of(EclipseShedding.class), supplies)
                .as((t, arrays, age, batteries, levels, cuts, policy, supply) -> new EnergyBalanceInput(t,
                        new ArrayList<>(arrays), age, BatteryBank.of(List.copyOf(batteries)),
                        schedule(t.durationS(), levels, cuts, supply), policy));
    }

    /**
     * Up to four steps; step {@code i} is sunlit at {@code levels[i]} and in shadow at {@code levels[i + 4]}, with
     * the external supply {@code supplies[i]}.
     */
    private static LoadSchedule schedule(double duration, List<LoadLevel> levels, List<Double> cuts,
                                         List<Double> supplies) {
        List<Double> starts = cuts.stream().map(c -> Math.rint(c * duration)).filter(x -> x > 0).distinct().sorted()
                .toList();
        List<LoadSchedule.Step> steps = new ArrayList<>();
        steps.add(new LoadSchedule.Step(0.0, levels.get(0), levels.get(4), supplies.get(0)));
        for (int i = 0; i < starts.size(); i++) {
            steps.add(new LoadSchedule.Step(starts.get(i), levels.get(i + 1), levels.get(i + 5), supplies.get(i + 1)));
        }
        return new LoadSchedule(steps);
    }
}
