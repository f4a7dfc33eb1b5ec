package org.gatewaypower.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import io.swagger.v3.oas.annotations.media.Schema;

import org.gatewaypower.analysis.BalanceReport;
import org.gatewaypower.physics.energy.Downsampler;
import org.gatewaypower.physics.energy.PowerState;

/**
 * One analysis run as JSON: every figure of {@link BalanceResponse} (at the top level, not nested, so
 * a client reads {@code minStateOfChargePercent} the same way from both resources) plus the run's
 * timeline downsampled for charts. Every number carries its unit in its name.
 *
 * @param life                 "BOL" (array age 0 years) or "EOL" (the design case's array age)
 * @param figures              the balance figures, unwrapped into this object
 * @param timelineEventStates  number of exact event states of the run before downsampling
 * @param timeline             at most {@code maxPoints} of those states, in time order, keeping each
 *                             stretch's minimum and maximum state of charge and battery power; empty
 *                             when the workspace has no battery
 */
@Schema(description = "Energy balance figures of one run plus its downsampled timeline")
public record AnalysisResponse(
        @Schema(description = "BOL (array age 0 years) or EOL (the design case's array age)",
                allowableValues = {"BOL", "EOL"}) String life,
        @JsonUnwrapped BalanceResponse figures,
        @Schema(description = "Exact event states of the run before downsampling") int timelineEventStates,
        List<TimelinePoint> timeline) {

    /**
     * One exact event state. Flows (W) hold from this point until the next one in the full run; state of
     * charge is linear between event states.
     *
     * @param tHours               time from the start of the run (h)
     * @param litFraction          lit fraction of the arrays (dimensionless, 0..1)
     * @param generationW          array power available at the bus (W)
     * @param loadW                load demand (W)
     * @param batteryPowerW        battery terminal power, positive charging, negative discharging (W)
     * @param shedW                load switched off to protect the battery (W)
     * @param unservedW            critical load not met (W)
     * @param stateOfChargePercent stored energy / capacity (%)
     */
    public record TimelinePoint(double tHours, double litFraction, double generationW, double loadW,
                                double batteryPowerW, double shedW, double unservedW,
                                double stateOfChargePercent) {

        static TimelinePoint of(PowerState s) {
            return new TimelinePoint(s.timeS() / 3600, s.litFraction(), s.generationW(), s.loadW(),
                    s.batteryPowerW(), s.shedW(), s.unservedW(), 100 * s.stateOfCharge());
        }
    }

    /** The run's figures (already converted by {@link BalanceResponse}) and its timeline cut to {@code maxPoints}. */
    static AnalysisResponse of(String life, BalanceReport report, BalanceResponse figures, int maxPoints) {
        List<TimelinePoint> points = Downsampler.downsample(report.timeline(), maxPoints).stream()
                .map(TimelinePoint::of).toList();
        return new AnalysisResponse(life, figures, report.timeline().size(), points);
    }
}
