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

    /** Calendar fade of a new battery when none is given: 2 %/year (docs/domain/power-system.md §4: 1–3 %/year). */
    static final double DEFAULT_FADE = 0.02;

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
        Long elementId = r.required(BudgetField.ELEMENT, d.elementId());
        if (elementId != null) {
            boolean inWorkspace = elements.findById(elementId).map(e -> e.getWorkspaceId() == workspaceId)
                    .orElse(false);
            if (!inWorkspace) {
                r.fail(BudgetField.ELEMENT.field(), BudgetField.ELEMENT.label() + " must be one of this workspace's elements");
            }
        }
        String name = r.text(BudgetField.NAME, d.name(), 120, true);
        String subsystem = r.text(BudgetField.SUBSYSTEM, d.subsystem(), 60, false);
        r.required(BudgetField.BUS, d.bus());
        r.required(BudgetField.MATURITY, d.maturity());
        r.required(BudgetField.PRIORITY, d.priority());
        BudgetField q = BudgetField.QUANTITY;
        int quantity = 0;
        if (d.quantity() == null) {
            r.fail(q.field(), q.label() + " is required and must be a whole number");
        } else if (d.quantity() < q.min() || d.quantity() > q.max()) {
            r.fail(q.field(), q.label() + " must be a whole number between " + Rules.fmt(q.min()) + " and "
                    + Rules.fmt(q.max()) + " (was " + d.quantity() + ")");
        } else {
            quantity = d.quantity();
        }
        double standby = r.nonNegative(BudgetField.STANDBY_POWER, d.standbyPowerW());
        double operating = r.nonNegative(BudgetField.OPERATING_POWER, d.operatingPowerW());
        double peak = r.nonNegative(BudgetField.PEAK_POWER, d.peakPowerW());
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
                : r.fraction(BudgetField.SHADOW_DUTY, d.shadowDuty());
        r.throwIfAny();
        return new Validated(elementId, name, subsystem, quantity, standby, operating, peak, duties, shadowDuty);
    }

    static void applyBattery(BatteryEntity e, BatteryDraft d) {
        Rules r = new Rules();
        String name = r.text(BudgetField.NAME, d.name(), 120, true);
        double cap = r.nonNegative(BudgetField.CAPACITY, d.capacityJ());
        if (r.ok("capacityJ") && cap <= 0) {
            r.fail("capacityJ", "Capacity must be greater than 0");
        }
        double min = r.range(BudgetField.MIN_SOC, d.minStateOfCharge());
        double max = r.range(BudgetField.MAX_SOC, d.maxStateOfCharge());
        if (r.ok("minStateOfCharge") && r.ok("maxStateOfCharge") && min >= max) {
            r.fail("minStateOfCharge", "Minimum state of charge must be below the maximum state of charge ("
                    + Rules.fmt(max * 100) + " %); was " + Rules.fmt(min * 100) + " %");
        }
        double etaC = r.efficiency(BudgetField.CHARGE_EFFICIENCY, d.chargeEfficiency());
        double etaD = r.efficiency(BudgetField.DISCHARGE_EFFICIENCY, d.dischargeEfficiency());
        double pC = r.nonNegative(BudgetField.MAX_CHARGE_POWER, d.maxChargePowerW());
        double pD = r.nonNegative(BudgetField.MAX_DISCHARGE_POWER, d.maxDischargePowerW());
        double init = r.range(BudgetField.INITIAL_SOC, d.initialStateOfCharge());
        double fade = d.capacityFadePerYear() == null ? (e.getId() == null ? DEFAULT_FADE : e.getCapacityFadePerYear())
                : r.range(BudgetField.CAPACITY_FADE, d.capacityFadePerYear());
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
        String name = r.text(BudgetField.NAME, d.name(), 120, true);
        double rated = r.nonNegative(BudgetField.RATED_POWER, d.ratedPowerW());
        double deg = r.range(BudgetField.DEGRADATION, d.degradationPerYear());
        double eta = r.efficiency(BudgetField.PATH_EFFICIENCY, d.pathEfficiency());
        double incidence = d.incidenceDeg() == null ? e.getIncidenceDeg()
                : r.range(BudgetField.INCIDENCE, d.incidenceDeg());
        double gamma = d.temperatureCoefficientPerK() == null ? e.getTemperatureCoefficientPerK()
                : r.range(BudgetField.TEMPERATURE_COEFFICIENT, d.temperatureCoefficientPerK());
        double offset = d.temperatureOffsetK() == null ? e.getTemperatureOffsetK()
                : r.range(BudgetField.TEMPERATURE_OFFSET, d.temperatureOffsetK());
        r.throwIfAny();
        e.apply(name, rated, deg, eta, incidence, gamma, offset);
    }
}
