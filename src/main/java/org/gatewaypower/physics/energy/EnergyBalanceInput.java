package org.gatewaypower.physics.energy;

import java.util.List;
import java.util.Objects;

/**
 * Everything one energy-balance run needs.
 *
 * @param timeline       illumination over the span
 * @param arrays         the solar arrays feeding the bus (may be empty)
 * @param arrayAgeYears  years since the arrays' beginning of life (years, ≥ 0)
 * @param battery        the battery bank on the bus
 * @param loadPowerW     constant load demand over the run, as a magnitude (W, ≥ 0)
 */
public record EnergyBalanceInput(
        SunlightTimeline timeline,
        List<SolarArraySpec> arrays,
        double arrayAgeYears,
        BatteryBank battery,
        double loadPowerW) {

    public EnergyBalanceInput {
        Objects.requireNonNull(timeline, "timeline");
        Objects.requireNonNull(battery, "battery");
        arrays = List.copyOf(arrays);
        if (!(arrayAgeYears >= 0) || Double.isInfinite(arrayAgeYears)) {
            throw new IllegalArgumentException("arrayAgeYears must be a finite number ≥ 0, was " + arrayAgeYears);
        }
        if (!(loadPowerW >= 0) || Double.isInfinite(loadPowerW)) {
            throw new IllegalArgumentException("loadPowerW must be a finite number ≥ 0, was " + loadPowerW);
        }
    }

    /** A copy with another load demand (W). */
    public EnergyBalanceInput withLoadPowerW(double newLoadPowerW) {
        return new EnergyBalanceInput(timeline, arrays, arrayAgeYears, battery, newLoadPowerW);
    }

    /** Array output at the terminals in full sunlight at 1 AU (W). */
    public double arrayTerminalPowerW() {
        double p = 0;
        for (SolarArraySpec a : arrays) {
            p += a.terminalPowerW(arrayAgeYears);
        }
        return p;
    }

    /** Array output at the bus in full sunlight at 1 AU (W). */
    public double arrayBusPowerW() {
        double p = 0;
        for (SolarArraySpec a : arrays) {
            p += a.busPowerW(arrayAgeYears);
        }
        return p;
    }
}
