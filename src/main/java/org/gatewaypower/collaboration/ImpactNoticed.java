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
 * @param elementsOver  the elements the change put over their power allocation, each in one mode
 */
public record ImpactNoticed(long workspaceId, String actor, String actorTeamCode, String description,
                            List<FigureChange> figures, List<CheckFlip> flippedChecks, String caseName,
                            List<KeyResults.Allocated> elementsOver) {

    public ImpactNoticed {
        figures = List.copyOf(figures);
        flippedChecks = List.copyOf(flippedChecks);
        elementsOver = List.copyOf(elementsOver);
    }

    /** A notice that puts no element over its allocation. */
    public ImpactNoticed(long workspaceId, String actor, String actorTeamCode, String description,
                         List<FigureChange> figures, List<CheckFlip> flippedChecks, String caseName) {
        this(workspaceId, actor, actorTeamCode, description, figures, flippedChecks, caseName, List.of());
    }

    /** The elements of team {@code teamCode} this change put over their allocation; empty for no team. */
    public List<KeyResults.Allocated> overFor(String teamCode) {
        return teamCode == null ? List.of() : elementsOver.stream().filter(a -> teamCode.equals(a.teamCode()))
                .toList();
    }

    /** One element over its allocation, in words: "HALO over its allocation in Crewed (MEV 1.03 kW > 1.00 kW)". */
    public static String over(KeyResults.Allocated a) {
        return String.format(Locale.US, "%s over its power allocation in %s (MEV %.2f kW > %.2f kW)", a.element(),
                a.mode(), a.mevW() / 1000, a.allocationW() / 1000);
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
                Stream.concat(flippedChecks.stream()
                        .map(c -> "check “" + c.name() + "” now " + (c.passesNow() ? "passes" : "fails")),
                        elementsOver.stream().map(ImpactNoticed::over)))
                .collect(Collectors.joining(", "));
        return who + " " + description + ": " + what + ", " + caseName + " case";
    }

    private static String percent(double fraction) {
        return Double.isFinite(fraction) ? String.format(Locale.US, "%.1f %%", 100 * fraction) : "—";
    }
}
