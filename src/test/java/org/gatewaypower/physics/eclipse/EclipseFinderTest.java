package org.gatewaypower.physics.eclipse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.junit.jupiter.api.Test;

/** The event finder against closed forms and against a brute-force 1-second scan. */
class EclipseFinderTest {

    /** Transitions of a switching function found by a 1-s scan: time of the first sample past each change. */
    static List<Double> bruteForce(ShadowGeometry g, Occulter body, boolean penumbra, double start, double end) {
        return bruteForceStep(g, body, penumbra, start, end, 1.0);
    }

    /** As {@link #bruteForce} with another sampling step (s). */
    static List<Double> bruteForceStep(ShadowGeometry g, Occulter body, boolean penumbra, double start, double end,
                                       double step) {
        List<Double> out = new ArrayList<>();
        Boolean inside = null;
        for (double t = start; t <= end; t += step) {
            ShadowModel.Discs d = ShadowModel.discs(g.station(t), g.sun(t), g.centre(body, t), body.radiusM());
            boolean now = (penumbra ? d.penumbraSwitch() : d.umbraSwitch()) < 0;
            if (inside != null && now != inside) {
                out.add(t);
            }
            inside = now;
        }
        return out;
    }

    @Test
    void geostationary_equinox_eclipse_lasts_as_the_cylinder_model_predicts_within_the_penumbra_width() {
        // r = 42,164 km, sidereal day: cylindrical-shadow duration T/π · asin(R_E / r) = 4,164 s (69.4 min);
        // the umbra is a little shorter and the penumbra a little longer than the cylinder.
        SyntheticGeometry geo = new SyntheticGeometry(42_164_000, 86_164.1, 0.0);
        EclipseFinder finder = EclipseFinder.calibrated(geo, 0, 86_164.1, 30);
        // t = 0 is mid-eclipse (station behind the Earth): start a quarter orbit later.
        List<EclipseEvent> events = finder.find(0.25 * 86_164.1, 3.25 * 86_164.1);

        assertThat(events).hasSize(3).allMatch(e -> e.body() == Occulter.EARTH);
        double cylinder = 86_164.1 / Math.PI * Math.asin(6_378_137.0 / 42_164_000);
        assertThat(cylinder).isCloseTo(4164, within(1.0));
        for (EclipseEvent e : events) {
            assertThat(e.umbra()).isNotNull();
            assertThat(e.umbra().durationS()).isLessThan(cylinder).isGreaterThan(cylinder - 180);
            assertThat(e.durationS()).isGreaterThan(cylinder).isLessThan(cylinder + 180);
            assertThat(e.minLitFraction()).isZero();
        }
    }

    @Test
    void events_match_a_brute_force_one_second_scan_within_one_second() {
        SyntheticGeometry geo = new SyntheticGeometry(42_164_000, 86_164.1, Math.toRadians(4.0));
        double start = 0.25 * 86_164.1;
        double end = 2.25 * 86_164.1;
        EclipseFinder finder = EclipseFinder.calibrated(geo, 0, 86_164.1, 30);
        List<EclipseEvent> events = finder.find(start, end);

        List<Double> found = new ArrayList<>();
        List<Double> foundUmbra = new ArrayList<>();
        for (EclipseEvent e : events) {
            found.add(e.startTt());
            found.add(e.endTt());
            if (e.umbra() != null) {
                foundUmbra.add(e.umbra().startTt());
                foundUmbra.add(e.umbra().endTt());
            }
        }
        List<Double> brute = bruteForce(geo, Occulter.EARTH, true, start, end);
        List<Double> bruteUmbra = bruteForce(geo, Occulter.EARTH, false, start, end);
        assertThat(found).hasSameSizeAs(brute).isNotEmpty();
        assertThat(foundUmbra).hasSameSizeAs(bruteUmbra);
        for (int i = 0; i < brute.size(); i++) {
            assertThat(found.get(i)).isCloseTo(brute.get(i) - 0.5, within(0.5 + 1e-6));
        }
        for (int i = 0; i < bruteUmbra.size(); i++) {
            assertThat(foundUmbra.get(i)).isCloseTo(bruteUmbra.get(i) - 0.5, within(0.5 + 1e-6));
        }
    }

    @Test
    void a_grazing_penumbra_pass_of_under_a_minute_is_found_with_its_partial_depth() {
        // Tilt the orbit until it only skims the penumbra: find the tilt where the pass lasts ~40 s by
        // bisection on the brute-force duration, then ask the finder.
        double lo = Math.toRadians(8.0);
        double hi = Math.toRadians(9.5);
        double tilt = lo;
        for (int i = 0; i < 40; i++) {
            double mid = (lo + hi) / 2;
            double d = passDuration(new SyntheticGeometry(42_164_000, 86_164.1, mid));
            if (d > 40) {
                lo = mid;
            } else {
                hi = mid;
            }
            tilt = lo;
        }
        SyntheticGeometry geo = new SyntheticGeometry(42_164_000, 86_164.1, tilt);
        double brute = passDuration(geo);
        assertThat(brute).isBetween(30.0, 60.0);

        List<EclipseEvent> events = EclipseFinder.calibrated(geo, 0, 86_164.1, 30).find(-3600, 3600);
        assertThat(events).hasSize(1);
        EclipseEvent e = events.get(0);
        assertThat(e.umbra()).isNull();
        assertThat(e.durationS()).isCloseTo(brute, within(2.0));
        double bruteMin = 1;
        for (double t = e.startTt(); t <= e.endTt(); t += 0.1) {
            bruteMin = Math.min(bruteMin, ShadowModel.discs(geo.station(t), geo.sun(t), Vector3D.ZERO,
                    Occulter.EARTH.radiusM()).litFraction());
        }
        assertThat(e.minLitFraction()).isCloseTo(bruteMin, within(1e-4)).isLessThan(1.0);
    }

    @Test
    void a_pass_under_way_at_the_span_start_is_flagged_as_clipped_and_its_lost_sunlight_matches_a_fine_sum() {
        SyntheticGeometry geo = new SyntheticGeometry(42_164_000, 86_164.1, 0.0);
        EclipseFinder finder = EclipseFinder.calibrated(geo, 0, 86_164.1, 30);
        // t = 0 is mid-eclipse: the first pass is cut by the span start, the second is whole.
        List<EclipseEvent> events = finder.find(0, 1.5 * 86_164.1);

        assertThat(events).hasSize(2);
        assertThat(events.get(0).startClipped()).isTrue();
        assertThat(events.get(0).startTt()).isZero();
        assertThat(events.get(0).complete()).isFalse();
        EclipseEvent whole = events.get(1);
        assertThat(whole.complete()).isTrue();
        double lost = 0;
        for (double t = whole.startTt(); t < whole.endTt(); t += 0.25) {
            lost += 0.25 * (1 - ShadowModel.discs(geo.station(t + 0.125), geo.sun(t + 0.125), Vector3D.ZERO,
                    Occulter.EARTH.radiusM()).litFraction());
        }
        // Umbra lost in full, penumbra in part: between the two durations. Integrated between the contacts
        // it agrees with a 0.25-s midpoint sum to 0.01 s (the sum's own error near the four kinks).
        assertThat(whole.lostSunS()).isCloseTo(lost, within(0.01))
                .isBetween(whole.umbra().durationS(), whole.durationS());
    }

    @Test
    void combined_lit_fraction_never_goes_below_zero_when_both_bodies_occult() {
        // Station exactly on the Sun line behind the Earth with the Moon also in line: both hide the Sun.
        ShadowGeometry both = new ShadowGeometry() {
            public Vector3D station(double tt) {
                return new Vector3D(4.0e8, 0, 0);
            }

            public Vector3D sun(double tt) {
                return new Vector3D(-SyntheticGeometry.AU, 0, 0);
            }

            public Vector3D moon(double tt) {
                return new Vector3D(3.9e8, 0, 0);
            }
        };
        assertThat(ShadowModel.combinedLitFraction(both, 0)).isZero();
    }

    private static double passDuration(SyntheticGeometry g) {
        List<Double> t = bruteForce(g, Occulter.EARTH, true, -3600, 3600);
        return t.size() == 2 ? t.get(1) - t.get(0) : 0;
    }
}
