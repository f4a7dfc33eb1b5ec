/**
 * Accounts and sign-in: bcrypt passwords and their policy, the first administrator from configuration,
 * personal API tokens, form login for the UI (on the page the UI names through {@code SignInPage}), single
 * sign-on with OpenID Connect providers ({@code SingleSignOn}, claims mapped by {@code SsoMapping}), HTTP
 * Basic or bearer tokens for the API and the administrators' Actuator endpoints ({@code OperatorSecurity}),
 * sign-in throttling, the cross-site request guard and the security headers. Local passwords can be turned
 * off ({@code gateway.security.local-passwords=false}).
 *
 * <p>Exposes this package ({@code AccountService}, {@code ApiTokenService}, {@code Account},
 * {@code SignInPage}, {@code SignInOptions}, {@code SsoMapping}, {@code SsoSignInRefused}); the account
 * and token entities in {@code internal} are its own. Publishes {@code AccountService.AccountChanged}, heard
 * inside the module by the sign-in cache. Depends on the workspace module for partner teams, the audit log,
 * its exceptions and, at a first single sign-on, the team's workspace memberships; implements its
 * {@code ActorDirectory}, so that the workspace names who acted without depending on this module.
 */
@ApplicationModule(displayName = "Security", allowedDependencies = "workspace")
package org.gatewaypower.security;

import org.springframework.modulith.ApplicationModule;
