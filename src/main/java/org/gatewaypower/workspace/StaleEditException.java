package org.gatewaypower.workspace;

import java.time.Instant;

/**
 * Thrown when an edit was based on a version that is no longer current: someone else saved first.
 * Nothing has been saved; the caller should show the current value and let the user decide.
 *
 * @see #currentVersion()
 */
public class StaleEditException extends RuntimeException {

    private final WorkspaceChanged.Kind kind;
    private final long id;
    private final long expectedVersion;
    private final long currentVersion;
    private final String lastEditedBy;
    private final Instant lastEditedAt;

    public StaleEditException(WorkspaceChanged.Kind kind, long id, long expectedVersion, long currentVersion, String lastEditedBy,
                              Instant lastEditedAt) {
        super("The " + kind.label() + " was changed by " + lastEditedBy + " since you opened it (your version "
                + expectedVersion + ", current " + currentVersion + "); nothing was saved");
        this.kind = kind;
        this.id = id;
        this.expectedVersion = expectedVersion;
        this.currentVersion = currentVersion;
        this.lastEditedBy = lastEditedBy;
        this.lastEditedAt = lastEditedAt;
    }

    /** What was refused; callers that act on it (the API's merge body) match this, not the message. */
    public WorkspaceChanged.Kind kind() {
        return kind;
    }

    public long id() {
        return id;
    }

    public long expectedVersion() {
        return expectedVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }

    public String lastEditedBy() {
        return lastEditedBy;
    }

    public Instant lastEditedAt() {
        return lastEditedAt;
    }
}
