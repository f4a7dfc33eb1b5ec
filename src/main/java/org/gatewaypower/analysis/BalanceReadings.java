package org.gatewaypower.analysis;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.gatewaypower.physics.energy.SunlightTimeline;
import org.gatewaypower.units.Units;

/**
 * What a {@link BalanceReport} says when read: where its lowest state of charge falls, which cases and checks
 * fail. Kept apart from the report so that the record holds the figures and this class the reading of them;
 * the report's methods of the same names delegate here.
 */
final class BalanceReadings {

    /** Slack when placing the minimum in the pass it follows (s): the minimum falls on a pass's first instant. */
    private static final double PLACE_SLACK_S = 1e-6;

    private BalanceReadings() {
    }

    /** See {@link BalanceReport#eclipseOfMinimum()}. */
    static SunlightTimeline.Interval eclipseOfMinimum(BalanceReport.BatteryResult battery,
                                                      List<SunlightTimeline.Interval> shadows) {
        if (battery == null) {
            return null;
        }
        SunlightTimeline.Interval eclipse = null;
        for (SunlightTimeline.Interval s : shadows) {
            if (s.startS() <= battery.minStateOfChargeTimeS() + PLACE_SLACK_S) {
                eclipse = s;
            }
        }
        return eclipse;
    }

    /** See {@link BalanceReport#whereMinimum()}. */
    static String whereMinimum(BalanceReport r) {
        double t = r.battery().minStateOfChargeTimeS();
        SunlightTimeline.Interval eclipse = r.eclipseOfMinimum();
        String at = r.runStart() != null ? "on " + stamp(r, t) : "at " + Units.hours(t) + " into the run";
        if (eclipse == null) {
            return at;
        }
        String from = r.runStart() != null ? stamp(r, eclipse.startS()) : Units.hours(eclipse.startS());
        return at + ", eclipse from " + from + " (" + Units.minutes(eclipse.durationS()) + ")";
    }

    /** The UTC minute {@code tS} (s) after the run's start. */
    private static String stamp(BalanceReport r, double tS) {
        return r.runStart().plusMillis(Math.round(tS * 1000)).toString().substring(0, 16).replace('T', ' ') + " UTC";
    }

    /** See {@link BalanceReport#failingCases()}. */
    static List<String> failingCases(List<BalanceReport.Check> checks, List<BalanceReport.LifeCase> lifeCases) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        lifeCases.stream().filter(l -> !l.allChecksPass()).forEach(l -> out.add(l.name()));
        checks.stream().filter(c -> !c.passed()).forEach(c -> out.add(c.caseName()));
        return List.copyOf(out);
    }

    /** See {@link BalanceReport#failingChecks()}. */
    static List<BalanceReport.Check> failingChecks(List<BalanceReport.Check> checks,
                                                   List<BalanceReport.LifeCase> lifeCases) {
        List<BalanceReport.Check> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (BalanceReport.LifeCase l : lifeCases) {
            seen.add(l.name());
            l.checks().stream().filter(c -> !c.passed()).forEach(out::add);
        }
        checks.stream().filter(c -> !c.passed() && !seen.contains(c.caseName())).forEach(out::add);
        return List.copyOf(out);
    }
}
