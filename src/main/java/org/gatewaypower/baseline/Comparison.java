package org.gatewaypower.baseline;

import java.util.List;

/**
 * Side A against side B: what changed in the inputs, how every result figure and check moved, both
 * state-of-charge curves, and the changes ranked by what each alone does: first to the energy the loads do
 * not get (unserved plus shed at the floor, which still moves when the minimum state of charge sits at the
 * floor), then to the minimum state of charge, then to the power margin. Values SI or fractions; deltas are
 * B − A.
 *
 * @param labelA  side A in words
 * @param labelB  side B in words
 * @param changes every added, removed and changed item, in kind order
 * @param figures every result figure of either side
 * @param checks  every check of either side
 * @param socA    side A's MEV state-of-charge curve
 * @param socB    side B's
 * @param ranking the changes by |Δ unserved + shed energy|, then |Δ min SOC|, then |Δ power margin|, largest
 *                first; changes that cannot be analysed alone last
 */
public record Comparison(String labelA, String labelB, List<ItemChange> changes, List<FigureDelta> figures,
                         List<CheckDelta> checks, List<Baselines.SocPoint> socA, List<Baselines.SocPoint> socB,
                         List<Impact> ranking) {

    public Comparison {
        changes = List.copyOf(changes);
        figures = List.copyOf(figures);
        checks = List.copyOf(checks);
        socA = List.copyOf(socA);
        socB = List.copyOf(socB);
        ranking = List.copyOf(ranking);
    }

    public enum ChangeType {
        ADDED, REMOVED, CHANGED
    }

    /**
     * One field of a changed item: numbers in SI (or a fraction) with their unit, text otherwise; the
     * side that lacks the field has nulls.
     */
    public record FieldChange(String field, String unit, Double oldNumber, Double newNumber, String oldText,
                              String newText) {
    }

    /**
     * An item that differs.
     *
     * @param kind   element, mode, load, battery, array, design case or phase
     * @param key    the identity both sides share (kind and id, through the origin map for variants)
     * @param item   its name in words
     * @param fields for a changed item, each field that differs; for an added item each of its values (old
     *               side null), for a removed one each of its values as they were (new side null)
     */
    public record ItemChange(String kind, String key, String item, ChangeType type, List<FieldChange> fields) {

        public ItemChange {
            fields = List.copyOf(fields);
        }
    }

    /** A result figure on both sides; null where a side has none; delta null unless both have one. */
    public record FigureDelta(String key, String label, String unit, Double a, Double b, Double delta) {
    }

    /** A check on both sides; null where a side lacks it; flipped when it passes on one side only. */
    public record CheckDelta(String name, Boolean passedA, Boolean passedB, String figuresA, String figuresB,
                             boolean flipped) {
    }

    /**
     * What one change does alone: side A's inputs with only this change, analysed. Each delta is null when
     * the change cannot be analysed alone ({@code note} says why) or a side has no such figure.
     *
     * @param shortfallDeltaJ energy unserved + shed at the floor with the change − side A's (J)
     * @param minSocDelta     min SOC with the change − min SOC of side A (fraction)
     * @param marginDelta     power margin with the change − side A's (fraction)
     * @param note            the three deltas in words, the first one the ranking used first; or why none
     */
    public record Impact(String kind, String key, String item, ChangeType type, Double shortfallDeltaJ,
                         Double minSocDelta, Double marginDelta, String note) {
    }

    /** The figure with this key, if any. */
    public java.util.Optional<FigureDelta> figure(String key) {
        return figures.stream().filter(f -> f.key().equals(key)).findFirst();
    }
}
