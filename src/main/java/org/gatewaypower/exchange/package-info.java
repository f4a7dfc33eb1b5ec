/**
 * Spreadsheets in and out: import a team's power equipment list from {@code .xlsx} or CSV into an
 * element (preview, column mapping, all-or-nothing apply through the workspace service, so that
 * validation, ownership, optimistic locking and the audit trail apply), and export the workspace's
 * budget to {@code .xlsx} and CSV in the same layout, so that an export re-imports to the same data; and
 * whole-workspace archives (versioned JSON, with the timeline, members and baselines).
 *
 * <p>Exposes this package; the remembered column mappings in {@code internal} are its own.
 */
@ApplicationModule(displayName = "Spreadsheets and archives",
        allowedDependencies = {"physics", "workspace", "analysis", "baseline", "units"})
package org.gatewaypower.exchange;

import org.springframework.modulith.ApplicationModule;
