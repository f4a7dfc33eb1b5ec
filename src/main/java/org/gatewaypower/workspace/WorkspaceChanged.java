package org.gatewaypower.workspace;

/**
 * Published after something in a workspace was saved; listeners handle it after the commit.
 *
 * @param workspaceId the workspace
 * @param kind        what changed ("load item", "battery", ...)
 * @param entityId    id of what changed
 * @param actor       username of who changed it
 * @param description a short human sentence ("changed I-Hab cabin heater")
 */
public record WorkspaceChanged(long workspaceId, String kind, long entityId, String actor, String description) {
}
