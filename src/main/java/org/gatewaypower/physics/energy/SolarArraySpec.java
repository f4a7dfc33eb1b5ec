package org.gatewaypower.physics.energy;

import java.util.Objects;

/**
 * A solar array wing and its path to the bus.
 *
 * <p>Model (domain reference §4): bus power
 * {@code P = P_ref · (1 AU / r)² · ν · (1 − d)^years · η_path}. Assumptions: the array tracks the Sun
 * (cosine loss ≈ 0 in the station's solar-pressure-equilibrium attitude), no temperature effect, and
 * degradation compounds yearly at a constant rate.
 *
 * @param name               array name, for messages
 * @param ratedPowerW        output at 1 AU, normal incidence, beginning of life (W, ≥ 0)
 * @param degradationPerYear fractional loss of output per year (dimensionless, [0, 1))
 * @param pathEfficiency     efficiency from array terminals to the load bus (dimensionless, (0, 1])
 */
public record SolarArraySpec(String name, double ratedPowerW, double degradationPerYear, double pathEfficiency) {

    public SolarArraySpec {
        Objects.requireNonNull(name, "name");
        if (!(ratedPowerW >= 0) || Double.isInfinite(ratedPowerW)) {
            throw new IllegalArgumentException("ratedPowerW must be a finite number ≥ 0, was " + ratedPowerW);
        }
        if (!(degradationPerYear >= 0 && degradationPerYear < 1)) {
            throw new IllegalArgumentException("degradationPerYear must be within [0, 1), was " + degradationPerYear);
        }
        if (!(pathEfficiency > 0 && pathEfficiency <= 1)) {
            throw new IllegalArgumentException("pathEfficiency must be within (0, 1], was " + pathEfficiency);
        }
    }

    /** Output at the array terminals in full sunlight at 1 AU after {@code ageYears} (W). */
    public double terminalPowerW(double ageYears) {
        if (!(ageYears >= 0)) {
            throw new IllegalArgumentException("ageYears must be ≥ 0, was " + ageYears);
        }
        return ratedPowerW * Math.pow(1.0 - degradationPerYear, ageYears);
    }

    /** Power reaching the load bus in full sunlight at 1 AU after {@code ageYears} (W). */
    public double busPowerW(double ageYears) {
        return terminalPowerW(ageYears) * pathEfficiency;
    }
}
