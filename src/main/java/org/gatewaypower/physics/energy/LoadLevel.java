package org.gatewaypower.physics.energy;

import org.gatewaypower.physics.load.EclipseShedding;
import org.gatewaypower.physics.load.LoadPriority;

/**
 * Load demand split by shedding priority, as magnitudes (W, ≥ 0). When the sources and the battery
 * cannot carry it all, deferrable loads are shed first, then essential ones; critical loads are never
 * shed, and what they lack is unserved.
 *
 * @param criticalW   demand of loads that are never shed (W)
 * @param essentialW  demand of loads shed after the deferrable ones (W)
 * @param deferrableW demand of loads shed first (W)
 */
public record LoadLevel(double criticalW, double essentialW, double deferrableW) {

    public LoadLevel {
        check("criticalW", criticalW);
        check("essentialW", essentialW);
        check("deferrableW", deferrableW);
    }

    /** A demand of loads that are never shed (W). */
    public static LoadLevel critical(double watts) {
        return new LoadLevel(watts, 0, 0);
    }

    /** Total demand (W). */
    public double totalW() {
        return criticalW + essentialW + deferrableW;
    }

    /** The same split scaled by {@code factor} (dimensionless, ≥ 0). */
    public LoadLevel scaled(double factor) {
        return new LoadLevel(criticalW * factor, essentialW * factor, deferrableW * factor);
    }

    /** This level with {@code extraW} (W) added to the critical loads. */
    public LoadLevel plusCritical(double extraW) {
        return new LoadLevel(criticalW + extraW, essentialW, deferrableW);
    }

    /** Demand of loads of one priority (W). */
    public double of(LoadPriority priority) {
        return switch (priority) {
            case CRITICAL -> criticalW;
            case ESSENTIAL -> essentialW;
            case DEFERRABLE -> deferrableW;
        };
    }

    /**
     * The loads an eclipse shedding policy keeps on in eclipse (W): the priorities it names are zero,
     * the others as they are.
     */
    public LoadLevel keptOnBy(EclipseShedding policy) {
        return new LoadLevel(policy.shedsInEclipse(LoadPriority.CRITICAL) ? 0 : criticalW,
                policy.shedsInEclipse(LoadPriority.ESSENTIAL) ? 0 : essentialW,
                policy.shedsInEclipse(LoadPriority.DEFERRABLE) ? 0 : deferrableW);
    }

    private static void check(String name, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " must be a finite number ≥ 0, was " + v);
        }
    }
}
