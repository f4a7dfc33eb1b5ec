package org.gatewaypower.security;

import org.springframework.security.core.AuthenticationException;

/** Sign-in refused without checking the password: too many recent failures (see {@link LoginThrottle}). */
public class LoginThrottledException extends AuthenticationException {

    private final long retryAfterSeconds;

    public LoginThrottledException(long retryAfterSeconds) {
        super("Too many failed sign-ins: try again in " + retryAfterSeconds + " s");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Seconds until an attempt is checked again. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
