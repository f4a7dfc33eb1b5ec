package org.gatewaypower.physics.eclipse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.gatewaypower.physics.orbit.GatewayOrbit;
import org.gatewaypower.physics.time.TimeScales;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The eclipses of the Gateway's 9:2 NRHO over ten years (perilune epoch 2027-01-01T00:00Z), against
 * published expectations (docs/domain/eclipses.md §3) and a brute-force 1-second scan.
 */
class GatewayEclipsesTest {

    static final double YEAR = EclipseStatistics.JULIAN_YEAR_S;
    static double start;
    static StationGeometry geometry;
    static EclipseFinder finder;
    static List<EclipseEvent> tenYears;

    @BeforeAll
    static void catalogue() {
        start = TimeScales.ttSecondsSinceJ2000(Instant.parse("2027-01-01T00:00:00Z"));
        geometry = StationGeometry.over(GatewayOrbit.nineToTwo(), start, start, start + 10 * YEAR);
        finder = EclipseFinder.calibrated(geometry, start, geometry.trajectory().periodS(), 30);
        tenYears = finder.find(start, start + 10 * YEAR);
    }

    @Test
    void moon_shadow_passes_last_under_90_minutes_about_ten_times_a_year() {
        // Published: under 90 min per pass (Spreen 2021); model expectation ~10-12 passes a year,
        // median ~56 min, maximum ~76 min (docs/domain/eclipses.md §3).
        EclipseStatistics moon = EclipseStatistics.of(Occulter.MOON, tenYears, 10 * YEAR);
        assertThat(moon.maxDurationS()).isLessThan(90 * 60);
        assertThat(moon.countPerYear()).isBetween(9.0, 13.0);
        assertThat(moon.medianDurationS() / 60).isCloseTo(56, within(6.0));
        assertThat(moon.maxDurationS() / 60).isCloseTo(76, within(4.0));
        assertThat(moon.totalUmbraS()).isGreaterThan(0.8 * moon.totalShadowS());
    }

    @Test
    void earth_shadow_passes_stay_within_the_published_worst_case() {
        // Up to ~4.6 h of reduced light including ~2.5 h of umbra (docs/domain/eclipses.md §3).
        List<EclipseEvent> earth = tenYears.stream().filter(e -> e.body() == Occulter.EARTH).toList();
        assertThat(earth).isNotEmpty();
        assertThat(earth).allMatch(e -> e.durationS() < 4.7 * 3600);
        assertThat(earth).allMatch(e -> e.umbra() == null || e.umbra().durationS() < 2.6 * 3600);
    }

    @Test
    void combined_lit_fraction_stays_within_0_and_1_through_every_pass() {
        for (EclipseEvent e : tenYears) {
            for (double t = e.startTt() - 60; t <= e.endTt() + 60; t += 30) {
                double nu = ShadowModel.combinedLitFraction(geometry, t);
                assertThat(nu).isBetween(0.0, 1.0);
            }
        }
    }

    @Test
    void every_contact_matches_a_brute_force_one_second_scan_within_one_second() {
        // Brute force at 1 s in a 20-min window around each contact of the ten-year catalogue.
        int checked = 0;
        for (EclipseEvent e : tenYears) {
            List<double[]> contacts = new ArrayList<>();
            contacts.add(new double[] {e.startTt(), 1});
            contacts.add(new double[] {e.endTt(), 1});
            if (e.umbra() != null) {
                contacts.add(new double[] {e.umbra().startTt(), 0});
                contacts.add(new double[] {e.umbra().endTt(), 0});
            }
            for (double[] c : contacts) {
                if (c[0] <= start || c[0] >= start + 10 * YEAR) {
                    continue;
                }
                List<Double> brute = EclipseFinderTest.bruteForce(geometry, e.body(), c[1] == 1, c[0] - 600,
                        c[0] + 600);
                assertThat(brute).as("contact at %s", TimeScales.utcFromTtSeconds(c[0])).isNotEmpty();
                double nearest = brute.stream().min((a, b) -> Double.compare(Math.abs(a - c[0]), Math.abs(b - c[0])))
                        .orElseThrow();
                assertThat(c[0]).isCloseTo(nearest - 0.5, within(0.5 + 1e-6));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(400);
    }

    @Test
    void no_pass_of_30_s_or_more_is_missed_over_a_year_of_brute_force_scan() {
        // A 15-s scan of both penumbra switching functions over one year: every interval of 2 or more
        // samples in shadow (≥ 30 s) must be covered by a found pass.
        double end = start + YEAR;
        for (Occulter body : Occulter.values()) {
            List<Double> brute = EclipseFinderTest.bruteForceStep(geometry, body, true, start, end, 15);
            List<EclipseEvent> found = tenYears.stream().filter(e -> e.body() == body && e.startTt() < end).toList();
            for (int i = 0; i + 1 < brute.size(); i += 2) {
                double in = brute.get(i);
                double out = brute.get(i + 1);
                if (out - in >= 30) {
                    assertThat(found).as("%s pass at %s", body, TimeScales.utcFromTtSeconds(in))
                            .anyMatch(e -> e.startTt() <= in && e.endTt() >= out - 15);
                }
            }
            assertThat(found.size()).isEqualTo(brute.size() / 2);
        }
    }

    @Test
    void the_phase_of_the_orbit_decides_how_much_earth_shadow_the_station_meets() {
        List<PhaseScan.Point> scan = PhaseScan.scan(offset -> new EclipseFinder(geometry.withPerilune(start + offset),
                finder.rateBound(), EclipseFinder.DEFAULT_MIN_STEP_S, EclipseFinder.DEFAULT_TOLERANCE_S), 12,
                geometry.trajectory().periodS(), start, start + 3 * YEAR);
        assertThat(scan).hasSize(12);
        double least = scan.stream().mapToDouble(PhaseScan.Point::earthShadowHours).min().orElseThrow();
        double most = scan.stream().mapToDouble(PhaseScan.Point::earthShadowHours).max().orElseThrow();
        assertThat(most).isGreaterThan(least + 2);
        assertThat(scan).allMatch(p -> p.longestEclipseS() < 4.7 * 3600);
    }
}
