/**
 * The Vaadin UI. Pages in this package (sign-in, workspace list, administration, account, tokens) and the
 * layout; one sub-package per larger page ({@code workspace}, {@code eclipse}, {@code baseline}), which link to
 * each other through {@link org.gatewaypower.ui.Routes} instead of importing each other; shared widgets in
 * {@code component}. It tells the security module its sign-in page through {@code LoginRoute}.
 * Exposes nothing; nothing depends on it.
 */
@ApplicationModule(displayName = "UI", allowedDependencies = {"physics", "workspace", "analysis", "baseline",
        "exchange", "report", "collaboration", "security", "units", "operations"})
package org.gatewaypower.ui;

import org.springframework.modulith.ApplicationModule;
