/**
 * What the application needs to run as a service, apart from its features: the readiness gate that keeps
 * requests out until start-up tasks are done, and the node's name on every answer for the reverse proxy
 * ({@code deploy/nginx.conf}). Exposes nothing and uses no other module.
 */
@ApplicationModule(displayName = "System", allowedDependencies = {})
package org.gatewaypower.system;

import org.springframework.modulith.ApplicationModule;
