package org.gatewaypower.workspace;

import java.time.Instant;
import java.util.List;

/**
 * The audit trail as the history views show it: who changed what when, and each changed field's old and
 * new value. Values are SI (W, J, s) or fractions, as stored; {@link FieldChange#unit()} says which, so
 * that the UI can convert.
 */
public final class History {

    private History() {
    }

    /** What a revision did to one thing. */
    public enum ChangeType {
        ADDED, CHANGED, REMOVED
    }

    /**
     * One field of one change.
     *
     * @param field    the property name, as in the drafts ({@code operatingPowerW}); a duty cycle is
     *                 {@code dutyByMode.<mode id>}
     * @param label    the human name ("Operating power", "Duty cycle in mode Crewed")
     * @param unit     "W", "J", "s", "fraction" (dimensionless, [0, 1]), "deg", "K", "1/K", "years", "days",
     *                 "instant", "ref" (an id of another thing), or "" (text, counts and choices)
     * @param oldValue the value before the change (null when added); Double, Integer, Long, String or Instant
     * @param newValue the value after the change (null when removed)
     */
    public record FieldChange(String field, String label, String unit, Object oldValue, Object newValue) {
    }

    /**
     * One audited change of one thing.
     *
     * @param revision         the revision (one per saved edit, counting up)
     * @param at               when it was saved
     * @param actor            who saved it (username; "system" when nobody was named)
     * @param kind             "workspace", "element", "operating mode", "load item", "battery", "solar array",
     *                         "design case" or "operation phase"
     * @param id               the thing's id
     * @param name             its name as of this revision (the last name when removed)
     * @param change           added, changed or removed
     * @param previousRevision the thing's revision before this one (null when added): restoring it undoes
     *                         this change
     * @param changes          the fields this revision changed (every field when added; none when removed)
     */
    public record Entry(long revision, Instant at, String actor, String kind, long id, String name,
                        ChangeType change, Long previousRevision, List<FieldChange> changes) {

        public Entry {
            changes = List.copyOf(changes);
        }
    }

    /** One audited revision of one thing, for counting and listing. */
    public record Revision(long revision, Instant at, String actor, ChangeType change) {
    }
}
