/**
 * The shared budget: workspaces, partner teams and members, elements, loads, batteries, arrays, modes, the
 * design case, the operations timeline, the elements' power allocations per mode, the power network (converters,
 * ports) and the visiting vehicles' dockings, with validation, ownership rules ({@code WorkspaceAccess}), optimistic
 * locking and the audit trail ({@code HistoryService}, {@code AuditLog}).
 *
 * <p>Exposes this package: the services ({@code WorkspaceService}, {@code MembershipService},
 * {@code StructureService}, {@code EquipmentService}, {@code DesignCaseService}, {@code OperationsService},
 * {@code AllocationService}, {@code NetworkService}, {@code DockingService},
 * {@code HistoryService}), the read models and drafts they take and give, and the event
 * {@link org.gatewaypower.workspace.WorkspaceChanged}, published inside the saving transaction. What every edit
 * shares (versions, flush, publishing, read-model mapping) is the package-private {@code EditSupport}. The entities
 * and repositories in {@code internal} are this module's alone. Depends on the physics core only for the
 * load vocabulary (priorities, maturity, margin policies) and the network's tree rule.
 */
@ApplicationModule(displayName = "Workspace", allowedDependencies = "physics")
package org.gatewaypower.workspace;

import org.springframework.modulith.ApplicationModule;
