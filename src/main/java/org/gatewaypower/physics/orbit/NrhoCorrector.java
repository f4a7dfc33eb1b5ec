package org.gatewaypower.physics.orbit;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.RealVector;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.util.FastMath;

/**
 * Single-shooting differential correction of a southern L2 halo orbit (here the 9:2 NRHO) that is
 * symmetric about the xz-plane of the rotating frame.
 *
 * <p>Method (the classical Howell 1984 scheme): start at apolune on the xz-plane with
 * (x₀, 0, z₀, 0, ẏ₀, 0), ẏ₀ &lt; 0; propagate the state and its state transition matrix Φ to the
 * next crossing of y = 0 (half a period, at perilune, located by an event detector). By the
 * mirror symmetry of the CR3BP the orbit is periodic iff it crosses that plane perpendicularly,
 * i.e. ẋ = ż = 0 there. Two of (x₀, z₀, ẏ₀) are varied, the third held; the crossing time is
 * eliminated with the condition δy = 0, giving the 2×2 Newton system
 * <pre>
 *   [δẋ]   ( [Φ₄ₐ Φ₄ᵦ]   1  [ẍ]                )  [δa]
 *   [δż] = ( [Φ₆ₐ Φ₆ᵦ] − ―― [z̈] · [Φ₂ₐ Φ₂ᵦ] ) ·[δb]
 *                         ẏ
 * </pre>
 * (1-based rows: 2 = y, 4 = ẋ, 6 = ż; a, b the free columns), solved until |ẋ|, |ż| &lt; 1e-11 at
 * the crossing.
 *
 * <p>Which component is held selects the family member: holding x₀ (the default) keeps the given
 * apolune x; the period then follows. For the seed of docs/domain/orbit.md §2 holding x₀ reproduces its
 * period 1.5111994347 t* (= 2/9 synodic month) to ~1e-9 (measured in the tests).
 */
public final class NrhoCorrector {

    /** Convergence criterion on |ẋ| and |ż| at the half-period crossing (nondimensional). */
    public static final double VELOCITY_TOLERANCE_ND = 1e-11;

    private static final int MAX_ITERATIONS = 30;

    /** The initial-state component held fixed during the correction. */
    public enum Held {
        /** Hold the apolune x₀; vary z₀ and ẏ₀. */
        X0,
        /** Hold the apolune z₀; vary x₀ and ẏ₀. */
        Z0
    }

    private NrhoCorrector() {
    }

    /**
     * Corrects holding x₀ fixed; see {@link #correct(Cr3bp, double, double, double, double, Held)}.
     */
    public static PeriodicOrbit correct(Cr3bp model, double x0Nd, double z0Nd, double vy0Nd,
            double periodGuessNd) {
        return correct(model, x0Nd, z0Nd, vy0Nd, periodGuessNd, Held.X0);
    }

    /**
     * Differentially corrects an apolune state into a periodic orbit symmetric about the xz-plane.
     *
     * @param model         the CR3BP
     * @param x0Nd          apolune x guess (nondimensional)
     * @param z0Nd          apolune z guess, &lt; 0 for a southern orbit (nondimensional)
     * @param vy0Nd         apolune ẏ guess, &lt; 0 (nondimensional)
     * @param periodGuessNd period guess (t*); the half-period crossing is searched for up to this
     *                      time, so the guess may be off by up to ~+100 % / −50 %
     * @param held          the component kept fixed
     * @return the corrected orbit
     * @throws IllegalStateException if Newton's method does not converge in 30 iterations
     */
    public static PeriodicOrbit correct(Cr3bp model, double x0Nd, double z0Nd, double vy0Nd,
            double periodGuessNd, Held held) {
        if (!(periodGuessNd > 0) || Double.isInfinite(periodGuessNd)) {
            throw new IllegalArgumentException("periodGuessNd must be a finite number > 0, was " + periodGuessNd);
        }
        if (!(vy0Nd < 0)) {
            throw new IllegalArgumentException("vy0Nd must be < 0 (apolune of a southern L2 halo), was " + vy0Nd);
        }
        // State indices of the two free components.
        int freeA = held == Held.X0 ? 2 : 0;
        int freeB = 4;
        double[] state = {x0Nd, 0, z0Nd, 0, vy0Nd, 0};
        double lastResidual = Double.NaN;
        for (int iteration = 0; iteration <= MAX_ITERATIONS; iteration++) {
            ODEStateAndDerivative half = Cr3bpPropagation.toNextXzCrossing(
                    model.variationalEquations(), Cr3bp.withIdentityStm(state), periodGuessNd);
            double[] s = half.getPrimaryState();
            double[] d = half.getPrimaryDerivative();
            lastResidual = FastMath.max(FastMath.abs(s[3]), FastMath.abs(s[5]));
            if (lastResidual < VELOCITY_TOLERANCE_ND) {
                return new PeriodicOrbit(model.mu(), state[0], state[2], state[4], 2.0 * half.getTime());
            }
            double[][] phi = Cr3bp.stm(s);
            double vyHalf = s[4];
            double axHalf = d[3];
            double azHalf = d[5];
            double[][] jacobian = {
                {phi[3][freeA] - axHalf * phi[1][freeA] / vyHalf, phi[3][freeB] - axHalf * phi[1][freeB] / vyHalf},
                {phi[5][freeA] - azHalf * phi[1][freeA] / vyHalf, phi[5][freeB] - azHalf * phi[1][freeB] / vyHalf},
            };
            RealVector step = new LUDecomposition(new Array2DRowRealMatrix(jacobian, false)).getSolver()
                    .solve(new ArrayRealVector(new double[] {-s[3], -s[5]}, false));
            state[freeA] += step.getEntry(0);
            state[freeB] += step.getEntry(1);
        }
        throw new IllegalStateException("differential correction did not converge; last max(|ẋ|, |ż|) = "
                + lastResidual);
    }
}
