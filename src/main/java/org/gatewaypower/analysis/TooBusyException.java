package org.gatewaypower.analysis;

/** A long computation refused because the node or the user has enough running (see {@link HeavyWork}). */
public class TooBusyException extends RuntimeException {

    private final long retryAfterSeconds;

    public TooBusyException(String message, long retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Seconds after which trying again makes sense. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
