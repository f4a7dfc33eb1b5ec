package org.gatewaypower.physics.orbit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.hipparchus.util.FastMath;
import org.junit.jupiter.api.Test;

class Cr3bpTest {

    private final Cr3bp model = Cr3bp.earthMoon();

    @Test
    void the_jacobi_constant_of_a_body_at_rest_at_the_barycentre_is_twice_the_potential() {
        // Hand value: at (0, 0, 0) at rest, C = 2(1 − μ)/μ + 2μ/(1 − μ).
        double mu = Cr3bp.EARTH_MOON_MU;
        assertThat(model.jacobi(new double[] {0, 0, 0, 0, 0, 0}))
                .isCloseTo(2 * (1 - mu) / mu + 2 * mu / (1 - mu), within(1e-12));
    }

    @Test
    void a_body_at_rest_on_the_x_axis_feels_the_centrifugal_and_the_two_gravitational_pulls() {
        // Hand value at (2, 0, 0) at rest: ẍ = 2 − (1 − μ)/(2 + μ)² − μ/(1 + μ)², ÿ = z̈ = 0.
        double mu = Cr3bp.EARTH_MOON_MU;
        double[] out = new double[6];
        model.derivatives(new double[] {2, 0, 0, 0, 0, 0}, out);
        assertThat(out[3]).isCloseTo(2 - (1 - mu) / ((2 + mu) * (2 + mu)) - mu / ((1 + mu) * (1 + mu)),
                within(1e-15));
        assertThat(out[4]).isEqualTo(0.0);
        assertThat(out[5]).isEqualTo(0.0);
    }

    @Test
    void the_state_transition_matrix_matches_central_differences_of_the_flow() {
        // Reference: central finite differences of the 6-state flow over 0.3 t* from the NRHO's
        // apolune, step 1e-6; their truncation and round-off errors are ~1e-7 relative.
        double[] start = NineToTwoNrho.ORBIT.initialStateNd();
        double tNd = 0.3;
        double[][] phi = Cr3bp.stm(Cr3bpPropagation.propagate(model.variationalEquations(),
                Cr3bp.withIdentityStm(start), tNd));
        double delta = 1e-6;
        double largestError = 0;
        for (int j = 0; j < 6; j++) {
            double[] plus = start.clone();
            double[] minus = start.clone();
            plus[j] += delta;
            minus[j] -= delta;
            double[] a = Cr3bpPropagation.propagate(model.equationsOfMotion(), plus, tNd);
            double[] b = Cr3bpPropagation.propagate(model.equationsOfMotion(), minus, tNd);
            for (int i = 0; i < 6; i++) {
                double difference = (a[i] - b[i]) / (2 * delta);
                largestError = FastMath.max(largestError, FastMath.abs(difference - phi[i][j])
                        / FastMath.max(1.0, FastMath.abs(phi[i][j])));
            }
        }
        assertThat(largestError).isLessThan(1e-6);
    }

    @Test
    void the_six_state_part_of_the_variational_equations_is_the_equation_of_motion() {
        double[] state = {0.9, 0.05, -0.1, 0.01, -0.2, 0.03};
        double[] six = model.equationsOfMotion().computeDerivatives(0, state);
        double[] fortyTwo = model.variationalEquations().computeDerivatives(0, Cr3bp.withIdentityStm(state));
        for (int i = 0; i < 6; i++) {
            assertThat(fortyTwo[i]).isEqualTo(six[i]);
        }
    }

    @Test
    void a_mass_parameter_outside_zero_to_one_half_is_rejected() {
        assertThatThrownBy(() -> new Cr3bp(0)).hasMessageContaining("mu");
        assertThatThrownBy(() -> new Cr3bp(0.6)).hasMessageContaining("mu");
    }
}
