package org.gatewaypower.workspace;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The catalogue of the budget's fields: the name drafts, the API and history use, the label people read, the
 * unit the value is stored in (SI, or a fraction) and, for numbers, the range the services accept. The grid,
 * the forms, the spreadsheet import and export, history and the services' messages take their words from
 * here, so a field is named the same everywhere.
 *
 * <p>Units: {@code "W"}, {@code "J"}, {@code "s"}, {@code "K"}, {@code "deg"}, {@code "1/K"}, {@code "years"},
 * {@code "days"}; {@code "fraction"} is dimensionless in [0, 1] and shown in %; {@code "instant"} a UTC
 * time; {@code "ref"} the id of another record; {@code ""} text or a choice. Duty cycles per mode are
 * {@link #DUTY_PREFIX} followed by the mode's id, labelled with the mode's name.
 */
public enum BudgetField {
    NAME("name", "Name", ""),
    DESCRIPTION("description", "Description", ""),
    TEAM_IDS("teamIds", "Partner teams", ""),
    KIND("kind", "Kind", ""),
    OWNER_TEAM("ownerTeamId", "Owning team", "ref"),
    SORT_ORDER("sortOrder", "Display order", ""),
    ELEMENT("elementId", "Element", "ref"),
    SUBSYSTEM("subsystem", "Subsystem", ""),
    BUS("bus", "Bus", ""),
    QUANTITY("quantity", "Quantity", "", 1, Limits.MAX_QUANTITY),
    STANDBY_POWER("standbyPowerW", "Standby power", "W", 0, Limits.MAX_ITEM_POWER_W),
    OPERATING_POWER("operatingPowerW", "Operating power", "W", 0, Limits.MAX_ITEM_POWER_W),
    PEAK_POWER("peakPowerW", "Peak power", "W", 0, Limits.MAX_ITEM_POWER_W),
    SHADOW_DUTY("shadowDuty", "Duty cycle in eclipse", "fraction", 0, 1),
    MATURITY("maturity", "Maturity class", ""),
    PRIORITY("priority", "Priority", ""),
    CAPACITY("capacityJ", "Capacity", "J", 0, Limits.MAX_CAPACITY_J),
    MIN_SOC("minStateOfCharge", "Minimum state of charge", "fraction", 0, 0.99),
    MAX_SOC("maxStateOfCharge", "Maximum state of charge", "fraction", 0.01, 1),
    CHARGE_EFFICIENCY("chargeEfficiency", "Charge efficiency", "fraction", 0.01, 1),
    DISCHARGE_EFFICIENCY("dischargeEfficiency", "Discharge efficiency", "fraction", 0.01, 1),
    MAX_CHARGE_POWER("maxChargePowerW", "Maximum charge power", "W", 0, Limits.MAX_SOURCE_POWER_W),
    MAX_DISCHARGE_POWER("maxDischargePowerW", "Maximum discharge power", "W", 0, Limits.MAX_SOURCE_POWER_W),
    INITIAL_SOC("initialStateOfCharge", "Initial state of charge", "fraction", 0, 1),
    CAPACITY_FADE("capacityFadePerYear", "Capacity fade per year", "fraction", 0, 0.2),
    RATED_POWER("ratedPowerW", "Rated power", "W", 0, Limits.MAX_SOURCE_POWER_W),
    DEGRADATION("degradationPerYear", "Degradation per year", "fraction", 0, 0.5),
    PATH_EFFICIENCY("pathEfficiency", "Path efficiency", "fraction", 0.01, 1),
    INCIDENCE("incidenceDeg", "Sun incidence angle", "deg", 0, 90),
    TEMPERATURE_COEFFICIENT("temperatureCoefficientPerK", "Temperature coefficient", "1/K", -0.01, 0.01),
    TEMPERATURE_OFFSET("temperatureOffsetK", "Temperature above rating", "K", -150, 150),
    ACTIVE_MODE("activeModeId", "Active operating mode", "ref"),
    ORBIT_PERIOD("orbitPeriodS", "Orbit period", "s", 60, 100 * 86_400.0),
    ECLIPSE_DURATION("eclipseDurationS", "Longest eclipse", "s", 0, 100 * 86_400.0),
    ARRAY_AGE("arrayAgeYears", "Array age", "years", 0, 50),
    TIMELINE("timeline", "Illumination timeline", ""),
    PERILUNE_EPOCH("periluneEpoch", "Perilune epoch", "instant"),
    SPAN_START("spanStart", "Analysis span start", "instant"),
    SPAN_DAYS("spanDays", "Analysis span", "days", 1, Limits.MAX_SPAN_DAYS),
    FAILED_SHARE("failedCapacityShare", "Failed battery share", "fraction", 0, 0.9),
    MARGIN_POLICY("marginPolicy", "Margin policy", ""),
    TRANSFER_LIMIT("transferLimitW", "Power transfer limit", "W", 0, Limits.MAX_SOURCE_POWER_W),
    BOL_DATE("bolDate", "Beginning of life", "instant"),
    MISSION_END("missionEnd", "Mission end", "instant"),
    ECLIPSE_SOURCE("eclipseSource", "Design eclipse from", ""),
    PICKED_ECLIPSE_START("pickedEclipseStart", "Picked eclipse start", "instant"),
    ECLIPSE_SHEDDING("eclipseShedding", "Off in eclipse", ""),
    MODE("modeId", "Operating mode", "ref"),
    START("start", "Start", "instant"),
    END("end", "End", "instant"),
    ALLOCATION("allocationW", "Power allocation", "W", 0, Limits.MAX_SOURCE_POWER_W),
    CONVERTER_EFFICIENCY("efficiency", "Converter efficiency", "fraction", 0, 1),
    CONVERTER_RATING("ratingW", "Converter rating", "W", 0, Limits.MAX_SOURCE_POWER_W),
    PORT_FROM("fromElementId", "From element", "ref"),
    PORT_TO("toElementId", "To element", "ref"),
    PORT_LIMIT("limitW", "Port limit", "W", 0, Limits.MAX_SOURCE_POWER_W),
    VEHICLE("vehicleElementId", "Vehicle", "ref"),
    EXPORT_POWER("exportW", "Export power", "W", 0, Limits.MAX_VEHICLE_EXPORT_W),
    NOTE("note", "Note", "");

    /** Prefix of a load's duty-cycle field; the mode id follows. */
    public static final String DUTY_PREFIX = "dutyByMode.";

    /** The fields of one line of the power equipment list before its duty cycles, in column order. */
    public static final List<BudgetField> LOAD_LINE = List.of(NAME, SUBSYSTEM, BUS, QUANTITY, STANDBY_POWER,
            OPERATING_POWER, PEAK_POWER, MATURITY, PRIORITY);

    /** The field of a load's duty cycle in mode {@code modeId}. */
    public static String dutyField(long modeId) {
        return DUTY_PREFIX + modeId;
    }

    /** The label of a load's duty cycle in the mode named {@code modeName}. */
    public static String dutyLabel(String modeName) {
        return "Duty cycle · " + modeName;
    }

    /**
     * Every field of a line of the power equipment list by name, with its label: {@link #LOAD_LINE}, a duty
     * cycle per mode, then the duty cycle in eclipse. What the import maps columns to and the export writes.
     */
    public static Map<String, String> loadLineLabels(List<ReadModels.Mode> modes) {
        Map<String, String> out = new LinkedHashMap<>();
        LOAD_LINE.forEach(f -> out.put(f.field, f.label));
        modes.forEach(m -> out.put(dutyField(m.id()), dutyLabel(m.name())));
        out.put(SHADOW_DUTY.field, SHADOW_DUTY.label);
        return out;
    }

    /** The limits the services guard against typos with (W vs kW, J vs kWh). */
    public static final class Limits {
        /** Largest power accepted for one unit of a load (W). */
        public static final double MAX_ITEM_POWER_W = 1.0e6;
        /** Most identical units one line of the power equipment list may count. */
        public static final int MAX_QUANTITY = 10_000;
        /** Largest array or battery power accepted (W). */
        public static final double MAX_SOURCE_POWER_W = 1.0e7;
        /** Largest battery capacity accepted (J): 10 MWh. */
        public static final double MAX_CAPACITY_J = 3.6e10;
        /** Largest power a docked vehicle may export to the station (W): 100 kW, above any vehicle's arrays. */
        public static final double MAX_VEHICLE_EXPORT_W = 1.0e5;
        /** Longest analysis or mission span (days): 20 years. */
        public static final double MAX_SPAN_DAYS = 7305;

        private Limits() {
        }
    }

    private static final Map<String, BudgetField> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(BudgetField::field, Function.identity()));

    private final String field;
    private final String label;
    private final String unit;
    private final double min;
    private final double max;

    BudgetField(String field, String label, String unit) {
        this(field, label, unit, Double.NaN, Double.NaN);
    }

    BudgetField(String field, String label, String unit, double min, double max) {
        this.field = field;
        this.label = label;
        this.unit = unit;
        this.min = min;
        this.max = max;
    }

    /** The name drafts, the API and history use ("operatingPowerW"). */
    public String field() {
        return field;
    }

    /** The name people read ("Operating power"). */
    public String label() {
        return label;
    }

    /** The unit the value is stored in (see the class comment). */
    public String unit() {
        return unit;
    }

    /** Smallest accepted value, in {@link #unit()}; NaN for fields that are not numbers. */
    public double min() {
        return min;
    }

    /** Largest accepted value, in {@link #unit()}; NaN for fields that are not numbers. */
    public double max() {
        return max;
    }

    /**
     * How a stored choice reads: the label of the enum constant {@code name} of this field ("Ephemeris orbit
     * (9:2 NRHO over the span)" for {@code EPHEMERIS}), or {@code name} itself for a field without choices or an
     * unknown constant. {@code kind} is ambiguous (elements and operation phases): {@code phase} says which.
     */
    public String choiceLabel(String name, boolean phase) {
        java.util.function.Function<String, String> label = switch (this) {
            case TIMELINE -> n -> AnalysisTimeline.valueOf(n).label();
            case MARGIN_POLICY -> n -> org.gatewaypower.physics.load.MarginPolicy.valueOf(n).label();
            case ECLIPSE_SOURCE -> n -> DesignEclipseSource.valueOf(n).label();
            case ECLIPSE_SHEDDING -> n -> org.gatewaypower.physics.load.EclipseShedding.valueOf(n).label();
            case BUS -> n -> Bus.valueOf(n).label();
            case MATURITY -> n -> org.gatewaypower.physics.load.MaturityClass.valueOf(n).label();
            case PRIORITY -> n -> org.gatewaypower.physics.load.LoadPriority.valueOf(n).label();
            case KIND -> n -> phase ? PhaseKind.valueOf(n).label() : ElementKind.valueOf(n).label();
            default -> n -> n;
        };
        try {
            return label.apply(name);
        } catch (IllegalArgumentException unknown) {
            // A constant renamed since the change was recorded: show what was stored.
            return name;
        }
    }

    /** The field of that name, if the catalogue has it (duty cycles per mode are not listed one by one). */
    public static Optional<BudgetField> of(String field) {
        return Optional.ofNullable(BY_NAME.get(field));
    }
}
