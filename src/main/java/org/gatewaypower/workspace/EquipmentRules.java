package org.gatewaypower.workspace;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.gatewaypower.workspace.Drafts.BatteryDraft;
import org.gatewaypower.workspace.Drafts.LoadItemDraft;
import org.gatewaypower.workspace.Drafts.SolarArrayDraft;
import org.gatewaypower.workspace.internal.BatteryEntity;
import org.gatewaypower.workspace.internal.ElementRepository;
import org.gatewaypower.workspace.internal.LoadItemEntity;
import org.gatewaypower.workspace.internal.OperatingModeEntity;
import org.gatewaypower.workspace.internal.OperatingModeRepository;
import org.gatewaypower.workspace.internal.SolarArrayEntity;
import org.springframework.stereotype.Component;

/**
 * The rules a load, battery or array draft must pass before {@link EquipmentService} saves it, apart from
 * the service so that the edits read as access, version, save and announce.
 */
@Component
class EquipmentRules {

    /** Largest power accepted for one unit of a load, as a guard against typos in W vs kW (W). */
    static final double MAX_ITEM_POWER_W = 1.0e6;
    /** Largest array or battery power accepted (W). */
    static final double MAX_SOURCE_POWER_W = 1.0e7;
    /** Calendar fade of a new battery when none is given: 2 %/year (docs/domain/power-system.md §4: 1–3 %/year). */
    static final double DEFAULT_FADE = 0.02;
    /** Largest battery capacity accepted (J): 10 MWh. */
    static final double MAX_CAPACITY_J = 3.6e10;

    private final ElementRepository elements;
    private final OperatingModeRepository modes;

    EquipmentRules(ElementRepository elements, OperatingModeRepository modes) {
        this.elements = elements;
        this.modes = modes;
    }

    /** A load draft whose values passed every rule. */
    record Validated(long elementId, String name, String subsystem, int quantity, double standby,
                             double operating, double peak, Map<Long, Double> duties, Double shadowDuty) {

        void applyTo(LoadItemEntity e, LoadItemDraft d) {
            e.apply(elementId, name, subsystem, d.bus(), quantity, standby, operating, peak, duties, shadowDuty,
                    d.maturity(), d.priority());
        }
    }

    Validated validateLoad(long workspaceId, LoadItemDraft d) {
        Rules r = new Rules();
        Long elementId = r.required("elementId", "Element", d.elementId());
        if (elementId != null) {
            boolean inWorkspace = elements.findById(elementId).map(e -> e.getWorkspaceId() == workspaceId)
                    .orElse(false);
            if (!inWorkspace) {
                r.fail("elementId", "Element must be one of this workspace's elements");
            }
        }
        String name = r.text("name", "Name", d.name(), 120, true);
        String subsystem = r.text("subsystem", "Subsystem", d.subsystem(), 60, false);
        r.required("bus", "Bus", d.bus());
        r.required("maturity", "Maturity class", d.maturity());
        r.required("priority", "Priority", d.priority());
        int quantity = 0;
        if (d.quantity() == null) {
            r.fail("quantity", "Quantity is required and must be a whole number");
        } else if (d.quantity() < 1 || d.quantity() > EquipmentService.MAX_QUANTITY) {
            r.fail("quantity", "Quantity must be a whole number between 1 and " + EquipmentService.MAX_QUANTITY
                    + " (was " + d.quantity() + ")");
        } else {
            quantity = d.quantity();
        }
        double standby = r.nonNegative("standbyPowerW", "Standby power", d.standbyPowerW(), MAX_ITEM_POWER_W, "W");
        double operating = r.nonNegative("operatingPowerW", "Operating power", d.operatingPowerW(),
                MAX_ITEM_POWER_W, "W");
        double peak = r.nonNegative("peakPowerW", "Peak power", d.peakPowerW(), MAX_ITEM_POWER_W, "W");
        if (r.ok("operatingPowerW") && r.ok("peakPowerW") && peak < operating) {
            r.fail("peakPowerW", "Peak power must be at least the operating power (" + Rules.fmt(operating)
                    + " W); was " + Rules.fmt(peak) + " W");
        }
        Map<Long, String> modeNames = modes.findByWorkspaceIdOrderBySortOrderAscIdAsc(workspaceId).stream()
                .collect(Collectors.toMap(OperatingModeEntity::getId, OperatingModeEntity::getName));
        Map<Long, Double> duties = new HashMap<>();
        if (d.dutyByMode() != null) {
            d.dutyByMode().forEach((modeId, duty) -> {
                String field = "dutyByMode." + modeId;
                if (!modeNames.containsKey(modeId)) {
                    r.fail(field, "Duty cycle is for an operating mode that is not in this workspace (id " + modeId
                            + ")");
                    return;
                }
                double value = r.fraction(field, "Duty cycle in mode " + modeNames.get(modeId), duty);
                if (r.ok(field) && value > 0) {
                    duties.put(modeId, value);
                }
            });
        }
        // Optional: left empty, the item keeps its sunlit duty in eclipse.
        Double shadowDuty = d.shadowDuty() == null ? null
                : r.fraction("shadowDuty", "Duty cycle in eclipse", d.shadowDuty());
        r.throwIfAny();
        return new Validated(elementId, name, subsystem, quantity, standby, operating, peak, duties, shadowDuty);
    }

    static void applyBattery(BatteryEntity e, BatteryDraft d) {
        Rules r = new Rules();
        String name = r.text("name", "Name", d.name(), 120, true);
        double cap = r.nonNegative("capacityJ", "Capacity", d.capacityJ(), MAX_CAPACITY_J, "J");
        if (r.ok("capacityJ") && cap <= 0) {
            r.fail("capacityJ", "Capacity must be greater than 0");
        }
        double min = r.range("minStateOfCharge", "Minimum state of charge", d.minStateOfCharge(), 0, 0.99, "");
        double max = r.range("maxStateOfCharge", "Maximum state of charge", d.maxStateOfCharge(), 0.01, 1, "");
        if (r.ok("minStateOfCharge") && r.ok("maxStateOfCharge") && min >= max) {
            r.fail("minStateOfCharge", "Minimum state of charge must be below the maximum state of charge ("
                    + Rules.fmt(max * 100) + " %); was " + Rules.fmt(min * 100) + " %");
        }
        double etaC = r.efficiency("chargeEfficiency", "Charge efficiency", d.chargeEfficiency());
        double etaD = r.efficiency("dischargeEfficiency", "Discharge efficiency", d.dischargeEfficiency());
        double pC = r.nonNegative("maxChargePowerW", "Maximum charge power", d.maxChargePowerW(), MAX_SOURCE_POWER_W,
                "W");
        double pD = r.nonNegative("maxDischargePowerW", "Maximum discharge power", d.maxDischargePowerW(),
                MAX_SOURCE_POWER_W, "W");
        double init = r.range("initialStateOfCharge", "Initial state of charge", d.initialStateOfCharge(), 0, 1, "");
        double fade = d.capacityFadePerYear() == null ? (e.getId() == null ? DEFAULT_FADE : e.getCapacityFadePerYear())
                : r.range("capacityFadePerYear", "Capacity fade per year", d.capacityFadePerYear(), 0, 0.2, "");
        if (r.ok("initialStateOfCharge") && r.ok("minStateOfCharge") && r.ok("maxStateOfCharge")
                && (init < min || init > max)) {
            r.fail("initialStateOfCharge", "Initial state of charge must lie between the minimum ("
                    + Rules.fmt(min * 100) + " %) and the maximum (" + Rules.fmt(max * 100) + " %); was "
                    + Rules.fmt(init * 100) + " %");
        }
        r.throwIfAny();
        e.apply(name, cap, min, max, etaC, etaD, pC, pD, init, fade);
    }

    static void applyArray(SolarArrayEntity e, SolarArrayDraft d) {
        Rules r = new Rules();
        String name = r.text("name", "Name", d.name(), 120, true);
        double rated = r.nonNegative("ratedPowerW", "Rated power", d.ratedPowerW(), MAX_SOURCE_POWER_W, "W");
        double deg = r.range("degradationPerYear", "Degradation per year", d.degradationPerYear(), 0, 0.5, "");
        double eta = r.efficiency("pathEfficiency", "Path efficiency", d.pathEfficiency());
        double incidence = d.incidenceDeg() == null ? e.getIncidenceDeg()
                : r.range("incidenceDeg", "Sun incidence angle", d.incidenceDeg(), 0, 90, "°");
        double gamma = d.temperatureCoefficientPerK() == null ? e.getTemperatureCoefficientPerK()
                : r.range("temperatureCoefficientPerK", "Temperature coefficient", d.temperatureCoefficientPerK(),
                        -0.01, 0.01, "per K");
        double offset = d.temperatureOffsetK() == null ? e.getTemperatureOffsetK()
                : r.range("temperatureOffsetK", "Temperature above rating", d.temperatureOffsetK(), -150, 150, "K");
        r.throwIfAny();
        e.apply(name, rated, deg, eta, incidence, gamma, offset);
    }
}
