package org.gatewaypower.physics.load;

import java.util.List;

/**
 * The load of one operating mode, summed over the power equipment list.
 *
 * @param cbeAverageW average power, current best estimate (W)
 * @param mevAverageW average power with maturity contingency, maximum expected value (W)
 * @param cbePeakW    coincident peak power, current best estimate (W)
 * @param mevPeakW    coincident peak power with contingency (W)
 */
public record ModeLoad(double cbeAverageW, double mevAverageW, double cbePeakW, double mevPeakW) {

    /** An item of the equipment list together with its duty cycle in the mode (dimensionless). */
    public record ItemAtDuty(LoadItemSpec item, double duty) {
    }

    /** Sums the items at their duty cycles in one mode. */
    public static ModeLoad of(List<ItemAtDuty> items) {
        double cbeAvg = 0;
        double mevAvg = 0;
        double cbePeak = 0;
        double mevPeak = 0;
        for (ItemAtDuty i : items) {
            double avg = i.item().averagePowerW(i.duty());
            double peak = i.item().peakPowerAtDutyW(i.duty());
            cbeAvg += avg;
            mevAvg += avg * i.item().mevFactor();
            cbePeak += peak;
            mevPeak += peak * i.item().mevFactor();
        }
        return new ModeLoad(cbeAvg, mevAvg, cbePeak, mevPeak);
    }

    /** Overall contingency of the mode (dimensionless): MEV / CBE − 1, or 0 for no load. */
    public double contingency() {
        return cbeAverageW > 0 ? mevAverageW / cbeAverageW - 1.0 : 0.0;
    }
}
