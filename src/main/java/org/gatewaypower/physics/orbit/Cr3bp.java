package org.gatewaypower.physics.orbit;

import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.util.FastMath;

/**
 * The Earth–Moon circular restricted three-body problem in the rotating, nondimensional frame
 * (see the package documentation for units and the state layout).
 *
 * <p>Model: two primaries on circular orbits about their barycentre, a massless third body, point
 * masses only (no solar gravity, no lunar or terrestrial harmonics). With Ω = (x² + y²)/2 +
 * (1 − μ)/r₁ + μ/r₂ the equations of motion are ẍ − 2ẏ = ∂Ω/∂x, ÿ + 2ẋ = ∂Ω/∂y, z̈ = ∂Ω/∂z.
 *
 * @param mu mass parameter m_Moon / (m_Earth + m_Moon) (dimensionless, in (0, 0.5])
 */
public record Cr3bp(double mu) {

    /** Earth–Moon mass parameter of the project (docs/domain/orbit.md §2) (dimensionless). */
    public static final double EARTH_MOON_MU = 0.01215058560962404;

    /** Length unit l*: the Earth–Moon distance of the project (docs/domain/orbit.md §2) (m). */
    public static final double EARTH_MOON_L_STAR_M = 384_400_000.0;

    /** Time unit t*: 1 / mean motion of the primaries, consistent with μ and l* (docs/domain/orbit.md §2) (s). */
    public static final double EARTH_MOON_T_STAR_S = 375_190.26;

    /** Size of a state with its state transition matrix: 6 + 6×6. */
    public static final int STM_STATE_SIZE = 42;

    public Cr3bp {
        if (!(mu > 0 && mu <= 0.5)) {
            throw new IllegalArgumentException("mu must be in (0, 0.5], was " + mu);
        }
    }

    /** The Earth–Moon system of docs/domain/orbit.md §2. */
    public static Cr3bp earthMoon() {
        return new Cr3bp(EARTH_MOON_MU);
    }

    /** The Moon's x coordinate in the rotating frame, 1 − μ (nondimensional). */
    public double moonXNd() {
        return 1.0 - mu;
    }

    /** The Earth's x coordinate in the rotating frame, −μ (nondimensional). */
    public double earthXNd() {
        return -mu;
    }

    /**
     * The 6-state equations of motion, time in t*. Stateless, so one instance may be shared
     * between threads.
     */
    public OrdinaryDifferentialEquation equationsOfMotion() {
        return new OrdinaryDifferentialEquation() {
            @Override
            public int getDimension() {
                return 6;
            }

            @Override
            public double[] computeDerivatives(double t, double[] y) {
                double[] yDot = new double[6];
                derivatives(y, yDot);
                return yDot;
            }
        };
    }

    /**
     * The 42-state equations: the motion plus the variational equations Φ̇ = A(t)·Φ of the state
     * transition matrix, with A = [[0, I], [∇²Ω, [[0, 2, 0], [−2, 0, 0], [0, 0, 0]]]]. Start them
     * with Φ(t₀) = I (see {@link #withIdentityStm(double[])}).
     */
    public OrdinaryDifferentialEquation variationalEquations() {
        return new OrdinaryDifferentialEquation() {
            @Override
            public int getDimension() {
                return STM_STATE_SIZE;
            }

            @Override
            public double[] computeDerivatives(double t, double[] y) {
                double[] yDot = new double[STM_STATE_SIZE];
                derivatives(y, yDot);
                double[] h = hessianOfPotential(y);
                double uxx = h[0];
                double uyy = h[1];
                double uzz = h[2];
                double uxy = h[3];
                double uxz = h[4];
                double uyz = h[5];
                for (int j = 0; j < 6; j++) {
                    double p0 = y[6 + j];
                    double p1 = y[12 + j];
                    double p2 = y[18 + j];
                    double p3 = y[24 + j];
                    double p4 = y[30 + j];
                    double p5 = y[36 + j];
                    yDot[6 + j] = p3;
                    yDot[12 + j] = p4;
                    yDot[18 + j] = p5;
                    yDot[24 + j] = uxx * p0 + uxy * p1 + uxz * p2 + 2.0 * p4;
                    yDot[30 + j] = uxy * p0 + uyy * p1 + uyz * p2 - 2.0 * p3;
                    yDot[36 + j] = uxz * p0 + uyz * p1 + uzz * p2;
                }
                return yDot;
            }
        };
    }

    /**
     * Writes the derivative of the first six components of {@code state} into {@code out[0..5]}.
     *
     * @param state at least (x, y, z, ẋ, ẏ, ż) (nondimensional)
     * @param out   receives (ẋ, ẏ, ż, ẍ, ÿ, z̈) (nondimensional)
     */
    public void derivatives(double[] state, double[] out) {
        double x = state[0];
        double y = state[1];
        double z = state[2];
        double vx = state[3];
        double vy = state[4];
        double dx1 = x + mu;
        double dx2 = x - 1.0 + mu;
        double yz2 = y * y + z * z;
        double r1sq = dx1 * dx1 + yz2;
        double r2sq = dx2 * dx2 + yz2;
        double k1 = (1.0 - mu) / (r1sq * FastMath.sqrt(r1sq));
        double k2 = mu / (r2sq * FastMath.sqrt(r2sq));
        out[0] = vx;
        out[1] = vy;
        out[2] = state[5];
        out[3] = 2.0 * vy + x - k1 * dx1 - k2 * dx2;
        out[4] = -2.0 * vx + y - (k1 + k2) * y;
        out[5] = -(k1 + k2) * z;
    }

    /**
     * Second derivatives of the effective potential Ω at a position.
     *
     * @param state at least (x, y, z) (nondimensional)
     * @return (Ωxx, Ωyy, Ωzz, Ωxy, Ωxz, Ωyz) (nondimensional)
     */
    double[] hessianOfPotential(double[] state) {
        double x = state[0];
        double y = state[1];
        double z = state[2];
        double dx1 = x + mu;
        double dx2 = x - 1.0 + mu;
        double yz2 = y * y + z * z;
        double r1sq = dx1 * dx1 + yz2;
        double r2sq = dx2 * dx2 + yz2;
        double r1cube = r1sq * FastMath.sqrt(r1sq);
        double r2cube = r2sq * FastMath.sqrt(r2sq);
        double a1 = (1.0 - mu) / r1cube;
        double a2 = mu / r2cube;
        double b1 = 3.0 * a1 / r1sq;
        double b2 = 3.0 * a2 / r2sq;
        double uxx = 1.0 - a1 - a2 + b1 * dx1 * dx1 + b2 * dx2 * dx2;
        double uyy = 1.0 - a1 - a2 + (b1 + b2) * y * y;
        double uzz = -a1 - a2 + (b1 + b2) * z * z;
        double uxy = (b1 * dx1 + b2 * dx2) * y;
        double uxz = (b1 * dx1 + b2 * dx2) * z;
        double uyz = (b1 + b2) * y * z;
        return new double[] {uxx, uyy, uzz, uxy, uxz, uyz};
    }

    /**
     * The Jacobi constant C = 2Ω − v² = x² + y² + 2(1 − μ)/r₁ + 2μ/r₂ − (ẋ² + ẏ² + ż²), the one
     * integral of the CR3BP.
     *
     * @param state at least (x, y, z, ẋ, ẏ, ż) (nondimensional)
     * @return C (nondimensional)
     */
    public double jacobi(double[] state) {
        double x = state[0];
        double y = state[1];
        double z = state[2];
        double dx1 = x + mu;
        double dx2 = x - 1.0 + mu;
        double r1 = FastMath.sqrt(dx1 * dx1 + y * y + z * z);
        double r2 = FastMath.sqrt(dx2 * dx2 + y * y + z * z);
        double v2 = state[3] * state[3] + state[4] * state[4] + state[5] * state[5];
        return x * x + y * y + 2.0 * (1.0 - mu) / r1 + 2.0 * mu / r2 - v2;
    }

    /**
     * Distance from the Moon's centre (1 − μ, 0, 0).
     *
     * @param state at least (x, y, z) (nondimensional)
     * @return r₂ (nondimensional)
     */
    public double distanceToMoonNd(double[] state) {
        double dx2 = state[0] - 1.0 + mu;
        return FastMath.sqrt(dx2 * dx2 + state[1] * state[1] + state[2] * state[2]);
    }

    /**
     * A 42-state made of a 6-state and Φ = I, the start of a state-transition-matrix propagation.
     *
     * @param state6 (x, y, z, ẋ, ẏ, ż) (nondimensional)
     */
    public static double[] withIdentityStm(double[] state6) {
        double[] y = new double[STM_STATE_SIZE];
        System.arraycopy(state6, 0, y, 0, 6);
        for (int i = 0; i < 6; i++) {
            y[6 + 7 * i] = 1.0;
        }
        return y;
    }

    /**
     * The 6×6 state transition matrix stored in a 42-state.
     *
     * @param state42 a state with its STM (see the package documentation)
     * @return Φ as a new row-major array (dimensionless mix of nondimensional units)
     */
    public static double[][] stm(double[] state42) {
        double[][] phi = new double[6][6];
        for (int i = 0; i < 6; i++) {
            System.arraycopy(state42, 6 + 6 * i, phi[i], 0, 6);
        }
        return phi;
    }
}
