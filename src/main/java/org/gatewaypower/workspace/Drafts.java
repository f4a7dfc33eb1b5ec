package org.gatewaypower.workspace;

import java.util.Map;

import org.gatewaypower.physics.load.LoadPriority;
import org.gatewaypower.physics.load.MaturityClass;

/**
 * What a user submits to create or change something. Values are checked by the service, which
 * names every field that breaks a rule; boxed numbers may be null when a field was left empty.
 */
public final class Drafts {

    private Drafts() {
    }

    /**
     * A power-equipment-list line; powers in W, duty cycles in [0, 1] by mode id, the duty cycle in eclipse in
     * [0, 1] (null: the same as in sunlight).
     */
    public record LoadItemDraft(Long elementId, String name, String subsystem, Bus bus, Integer quantity,
                                Double standbyPowerW, Double operatingPowerW, Double peakPowerW,
                                Map<Long, Double> dutyByMode, Double shadowDuty, MaturityClass maturity,
                                LoadPriority priority) {

        /** A new line whose duty cycle is the same in eclipse as in sunlight. */
        public LoadItemDraft(Long elementId, String name, String subsystem, Bus bus, Integer quantity,
                             Double standbyPowerW, Double operatingPowerW, Double peakPowerW,
                             Map<Long, Double> dutyByMode, MaturityClass maturity, LoadPriority priority) {
            this(elementId, name, subsystem, bus, quantity, standbyPowerW, operatingPowerW, peakPowerW, dutyByMode,
                    null, maturity, priority);
        }
    }

    /**
     * A battery; capacity in J, fractions in [0, 1], powers in W, calendar fade as a fraction per year
     * (null keeps the stored value, or 2 %/year for a new battery).
     */
    public record BatteryDraft(String name, Double capacityJ, Double minStateOfCharge, Double maxStateOfCharge,
                               Double chargeEfficiency, Double dischargeEfficiency, Double maxChargePowerW,
                               Double maxDischargePowerW, Double initialStateOfCharge, Double capacityFadePerYear) {

        /** A battery with the default or stored calendar fade. */
        public BatteryDraft(String name, Double capacityJ, Double minStateOfCharge, Double maxStateOfCharge,
                            Double chargeEfficiency, Double dischargeEfficiency, Double maxChargePowerW,
                            Double maxDischargePowerW, Double initialStateOfCharge) {
            this(name, capacityJ, minStateOfCharge, maxStateOfCharge, chargeEfficiency, dischargeEfficiency,
                    maxChargePowerW, maxDischargePowerW, initialStateOfCharge, null);
        }
    }

    /**
     * A solar array; rated power in W at 1 AU, beginning of life; fractions in [0, 1]; incidence in
     * degrees, temperature coefficient per K and temperature offset in K (null keeps stored values, 0 for
     * a new array).
     */
    public record SolarArrayDraft(String name, Double ratedPowerW, Double degradationPerYear, Double pathEfficiency,
                                  Double incidenceDeg, Double temperatureCoefficientPerK, Double temperatureOffsetK) {

        /** A Sun-tracking array at its rating temperature (or with its stored incidence and temperature). */
        public SolarArrayDraft(String name, Double ratedPowerW, Double degradationPerYear, Double pathEfficiency) {
            this(name, ratedPowerW, degradationPerYear, pathEfficiency, null, null, null);
        }
    }

    /**
     * The analysis case; period and eclipse in s, array age in years, span in days. A null timeline
     * means the design orbit; null orbit settings keep the stored (or default) ones, as do a null mission end,
     * eclipse source and eclipse shedding. {@code pickedEclipseStart} is read only with the source
     * {@link DesignEclipseSource#PICKED}.
     */
    public record DesignCaseDraft(Long activeModeId, Double orbitPeriodS, Double eclipseDurationS,
                                  Double arrayAgeYears, AnalysisTimeline timeline, java.time.Instant periluneEpoch,
                                  java.time.Instant spanStart, Double spanDays, Double failedCapacityShare,
                                  org.gatewaypower.physics.load.MarginPolicy marginPolicy, Double transferLimitW,
                                  java.time.Instant bolDate, java.time.Instant missionEnd,
                                  DesignEclipseSource eclipseSource, java.time.Instant pickedEclipseStart,
                                  org.gatewaypower.physics.load.EclipseShedding eclipseShedding) {

        /** A case with the stored (or default) mission span, design eclipse source and eclipse shedding. */
        public DesignCaseDraft(Long activeModeId, Double orbitPeriodS, Double eclipseDurationS, Double arrayAgeYears,
                               AnalysisTimeline timeline, java.time.Instant periluneEpoch, java.time.Instant spanStart,
                               Double spanDays, Double failedCapacityShare,
                               org.gatewaypower.physics.load.MarginPolicy marginPolicy, Double transferLimitW,
                               java.time.Instant bolDate) {
            this(activeModeId, orbitPeriodS, eclipseDurationS, arrayAgeYears, timeline, periluneEpoch, spanStart,
                    spanDays, failedCapacityShare, marginPolicy, transferLimitW, bolDate, null, null, null, null);
        }

        /** Every setting of {@code dc}, with the active mode {@code modeId} (a copy into another workspace). */
        public static DesignCaseDraft copyOf(ReadModels.DesignCase dc, long modeId) {
            return new DesignCaseDraft(modeId, dc.orbitPeriodS(), dc.eclipseDurationS(), dc.arrayAgeYears(),
                    dc.timeline(), dc.periluneEpoch(), dc.spanStart(), dc.spanDays(), dc.failedCapacityShare(),
                    dc.marginPolicy(), dc.transferLimitW(), dc.bolDate(), dc.missionEnd(), dc.eclipseSource(),
                    dc.pickedEclipseStart(), dc.eclipseShedding());
        }

        /** A case with the stored (or default) beginning-of-life date. */
        public DesignCaseDraft(Long activeModeId, Double orbitPeriodS, Double eclipseDurationS, Double arrayAgeYears,
                               AnalysisTimeline timeline, java.time.Instant periluneEpoch, java.time.Instant spanStart,
                               Double spanDays, Double failedCapacityShare,
                               org.gatewaypower.physics.load.MarginPolicy marginPolicy, Double transferLimitW) {
            this(activeModeId, orbitPeriodS, eclipseDurationS, arrayAgeYears, timeline, periluneEpoch, spanStart,
                    spanDays, failedCapacityShare, marginPolicy, transferLimitW, null);
        }

        /** A case with the stored (or default) life and policy settings. */
        public DesignCaseDraft(Long activeModeId, Double orbitPeriodS, Double eclipseDurationS, Double arrayAgeYears,
                               AnalysisTimeline timeline, java.time.Instant periluneEpoch, java.time.Instant spanStart,
                               Double spanDays) {
            this(activeModeId, orbitPeriodS, eclipseDurationS, arrayAgeYears, timeline, periluneEpoch, spanStart,
                    spanDays, null, null, null);
        }

        /** A design-orbit case with default orbit settings. */
        public DesignCaseDraft(Long activeModeId, Double orbitPeriodS, Double eclipseDurationS, Double arrayAgeYears) {
            this(activeModeId, orbitPeriodS, eclipseDurationS, arrayAgeYears, null, null, null, null, null, null,
                    null);
        }
    }
}
