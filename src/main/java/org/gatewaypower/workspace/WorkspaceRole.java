package org.gatewaypower.workspace;

/**
 * What a member may do in a workspace. Element ownership narrows an editor further: an editor changes
 * only what their own team owns.
 */
public enum WorkspaceRole {
    /** Everything in the workspace: any element, the analysis case, modes, timeline and members. */
    OWNER("Owner"),
    /** The loads, batteries and arrays owned by the member's team. */
    EDITOR("Editor"),
    /** Reads everything, changes nothing. */
    VIEWER("Viewer");

    private final String label;

    WorkspaceRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
