package org.gatewaypower.physics.energy;

import java.util.List;
import java.util.Objects;

import org.gatewaypower.physics.load.EclipseShedding;

/**
 * Everything one energy-balance run needs.
 *
 * @param timeline       illumination over the span
 * @param arrays         the solar arrays feeding the bus (may be empty)
 * @param arrayAgeYears  years since the arrays' beginning of life at the start of the run (years, ≥ 0);
 *                       they keep ageing through the run
 * @param battery        the battery bank on the bus
 * @param loads          load demand over the run by shedding priority, sunlit and in eclipse (W)
 * @param eclipseShedding which priorities are switched off by plan while the arrays are in eclipse (lit
 *                       fraction &lt; 1); the battery-floor rule applies on top
 */
public record EnergyBalanceInput(
        SunlightTimeline timeline,
        List<SolarArraySpec> arrays,
        double arrayAgeYears,
        BatteryBank battery,
        LoadSchedule loads,
        EclipseShedding eclipseShedding) {

    /** A run in which nothing is switched off at eclipse entry: only the floor rule sheds. */
    public EnergyBalanceInput(SunlightTimeline timeline, List<SolarArraySpec> arrays, double arrayAgeYears,
                              BatteryBank battery, LoadSchedule loads) {
        this(timeline, arrays, arrayAgeYears, battery, loads, EclipseShedding.NONE);
    }

    /** A run with one constant demand of loads that are never shed (W, ≥ 0). */
    public EnergyBalanceInput(SunlightTimeline timeline, List<SolarArraySpec> arrays, double arrayAgeYears,
                              BatteryBank battery, double loadPowerW) {
        this(timeline, arrays, arrayAgeYears, battery, LoadSchedule.constant(LoadLevel.critical(loadPowerW)));
    }

    public EnergyBalanceInput {
        Objects.requireNonNull(timeline, "timeline");
        Objects.requireNonNull(battery, "battery");
        Objects.requireNonNull(loads, "loads");
        Objects.requireNonNull(eclipseShedding, "eclipseShedding");
        arrays = List.copyOf(arrays);
        if (!(arrayAgeYears >= 0) || Double.isInfinite(arrayAgeYears)) {
            throw new IllegalArgumentException("arrayAgeYears must be a finite number ≥ 0, was " + arrayAgeYears);
        }
    }

    /** A copy with another load schedule. */
    public EnergyBalanceInput withLoads(LoadSchedule newLoads) {
        return new EnergyBalanceInput(timeline, arrays, arrayAgeYears, battery, newLoads, eclipseShedding);
    }

    /** Array output at the terminals in full sunlight at 1 AU at the given array age (W). */
    public double arrayTerminalPowerW(double ageYears) {
        double p = 0;
        for (SolarArraySpec a : arrays) {
            p += a.terminalPowerW(ageYears);
        }
        return p;
    }

    /** Array output at the bus in full sunlight at 1 AU at the given array age (W). */
    public double arrayBusPowerW(double ageYears) {
        double p = 0;
        for (SolarArraySpec a : arrays) {
            p += a.busPowerW(ageYears);
        }
        return p;
    }
}
