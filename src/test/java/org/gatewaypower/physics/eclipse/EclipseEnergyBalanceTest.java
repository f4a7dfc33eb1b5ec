package org.gatewaypower.physics.eclipse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;

import org.gatewaypower.physics.energy.BatteryBank;
import org.gatewaypower.physics.energy.BatterySpec;
import org.gatewaypower.physics.energy.EnergyBalanceInput;
import org.gatewaypower.physics.energy.EnergyBalanceRun;
import org.gatewaypower.physics.energy.EnergyBalanceSimulator;
import org.gatewaypower.physics.energy.PowerState;
import org.gatewaypower.physics.energy.SolarArraySpec;
import org.gatewaypower.physics.energy.SunlightSegment;
import org.gatewaypower.physics.energy.SunlightTimeline;
import org.gatewaypower.physics.load.MaturityClass;
import org.gatewaypower.physics.orbit.GatewayOrbit;
import org.gatewaypower.physics.time.TimeScales;
import org.junit.jupiter.api.Test;

/**
 * The energy balance on the ephemeris illumination timeline of the 9:2 NRHO (perilune 2027-01-01T00:00Z)
 * against what the shadow geometry alone dictates, pass by pass (issue 12).
 *
 * <p>Case of the report: arrays of 30 kW rated with a path efficiency of 0.9 (27 kW at the bus at 1 AU,
 * beginning of life), one 5-kW critical item of off-the-shelf maturity carried at its MEV, 5 kW × 1.05 =
 * 5,250 W, a 3.6e8-J (100-kWh) bank from full, floor 0.3, charge and discharge efficiencies 0.95, power
 * limits out of reach.
 *
 * <p>Lower bounds on the stored energy a pass removes by discharging, for load L and full-Sun bus power
 * B(t) = 27 kW · (1 AU / r)², while the battery is above its floor:
 * <ul>
 *   <li>exact: ∫ max(0, L − B·ν) dt / η_d over the pass: the arrays carry what they can, the battery the
 *       rest. The timeline's penumbra segments average ν, and the draw is convex in ν, so the run may
 *       fall short of it by at most B·Δν·h/8 per crossing of ν = L/B (Δν ≤ 0.02, h the segment's
 *       duration): that is the tolerance.</li>
 *   <li>umbra: L · (umbra duration) / η_d, what full shadow alone takes.</li>
 *   <li>L · ∫(1 − ν) dt / η_d holds only where B ≤ L: with B &gt; L the arrays carry the whole load from
 *       ν = L/B up, so in penumbra the draw L − Bν is below L(1 − ν). For the report's pass that bound is
 *       5,250 W × 3,469.1 s / 0.95 = 5,325 Wh, more than the exact draw (~5,251 Wh); the report's
 *       "physical minimum" 5,250 W × 3,403.8 s / 0.95 = 5,225 Wh is the umbra bound (3,403.8 s is the
 *       umbra). It is checked on arrays too small to carry the load.</li>
 * </ul>
 */
class EclipseEnergyBalanceTest {

    static final double LOAD_W = 5_000 * (1 + MaturityClass.OFF_THE_SHELF.contingency());
    static final double RATED_W = 30_000;
    static final double PATH_EFFICIENCY = 0.9;
    static final double ETA = 0.95;
    static final double PERILUNE = TimeScales.ttSecondsSinceJ2000(Instant.parse("2027-01-01T00:00:00Z"));

    /** The bank of the report: 3.6e8 J from full, floor 0.3, efficiencies 0.95. */
    static BatteryBank bank(double capacityJ) {
        return BatteryBank.of(List.of(new BatterySpec("b", capacityJ, 0.3, 1.0, ETA, ETA, 1e9, 1e9, 1.0)));
    }

    record Case(StationGeometry geometry, double startTt, List<EclipseEvent> events, SunlightTimeline timeline) {

        static Case of(Instant from, double days) {
            double start = TimeScales.ttSecondsSinceJ2000(from);
            double end = start + days * 86_400;
            StationGeometry g = StationGeometry.over(GatewayOrbit.nineToTwo(), PERILUNE, start, end);
            List<EclipseEvent> events = EclipseFinder.calibrated(g, start, g.trajectory().periodS(), 30).find(start,
                    end);
            return new Case(g, start, events, IlluminationTimeline.of(g, events, start, end, 60, 6 * 3600));
        }

        EnergyBalanceRun run(double ratedW, double capacityJ) {
            return EnergyBalanceSimulator.run(new EnergyBalanceInput(timeline,
                    List.of(new SolarArraySpec("a", ratedW, 0.0, PATH_EFFICIENCY)), 0, bank(capacityJ), LOAD_W));
        }

        /** Full-Sun bus power at {@code tt} (W): rated × path efficiency × (1 AU / r)². */
        double busW(double ratedW, double tt) {
            double au = geometry.sun(tt).subtract(geometry.station(tt)).getNorm() / IlluminationTimeline.AU_M;
            return ratedW * PATH_EFFICIENCY / (au * au);
        }

        /**
         * Over [a, b] (s of TT), by a 0.2-s midpoint sum of the exact geometry: {∫ max(0, L − B·ν) dt,
         * ∫ (1 − ν) dt} (J, s).
         */
        double[] reference(double ratedW, double a, double b) {
            double draw = 0;
            double lost = 0;
            int n = (int) Math.ceil((b - a) / 0.2);
            double h = (b - a) / n;
            for (int k = 0; k < n; k++) {
                double t = a + (k + 0.5) * h;
                double nu = ShadowModel.combinedLitFraction(geometry, t);
                draw += Math.max(0, LOAD_W - busW(ratedW, t) * nu) * h;
                lost += (1 - nu) * h;
            }
            return new double[] {draw, lost};
        }

        /** Longest timeline segment of intermediate lit fraction within [a, b] (s of TT). */
        double longestPenumbraSegmentS(double a, double b) {
            double t = startTt;
            double longest = 0;
            for (SunlightSegment s : timeline.segments()) {
                if (t + s.durationS() > a && t < b && s.litFraction() > 0 && s.litFraction() < 1) {
                    longest = Math.max(longest, s.durationS());
                }
                t += s.durationS();
            }
            return longest;
        }
    }

    /** Stored energy removed by discharging over [a, b] (J, run time): ∫ max(0, −P_batt) dt / η_d. */
    static double drawnJ(EnergyBalanceRun run, double a, double b) {
        List<PowerState> s = run.states();
        double drawn = 0;
        for (int i = 0; i + 1 < s.size(); i++) {
            double overlap = Math.min(b, s.get(i + 1).timeS()) - Math.max(a, s.get(i).timeS());
            if (overlap > 0) {
                drawn += Math.max(0, -s.get(i).batteryPowerW()) * overlap / run.bank().dischargeEfficiency();
            }
        }
        return drawn;
    }

    /** Stored energy at the start of [a, b] minus the least stored energy within it (J, run time). */
    static double depthJ(EnergyBalanceRun run, double a, double b) {
        double min = run.storedAtJ(b);
        for (PowerState p : run.states()) {
            if (p.timeS() >= a && p.timeS() <= b) {
                min = Math.min(min, p.storedJ());
            }
        }
        return run.storedAtJ(a) - min;
    }

    @Test
    void the_reported_moon_pass_of_2027_04_29_draws_at_least_what_its_shadow_takes() {
        Case c = Case.of(Instant.parse("2027-04-20T00:00:00Z"), 59);
        EnergyBalanceRun run = c.run(RATED_W, 3.6e8);
        double probe = TimeScales.ttSecondsSinceJ2000(Instant.parse("2027-04-29T02:12:19Z"));
        EclipseEvent pass = c.events().stream().filter(e -> e.startTt() <= probe && e.endTt() >= probe)
                .findFirst().orElseThrow();
        assertThat(pass.body()).isEqualTo(Occulter.MOON);
        assertThat(pass.umbra().durationS()).isCloseTo(3_403.8, within(0.05));
        assertThat(pass.umbra().endTt() - probe).isCloseTo(17.1, within(0.05));

        // Before: a 60-s segment from 02:12:19.27 straddled the umbra exit at 02:12:36.09 with ν = 0.337, and
        // the battery charged at +3,724 W in full shadow. Now that instant is umbra: ν = 0, the battery
        // carries the whole load, −5,250 W.
        PowerState s = run.stateAt(probe - c.startTt());
        assertThat(s.litFraction()).isEqualTo(0.0);
        assertThat(s.generationW()).isEqualTo(0.0);
        assertThat(s.batteryPowerW()).isCloseTo(-LOAD_W, within(1e-9));

        double a = pass.startTt() - c.startTt();
        double b = pass.endTt() - c.startTt();
        // Umbra bound: 5,250 W × 3,403.8 s / 0.95 / 3,600 = 5,225 Wh. Before: 5,208 Wh drawn (start − minimum).
        double umbraWh = LOAD_W * pass.umbra().durationS() / ETA / 3600;
        assertThat(umbraWh).isCloseTo(5_225, within(1.0));
        double depthWh = depthJ(run, a, b) / 3600;
        double drawnWh = drawnJ(run, a, b) / 3600;
        assertThat(depthWh).isGreaterThanOrEqualTo(umbraWh);
        assertThat(drawnWh).isGreaterThanOrEqualTo(depthWh - 1e-9);
        // Exact draw, ∫ max(0, L − Bν) dt / η_d: the umbra's 5,225 Wh plus the edges of the penumbra where
        // ν < L/B ≈ 5,250 / 26,600 ≈ 0.2 (about 20 s on each side).
        double exactWh = c.reference(RATED_W, pass.startTt(), pass.endTt())[0] / ETA / 3600;
        // Measured: 5,250.74 Wh drawn (depth and gross alike: the battery never charges within the pass) and
        // 5,250.74 Wh exact.
        assertThat(drawnWh).isCloseTo(exactWh, within(0.05));
        assertThat(depthWh).isCloseTo(5_250.7, within(0.1));
    }

    @Test
    void over_a_year_every_eclipse_draws_at_least_what_its_shadow_takes_and_umbra_never_charges() {
        Case c = Case.of(Instant.parse("2027-01-01T00:00:00Z"), 365.25);
        EnergyBalanceRun run = c.run(RATED_W, 3.6e8);
        // Arrays that can never carry the load: 5,250 W × 0.9 / 0.9 × (1 AU / 0.983 AU)² ≈ 5,086 W < L at
        // perihelion. The battery then drains all year (≈ 5e9 J), so it is made large enough not to reach its
        // floor (1e12 J).
        double smallRatedW = 0.9 * LOAD_W / PATH_EFFICIENCY;
        EnergyBalanceRun weak = c.run(smallRatedW, 1e12);
        assertThat(c.events()).hasSizeGreaterThan(10);
        // Segment ends telescope exactly: the durations add up to the span (only the summation's rounding left).
        assertThat(c.timeline().durationS()).isCloseTo(365.25 * 86_400, within(1e-6));

        for (EnergyBalanceRun r : List.of(run, weak)) {
            assertThat(r.ledger().relativeClosureError()).isLessThan(1e-9);
            assertThat(r.ledger().relativeDemandError()).isLessThan(1e-9);
            assertThat(r.reachedFloor()).isFalse();
            for (PowerState p : r.states()) {
                assertThat(p.stateOfCharge()).isBetween(0.0, 1.0);
                if (p.litFraction() == 0.0) {
                    assertThat(p.batteryPowerW()).as("battery power at %s s in full shadow", p.timeS())
                            .isLessThanOrEqualTo(0.0);
                }
            }
        }
        double worstShortfallJ = 0;
        for (EclipseEvent e : c.events()) {
            double a = e.startTt() - c.startTt();
            double b = e.endTt() - c.startTt();
            double[] ref = c.reference(RATED_W, e.startTt(), e.endTt());
            double lostS = ref[1];
            // Jensen allowance: B·Δν·h/8 per crossing of ν = L/B, at most 2 crossings per body's pass and
            // 2 bodies; B ≤ 27 kW × 1.035 at perihelion; h the pass's longest penumbra segment. Plus 1 J for
            // the reference's 0.2-s midpoint sum.
            double tolJ = 4 * (RATED_W * PATH_EFFICIENCY * 1.035) * IlluminationTimeline.MAX_LIT_CHANGE
                    * c.longestPenumbraSegmentS(e.startTt(), e.endTt()) / 8 / ETA + 1.0;
            double drawn = drawnJ(run, a, b);
            String what = e.body() + " pass at " + TimeScales.utcFromTtSeconds(e.startTt());
            assertThat(drawn).as(what).isGreaterThanOrEqualTo(ref[0] / ETA - tolJ);
            worstShortfallJ = Math.max(worstShortfallJ, ref[0] / ETA - drawn);
            if (e.umbra() != null) {
                double u = Math.min(b, e.umbra().endTt() - c.startTt()) - Math.max(a, e.umbra().startTt() - c.startTt());
                assertThat(drawn).as(what).isGreaterThanOrEqualTo(LOAD_W * u / ETA - 1e-6);
                for (int k = 1; k < 10; k++) {
                    PowerState p = run.stateAt(e.umbra().startTt() - c.startTt() + k * e.umbra().durationS() / 10);
                    assertThat(p.litFraction()).as(what).isEqualTo(0.0);
                    assertThat(p.batteryPowerW()).as(what).isCloseTo(-LOAD_W, within(1e-9));
                }
            }
            // Where the arrays cannot carry the load, the whole shadow-weighted duration is drawn:
            // ≥ L · ∫(1 − ν) dt / η_d (the arrays' partial light in penumbra is counted once, not more).
            assertThat(drawnJ(weak, a, b)).as(what).isGreaterThanOrEqualTo(LOAD_W * lostS / ETA - tolJ);
            // The catalogue's own ∫(1 − ν) dt (this body alone, integrated between contacts) agrees with the
            // reference where the two bodies do not overlap.
            boolean alone = c.events().stream().noneMatch(o -> o != e && o.startTt() < e.endTt() && o.endTt() > e.startTt());
            if (alone) {
                assertThat(e.lostSunS()).as(what).isCloseTo(lostS, within(0.01));
            }
        }
        // Measured: 54.8 J (0.015 Wh) at worst over the year's 11 passes, the Jensen term of one ~1-s segment.
        assertThat(worstShortfallJ).isLessThan(0.1 * 3600);
    }
}
