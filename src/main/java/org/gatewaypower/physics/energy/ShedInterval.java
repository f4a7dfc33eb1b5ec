package org.gatewaypower.physics.energy;

import org.gatewaypower.physics.load.LoadPriority;

/**
 * A stretch of time during which loads of one priority were switched off to protect the battery.
 *
 * @param priority   which loads ({@link LoadPriority#DEFERRABLE} or {@link LoadPriority#ESSENTIAL})
 * @param startS     start (s from the start of the run)
 * @param endS       end (s from the start of the run)
 * @param energyJ    energy not delivered to them (J)
 * @param maxPowerW  largest power shed at once (W)
 */
public record ShedInterval(LoadPriority priority, double startS, double endS, double energyJ, double maxPowerW) {

    /** Length (s). */
    public double durationS() {
        return endS - startS;
    }
}
