package org.gatewaypower.physics.orbit;

import org.hipparchus.analysis.UnivariateFunction;
import org.hipparchus.analysis.solvers.BracketedUnivariateSolver;
import org.hipparchus.analysis.solvers.BracketingNthOrderBrentSolver;
import org.hipparchus.ode.DenseOutputModel;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.events.Action;
import org.hipparchus.ode.events.AdaptableInterval;
import org.hipparchus.ode.events.ODEEventDetector;
import org.hipparchus.ode.events.ODEEventHandler;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;

/**
 * Numerical propagation of CR3BP states, shared by the corrector and the orbit tables.
 *
 * <p>One integrator configuration for the whole package: Dormand–Prince 8(5,3) with relative and
 * absolute tolerance 1e-13 (nondimensional). The NRHO's perilune passage is the stiff part (the
 * local time scale there is ~1e-3 t*); with these tolerances the one-period closure error is
 * ~1e-13 and the Jacobi drift below 1e-12 (measured 1.2e-13 and 7.8e-13 on the 9:2 NRHO).
 * Integrators are not thread-safe, so each call builds its own.
 */
final class Cr3bpPropagation {

    /** Relative and absolute tolerance of the step-size control (nondimensional). */
    static final double TOLERANCE = 1e-13;

    /** Largest step (t*); the apolune arc would otherwise take steps of a tenth of a period. */
    private static final double MAX_STEP_ND = 0.05;

    /** Smallest step (t*); far below the ~1e-5 t* steps taken at perilune. */
    private static final double MIN_STEP_ND = 1e-12;

    /** Time accuracy of located events (t*): ~1e-14 t* ≈ 4 ns, so ẋ·δt is far below 1e-11. */
    private static final double EVENT_THRESHOLD_ND = 1e-14;

    /** Event search interval (t*): y changes sign only at the two xz-plane crossings. */
    private static final double EVENT_MAX_CHECK_ND = 0.01;

    private Cr3bpPropagation() {
    }

    static DormandPrince853Integrator integrator() {
        DormandPrince853Integrator integrator =
                new DormandPrince853Integrator(MIN_STEP_ND, MAX_STEP_ND, TOLERANCE, TOLERANCE);
        integrator.setMaxEvaluations(Integer.MAX_VALUE);
        return integrator;
    }

    /** Propagates {@code state} from t = 0 to {@code tNd} (t*); returns the final state. */
    static double[] propagate(OrdinaryDifferentialEquation ode, double[] state, double tNd) {
        if (tNd == 0.0) {
            return state.clone();
        }
        return integrator().integrate(ode, new ODEState(0.0, state), tNd).getPrimaryState();
    }

    /** Propagates from t = 0 to {@code tNd} and returns the dense output of the whole arc. */
    static DenseOutputModel denseOutput(OrdinaryDifferentialEquation ode, double[] state, double tNd) {
        DormandPrince853Integrator integrator = integrator();
        DenseOutputModel model = new DenseOutputModel();
        integrator.addStepHandler(model);
        integrator.integrate(ode, new ODEState(0.0, state), tNd);
        return model;
    }

    /**
     * Propagates a state that starts on the xz-plane (y = 0) moving towards y &lt; 0, up to its next
     * crossing of the plane from y &lt; 0 to y &gt; 0: half a period for a southern L2 halo started at
     * apolune with ẏ₀ &lt; 0.
     *
     * @param ode      6- or 42-state equations
     * @param state    initial state, y = 0 (nondimensional)
     * @param tLimitNd give up after this time (t*)
     * @return the state at the crossing, time in t*
     * @throws IllegalStateException if there is no crossing before {@code tLimitNd}
     */
    static ODEStateAndDerivative toNextXzCrossing(OrdinaryDifferentialEquation ode, double[] state,
            double tLimitNd) {
        DormandPrince853Integrator integrator = integrator();
        integrator.addEventDetector(new XzPlaneCrossing());
        ODEStateAndDerivative end = integrator.integrate(ode, new ODEState(0.0, state), tLimitNd);
        if (end.getTime() >= tLimitNd) {
            throw new IllegalStateException("no xz-plane crossing within " + tLimitNd + " t*");
        }
        return end;
    }

    /**
     * g = y. Stops on the increasing crossing only: the start, where y = 0 with ẏ &lt; 0, is a
     * decreasing crossing, and the half-period crossing at perilune is increasing.
     */
    private static final class XzPlaneCrossing implements ODEEventDetector {

        private final BracketedUnivariateSolver<UnivariateFunction> solver =
                new BracketingNthOrderBrentSolver(0.0, EVENT_THRESHOLD_ND, 0.0, 5);

        @Override
        public AdaptableInterval getMaxCheckInterval() {
            return AdaptableInterval.of(EVENT_MAX_CHECK_ND);
        }

        @Override
        public int getMaxIterationCount() {
            return 200;
        }

        @Override
        public BracketedUnivariateSolver<UnivariateFunction> getSolver() {
            return solver;
        }

        @Override
        public ODEEventHandler getHandler() {
            return (s, detector, increasing) -> increasing ? Action.STOP : Action.CONTINUE;
        }

        @Override
        public double g(ODEStateAndDerivative s) {
            return s.getPrimaryState()[1];
        }
    }
}
