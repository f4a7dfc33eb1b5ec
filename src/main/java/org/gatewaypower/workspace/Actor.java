package org.gatewaypower.workspace;

/**
 * Who is acting, as far as access rules care: the account, its partner team (null for accounts
 * outside the teams) and whether it administers the installation.
 */
public record Actor(String username, String displayName, String teamCode, boolean admin) {
}
