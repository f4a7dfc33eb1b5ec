/**
 * Working together live: {@code WorkspaceBroadcaster} hands committed
 * {@link org.gatewaypower.workspace.WorkspaceChanged} events to every open browser of the workspace,
 * {@code LiveBalances} reads and analyses the workspace once per committed transaction and node and hands
 * that to every open view, {@code PresenceService} knows who has which workspace open and what they edit,
 * and {@code ImpactMonitor} tells everyone when a key result moved ({@code ImpactNoticed}). Subscriptions are
 * callbacks, so this module knows nothing of the views.
 *
 * <p>Several app nodes on one PostgreSQL database: {@code ClusterTransport} carries changes and presence
 * between them with NOTIFY/LISTEN, so each node's subscribers hear of every node's changes; on H2 (one node)
 * it is off. {@code ClusterStartupLock} lets the nodes run their start-up tasks one at a time.
 */
@ApplicationModule(displayName = "Collaboration", allowedDependencies = {"workspace", "analysis", "security"})
package org.gatewaypower.collaboration;

import org.springframework.modulith.ApplicationModule;
