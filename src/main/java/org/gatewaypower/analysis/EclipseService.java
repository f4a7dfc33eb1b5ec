package org.gatewaypower.analysis;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gatewaypower.physics.eclipse.EclipseEvent;
import org.gatewaypower.physics.eclipse.EclipseFinder;
import org.gatewaypower.physics.eclipse.EclipseStatistics;
import org.gatewaypower.physics.eclipse.IlluminationTimeline;
import org.gatewaypower.physics.eclipse.Occulter;
import org.gatewaypower.physics.eclipse.PhaseScan;
import org.gatewaypower.physics.eclipse.ShadowModel;
import org.gatewaypower.physics.eclipse.StationGeometry;
import org.gatewaypower.physics.energy.SunlightTimeline;
import org.gatewaypower.physics.orbit.GatewayOrbit;
import org.gatewaypower.physics.time.TimeScales;
import org.gatewaypower.workspace.InvalidInputException;
import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.springframework.stereotype.Service;

/**
 * Eclipses of the Gateway's 9:2 NRHO for a given phase (epoch of one perilune passage) and span:
 * the catalogue, statistics, trajectory and phase scan, and the illumination timeline the energy
 * balance runs on. Results depend only on (perilune, from, to), so the most recent ones are cached:
 * an edit to a load re-runs the balance without recomputing the orbit.
 */
@Service
public class EclipseService {

    /** Longest span (days): 20 years. */
    public static final double MAX_SPAN_DAYS = 7305;
    /** Smallest trajectory step (s). */
    public static final double MIN_STEP_S = 60;
    /** Most trajectory points in one answer. */
    public static final int MAX_POINTS = 200_000;
    /** Longest segment of the illumination timeline inside a shadow pass (s). */
    public static final double SHADOW_SEGMENT_S = 60;
    /** Longest segment of the illumination timeline in sunlight (s). */
    public static final double SUNLIT_SEGMENT_S = 6 * 3600;
    private static final Instant EARLIEST = Instant.parse("1972-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");
    private static final int CACHE_SIZE = 8;

    /** The orbit phase and span a result is for. */
    public record OrbitCase(Instant perilune, Instant from, Instant to) {
    }

    /**
     * One eclipse, in UTC. Umbra times are null when the Sun was never fully hidden; {@code lostSunSeconds}
     * is the sunlight the pass takes away (∫(1 − ν) dt); a clipped start or end is the span's edge.
     */
    public record Eclipse(Occulter body, Instant start, Instant end, Instant umbraStart, Instant umbraEnd,
                          double durationSeconds, double minLitFraction, double lostSunSeconds, boolean startClipped,
                          boolean endClipped) {

        /** True when neither end is cut by the span's edge. */
        public boolean complete() {
            return !startClipped && !endClipped;
        }
    }

    /**
     * The eclipses of a span with their statistics and the worst one: the complete pass that takes the most
     * sunlight away (hardest on the battery), null when the span holds no complete pass. A pass cut by the
     * span's edge is listed but never called the worst: its length there is the span's, not the shadow's.
     */
    public record Catalogue(OrbitCase orbitCase, List<Eclipse> eclipses, List<EclipseStatistics> statistics,
                            Eclipse worst) {
    }

    /** The station relative to the Moon's centre in EME2000 axes (km) with the combined lit fraction. */
    public record TrajectoryPoint(Instant t, double x, double y, double z, double litFraction) {
    }

    /** One phase of a phase scan. */
    public record PhasePoint(Instant perilune, double offsetHours, double earthShadowHours,
                             double longestEclipseMinutes, int eclipseCount) {
    }

    private record Computed(StationGeometry geometry, EclipseFinder finder, List<EclipseEvent> events,
                            SunlightTimeline illumination) {
    }

    private final Map<OrbitCase, Computed> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<OrbitCase, Computed> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    /** Every eclipse of both bodies over the span, with statistics per body and the longest eclipse. */
    public Catalogue catalogue(Instant perilune, Instant from, Instant to) {
        OrbitCase c = validated(perilune, from, to);
        Computed k = computed(c);
        List<Eclipse> eclipses = k.events().stream().map(EclipseService::toUtc).toList();
        double spanS = Duration.between(from, to).toMillis() / 1000.0;
        List<EclipseStatistics> stats = List.of(EclipseStatistics.of(Occulter.EARTH, k.events(), spanS),
                EclipseStatistics.of(Occulter.MOON, k.events(), spanS));
        Eclipse worst = eclipses.stream().filter(Eclipse::complete)
                .max(Comparator.comparingDouble(Eclipse::lostSunSeconds)).orElse(null);
        return new Catalogue(c, eclipses, stats, worst);
    }

    /** Period of the 9:2 NRHO (s): 2/9 of a synodic month. */
    public double orbitPeriodS() {
        return GatewayOrbit.nineToTwo().periodNd() * org.gatewaypower.physics.orbit.Cr3bp.EARTH_MOON_T_STAR_S;
    }

    /** The illumination the energy balance runs on over the span (time 0 = {@code from}). */
    public SunlightTimeline illumination(Instant perilune, Instant from, Instant to) {
        return computed(validated(perilune, from, to)).illumination();
    }

    /** The station's position relative to the Moon every {@code stepSeconds} over the span. */
    public List<TrajectoryPoint> trajectory(Instant perilune, Instant from, Instant to, double stepSeconds) {
        OrbitCase c = validated(perilune, from, to);
        double spanS = Duration.between(from, to).toMillis() / 1000.0;
        List<InvalidInputException.FieldViolation> problems = new ArrayList<>();
        if (!(stepSeconds >= MIN_STEP_S)) {
            problems.add(new InvalidInputException.FieldViolation("stepSeconds",
                    "stepSeconds must be at least " + (long) MIN_STEP_S + " s (was " + stepSeconds + ")"));
        } else if (spanS / stepSeconds + 1 > MAX_POINTS) {
            problems.add(new InvalidInputException.FieldViolation("stepSeconds", "stepSeconds gives "
                    + (long) (spanS / stepSeconds + 1) + " points; at most " + MAX_POINTS + " per request"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        StationGeometry g = computed(c).geometry();
        double t0 = TimeScales.ttSecondsSinceJ2000(from);
        int n = (int) Math.floor(spanS / stepSeconds);
        List<TrajectoryPoint> out = new ArrayList<>(n + 1);
        for (int i = 0; i <= n; i++) {
            double tt = t0 + i * stepSeconds;
            Vector3D rel = g.station(tt).subtract(g.moon(tt)).scalarMultiply(1e-3);
            out.add(new TrajectoryPoint(from.plusMillis(Math.round(i * stepSeconds * 1000)), rel.getX(), rel.getY(),
                    rel.getZ(), ShadowModel.combinedLitFraction(g, tt)));
        }
        return out;
    }

    /** Earth-shadow hours and longest eclipse for {@code phases} perilune epochs across one revolution. */
    public List<PhasePoint> phaseScan(Instant perilune, Instant from, Instant to, int phases) {
        return phaseScan(perilune, from, to, phases, done -> { });
    }

    /**
     * As {@link #phaseScan(Instant, Instant, Instant, int)}, telling {@code phasesDone} after each phase how many
     * are done. An interrupted thread stops the scan after the phase it is in, with a
     * {@link java.util.concurrent.CancellationException}.
     */
    public List<PhasePoint> phaseScan(Instant perilune, Instant from, Instant to, int phases,
                                      java.util.function.IntConsumer phasesDone) {
        OrbitCase c = validated(perilune, from, to);
        if (phases < 1 || phases > 72) {
            throw new InvalidInputException(List.of(new InvalidInputException.FieldViolation("phases",
                    "phases must be between 1 and 72 (was " + phases + ")")));
        }
        Computed k = computed(c);
        double periluneTt = TimeScales.ttSecondsSinceJ2000(perilune);
        double periodS = k.geometry().trajectory().periodS();
        double startTt = TimeScales.ttSecondsSinceJ2000(from);
        double endTt = TimeScales.ttSecondsSinceJ2000(to);
        List<PhaseScan.Point> points = PhaseScan.scan(offset -> new EclipseFinder(
                k.geometry().withPerilune(periluneTt + offset), k.finder().rateBound(),
                EclipseFinder.DEFAULT_MIN_STEP_S, EclipseFinder.DEFAULT_TOLERANCE_S), phases, periodS, startTt, endTt,
                done -> {
                    if (Thread.currentThread().isInterrupted()) {
                        throw new java.util.concurrent.CancellationException("phase scan cancelled after " + done
                                + " of " + phases + " phases");
                    }
                    phasesDone.accept(done);
                });
        return points.stream().map(p -> new PhasePoint(perilune.plusMillis(Math.round(p.periluneOffsetS() * 1000)),
                p.periluneOffsetS() / 3600, p.earthShadowHours(), p.longestEclipseS() / 60, p.eclipseCount())).toList();
    }

    private Computed computed(OrbitCase c) {
        synchronized (cache) {
            Computed hit = cache.get(c);
            if (hit != null) {
                return hit;
            }
        }
        double periluneTt = TimeScales.ttSecondsSinceJ2000(c.perilune());
        double startTt = TimeScales.ttSecondsSinceJ2000(c.from());
        double endTt = TimeScales.ttSecondsSinceJ2000(c.to());
        StationGeometry g = StationGeometry.over(GatewayOrbit.nineToTwo(), periluneTt, startTt, endTt);
        EclipseFinder finder = calibratedFinder(g, startTt);
        List<EclipseEvent> events = finder.find(startTt, endTt);
        SunlightTimeline illumination = IlluminationTimeline.of(g, events, startTt, endTt, SHADOW_SEGMENT_S,
                SUNLIT_SEGMENT_S);
        Computed k = new Computed(g, finder, events, illumination);
        synchronized (cache) {
            cache.put(c, k);
        }
        return k;
    }

    /**
     * Calibrates the scan's rate bound over one revolution. The bound also holds for other phases and
     * epochs of the same orbit: the geometry repeats each revolution up to the slow changes of the
     * Earth–Moon distance and of the Sun's direction, which the safety factor covers.
     */
    static EclipseFinder calibratedFinder(StationGeometry g, double startTt) {
        return EclipseFinder.calibrated(g, startTt, g.trajectory().periodS(), 30);
    }

    private static OrbitCase validated(Instant perilune, Instant from, Instant to) {
        List<InvalidInputException.FieldViolation> problems = new ArrayList<>();
        check(problems, "perilune", perilune);
        check(problems, "from", from);
        check(problems, "to", to);
        if (problems.isEmpty()) {
            if (!to.isAfter(from)) {
                problems.add(new InvalidInputException.FieldViolation("to", "to must be after from"));
            } else if (Duration.between(from, to).toSeconds() > MAX_SPAN_DAYS * 86_400) {
                problems.add(new InvalidInputException.FieldViolation("to",
                        "The span from 'from' to 'to' must be at most 20 years (" + (long) MAX_SPAN_DAYS + " days)"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new OrbitCase(perilune, from, to);
    }

    private static void check(List<InvalidInputException.FieldViolation> problems, String field, Instant value) {
        if (value == null) {
            problems.add(new InvalidInputException.FieldViolation(field, field + " is required (ISO-8601 UTC instant)"));
        } else if (value.isBefore(EARLIEST) || value.isAfter(LATEST)) {
            problems.add(new InvalidInputException.FieldViolation(field,
                    field + " must lie between 1972-01-01 and 2100-01-01 (was " + value + ")"));
        }
    }

    private static Eclipse toUtc(EclipseEvent e) {
        return new Eclipse(e.body(), TimeScales.utcFromTtSeconds(e.startTt()), TimeScales.utcFromTtSeconds(e.endTt()),
                e.umbra() == null ? null : TimeScales.utcFromTtSeconds(e.umbra().startTt()),
                e.umbra() == null ? null : TimeScales.utcFromTtSeconds(e.umbra().endTt()), e.durationS(),
                e.minLitFraction(), e.lostSunS(), e.startClipped(), e.endClipped());
    }
}
