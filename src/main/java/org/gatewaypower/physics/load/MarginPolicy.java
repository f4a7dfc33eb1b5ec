package org.gatewaypower.physics.load;

/**
 * The power margin a budget must keep, by agency and project phase, and the load it is measured against.
 *
 * <p>Margin is the share of the capability (sustainable orbit-average power, W) left over the policy's
 * basis load: {@code margin = (capability − basis) / capability}, so a policy with required margin m
 * asks for {@code capability ≥ basis / (1 − m)} (the convention of docs/domain/power-budget.md §5, Uludağ
 * &amp; Aslan 2025, Aerospace 12:858, kept unchanged here).
 *
 * <p>Readings of the policies (the basis decides whether the maturity contingency counts once):
 * <ul>
 *   <li><b>ESA</b> (ECSS-E-ST-20C power budget, ESA margin philosophy): every equipment first carries its
 *       maturity margin ({@link MaturityClass}: 5 / 10 / 20 % of CBE, giving the MEV); a 20 % system
 *       margin is then kept on top of the summed MEV. Basis: {@link Basis#MEV}.</li>
 *   <li><b>NASA</b> practice by phase (30 % at phase B, 20 % at PDR, 10 % at CDR): read as the total power
 *       margin over the current best estimate; the growth the maturity contingency stands for is part of
 *       that figure, so it is measured against CBE and the contingency is not added first.
 *       Basis: {@link Basis#CBE}.</li>
 *   <li><b>JAXA</b> by phase (15 % at PDR, 10 % at CDR, 6 % before shipment): read like NASA's, a total
 *       margin over CBE that shrinks as the design matures. Basis: {@link Basis#CBE}.</li>
 * </ul>
 * Before this reading, every policy was judged against MEV: for NASA and JAXA the maturity contingency
 * then counted twice (e.g. NASA phase B on a new design asked for CBE × 1.2 / 0.7 = 1.71 × CBE instead of
 * CBE / 0.7 = 1.43 × CBE).
 */
public enum MarginPolicy {
    ESA_SYSTEM(0.20, Basis.MEV, "ESA system margin (20 %)"),
    NASA_PHASE_B(0.30, Basis.CBE, "NASA, phase B (30 %)"),
    NASA_PDR(0.20, Basis.CBE, "NASA, PDR (20 %)"),
    NASA_CDR(0.10, Basis.CBE, "NASA, CDR (10 %)"),
    JAXA_PDR(0.15, Basis.CBE, "JAXA, PDR (15 %)"),
    JAXA_CDR(0.10, Basis.CBE, "JAXA, CDR (10 %)"),
    JAXA_PRE_SHIPMENT(0.06, Basis.CBE, "JAXA, pre-shipment (6 %)");

    /** The load a policy's margin is measured against. */
    public enum Basis {
        /** Current best estimate: the margin itself covers design growth. */
        CBE,
        /** Maximum expected value, CBE with each item's maturity contingency: the margin comes on top. */
        MEV
    }

    private final double requiredMargin;
    private final Basis basis;
    private final String label;

    MarginPolicy(double requiredMargin, Basis basis, String label) {
        this.requiredMargin = requiredMargin;
        this.basis = basis;
        this.label = label;
    }

    /** Smallest acceptable margin, as a share of the capability (dimensionless). */
    public double requiredMargin() {
        return requiredMargin;
    }

    /** The load the margin is measured against. */
    public Basis basis() {
        return basis;
    }

    public String label() {
        return label;
    }

    /**
     * The load this policy judges (W): {@code cbeW} or {@code mevW} by its {@link #basis()}.
     *
     * @param cbeW load, current best estimate (W, ≥ 0)
     * @param mevW load with maturity contingency (W, ≥ cbeW)
     */
    public double basisLoadW(double cbeW, double mevW) {
        return basis == Basis.CBE ? cbeW : mevW;
    }

    /**
     * Margin of a capability over this policy's basis load, {@code (capability − basis) / capability}
     * (dimensionless); −∞ for no capability and some load, 0 for neither.
     *
     * @param capabilityW sustainable orbit-average power (W)
     * @param cbeW        load, current best estimate (W)
     * @param mevW        load with maturity contingency (W)
     */
    public double marginOf(double capabilityW, double cbeW, double mevW) {
        double load = basisLoadW(cbeW, mevW);
        if (capabilityW > 0) {
            return (capabilityW - load) / capabilityW;
        }
        return load > 0 ? Double.NEGATIVE_INFINITY : 0.0;
    }

    /** True when the capability keeps this policy's margin over its basis load (W inputs as {@link #marginOf}). */
    public boolean passes(double capabilityW, double cbeW, double mevW) {
        return marginOf(capabilityW, cbeW, mevW) >= requiredMargin;
    }

    /** Least capability that keeps the margin (W): {@code basis / (1 − requiredMargin)}. */
    public double requiredCapabilityW(double cbeW, double mevW) {
        return basisLoadW(cbeW, mevW) / (1.0 - requiredMargin);
    }
}
