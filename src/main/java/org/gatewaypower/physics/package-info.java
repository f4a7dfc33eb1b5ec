/**
 * The physics core of Gateway Power: plain Java records and functions, no framework.
 *
 * <h2>Units</h2>
 * SI inside: power in W, energy in J, time in s, distance in m unless a name says otherwise.
 * A non-SI quantity carries its unit as a suffix ({@code capacityWh}, {@code durationMin},
 * {@code sunDistanceAu}). Fractions (state of charge, duty cycle, efficiency, lit fraction) are
 * dimensionless in [0, 1]. Energy is never called "charge".
 *
 * <h2>Sign conventions (written once, here)</h2>
 * <ul>
 *   <li>Bus power: a source's power is positive, a load's power is negative. Records that carry a
 *       load magnitude (e.g. {@code loadPowerW}) hold a positive number and name it as a load.</li>
 *   <li>Battery power is positive when the battery is charging and negative when it discharges.</li>
 *   <li>Eclipse switching function: negative in shadow, positive in full sunlight (as in Orekit).
 *       The lit fraction ν is 1 in full sunlight and 0 in umbra.</li>
 * </ul>
 *
 * <h2>State of charge</h2>
 * State of charge (SOC) is stored energy divided by nameplate capacity; depth of discharge is
 * {@code 1 - SOC}. Both are fractions; the UI shows them in percent.
 *
 * <h2>As an application module</h2>
 * An open module: every sub-package ({@code energy}, {@code load}, {@code eclipse}, {@code orbit},
 * {@code ephemeris}, {@code time}) is API that the analysis, the adapters and the views call directly. The
 * core depends on no other module (ArchitectureTest holds it to the JDK and Hipparchus); the annotation
 * below is read by the module tests only.
 */
@ApplicationModule(displayName = "Physics core", type = ApplicationModule.Type.OPEN)
package org.gatewaypower.physics;

import org.springframework.modulith.ApplicationModule;
