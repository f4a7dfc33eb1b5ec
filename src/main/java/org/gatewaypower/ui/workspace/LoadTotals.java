package org.gatewaypower.ui.workspace;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

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
            int n = units(r);
            quantity += n;
            standby += n * value(r.getStandbyPowerW());
            operating += n * value(r.getOperatingPowerW());
            peak += n * value(r.getPeakPowerW());
            for (long m : modeIds) {
                average.merge(m, averageW(r, m), Double::sum);
            }
        }
        return new LoadTotals(quantity, standby, operating, peak, Map.copyOf(average));
    }

    /**
     * One row's orbit-average load in a mode as the sheet states it (W): quantity × (standby × (1 − duty) +
     * operating × duty), current best estimate, sunlit duty.
     */
    static double averageW(LoadRow r, long modeId) {
        double duty = value(r.getDutyPercent(modeId)) / 100;
        return units(r) * (value(r.getStandbyPowerW()) * (1 - duty) + value(r.getOperatingPowerW()) * duty);
    }

    /**
     * The subtotal of one group of rows (an element, a subsystem or a bus) in the analysed mode.
     *
     * @param name       the group's label
     * @param lines      rows in the group
     * @param quantity   units in the group
     * @param operatingW Σ quantity × operating power (W)
     * @param averageW   Σ orbit-average load, current best estimate (W)
     * @param mevW       Σ orbit-average load with each row's maturity contingency, maximum expected value (W)
     */
    record Group(String name, int lines, int quantity, double operatingW, double averageW, double mevW) {
    }

    /**
     * Subtotals of {@code rows} grouped by {@code key} (blank keys are grouped as "—") in mode {@code modeId},
     * largest orbit average first: what an engineer reads to see who takes the power.
     */
    static List<Group> byGroup(Collection<LoadRow> rows, Function<LoadRow, String> key, long modeId) {
        Map<String, List<LoadRow>> groups = new LinkedHashMap<>();
        for (LoadRow r : rows) {
            String k = key.apply(r);
            groups.computeIfAbsent(k == null || k.isBlank() ? "—" : k, g -> new java.util.ArrayList<>()).add(r);
        }
        return groups.entrySet().stream().map(e -> {
            int quantity = 0;
            double operating = 0;
            double average = 0;
            double mev = 0;
            for (LoadRow r : e.getValue()) {
                quantity += units(r);
                operating += units(r) * value(r.getOperatingPowerW());
                double a = averageW(r, modeId);
                average += a;
                mev += a * (1 + (r.getMaturity() == null ? 0 : r.getMaturity().contingency()));
            }
            return new Group(e.getKey(), e.getValue().size(), quantity, operating, average, mev);
        }).sorted(Comparator.comparingDouble(Group::averageW).reversed().thenComparing(Group::name)).toList();
    }

    private static int units(LoadRow r) {
        return r.getQuantity() == null ? 0 : r.getQuantity();
    }

    private static double value(Double v) {
        return v == null ? 0 : v;
    }
}
