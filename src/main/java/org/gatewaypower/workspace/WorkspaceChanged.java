package org.gatewaypower.workspace;

/**
 * Published after something in a workspace was saved; listeners handle it after the commit.
 *
 * @param workspaceId the workspace
 * @param kind        what changed ("load item", "battery", ...)
 * @param entityId    id of what changed
 * @param change      whether it was added, changed or removed
 * @param actor       username of who changed it
 * @param description a short human sentence ("changed load I-Hab cabin heater")
 */
public record WorkspaceChanged(long workspaceId, String kind, long entityId, Change change, String actor,
                               String description) {

    /** The kind of change. */
    public enum Change {
        ADDED, CHANGED, REMOVED
    }
}
