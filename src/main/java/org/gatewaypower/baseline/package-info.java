/**
 * Baselines and variants: {@code BaselineService} freezes a workspace's inputs and standard results and
 * compares two baselines (or a baseline and today), ranking the changes by their effect on the energy lost
 * at the battery floor, then on the minimum state of charge, then on the power margin; {@code VariantService}
 * forks workspaces; {@code EditionReports} renders the PDF of either.
 *
 * <p>Exposes this package; the entities in {@code internal} are its own.
 */
@ApplicationModule(displayName = "Baselines and variants",
        allowedDependencies = {"physics", "workspace", "analysis", "report", "units"})
package org.gatewaypower.baseline;

import org.springframework.modulith.ApplicationModule;
