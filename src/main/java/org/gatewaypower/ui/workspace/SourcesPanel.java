package org.gatewaypower.ui.workspace;

import java.util.HashMap;
import java.util.Map;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.theme.lumo.LumoUtility.FontSize;
import com.vaadin.flow.theme.lumo.LumoUtility.TextColor;

import org.gatewaypower.ui.NumberEntry;
import org.gatewaypower.ui.component.DraftForm;
import org.gatewaypower.ui.component.Feedback;
import org.gatewaypower.workspace.BudgetField;
import org.gatewaypower.workspace.InvalidInputException;
import org.gatewaypower.workspace.ReadModels;
import org.gatewaypower.workspace.StaleEditException;
import org.gatewaypower.workspace.EquipmentService;
import org.gatewaypower.workspace.WorkspaceService;

/**
 * The power sources of a workspace: one form per battery (the Batteries tab) and per solar array (the Solar
 * arrays tab), each saved against the version it shows and read-only where its owner team is another.
 */
final class SourcesPanel {

    /** A yearly rate entered in %/year (SI: fraction per year). */
    private static final NumberEntry.Unit PER_YEAR = new NumberEntry.Unit("%/year", 0.01,
            NumberEntry.Dimension.FRACTION);

    private final WorkspaceService workspaces;
    private final EquipmentService equipment;
    private final long workspaceId;
    private final String me;
    private final FormConflicts conflicts;
    private final Map<Long, DraftForm<SourceBeans.Battery>> batteryForms = new HashMap<>();
    private final Map<Long, DraftForm<SourceBeans.Array>> arrayForms = new HashMap<>();
    private final VerticalLayout batteries;
    private final VerticalLayout arrays;

    SourcesPanel(WorkspaceService workspaces, EquipmentService equipment, ReadModels.WorkspaceSnapshot ws, String me, PresenceBar presence,
                 FormConflicts conflicts) {
        this.workspaces = workspaces;
        this.equipment = equipment;
        this.workspaceId = ws.id();
        this.me = me;
        this.conflicts = conflicts;
        batteries = tab("Batteries on the bus are analysed as one bank (capacities, floors and power limits add; "
                + "efficiencies are capacity-weighted).");
        for (ReadModels.Battery b : ws.batteries()) {
            DraftForm<SourceBeans.Battery> f = new DraftForm<>("battery-" + b.id(),
                    title(ws, b.elementId(), b.name(), b.ownerTeamCode()), SourceBeans.Battery::new,
                    () -> saveBattery(b.id()));
            f.name(x -> x.name, (x, v) -> x.name = v);
            f.number(BudgetField.CAPACITY, NumberEntry.Unit.KWH, x -> x.capacityJ, (x, v) -> x.capacityJ = v);
            f.number(BudgetField.MIN_SOC, NumberEntry.Unit.PERCENT, x -> x.minStateOfCharge,
                    (x, v) -> x.minStateOfCharge = v);
            f.number(BudgetField.MAX_SOC, NumberEntry.Unit.PERCENT, x -> x.maxStateOfCharge,
                    (x, v) -> x.maxStateOfCharge = v);
            f.number(BudgetField.INITIAL_SOC, NumberEntry.Unit.PERCENT, x -> x.initialStateOfCharge,
                    (x, v) -> x.initialStateOfCharge = v);
            f.number(BudgetField.CHARGE_EFFICIENCY, NumberEntry.Unit.PERCENT, x -> x.chargeEfficiency,
                    (x, v) -> x.chargeEfficiency = v);
            f.number(BudgetField.DISCHARGE_EFFICIENCY, NumberEntry.Unit.PERCENT, x -> x.dischargeEfficiency,
                    (x, v) -> x.dischargeEfficiency = v);
            f.number(BudgetField.MAX_CHARGE_POWER, NumberEntry.Unit.KW, x -> x.maxChargePowerW,
                    (x, v) -> x.maxChargePowerW = v);
            f.number(BudgetField.MAX_DISCHARGE_POWER, NumberEntry.Unit.KW, x -> x.maxDischargePowerW,
                    (x, v) -> x.maxDischargePowerW = v);
            f.number(BudgetField.CAPACITY_FADE, PER_YEAR, x -> x.capacityFadePerYear,
                    (x, v) -> x.capacityFadePerYear = v);
            presence.track(f, "battery:" + b.id(), "battery " + b.name());
            batteryForms.put(b.id(), f);
            batteries.add(f);
        }
        arrays = tab("Rated output at 1 AU, beginning of life, normal incidence; the bus sees it after the path "
                + "efficiency and the yearly degradation.");
        for (ReadModels.SolarArray a : ws.arrays()) {
            DraftForm<SourceBeans.Array> f = new DraftForm<>("array-" + a.id(),
                    title(ws, a.elementId(), a.name(), a.ownerTeamCode()), SourceBeans.Array::new,
                    () -> saveArray(a.id()));
            f.name(x -> x.name, (x, v) -> x.name = v);
            f.number(BudgetField.RATED_POWER, NumberEntry.Unit.KW, x -> x.ratedPowerW, (x, v) -> x.ratedPowerW = v)
                    .setHelperText("At 1 AU, beginning of life");
            f.number(BudgetField.DEGRADATION, PER_YEAR, x -> x.degradationPerYear,
                    (x, v) -> x.degradationPerYear = v);
            f.number(BudgetField.PATH_EFFICIENCY, NumberEntry.Unit.PERCENT, x -> x.pathEfficiency,
                    (x, v) -> x.pathEfficiency = v);
            f.number(BudgetField.INCIDENCE, NumberEntry.Unit.plain("°"), x -> x.incidenceDeg,
                    (x, v) -> x.incidenceDeg = v);
            f.number(BudgetField.TEMPERATURE_COEFFICIENT,
                    new NumberEntry.Unit("%/°C", 0.01, NumberEntry.Dimension.FRACTION),
                    x -> x.temperatureCoefficientPerK, (x, v) -> x.temperatureCoefficientPerK = v);
            f.number(BudgetField.TEMPERATURE_OFFSET, NumberEntry.Unit.plain("°C"), x -> x.temperatureOffsetK,
                    (x, v) -> x.temperatureOffsetK = v);
            presence.track(f, "array:" + a.id(), "solar array " + a.name());
            arrayForms.put(a.id(), f);
            arrays.add(f);
        }
    }

    private static VerticalLayout tab(String note) {
        Paragraph p = new Paragraph(note);
        p.addClassNames(FontSize.SMALL, TextColor.SECONDARY);
        VerticalLayout tab = new VerticalLayout(p);
        tab.setPadding(false);
        return tab;
    }

    private static String title(ReadModels.WorkspaceSnapshot ws, long elementId, String name, String ownerTeamCode) {
        return ws.element(elementId).name() + " · " + name + " (owner " + ownerTeamCode + ")";
    }

    /** The Batteries tab. */
    VerticalLayout batteries() {
        return batteries;
    }

    /** The Solar arrays tab. */
    VerticalLayout arrays() {
        return arrays;
    }

    /**
     * Read-only where this user may not edit: with {@code viewer} (the reason for a viewer) or the owner team
     * named. The services enforce the same rules on every save.
     */
    void setPermissions(ReadModels.WorkspaceSnapshot ws, ReadModels.Permissions p, String viewer) {
        for (ReadModels.Battery b : ws.batteries()) {
            DraftForm<SourceBeans.Battery> f = batteryForms.get(b.id());
            if (f != null) {
                f.setReadOnly(p.editableBatteryIds().contains(b.id()) ? null
                        : viewer != null ? viewer : ownedBy(b.ownerTeamCode()));
            }
        }
        for (ReadModels.SolarArray a : ws.arrays()) {
            DraftForm<SourceBeans.Array> f = arrayForms.get(a.id());
            if (f != null) {
                f.setReadOnly(p.editableArrayIds().contains(a.id()) ? null
                        : viewer != null ? viewer : ownedBy(a.ownerTeamCode()));
            }
        }
    }

    private static String ownedBy(String team) {
        return "Read only: owned by " + team + "; only " + team + " editors and workspace owners change it";
    }

    /** Forms take the saved values unless they show newer ones or hold unsaved typing. */
    void show(ReadModels.WorkspaceSnapshot ws) {
        for (ReadModels.Battery b : ws.batteries()) {
            DraftForm<SourceBeans.Battery> f = batteryForms.get(b.id());
            if (f != null) {
                f.show(SourceBeans.Battery.of(b), b.version(), b.updatedBy());
            }
        }
        for (ReadModels.SolarArray a : ws.arrays()) {
            DraftForm<SourceBeans.Array> f = arrayForms.get(a.id());
            if (f != null) {
                f.show(SourceBeans.Array.of(a), a.version(), a.updatedBy());
            }
        }
    }

    private void saveBattery(long id) {
        DraftForm<SourceBeans.Battery> f = batteryForms.get(id);
        try {
            equipment.updateBattery(id, f.version(), f.draft().draft(), me);
            Feedback.saved("Battery saved");
            conflicts.saved(f);
        } catch (InvalidInputException ex) {
            f.showErrors(ex);
        } catch (StaleEditException ex) {
            ReadModels.Battery b = workspaces.snapshot(workspaceId).batteries().stream().filter(x -> x.id() == id)
                    .findFirst().orElse(null);
            if (b == null) {
                FormConflicts.removedMeanwhile(f, "battery");
                return;
            }
            conflicts.conflict(f, "battery " + b.name(), b.updatedBy(), b.updatedAt(), b.version(),
                    f.conflictFields(SourceBeans.Battery.of(b)), () -> saveBattery(id));
        }
    }

    private void saveArray(long id) {
        DraftForm<SourceBeans.Array> f = arrayForms.get(id);
        try {
            equipment.updateArray(id, f.version(), f.draft().draft(), me);
            Feedback.saved("Solar array saved");
            conflicts.saved(f);
        } catch (InvalidInputException ex) {
            f.showErrors(ex);
        } catch (StaleEditException ex) {
            ReadModels.SolarArray a = workspaces.snapshot(workspaceId).arrays().stream().filter(x -> x.id() == id)
                    .findFirst().orElse(null);
            if (a == null) {
                FormConflicts.removedMeanwhile(f, "solar array");
                return;
            }
            conflicts.conflict(f, "solar array " + a.name(), a.updatedBy(), a.updatedAt(), a.version(),
                    f.conflictFields(SourceBeans.Array.of(a)), () -> saveArray(id));
        }
    }
}
