/**
 * The PDF budget report ({@code ReportService}): a workspace's inputs, the analysis's figures and checks, and
 * charts drawn with Java2D, with the name and team of who rendered it.
 *
 * <p>Exposes {@code ReportService}.
 */
@ApplicationModule(displayName = "PDF report",
        allowedDependencies = {"physics", "workspace", "analysis", "security", "units"})
package org.gatewaypower.report;

import org.springframework.modulith.ApplicationModule;
