package org.gatewaypower.ui.workspace;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.theme.lumo.LumoUtility.FontSize;
import com.vaadin.flow.theme.lumo.LumoUtility.TextColor;

import org.gatewaypower.ui.NumberEntry;
import org.gatewaypower.ui.component.EditForm;
import org.gatewaypower.ui.component.Feedback;
import org.gatewaypower.workspace.Drafts;
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
    private final Map<Long, EditForm> batteryForms = new HashMap<>();
    private final Map<Long, EditForm> arrayForms = new HashMap<>();
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
            EditForm f = new EditForm("battery-" + b.id(), title(ws, b.elementId(), b.name(), b.ownerTeamCode()),
                    true, List.of(
                    new EditForm.Spec("capacityJ", "Capacity (kWh)", NumberEntry.Unit.KWH),
                    new EditForm.Spec("minStateOfCharge", "Minimum SOC (%)", NumberEntry.Unit.PERCENT),
                    new EditForm.Spec("maxStateOfCharge", "Maximum SOC (%)", NumberEntry.Unit.PERCENT),
                    new EditForm.Spec("initialStateOfCharge", "Initial SOC (%)", NumberEntry.Unit.PERCENT),
                    new EditForm.Spec("chargeEfficiency", "Charge efficiency (%)", NumberEntry.Unit.PERCENT),
                    new EditForm.Spec("dischargeEfficiency", "Discharge efficiency (%)", NumberEntry.Unit.PERCENT),
                    new EditForm.Spec("maxChargePowerW", "Max charge power (kW)", NumberEntry.Unit.KW),
                    new EditForm.Spec("maxDischargePowerW", "Max discharge power (kW)", NumberEntry.Unit.KW),
                    new EditForm.Spec("capacityFadePerYear", "Capacity fade (%/year)", PER_YEAR)),
                    () -> saveBattery(b.id()));
            presence.track(f, "battery:" + b.id(), "battery " + b.name());
            batteryForms.put(b.id(), f);
            batteries.add(f);
        }
        arrays = tab("Rated output at 1 AU, beginning of life, normal incidence; the bus sees it after the path "
                + "efficiency and the yearly degradation.");
        for (ReadModels.SolarArray a : ws.arrays()) {
            EditForm f = new EditForm("array-" + a.id(), title(ws, a.elementId(), a.name(), a.ownerTeamCode()),
                    true, List.of(
                    new EditForm.Spec("ratedPowerW", "Rated power at 1 AU, BOL (kW)", NumberEntry.Unit.KW),
                    new EditForm.Spec("degradationPerYear", "Degradation (%/year)", PER_YEAR),
                    new EditForm.Spec("pathEfficiency", "Path efficiency (%)", NumberEntry.Unit.PERCENT),
                    new EditForm.Spec("incidenceDeg", "Sun incidence (°)", NumberEntry.Unit.plain("°")),
                    new EditForm.Spec("temperatureCoefficientPerK", "Temperature coefficient (%/°C)",
                            new NumberEntry.Unit("%/°C", 0.01, NumberEntry.Dimension.FRACTION)),
                    new EditForm.Spec("temperatureOffsetK", "Temperature above rating (°C)",
                            NumberEntry.Unit.plain("°C"))),
                    () -> saveArray(a.id()));
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
            EditForm f = batteryForms.get(b.id());
            if (f != null) {
                f.setReadOnly(p.editableBatteryIds().contains(b.id()) ? null
                        : viewer != null ? viewer : ownedBy(b.ownerTeamCode()));
            }
        }
        for (ReadModels.SolarArray a : ws.arrays()) {
            EditForm f = arrayForms.get(a.id());
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
            EditForm f = batteryForms.get(b.id());
            if (f != null) {
                f.show(b.name(), values(b), b.version(), b.updatedBy(), b.updatedAt());
            }
        }
        for (ReadModels.SolarArray a : ws.arrays()) {
            EditForm f = arrayForms.get(a.id());
            if (f != null) {
                f.show(a.name(), values(a), a.version(), a.updatedBy(), a.updatedAt());
            }
        }
    }

    private void saveBattery(long id) {
        EditForm f = batteryForms.get(id);
        try {
            equipment.updateBattery(id, f.version(), new Drafts.BatteryDraft(f.name(), f.si("capacityJ"),
                    f.si("minStateOfCharge"), f.si("maxStateOfCharge"), f.si("chargeEfficiency"),
                    f.si("dischargeEfficiency"), f.si("maxChargePowerW"), f.si("maxDischargePowerW"),
                    f.si("initialStateOfCharge"), f.si("capacityFadePerYear")), me);
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
                    f.conflictFields(b.name(), values(b)), () -> saveBattery(id));
        }
    }

    private void saveArray(long id) {
        EditForm f = arrayForms.get(id);
        try {
            equipment.updateArray(id, f.version(), new Drafts.SolarArrayDraft(f.name(), f.si("ratedPowerW"),
                    f.si("degradationPerYear"), f.si("pathEfficiency"), f.si("incidenceDeg"),
                    f.si("temperatureCoefficientPerK"), f.si("temperatureOffsetK")), me);
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
                    f.conflictFields(a.name(), values(a)), () -> saveArray(id));
        }
    }

    /** A battery's form values (SI). */
    private static Map<String, Double> values(ReadModels.Battery b) {
        Map<String, Double> v = new HashMap<>();
        v.put("capacityJ", b.capacityJ());
        v.put("minStateOfCharge", b.minStateOfCharge());
        v.put("maxStateOfCharge", b.maxStateOfCharge());
        v.put("initialStateOfCharge", b.initialStateOfCharge());
        v.put("chargeEfficiency", b.chargeEfficiency());
        v.put("dischargeEfficiency", b.dischargeEfficiency());
        v.put("maxChargePowerW", b.maxChargePowerW());
        v.put("maxDischargePowerW", b.maxDischargePowerW());
        v.put("capacityFadePerYear", b.capacityFadePerYear());
        return v;
    }

    /** A solar array's form values (SI). */
    private static Map<String, Double> values(ReadModels.SolarArray a) {
        return Map.of("ratedPowerW", a.ratedPowerW(), "degradationPerYear", a.degradationPerYear(),
                "pathEfficiency", a.pathEfficiency(), "incidenceDeg", a.incidenceDeg(), "temperatureCoefficientPerK",
                a.temperatureCoefficientPerK(), "temperatureOffsetK", a.temperatureOffsetK());
    }
}
