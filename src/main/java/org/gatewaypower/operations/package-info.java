/**
 * Running the service: the application's own metrics, the user and workspace on every request's log lines,
 * and the administrators' online backup of the embedded database.
 *
 * <p>Meters (Micrometer; in Prometheus' text format at {@code /actuator/prometheus}, administrators only):
 * {@code gateway.edits} (committed changes by kind and change), {@code gateway.vaadin.sessions} and
 * {@code gateway.vaadin.uis} (open browser sessions and pages), {@code gateway.tasks.queued} and
 * {@code gateway.tasks.active} (the application task executor), {@code gateway.heavy.work.waiting} and
 * {@code gateway.heavy.work.running} ({@code analysis.HeavyWork}). Two timers live beside what they time,
 * because this module sits above those: {@code gateway.analysis.duration} in {@code analysis.BalanceService}
 * and {@code gateway.live.update.delay} in {@code collaboration.WorkspaceBroadcaster}.
 *
 * <p>Exposes {@code BackupService} (for the REST API and the administration page). Listens to
 * {@code workspace.WorkspaceChanged} after commit; publishes nothing.
 */
@ApplicationModule(displayName = "Operations", allowedDependencies = {"workspace", "analysis", "security"})
package org.gatewaypower.operations;

import org.springframework.modulith.ApplicationModule;
