package org.gatewaypower.analysis;

import java.time.Instant;

/**
 * One visiting vehicle's docking as a calendar run sees it. Powers in W; states of charge as fractions.
 *
 * @param dockingId        the docking
 * @param vehicleElementId the vehicle's element
 * @param vehicleName      its name
 * @param from             docking start (UTC)
 * @param to               docking end (UTC)
 * @param inRun            whether the docking overlaps the run's span; one outside it is listed, not counted
 * @param mevAverageW      the vehicle's MEV draw on the station averaged over its docked time within the run
 *                         (orbit averages of the modes the timeline sets then, weighted by their time) (W)
 * @param mevPeakW         the vehicle's largest MEV coincident peak over those modes (W)
 * @param exportW          the power the vehicle offers the station while docked (W)
 * @param minSocWith       the run's minimum state of charge (end of life, MEV) as analysed, with this docking;
 *                         null when not in the run or without a battery
 * @param minSocWithout    the same run's minimum state of charge without this docking (neither its loads nor its
 *                         export); null as above
 */
public record Visit(long dockingId, long vehicleElementId, String vehicleName, Instant from, Instant to,
                    boolean inRun, double mevAverageW, double mevPeakW, double exportW, Double minSocWith,
                    Double minSocWithout) {

    /** The docking's effect on the run's minimum state of charge, with minus without (percentage points). */
    public Double minSocEffectPoints() {
        return minSocWith == null || minSocWithout == null ? null : 100 * (minSocWith - minSocWithout);
    }
}
