package org.gatewaypower.physics.energy;

import org.gatewaypower.physics.load.LoadPriority;

/**
 * A stretch of time during which loads of one priority were switched off, at the battery floor or by the
 * eclipse shedding plan.
 *
 * @param priority   which loads ({@link LoadPriority#DEFERRABLE} or {@link LoadPriority#ESSENTIAL})
 * @param cause      why they were off
 * @param startS     start (s from the start of the run)
 * @param endS       end (s from the start of the run)
 * @param energyJ    energy not delivered to them (J)
 * @param maxPowerW  largest power shed at once (W)
 */
public record ShedInterval(LoadPriority priority, Cause cause, double startS, double endS, double energyJ, double maxPowerW) {

    /** Why loads were switched off. */
    public enum Cause {
        /** The battery was at its floor and could not carry them (the floor rule). */
        BATTERY_FLOOR("at the battery floor"),
        /** The station was in eclipse and the eclipse shedding policy names their priority (planned). */
        ECLIPSE_POLICY("off in eclipse by policy");

        private final String label;

        Cause(String label) {
            this.label = label;
        }

        /** The cause in words, for lists of shed loads. */
        public String label() {
            return label;
        }
    }

    /** True when the loads were off by plan in eclipse rather than because the battery reached its floor. */
    public boolean planned() {
        return cause == Cause.ECLIPSE_POLICY;
    }

    /** Length (s). */
    public double durationS() {
        return endS - startS;
    }
}
