package org.gatewaypower.ui.workspace;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The totals under the power equipment list, over the rows shown (after any filter): units counted, the
 * connected standby, operating and peak power (every unit at that power at once), and per mode the orbit-average
 * load as the sheet states it, quantity × (standby × (1 − duty) + operating × duty), current best estimate,
 * without maturity contingency and without eclipse duty cycles (the analysis adds both).
 *
 * @param quantity   units counted
 * @param standbyW   Σ quantity × standby power (W)
 * @param operatingW Σ quantity × operating power (W)
 * @param peakW      Σ quantity × peak power (W)
 * @param averageW   per mode id, Σ quantity × duty-weighted power (W)
 */
record LoadTotals(int quantity, double standbyW, double operatingW, double peakW, Map<Long, Double> averageW) {

    /** Totals of {@code rows} for the modes {@code modeIds}; rows with a blank number count it as 0. */
    static LoadTotals of(Collection<LoadRow> rows, List<Long> modeIds) {
        int quantity = 0;
        double standby = 0;
        double operating = 0;
        double peak = 0;
        Map<Long, Double> average = new LinkedHashMap<>();
        modeIds.forEach(m -> average.put(m, 0.0));
        for (LoadRow r : rows) {
            int n = r.getQuantity() == null ? 0 : r.getQuantity();
            double s = value(r.getStandbyPowerW());
            double o = value(r.getOperatingPowerW());
            quantity += n;
            standby += n * s;
            operating += n * o;
            peak += n * value(r.getPeakPowerW());
            for (long m : modeIds) {
                double duty = value(r.getDutyPercent(m)) / 100;
                average.merge(m, n * (s * (1 - duty) + o * duty), Double::sum);
            }
        }
        return new LoadTotals(quantity, standby, operating, peak, Map.copyOf(average));
    }

    private static double value(Double v) {
        return v == null ? 0 : v;
    }
}
