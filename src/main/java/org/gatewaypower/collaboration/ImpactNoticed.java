package org.gatewaypower.collaboration;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A saved change moved a key result of the standard analysis beyond its threshold or flipped a check.
 *
 * @param workspaceId   the workspace
 * @param actor         username of who saved the change
 * @param actorTeamCode that user's partner team, or null
 * @param description   what was changed ("changed load I-Hab cabin heater")
 * @param figures       the key results that moved, before and after
 * @param flippedChecks the checks that now pass or now fail
 * @param caseName      the analysed case ("Orion docked EOL")
 */
public record ImpactNoticed(long workspaceId, String actor, String actorTeamCode, String description,
                            List<FigureChange> figures, List<CheckFlip> flippedChecks, String caseName) {

    public ImpactNoticed {
        figures = List.copyOf(figures);
        flippedChecks = List.copyOf(flippedChecks);
    }

    /**
     * One key result that moved.
     *
     * @param name   its name in words ("minimum state of charge")
     * @param before its value before the change (dimensionless fraction)
     * @param after  its value after the change (dimensionless fraction)
     */
    public record FigureChange(String name, double before, double after) {
    }

    /**
     * A check that changed its verdict.
     *
     * @param name       the check
     * @param passesNow  whether it passes after the change
     */
    public record CheckFlip(String name, boolean passesNow) {
    }

    /**
     * The notice as people read it: "ESA (esa) changed load I-Hab cabin heater: minimum state of charge
     * 62.0 % → 55.0 %, Orion docked EOL case".
     */
    public String message() {
        String who = actorTeamCode == null ? actor : actorTeamCode + " (" + actor + ")";
        String what = Stream.concat(
                figures.stream().map(f -> f.name() + " " + percent(f.before()) + " → " + percent(f.after())),
                flippedChecks.stream().map(c -> "check “" + c.name() + "” now " + (c.passesNow() ? "passes" : "fails")))
                .collect(Collectors.joining(", "));
        return who + " " + description + ": " + what + ", " + caseName + " case";
    }

    private static String percent(double fraction) {
        return Double.isFinite(fraction) ? String.format(Locale.US, "%.1f %%", 100 * fraction) : "—";
    }
}
