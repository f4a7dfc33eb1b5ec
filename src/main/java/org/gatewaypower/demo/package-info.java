/**
 * Seeds the "Gateway demo" workspace and the demo accounts on an empty database
 * ({@code gateway.demo.enabled}). Exposes nothing; nothing depends on it.
 */
@ApplicationModule(displayName = "Demo data", allowedDependencies = {"physics", "workspace", "security", "units"})
package org.gatewaypower.demo;

import org.springframework.modulith.ApplicationModule;
