/**
 * Working together live: {@code WorkspaceBroadcaster} hands committed
 * {@link org.gatewaypower.workspace.WorkspaceChanged} events to every open browser of the workspace,
 * {@code PresenceService} knows who has which workspace open and what they edit, and {@code ImpactMonitor}
 * re-analyses after each committed transaction and tells everyone when a key result moved
 * ({@code ImpactNoticed}). Subscriptions are callbacks, so this module knows nothing of the views.
 */
@ApplicationModule(displayName = "Collaboration", allowedDependencies = {"workspace", "analysis", "security"})
package org.gatewaypower.collaboration;

import org.springframework.modulith.ApplicationModule;
