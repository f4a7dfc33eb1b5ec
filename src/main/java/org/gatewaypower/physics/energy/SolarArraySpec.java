package org.gatewaypower.physics.energy;

import java.util.Objects;

/**
 * A solar array wing and its path to the bus.
 *
 * <p>Model (docs/domain/power-system.md §4): bus power
 * {@code P = P_ref · (1 AU / r)² · ν · cos⁺θ · (1 + γ·ΔT) · (1 − d)^years · η_path}. Assumptions: a fixed
 * incidence angle θ over the run (≈ 0 for a Sun-tracking array in the station's solar-pressure-equilibrium
 * attitude), a constant temperature offset ΔT from the rating temperature (the short warm-up transient
 * after eclipse exit is not modelled), and degradation compounding yearly at a constant rate.
 *
 * @param name               array name, for messages
 * @param ratedPowerW        output at 1 AU, normal incidence, beginning of life (W, ≥ 0)
 * @param degradationPerYear fractional loss of output per year (dimensionless, [0, 1))
 * @param pathEfficiency     efficiency from array terminals to the load bus (dimensionless, (0, 1])
 * @param incidenceDeg       angle between the array normal and the Sun direction (degrees, [0, 90])
 * @param temperatureCoefficientPerK fractional change of output per kelvin above the rating temperature
 *                           (1/K; multi-junction cells about −0.002 to −0.003)
 * @param temperatureOffsetK operating temperature minus rating temperature (K)
 */
public record SolarArraySpec(String name, double ratedPowerW, double degradationPerYear, double pathEfficiency,
                             double incidenceDeg, double temperatureCoefficientPerK, double temperatureOffsetK) {

    /** A Sun-tracking array at its rating temperature. */
    public SolarArraySpec(String name, double ratedPowerW, double degradationPerYear, double pathEfficiency) {
        this(name, ratedPowerW, degradationPerYear, pathEfficiency, 0.0, 0.0, 0.0);
    }

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
        if (!(incidenceDeg >= 0 && incidenceDeg <= 90)) {
            throw new IllegalArgumentException("incidenceDeg must be within [0, 90], was " + incidenceDeg);
        }
        if (!(1 + temperatureCoefficientPerK * temperatureOffsetK > 0)
                || Double.isInfinite(temperatureCoefficientPerK * temperatureOffsetK)) {
            throw new IllegalArgumentException("the temperature factor 1 + γ·ΔT must be positive");
        }
    }

    /**
     * Output at the array terminals in full sunlight at 1 AU after {@code ageYears} (W), with the
     * incidence and temperature factors.
     */
    public double terminalPowerW(double ageYears) {
        if (!(ageYears >= 0)) {
            throw new IllegalArgumentException("ageYears must be ≥ 0, was " + ageYears);
        }
        return ratedPowerW * Math.pow(1.0 - degradationPerYear, ageYears) * Math.max(0, Math.cos(Math.toRadians(
                incidenceDeg))) * (1 + temperatureCoefficientPerK * temperatureOffsetK);
    }

    /** Power reaching the load bus in full sunlight at 1 AU after {@code ageYears} (W). */
    public double busPowerW(double ageYears) {
        return terminalPowerW(ageYears) * pathEfficiency;
    }
}
