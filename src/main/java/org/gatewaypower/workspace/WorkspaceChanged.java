package org.gatewaypower.workspace;

/**
 * Published after something in a workspace was saved; listeners handle it after the commit.
 *
 * @param workspaceId the workspace
 * @param kind        what changed (a load item, a battery, a member, ...)
 * @param entityId    id of what changed
 * @param change      whether it was added, changed or removed, as the publishing edit knows it
 * @param actor       username of who changed it
 * @param description a short human sentence for notices ("changed load I-Hab cabin heater"); listeners
 *                    decide by {@code kind} and {@code change}, never by its words
 */
public record WorkspaceChanged(long workspaceId, Kind kind, long entityId, Change change, String actor,
                               String description) {

    /** What kind of thing changed. */
    public enum Kind {
        LOAD_ITEM("load item"),
        BATTERY("battery"),
        SOLAR_ARRAY("solar array"),
        DESIGN_CASE("design case"),
        ELEMENT("element"),
        OPERATING_MODE("operating mode"),
        OPERATION_PHASE("operation phase"),
        MEMBER("member"),
        ALLOCATION("power allocation"),
        CONVERTER("converter"),
        PORT("port"),
        DOCKING("docking");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** Its name in messages ("load item"), as the stale-edit and not-found messages use it. */
        public String label() {
            return label;
        }
    }

    /** The kind of change. */
    public enum Change {
        ADDED, CHANGED, REMOVED
    }
}
