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

    public String kind() {
        return kind;
    }

    public long id() {
        return id;
    }
}
