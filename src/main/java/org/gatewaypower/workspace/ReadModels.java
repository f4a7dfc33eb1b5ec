package org.gatewaypower.workspace;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.gatewaypower.physics.load.LoadPriority;
import org.gatewaypower.physics.load.MaturityClass;

/**
 * Read models the workspace module hands out. All values SI (W, J, s) or fractions; the UI converts.
 */
public final class ReadModels {

    private ReadModels() {
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
    public record Mode(long id, String name, String description, int sortOrder, long version) {
    }

    /**
     * One line of the power equipment list.
     *
     * @param dutyByMode duty cycle (dimensionless, [0, 1]) by mode id; a mode without an entry is 0
     * @param shadowDuty duty cycle in eclipse (dimensionless, [0, 1]) in every mode where the item's duty is above
     *                   0; null when it is the same as in sunlight (a heater working harder in shadow has a higher
     *                   one)
     */
    public record LoadItem(long id, long elementId, String name, String subsystem, Bus bus, int quantity,
                           double standbyPowerW, double operatingPowerW, double peakPowerW,
                           Map<Long, Double> dutyByMode, Double shadowDuty, MaturityClass maturity,
                           LoadPriority priority, long version, Instant updatedAt, String updatedBy) {

        public LoadItem {
            dutyByMode = Map.copyOf(dutyByMode);
        }

        /** Duty cycle in the mode (dimensionless); 0 when none is set. */
        public double duty(long modeId) {
            return dutyByMode.getOrDefault(modeId, 0.0);
        }

        /**
         * Duty cycle in eclipse in the mode (dimensionless): the shadow duty where the item works in the mode
         * (duty above 0), otherwise its duty there; a load off in a mode stays off in its shadow.
         */
        public double shadowDuty(long modeId) {
            double duty = duty(modeId);
            return duty > 0 && shadowDuty != null ? shadowDuty : duty;
        }
    }

    /**
     * A battery of an element. Capacity in J; fractions in [0, 1]; fade per year as a fraction;
     * {@code ownerTeamCode} is the team that supplies it (the element's owner unless set otherwise).
     */
    public record Battery(long id, long elementId, String name, double capacityJ, double minStateOfCharge,
                          double maxStateOfCharge, double chargeEfficiency, double dischargeEfficiency,
                          double maxChargePowerW, double maxDischargePowerW, double initialStateOfCharge,
                          double capacityFadePerYear, long version, Instant updatedAt, String updatedBy,
                          String ownerTeamCode) {
    }

    /**
     * A solar array of an element: incidence in degrees, temperature coefficient per K, offset in K;
     * {@code ownerTeamCode} as for a battery.
     */
    public record SolarArray(long id, long elementId, String name, double ratedPowerW, double degradationPerYear,
                             double pathEfficiency, double incidenceDeg, double temperatureCoefficientPerK,
                             double temperatureOffsetK, long version, Instant updatedAt, String updatedBy,
                             String ownerTeamCode) {
    }

    /**
     * The analysis case of a workspace: the active mode, the hand-sizing design orbit, and the
     * ephemeris orbit's phase (epoch of one perilune passage) and span; {@code timeline} says which
     * illumination the energy balance runs on; {@code failedCapacityShare} (fraction) sizes the
     * "one string failed" case, {@code marginPolicy} the required power margin, and {@code transferLimitW}
     * (W) the power the power element can pass to the rest of the stack; on the ephemeris orbit the arrays'
     * and batteries' age is counted from {@code bolDate}. The mission span runs from {@code bolDate} to
     * {@code missionEnd}; {@code eclipseSource} says whether {@code eclipseDurationS} (s) is typed by hand, is a
     * pass picked on the Eclipses page (starting at {@code pickedEclipseStart}) or is taken from the mission
     * span's catalogue when the balance runs; {@code eclipseShedding} names the priorities switched off at
     * eclipse entry.
     */
    public record DesignCase(long id, long activeModeId, double orbitPeriodS, double eclipseDurationS,
                             double arrayAgeYears, AnalysisTimeline timeline, Instant periluneEpoch,
                             Instant spanStart, double spanDays, double failedCapacityShare,
                             org.gatewaypower.physics.load.MarginPolicy marginPolicy, double transferLimitW,
                             Instant bolDate, Instant missionEnd, DesignEclipseSource eclipseSource,
                             Instant pickedEclipseStart, org.gatewaypower.physics.load.EclipseShedding eclipseShedding,
                             long version, Instant updatedAt, String updatedBy) {

        /** Cases saved before the mission span existed (frozen in baselines) read as 15 years, typed by hand. */
        public DesignCase {
            if (missionEnd == null && bolDate != null) {
                missionEnd = bolDate.atZone(java.time.ZoneOffset.UTC).plusYears(15).toInstant();
            }
            if (eclipseSource == null) {
                eclipseSource = DesignEclipseSource.HAND;
            }
            if (eclipseShedding == null) {
                eclipseShedding = org.gatewaypower.physics.load.EclipseShedding.NONE;
            }
        }

        /** The same case with another array age (years), for one-off runs; nothing is saved. */
        public DesignCase withArrayAge(double years) {
            return new DesignCase(id, activeModeId, orbitPeriodS, eclipseDurationS, years, timeline, periluneEpoch,
                    spanStart, spanDays, failedCapacityShare, marginPolicy, transferLimitW, bolDate, missionEnd,
                    eclipseSource, pickedEclipseStart, eclipseShedding, version, updatedAt, updatedBy);
        }

        /** The same case on the ephemeris orbit over another span (start, days), for one-off runs. */
        public DesignCase withEphemerisSpan(Instant start, double days) {
            return new DesignCase(id, activeModeId, orbitPeriodS, eclipseDurationS, arrayAgeYears,
                    AnalysisTimeline.EPHEMERIS, periluneEpoch, start, days, failedCapacityShare, marginPolicy,
                    transferLimitW, bolDate, missionEnd, eclipseSource, pickedEclipseStart, eclipseShedding, version,
                    updatedAt, updatedBy);
        }

        /** The same case at beginning of life: array age 0 and, on the calendar, life starting at the span. */
        public DesignCase atBeginningOfLife() {
            return new DesignCase(id, activeModeId, orbitPeriodS, eclipseDurationS, 0.0, timeline, periluneEpoch,
                    spanStart, spanDays, failedCapacityShare, marginPolicy, transferLimitW, spanStart, missionEnd,
                    eclipseSource, pickedEclipseStart, eclipseShedding, version, updatedAt, updatedBy);
        }

        /** The same case under another id and active mode (a copy in another workspace or baseline). */
        public DesignCase withIds(long newId, long newActiveModeId) {
            return new DesignCase(newId, newActiveModeId, orbitPeriodS, eclipseDurationS, arrayAgeYears, timeline,
                    periluneEpoch, spanStart, spanDays, failedCapacityShare, marginPolicy, transferLimitW, bolDate,
                    missionEnd, eclipseSource, pickedEclipseStart, eclipseShedding, version, updatedAt, updatedBy);
        }

        /** The same case with the design eclipse {@code durationS} (s), as resolved from its source. */
        public DesignCase withEclipseDurationS(double durationS) {
            return new DesignCase(id, activeModeId, orbitPeriodS, durationS, arrayAgeYears, timeline, periluneEpoch,
                    spanStart, spanDays, failedCapacityShare, marginPolicy, transferLimitW, bolDate, missionEnd,
                    eclipseSource, pickedEclipseStart, eclipseShedding, version, updatedAt, updatedBy);
        }
    }

    /**
     * The power an element may draw in one operating mode: an orbit average (W), compared with the element's MEV
     * load in that mode. A team's allocation is the sum over the elements it owns, derived, never stored.
     */
    public record Allocation(long id, long elementId, long modeId, double allocationW, long version,
                             Instant updatedAt, String updatedBy) {
    }

    /**
     * A DC-DC converter on element {@code elementId} that feeds the element's 28 V bus from its 120 V bus.
     *
     * @param efficiency output / input (fraction, (0, 1]), taken as independent of the load
     * @param ratingW    the output power it is rated for (W); converters of one element share its 28 V load in
     *                   proportion to their ratings
     */
    public record Converter(long id, long elementId, String name, double efficiency, double ratingW, long version,
                            Instant updatedAt, String updatedBy) {
    }

    /**
     * A 120 V power transfer between two elements (a docking port or an interface); the ports of a workspace form
     * a tree.
     *
     * @param limitW the most power it may pass in either direction (W)
     */
    public record Port(long id, String name, long fromElementId, long toElementId, double limitW, long version,
                       Instant updatedAt, String updatedBy) {
    }

    /**
     * A visiting vehicle's docking: the vehicle is an element of kind ORION, HLS or LOGISTICS whose PEL items are
     * the loads the station feeds while it is docked, over [start, end); {@code exportW} (W, ≥ 0) is the power the
     * vehicle gives the station meanwhile (e.g. Orion's own arrays). {@code vehicleName} is the element's name at
     * the time of reading. The docking port is the power network's port to the vehicle's element.
     */
    public record Docking(long id, long vehicleElementId, String vehicleName, Instant start, Instant end,
                          double exportW, String note, long version, Instant updatedAt, String updatedBy) {

        /** True when the docking covers the instant (start inclusive, end exclusive). */
        public boolean covers(Instant t) {
            return !t.isBefore(start) && t.isBefore(end);
        }
    }

    /**
     * Everything in one workspace, consistent as of one read.
     *
     * @param allocations the elements' power allocations per mode (at most one per element and mode)
     * @param converters  the DC-DC converters of its elements
     * @param ports       the ports between its elements
     * @param dockings    the visiting vehicles' dockings, earliest first
     */
    public record WorkspaceSnapshot(long id, String name, String description, long version, List<Team> teams,
                                    List<Element> elements, List<Mode> modes, List<LoadItem> loads,
                                    List<Battery> batteries, List<SolarArray> arrays, DesignCase designCase,
                                    List<Allocation> allocations, List<Converter> converters, List<Port> ports,
                                    List<Docking> dockings) {

        /** Snapshots frozen in baselines and archives before these lists existed read without them. */
        public WorkspaceSnapshot {
            allocations = allocations == null ? List.of() : List.copyOf(allocations);
            converters = converters == null ? List.of() : List.copyOf(converters);
            ports = ports == null ? List.of() : List.copyOf(ports);
            dockings = dockings == null ? List.of() : List.copyOf(dockings);
        }

        /** A snapshot of the budget alone: no allocations, power network or dockings (built by hand in tests). */
        public WorkspaceSnapshot(long id, String name, String description, long version, List<Team> teams,
                                 List<Element> elements, List<Mode> modes, List<LoadItem> loads,
                                 List<Battery> batteries, List<SolarArray> arrays, DesignCase designCase) {
            this(id, name, description, version, teams, elements, modes, loads, batteries, arrays, designCase,
                    List.of(), List.of(), List.of(), List.of());
        }

        /** The same snapshot with another design case (a one-off run's); everything else is kept. */
        public WorkspaceSnapshot withDesignCase(DesignCase other) {
            return new WorkspaceSnapshot(id, name, description, version, teams, elements, modes, loads, batteries,
                    arrays, other, allocations, converters, ports, dockings);
        }

        /** The element's allocation in the mode, if one is set. */
        public java.util.Optional<Allocation> allocation(long elementId, long modeId) {
            return allocations.stream().filter(a -> a.elementId() == elementId && a.modeId() == modeId).findFirst();
        }

        public Element element(long elementId) {
            return elements.stream().filter(e -> e.id() == elementId).findFirst()
                    .orElseThrow(() -> new NotFoundException("element", elementId));
        }

        public Mode mode(long modeId) {
            return modes.stream().filter(m -> m.id() == modeId).findFirst()
                    .orElseThrow(() -> new NotFoundException("operating mode", modeId));
        }
    }

    /** A member of a workspace and their role. */
    public record Member(long id, String username, String displayName, String teamCode, WorkspaceRole role,
                         long version) {
    }

    /**
     * What one user may do in one workspace, for displays that show read-only what they may not change
     * (the services enforce the same rules on every save).
     *
     * @param role                  the member's role, null for an administrator who is not a member
     * @param admin                 an administrator of the installation
     * @param ownsWorkspace         may change the analysis case, modes, elements, timeline and members
     * @param editableElementIds    elements whose loads the user may change
     * @param editableBatteryIds    batteries the user may change
     * @param editableArrayIds      solar arrays the user may change
     */
    public record Permissions(String username, String teamCode, WorkspaceRole role, boolean admin,
                              boolean ownsWorkspace, java.util.Set<Long> editableElementIds,
                              java.util.Set<Long> editableBatteryIds, java.util.Set<Long> editableArrayIds) {

        public Permissions {
            editableElementIds = java.util.Set.copyOf(editableElementIds);
            editableBatteryIds = java.util.Set.copyOf(editableBatteryIds);
            editableArrayIds = java.util.Set.copyOf(editableArrayIds);
        }

        public boolean mayEditLoadsOf(long elementId) {
            return editableElementIds.contains(elementId);
        }

        public boolean readOnly() {
            return !ownsWorkspace && editableElementIds.isEmpty() && editableBatteryIds.isEmpty()
                    && editableArrayIds.isEmpty();
        }
    }
}
