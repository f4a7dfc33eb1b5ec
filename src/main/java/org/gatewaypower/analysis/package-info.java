/**
 * The energy balance of a workspace: {@code BalanceService} turns a workspace snapshot into physics inputs and
 * a {@code BalanceReport} (checks, life cases, sizing, and through the package-private {@code NetworkCalculator} the
 * power network's bus loads, converter losses and port flows, {@code NetworkReport}); {@code EclipseService} gives the eclipse catalogue,
 * trajectory, phase scan and cached illumination per orbit phase and span; {@code HeavyWork} bounds long
 * computations (HTTP 429 beyond the bound).
 *
 * <p>Exposes this package. Reads workspaces, calls the physics core; publishes and listens to no events.
 */
@ApplicationModule(displayName = "Analysis", allowedDependencies = {"physics", "workspace", "units"})
package org.gatewaypower.analysis;

import org.springframework.modulith.ApplicationModule;
