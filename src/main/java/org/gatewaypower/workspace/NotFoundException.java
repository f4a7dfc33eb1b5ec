package org.gatewaypower.workspace;

/** Thrown when an id names nothing that exists (any more). */
public class NotFoundException extends RuntimeException {

    private final String kind;
    private final long id;

    public NotFoundException(String kind, long id) {
        super("No " + kind + " with id " + id + " exists (it may have been deleted)");
        this.kind = kind;
        this.id = id;
    }

    /** Nothing of this kind has this name (e.g. an account by username); {@link #id()} is then -1. */
    public NotFoundException(String kind, String name) {
        super("No " + kind + " named '" + name + "' exists");
        this.kind = kind;
        this.id = -1;
    }

    public String kind() {
        return kind;
    }

    public long id() {
        return id;
    }
}
