package org.gatewaypower.workspace;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.gatewaypower.physics.load.LoadPriority;
import org.gatewaypower.physics.load.MaturityClass;

/**
 * Read models the workspace module hands out. All values SI (W, J, s) or fractions; the UI converts.
 */
public final class Views {

    private Views() {
    }

    /** A partner team. */
    public record Team(long id, String code, String name) {
    }

    /** A workspace as listed. */
    public record WorkspaceSummary(long id, String name, String description, List<String> teamCodes,
                                   int elementCount, int loadCount) {
    }

    /** A module or docked vehicle and the team that owns it. */
    public record Element(long id, String name, ElementKind kind, long ownerTeamId, String ownerTeamCode,
                          long version) {
    }

    /** An operating mode of the workspace, in display order. */
    public record Mode(long id, String name, String description, int sortOrder) {
    }

    /**
     * One line of the power equipment list.
     *
     * @param dutyByMode duty cycle (dimensionless, [0, 1]) by mode id; a mode without an entry is 0
     */
    public record LoadItem(long id, long elementId, String name, String subsystem, Bus bus, int quantity,
                           double standbyPowerW, double operatingPowerW, double peakPowerW,
                           Map<Long, Double> dutyByMode, MaturityClass maturity, LoadPriority priority,
                           long version, Instant updatedAt, String updatedBy) {

        public LoadItem {
            dutyByMode = Map.copyOf(dutyByMode);
        }

        /** Duty cycle in the mode (dimensionless); 0 when none is set. */
        public double duty(long modeId) {
            return dutyByMode.getOrDefault(modeId, 0.0);
        }
    }

    /** A battery of an element. Capacity in J; fractions in [0, 1]; fade per year as a fraction. */
    public record Battery(long id, long elementId, String name, double capacityJ, double minStateOfCharge,
                          double maxStateOfCharge, double chargeEfficiency, double dischargeEfficiency,
                          double maxChargePowerW, double maxDischargePowerW, double initialStateOfCharge,
                          double capacityFadePerYear, long version, Instant updatedAt, String updatedBy) {
    }

    /** A solar array of an element: incidence in degrees, temperature coefficient per K, offset in K. */
    public record SolarArray(long id, long elementId, String name, double ratedPowerW, double degradationPerYear,
                             double pathEfficiency, double incidenceDeg, double temperatureCoefficientPerK,
                             double temperatureOffsetK, long version, Instant updatedAt, String updatedBy) {
    }

    /**
     * The analysis case of a workspace: the active mode, the hand-sizing design orbit, and the
     * ephemeris orbit's phase (epoch of one perilune passage) and span; {@code timeline} says which
     * illumination the energy balance runs on; {@code failedCapacityShare} (fraction) sizes the
     * "one string failed" case, {@code marginPolicy} the required power margin, and {@code transferLimitW}
     * (W) the power the power element can pass to the rest of the stack; on the ephemeris orbit the arrays'
     * and batteries' age is counted from {@code bolDate}.
     */
    public record DesignCase(long id, long activeModeId, double orbitPeriodS, double eclipseDurationS,
                             double arrayAgeYears, AnalysisTimeline timeline, Instant periluneEpoch,
                             Instant spanStart, double spanDays, double failedCapacityShare,
                             org.gatewaypower.physics.load.MarginPolicy marginPolicy, double transferLimitW,
                             Instant bolDate, long version, Instant updatedAt, String updatedBy) {
    }

    /** Everything in one workspace, consistent as of one read. */
    public record WorkspaceSnapshot(long id, String name, String description, long version, List<Team> teams,
                                    List<Element> elements, List<Mode> modes, List<LoadItem> loads,
                                    List<Battery> batteries, List<SolarArray> arrays, DesignCase designCase) {

        public Element element(long elementId) {
            return elements.stream().filter(e -> e.id() == elementId).findFirst()
                    .orElseThrow(() -> new NotFoundException("element", elementId));
        }

        public Mode mode(long modeId) {
            return modes.stream().filter(m -> m.id() == modeId).findFirst()
                    .orElseThrow(() -> new NotFoundException("operating mode", modeId));
        }
    }
}
