package org.gatewaypower.physics.energy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.gatewaypower.physics.energy.Fixtures.KWH;
import static org.gatewaypower.physics.energy.Fixtures.array;
import static org.gatewaypower.physics.energy.Fixtures.bank;
import static org.gatewaypower.physics.energy.Fixtures.dark;
import static org.gatewaypower.physics.energy.Fixtures.sun;

import java.util.ArrayList;
import java.util.List;

import org.gatewaypower.physics.load.LoadPriority;
import org.junit.jupiter.api.Test;

/** Load shedding, mode changes, orbit closure and sizing: hand-computed cases. */
class SheddingTest {

    @Test
    void battery_at_its_floor_in_eclipse_sheds_deferrable_then_essential_and_critical_goes_unserved() {
        // Floor reached already; 1 h of eclipse; critical 2 kW, essential 3 kW, deferrable 4 kW:
        // shed 4 kWh deferrable and 3 kWh essential, 2 kWh of critical load unserved.
        BatteryBank b = bank(10, 0.3, 1.0, 0.3, 0.95, 0.95, 10_000, 10_000);
        EnergyBalanceInput in = new EnergyBalanceInput(dark(3600), List.of(), 0, b,
                LoadSchedule.constant(new LoadLevel(2_000, 3_000, 4_000)));
        EnergyBalanceRun run = EnergyBalanceSimulator.run(in);

        assertThat(run.ledger().shedDeferrableJ() / KWH).isCloseTo(4.0, within(1e-9));
        assertThat(run.ledger().shedEssentialJ() / KWH).isCloseTo(3.0, within(1e-9));
        assertThat(run.ledger().unservedJ() / KWH).isCloseTo(2.0, within(1e-9));
        assertThat(run.ledger().deliveredJ()).isCloseTo(0.0, within(1e-6));
        assertThat(run.shedding()).extracting(ShedInterval::priority)
                .containsExactlyInAnyOrder(LoadPriority.DEFERRABLE, LoadPriority.ESSENTIAL);
        assertThat(run.shedding()).allSatisfy(s -> assertThat(s.durationS()).isCloseTo(3600, within(1e-9)));
    }

    @Test
    void in_sunlight_at_the_floor_only_as_much_deferrable_load_is_shed_as_the_arrays_lack() {
        // Bus 6 kW, demand 2 + 3 + 4 = 9 kW, battery at its floor: shed 3 kW of deferrable load for 1 h.
        BatteryBank b = bank(10, 0.3, 1.0, 0.3, 0.95, 0.95, 10_000, 10_000);
        EnergyBalanceInput in = new EnergyBalanceInput(sun(3600), array(6_000, 1.0), 0, b,
                LoadSchedule.constant(new LoadLevel(2_000, 3_000, 4_000)));
        EnergyBalanceRun run = EnergyBalanceSimulator.run(in);

        assertThat(run.ledger().shedDeferrableJ() / KWH).isCloseTo(3.0, within(1e-9));
        assertThat(run.ledger().shedEssentialJ()).isZero();
        assertThat(run.ledger().unservedJ()).isZero();
        assertThat(run.shedding()).singleElement().satisfies(s -> {
            assertThat(s.priority()).isEqualTo(LoadPriority.DEFERRABLE);
            assertThat(s.maxPowerW()).isCloseTo(3_000, within(1e-9));
        });
    }

    @Test
    void discharging_starts_shedding_exactly_when_the_floor_is_reached() {
        // 10 kWh, 100 % → floor 50 %: 5 kWh usable, η = 1; 5 kW of deferrable load: floor after 1 h, then
        // the deferrable load is shed for the remaining 30 min (2.5 kWh).
        BatteryBank b = bank(10, 0.5, 1.0, 1.0, 1.0, 1.0, 10_000, 10_000);
        EnergyBalanceInput in = new EnergyBalanceInput(dark(5400), List.of(), 0, b,
                LoadSchedule.constant(new LoadLevel(0, 0, 5_000)));
        EnergyBalanceRun run = EnergyBalanceSimulator.run(in);

        assertThat(run.shedding()).singleElement().satisfies(s -> {
            assertThat(s.startS()).isCloseTo(3600, within(1e-6));
            assertThat(s.energyJ() / KWH).isCloseTo(2.5, within(1e-9));
        });
        assertThat(run.timeAtFloorS()).isCloseTo(1800, within(1e-6));
    }

    @Test
    void a_load_step_starting_exactly_at_the_end_sets_the_closing_state() {
        // Found by the shedding property: the last state must carry the level in force at the end.
        BatteryBank b = bank(10, 0.0, 1.0, 0.0, 0.5, 0.5, 0, 0);
        LoadSchedule steps = new LoadSchedule(List.of(new LoadSchedule.Step(0, new LoadLevel(0, 0, 1)),
                new LoadSchedule.Step(60, new LoadLevel(0, 0, 0))));
        EnergyBalanceRun run = EnergyBalanceSimulator.run(new EnergyBalanceInput(dark(60), List.of(), 0, b, steps));

        PowerState last = run.states().get(run.states().size() - 1);
        assertThat(last.timeS()).isEqualTo(60.0);
        assertThat(last.loadW()).isZero();
        assertThat(last.shedW()).isZero();
        assertThat(run.ledger().shedDeferrableJ()).isCloseTo(60.0, within(1e-12));
    }

    @Test
    void a_mode_change_inside_an_eclipse_is_an_exact_event() {
        // 5 kW for 30 min then 10 kW for 30 min, η = 1: 2.5 + 5 = 7.5 kWh removed; the change is a state.
        BatteryBank b = bank(50, 0.0, 1.0, 1.0, 1.0, 1.0, 20_000, 20_000);
        LoadSchedule modes = new LoadSchedule(List.of(new LoadSchedule.Step(0, LoadLevel.critical(5_000)),
                new LoadSchedule.Step(1800, LoadLevel.critical(10_000))));
        EnergyBalanceRun run = EnergyBalanceSimulator.run(new EnergyBalanceInput(dark(3600), List.of(), 0, b, modes));

        assertThat((b.initialJ() - run.states().get(run.states().size() - 1).storedJ()) / KWH)
                .isCloseTo(7.5, within(1e-9));
        assertThat(run.states()).anySatisfy(s -> {
            assertThat(s.timeS()).isEqualTo(1800.0);
            assertThat(s.loadW()).isEqualTo(10_000.0);
        });
    }

    @Test
    void orbits_that_do_not_regain_their_eclipse_energy_are_reported() {
        // Three design orbits in a row (6 h, 1 h eclipse), bus 12 kW, η = 1, battery half full so it never
        // tops out: sustainable load 12 × 5 / 6 = 10 kW. At 11 kW every orbit loses energy; at 9 kW none does.
        BatteryBank b = bank(500, 0.0, 1.0, 0.5, 1.0, 1.0, 1e6, 1e6);
        List<SunlightSegment> segments = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            segments.addAll(SunlightTimeline.designOrbit(6 * 3600, 3600).segments());
        }
        SunlightTimeline three = new SunlightTimeline(segments);

        EnergyBalanceRun heavy = EnergyBalanceSimulator.run(new EnergyBalanceInput(three, array(12_000, 1.0), 0, b,
                11_000));
        EnergyBalanceRun light = EnergyBalanceSimulator.run(new EnergyBalanceInput(three, array(12_000, 1.0), 0, b,
                9_000));

        assertThat(heavy.orbitsNotClosing(6 * 3600)).containsExactly(0.0, 21_600.0, 43_200.0);
        assertThat(light.orbitsNotClosing(6 * 3600)).isEmpty();
    }

    @Test
    void sizing_finds_the_largest_extra_load_that_keeps_every_check_passing() {
        // Design orbit 6 h with 1 h eclipse, bus 12 kW, ηc·ηd = 0.9: sustainable L = 12·5/(5 + 1/0.9) = 9.818 kW.
        // With 4 kW already on the bus and checks "no unserved load, orbit closes", the extra is 5.818 kW.
        BatteryBank b = bank(100, 0.2, 1.0, 1.0, 0.9, 1.0, 1e6, 1e6);
        SunlightTimeline orbit = SunlightTimeline.designOrbit(6 * 3600, 3600);
        EnergyBalanceInput in = new EnergyBalanceInput(orbit, array(12_000, 1.0), 0, b, 4_000);
        double expected = 12_000 * 5 / (5 + 1 / 0.9) - 4_000;

        double extra = SourceSizing.maxExtraLoadW(in, r -> r.ledger().unservedJ() == 0
                && r.finalStateOfCharge() >= r.initialStateOfCharge() - 1e-9, 12_000);

        assertThat(extra).isCloseTo(expected, within(2 * SourceSizing.RESOLUTION_W));
        assertThat(SourceCapability.sustainableLoadW(orbit, 12_000, b) - 4_000).isCloseTo(expected, within(1e-6));
    }
}
