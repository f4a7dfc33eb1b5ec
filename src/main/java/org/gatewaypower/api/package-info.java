/**
 * The REST API under {@code /api/v1}: controllers that translate JSON to the services' drafts and back, and
 * problem details for every refusal ({@code ApiErrors}). It obeys the same rules as the UI because the
 * services enforce them. Exposes nothing; nothing depends on it.
 */
@ApplicationModule(displayName = "REST API",
        allowedDependencies = {"physics", "workspace", "analysis", "baseline", "exchange", "report", "security", "units",
                "operations"})
package org.gatewaypower.api;

import org.springframework.modulith.ApplicationModule;
