package org.gatewaypower.security;

/** A user as the rest of the application sees it (no password material). */
public record Account(String username, String displayName, String teamCode, boolean admin) {
}
