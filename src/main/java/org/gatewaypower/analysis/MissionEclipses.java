package org.gatewaypower.analysis;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import org.gatewaypower.physics.eclipse.Occulter;
import org.gatewaypower.workspace.DesignEclipseSource;
import org.gatewaypower.workspace.ReadModels;

/**
 * The design eclipse taken from the mission span's catalogue, and what the user must know about it.
 *
 * <p>"Longest" is penumbra entry to penumbra exit. The design orbit treats the whole of it as full shadow,
 * which is conservative: a pass's penumbral minutes still give the arrays some light (the eclipse coverage
 * check runs every pass with its real lit fraction instead). Passes cut by the mission span's edges are
 * left out: their length there is the span's, not the shadow's.
 */
final class MissionEclipses {

    /** Passes longer than the design eclipse by more than this count as longer (s): the catalogue's precision. */
    static final double LONGER_BY_S = 1.0;
    /** Longer passes listed by name in the report (the count says how many there are in all). */
    static final int LISTED = 20;
    /** A picked pass is found again in the catalogue when its start lies within this of the stored one (s). */
    static final double SAME_PASS_S = 60;

    private MissionEclipses() {
    }

    /**
     * The design eclipse and its notes.
     *
     * @param durationS the design eclipse the design orbit runs (s)
     * @param pass      the pass it was taken from, or null
     * @param notes     warnings in words
     * @param longer    complete passes longer than it, longest first
     */
    record Resolved(double durationS, BalanceReport.Pass pass, List<String> notes, List<BalanceReport.Pass> longer,
                    int longerCount) {
    }

    static Resolved resolve(ReadModels.DesignCase dc, EclipseService.Catalogue catalogue) {
        List<EclipseService.Eclipse> complete = catalogue.eclipses().stream().filter(EclipseService.Eclipse::complete)
                .toList();
        List<String> notes = new ArrayList<>();
        double duration = dc.eclipseDurationS();
        EclipseService.Eclipse from = null;
        DesignEclipseSource source = dc.eclipseSource() == null ? DesignEclipseSource.HAND : dc.eclipseSource();
        switch (source) {
            case HAND -> { }
            case PICKED -> {
                from = complete.stream().filter(e -> dc.pickedEclipseStart() != null
                        && Math.abs(seconds(dc.pickedEclipseStart(), e.start())) <= SAME_PASS_S).findFirst()
                        .orElse(null);
                if (from == null) {
                    notes.add(String.format(Locale.ROOT, "The picked pass (starting %s) is not a complete pass of the "
                            + "mission span at this perilune epoch; its stored duration, %.1f min, is used.",
                            dc.pickedEclipseStart(), duration / 60));
                }
            }
            case WORST_MOON -> from = longest(complete, e -> e.body() == Occulter.MOON);
            case WORST_EARTH -> from = longest(complete, e -> e.body() == Occulter.EARTH);
            case WORST_SPAN -> from = longest(complete, e -> true);
        }
        if (from != null && source != DesignEclipseSource.PICKED) {
            duration = from.durationSeconds();
        } else if (from == null && source != DesignEclipseSource.HAND && source != DesignEclipseSource.PICKED) {
            notes.add(String.format(Locale.ROOT, "The mission span %s – %s holds no complete %s: the design "
                    + "eclipse falls back to the value typed by hand, %.1f min.", day(catalogue.orbitCase().from()),
                    day(catalogue.orbitCase().to()), source == DesignEclipseSource.WORST_MOON ? "Moon pass"
                            : source == DesignEclipseSource.WORST_EARTH ? "Earth pass" : "pass", duration / 60));
        }
        double maxDuration = dc.orbitPeriodS() - 1;
        if (duration > maxDuration) {
            notes.add(String.format(Locale.ROOT, "The design eclipse (%.1f min) does not fit in the design orbit's "
                    + "period (%.2f h): the orbit runs with %.1f min; set the period to the orbit's.", duration / 60,
                    dc.orbitPeriodS() / 3600, maxDuration / 60));
            duration = maxDuration;
        }
        double design = duration;
        List<EclipseService.Eclipse> longer = complete.stream()
                .filter(e -> e.durationSeconds() > design + LONGER_BY_S)
                .sorted(Comparator.comparingDouble(EclipseService.Eclipse::durationSeconds).reversed()).toList();
        if (!longer.isEmpty()) {
            EclipseService.Eclipse top = longer.get(0);
            notes.add(String.format(Locale.ROOT, "The mission span holds %d eclipse%s longer than the design "
                    + "eclipse (%.1f min); the longest is the %s pass of %s, %.1f min. The eclipse coverage case runs "
                    + "every pass.", longer.size(), longer.size() == 1 ? "" : "s", design / 60, bodyName(top.body()),
                    top.start(), top.durationSeconds() / 60));
        }
        return new Resolved(duration, from == null ? null : pass(from), notes,
                longer.stream().limit(LISTED).map(MissionEclipses::pass).toList(), longer.size());
    }

    private static EclipseService.Eclipse longest(List<EclipseService.Eclipse> passes,
                                                  Predicate<EclipseService.Eclipse> which) {
        return passes.stream().filter(which).max(Comparator.comparingDouble(EclipseService.Eclipse::durationSeconds))
                .orElse(null);
    }

    static BalanceReport.Pass pass(EclipseService.Eclipse e) {
        return new BalanceReport.Pass(bodyName(e.body()), e.start(), e.end(), e.durationSeconds());
    }

    static String bodyName(Occulter body) {
        return body == Occulter.EARTH ? "Earth" : "Moon";
    }

    /** Seconds from {@code a} to {@code b}. */
    static double seconds(Instant a, Instant b) {
        return Duration.between(a, b).toNanos() / 1e9;
    }

    private static String day(Instant t) {
        return t.toString().substring(0, 10);
    }
}
