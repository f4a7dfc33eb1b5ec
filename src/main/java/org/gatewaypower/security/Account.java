package org.gatewaypower.security;

/** A user as the rest of the application sees it (no password material); a disabled one cannot sign in. */
public record Account(String username, String displayName, String teamCode, boolean admin, boolean enabled) {
}
