package org.gatewaypower.baseline;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gatewaypower.baseline.Comparison.CheckDelta;
import org.gatewaypower.baseline.Comparison.FigureDelta;
import org.gatewaypower.baseline.Comparison.Impact;

/**
 * What differs between two sides of a comparison: each figure's change, each check's verdicts, and the order in
 * which the changes' impacts are listed. Split from {@link BaselineService}, which resolves the sides and runs
 * the analyses.
 */
final class ComparisonDeltas {

    private ComparisonDeltas() {
    }

    static List<FigureDelta> figureDeltas(Baselines.Results a, Baselines.Results b) {
        Map<String, Baselines.Figure> all = new LinkedHashMap<>();
        a.figures().forEach(f -> all.put(f.key(), f));
        b.figures().forEach(f -> all.putIfAbsent(f.key(), f));
        return all.values().stream().map(f -> {
            Double va = a.value(f.key());
            Double vb = b.value(f.key());
            return new FigureDelta(f.key(), f.label(), f.unit(), va, vb, va == null || vb == null ? null : vb - va);
        }).toList();
    }

    static List<CheckDelta> checkDeltas(Baselines.Results a, Baselines.Results b) {
        Map<String, Baselines.CheckResult> ca = byName(a.checks());
        Map<String, Baselines.CheckResult> cb = byName(b.checks());
        Map<String, Boolean> names = new LinkedHashMap<>();
        ca.keySet().forEach(n -> names.put(n, true));
        cb.keySet().forEach(n -> names.put(n, true));
        return names.keySet().stream().map(n -> {
            Baselines.CheckResult x = ca.get(n);
            Baselines.CheckResult y = cb.get(n);
            Boolean pa = x == null ? null : x.passed();
            Boolean pb = y == null ? null : y.passed();
            return new CheckDelta(n, pa, pb, x == null ? null : x.figures(), y == null ? null : y.figures(),
                    pa != null && pb != null && !pa.equals(pb));
        }).toList();
    }

    /** Checks by name; a name that repeats gets its ordinal, so no check hides another. */
    static Map<String, Baselines.CheckResult> byName(List<Baselines.CheckResult> checks) {
        Map<String, Baselines.CheckResult> out = new LinkedHashMap<>();
        for (Baselines.CheckResult c : checks) {
            String name = c.name();
            for (int i = 2; out.containsKey(name); i++) {
                name = c.name() + " (" + i + ")";
            }
            out.put(name, c);
        }
        return out;
    }

    /** |delta| rounded down to whole steps of the resolution, so that noise compares equal; 0 without one. */
    static double size(Double delta, double resolution) {
        return delta == null ? 0 : Math.floor(Math.abs(delta) / resolution);
    }

    static Double difference(Double after, Double before) {
        return after == null || before == null ? null : after - before;
    }

    /**
     * Below these a difference is the analysis's rounding, not an effect: without them a change that moves
     * nothing would outrank a real one by 1e-9 J of noise in the first measure.
     */
    private static final double SHORTFALL_RESOLUTION_J = 1.0;
    private static final double FRACTION_RESOLUTION = 1e-9;

    /** Analysed changes first, then by the three measures' sizes, largest first, each below the last. */
    static final Comparator<Impact> RANKING = Comparator
            .comparing((Impact i) -> i.shortfallDeltaJ() == null && i.minSocDelta() == null && i.marginDelta() == null)
            .thenComparing(Comparator.comparingDouble((Impact i) -> size(i.shortfallDeltaJ(), SHORTFALL_RESOLUTION_J))
                    .reversed())
            .thenComparing(Comparator.comparingDouble((Impact i) -> size(i.minSocDelta(), FRACTION_RESOLUTION))
                    .reversed())
            .thenComparing(Comparator.comparingDouble((Impact i) -> size(i.marginDelta(), FRACTION_RESOLUTION))
                    .reversed());
}
