package org.gatewaypower.workspace;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.gatewaypower.physics.load.LoadPriority;
import org.gatewaypower.physics.load.MarginPolicy;
import org.gatewaypower.physics.load.MaturityClass;
import org.gatewaypower.workspace.Drafts.BatteryDraft;
import org.gatewaypower.workspace.Drafts.DesignCaseDraft;
import org.gatewaypower.workspace.Drafts.LoadItemDraft;
import org.gatewaypower.workspace.Drafts.SolarArrayDraft;
import org.gatewaypower.workspace.internal.AuditedEntity;
import org.gatewaypower.workspace.internal.BatteryEntity;
import org.gatewaypower.workspace.internal.ConverterEntity;
import org.gatewaypower.workspace.internal.DesignCaseEntity;
import org.gatewaypower.workspace.internal.ElementAllocationEntity;
import org.gatewaypower.workspace.internal.DockingEntity;
import org.gatewaypower.workspace.internal.ElementEntity;
import org.gatewaypower.workspace.internal.LoadItemEntity;
import org.gatewaypower.workspace.internal.OperatingModeEntity;
import org.gatewaypower.workspace.internal.OperationPhaseEntity;
import org.gatewaypower.workspace.internal.PortEntity;
import org.gatewaypower.workspace.internal.SolarArrayEntity;
import org.gatewaypower.workspace.internal.WorkspaceEntity;

/**
 * The audited kinds, their fields' labels and units, and the drafts a restore builds from field values.
 * Field names are those of the drafts, so a restored value goes back through the same validation.
 */
final class Kinds {

    /** Prefix of a load's duty-cycle field; the mode id follows. */
    static final String DUTY = BudgetField.DUTY_PREFIX;

    static final Kind<WorkspaceEntity> WORKSPACE = new Kind<>("workspace", WorkspaceEntity.class,
            AuditedEntity::getId, WorkspaceEntity::getName, e -> values(
                    "name", e.getName(), "description", e.getDescription(),
                    "teamIds", List.copyOf(new java.util.TreeSet<>(e.getTeamIds()))));

    static final Kind<ElementEntity> ELEMENT = new Kind<>("element", ElementEntity.class, AuditedEntity::getId,
            ElementEntity::getName, e -> values("name", e.getName(), "kind", name(e.getKind()),
                    "ownerTeamId", e.getOwnerTeamId()));

    static final Kind<OperatingModeEntity> MODE = new Kind<>("operating mode", OperatingModeEntity.class,
            OperatingModeEntity::getId, OperatingModeEntity::getName, e -> values("name", e.getName(),
                    "description", e.getDescription(), "sortOrder", e.getSortOrder()));

    static final Kind<LoadItemEntity> LOAD = new Kind<>(HistoryService.LOAD, LoadItemEntity.class,
            AuditedEntity::getId, LoadItemEntity::getName, Kinds::loadValues);

    static final Kind<BatteryEntity> BATTERY = new Kind<>(HistoryService.BATTERY, BatteryEntity.class,
            AuditedEntity::getId, BatteryEntity::getName, e -> values("name", e.getName(),
                    "capacityJ", e.getCapacityJ(), "minStateOfCharge", e.getMinStateOfCharge(),
                    "maxStateOfCharge", e.getMaxStateOfCharge(), "chargeEfficiency", e.getChargeEfficiency(),
                    "dischargeEfficiency", e.getDischargeEfficiency(), "maxChargePowerW", e.getMaxChargePowerW(),
                    "maxDischargePowerW", e.getMaxDischargePowerW(),
                    "initialStateOfCharge", e.getInitialStateOfCharge(),
                    "capacityFadePerYear", e.getCapacityFadePerYear()));

    static final Kind<SolarArrayEntity> ARRAY = new Kind<>(HistoryService.ARRAY, SolarArrayEntity.class,
            AuditedEntity::getId, SolarArrayEntity::getName, e -> values("name", e.getName(),
                    "ratedPowerW", e.getRatedPowerW(), "degradationPerYear", e.getDegradationPerYear(),
                    "pathEfficiency", e.getPathEfficiency(), "incidenceDeg", e.getIncidenceDeg(),
                    "temperatureCoefficientPerK", e.getTemperatureCoefficientPerK(),
                    "temperatureOffsetK", e.getTemperatureOffsetK()));

    static final Kind<DesignCaseEntity> DESIGN = new Kind<>(HistoryService.DESIGN_CASE, DesignCaseEntity.class,
            AuditedEntity::getId, e -> "Design case", e -> values("activeModeId", e.getActiveModeId(),
                    "orbitPeriodS", e.getOrbitPeriodS(), "eclipseDurationS", e.getEclipseDurationS(),
                    "arrayAgeYears", e.getArrayAgeYears(), "timeline", name(e.getTimeline()),
                    "periluneEpoch", e.getPeriluneEpoch(), "spanStart", e.getSpanStart(),
                    "spanDays", e.getSpanDays(), "failedCapacityShare", e.getFailedCapacityShare(),
                    "marginPolicy", name(e.getMarginPolicy()), "transferLimitW", e.getTransferLimitW(),
                    "bolDate", e.getBolDate(), "missionEnd", e.getMissionEnd(),
                    "eclipseSource", name(e.getEclipseSource()), "pickedEclipseStart", e.getPickedEclipseStart(),
                    "eclipseShedding", name(e.getEclipseShedding())));

    static final Kind<OperationPhaseEntity> PHASE = new Kind<>(OperationsService.KIND, OperationPhaseEntity.class,
            AuditedEntity::getId, OperationPhaseEntity::getName, e -> values("name", e.getName(),
                    "kind", name(e.getKind()), "modeId", e.getModeId(), "start", e.getStartAt(),
                    "end", e.getEndAt()));

    /** Prefix of an allocation's value field; the mode id follows, so the history names the mode. */
    static final String ALLOCATION_PREFIX = "allocationByMode.";

    static final Kind<ElementAllocationEntity> ALLOCATION = new Kind<>(AllocationService.KIND,
            ElementAllocationEntity.class, AuditedEntity::getId, e -> "Power allocation",
            e -> values(ALLOCATION_PREFIX + e.getModeId(), e.getAllocationW()));

    static final Kind<ConverterEntity> CONVERTER = new Kind<>(WorkspaceChanged.Kind.CONVERTER.label(),
            ConverterEntity.class, AuditedEntity::getId, ConverterEntity::getName, e -> values(
                    "elementId", e.getElementId(), "name", e.getName(), "efficiency", e.getEfficiency(),
                    "ratingW", e.getRatingW()));

    static final Kind<PortEntity> PORT = new Kind<>(WorkspaceChanged.Kind.PORT.label(), PortEntity.class,
            AuditedEntity::getId, PortEntity::getName, e -> values("name", e.getName(),
                    "fromElementId", e.getFromElementId(), "toElementId", e.getToElementId(),
                    "limitW", e.getLimitW()));

    static final Kind<DockingEntity> DOCKING = new Kind<>(DockingService.KIND, DockingEntity.class,
            AuditedEntity::getId, e -> "Docking " + e.getStartAt(), e -> values(
                    "vehicleElementId", e.getVehicleElementId(), "start", e.getStartAt(), "end", e.getEndAt(),
                    "exportW", e.getExportW(), "note", e.getNote()));

    private Kinds() {
    }

    /** The field's label from the catalogue ({@link BudgetField}); the name itself when it has none. */
    static String label(String field) {
        return BudgetField.of(field).map(BudgetField::label).orElse(field);
    }

    static String unit(String field) {
        if (field.startsWith(DUTY)) {
            return "fraction";
        }
        if (field.startsWith(ALLOCATION_PREFIX)) {
            return BudgetField.ALLOCATION.unit();
        }
        return BudgetField.of(field).map(BudgetField::unit).orElse("");
    }

    // ---------------------------------------------------------------- drafts from values

    static LoadItemDraft loadDraft(Map<String, Object> v) {
        Map<Long, Double> duties = new HashMap<>();
        v.forEach((field, value) -> {
            if (field.startsWith(DUTY)) {
                duties.put(Long.parseLong(field.substring(DUTY.length())), (Double) value);
            }
        });
        return new LoadItemDraft((Long) v.get("elementId"), (String) v.get("name"), (String) v.get("subsystem"),
                Bus.valueOf((String) v.get("bus")), (Integer) v.get("quantity"), (Double) v.get("standbyPowerW"),
                (Double) v.get("operatingPowerW"), (Double) v.get("peakPowerW"), duties, (Double) v.get("shadowDuty"),
                MaturityClass.valueOf((String) v.get("maturity")), LoadPriority.valueOf((String) v.get("priority")));
    }

    static BatteryDraft batteryDraft(Map<String, Object> v) {
        return new BatteryDraft((String) v.get("name"), (Double) v.get("capacityJ"),
                (Double) v.get("minStateOfCharge"), (Double) v.get("maxStateOfCharge"),
                (Double) v.get("chargeEfficiency"), (Double) v.get("dischargeEfficiency"),
                (Double) v.get("maxChargePowerW"), (Double) v.get("maxDischargePowerW"),
                (Double) v.get("initialStateOfCharge"), (Double) v.get("capacityFadePerYear"));
    }

    static SolarArrayDraft arrayDraft(Map<String, Object> v) {
        return new SolarArrayDraft((String) v.get("name"), (Double) v.get("ratedPowerW"),
                (Double) v.get("degradationPerYear"), (Double) v.get("pathEfficiency"), (Double) v.get("incidenceDeg"),
                (Double) v.get("temperatureCoefficientPerK"), (Double) v.get("temperatureOffsetK"));
    }

    static DesignCaseDraft designDraft(Map<String, Object> v) {
        return new DesignCaseDraft((Long) v.get("activeModeId"), (Double) v.get("orbitPeriodS"),
                (Double) v.get("eclipseDurationS"), (Double) v.get("arrayAgeYears"),
                AnalysisTimeline.valueOf((String) v.get("timeline")), (Instant) v.get("periluneEpoch"),
                (Instant) v.get("spanStart"), (Double) v.get("spanDays"), (Double) v.get("failedCapacityShare"),
                MarginPolicy.valueOf((String) v.get("marginPolicy")), (Double) v.get("transferLimitW"),
                (Instant) v.get("bolDate"), (Instant) v.get("missionEnd"),
                v.get("eclipseSource") == null ? null : DesignEclipseSource.valueOf((String) v.get("eclipseSource")),
                (Instant) v.get("pickedEclipseStart"), v.get("eclipseShedding") == null ? null
                        : org.gatewaypower.physics.load.EclipseShedding.valueOf((String) v.get("eclipseShedding")));
    }

    static NetworkService.ConverterDraft converterDraft(Map<String, Object> v) {
        return new NetworkService.ConverterDraft((Long) v.get("elementId"), (String) v.get("name"),
                (Double) v.get("efficiency"), (Double) v.get("ratingW"));
    }

    static NetworkService.PortDraft portDraft(Map<String, Object> v) {
        return new NetworkService.PortDraft((String) v.get("name"), (Long) v.get("fromElementId"),
                (Long) v.get("toElementId"), (Double) v.get("limitW"));
    }

    // ---------------------------------------------------------------- helpers

    private static Map<String, Object> loadValues(LoadItemEntity e) {
        Map<String, Object> v = values("elementId", e.getElementId(), "name", e.getName(),
                "subsystem", e.getSubsystem(), "bus", name(e.getBus()), "quantity", e.getQuantity(),
                "standbyPowerW", e.getStandbyPowerW(), "operatingPowerW", e.getOperatingPowerW(),
                "peakPowerW", e.getPeakPowerW(), "shadowDuty", e.getShadowDuty(), "maturity", name(e.getMaturity()),
                "priority", name(e.getPriority()));
        new TreeMap<>(e.getDutyByMode()).forEach((mode, duty) -> v.put(DUTY + mode, duty));
        return v;
    }

    /** Field name, value, field name, value, ... in display order. */
    private static Map<String, Object> values(Object... pairs) {
        Map<String, Object> v = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            v.put((String) pairs[i], pairs[i + 1]);
        }
        return v;
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }
}
