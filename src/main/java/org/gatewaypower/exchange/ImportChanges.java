package org.gatewaypower.exchange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.gatewaypower.physics.load.LoadPriority;
import org.gatewaypower.physics.load.MaturityClass;
import org.gatewaypower.workspace.BudgetField;
import org.gatewaypower.workspace.Bus;
import org.gatewaypower.workspace.Drafts.LoadItemDraft;
import org.gatewaypower.workspace.ReadModels;

/**
 * A row of an import as a load draft, and what it changes on the load it updates, in words
 * ("Operating power 500 W → 600 W"). Split from {@link ImportService}, which plans and saves the rows.
 */
final class ImportChanges {

    private ImportChanges() {
    }

    /** The load as the row describes it: the file's values over the existing load's, or over defaults. */
    static LoadItemDraft draft(ReadModels.WorkspaceSnapshot ws, ReadModels.Element element, Map<String, Object> v,
                                       ReadModels.LoadItem existing, java.util.Set<String> defaultsUsed,
                                       Map<String, String> labels) {
        Map<Long, Double> duty = new HashMap<>(existing == null ? Map.of() : existing.dutyByMode());
        for (ReadModels.Mode m : ws.modes()) {
            Object d = v.get("dutyByMode." + m.id());
            if (d != null) {
                duty.put(m.id(), (Double) d);
            }
        }
        Double operating = (Double) v.get("operatingPowerW");
        // Without the column the stored duty in eclipse stays; with it, its cell decides (blank: as in sunlight).
        Double shadowDuty = v.containsKey(LoadColumns.SHADOW_DUTY) ? (Double) v.get(LoadColumns.SHADOW_DUTY)
                : existing == null ? null : existing.shadowDuty();
        if (existing == null) {
            for (String f : List.of("subsystem", "bus", "quantity", "standbyPowerW", "peakPowerW", "maturity",
                    "priority")) {
                if (!v.containsKey(f)) {
                    defaultsUsed.add(labels.get(f) + " " + switch (f) {
                        case "subsystem" -> "(blank)";
                        case "bus" -> "120 V";
                        case "quantity" -> "1";
                        case "standbyPowerW" -> "0 W";
                        case "peakPowerW" -> "= operating power";
                        case "maturity" -> "New design (+20 %, the most cautious)";
                        default -> "Essential";
                    });
                }
            }
            return new LoadItemDraft(element.id(), (String) v.get("name"),
                    (String) v.getOrDefault("subsystem", ""), (Bus) v.getOrDefault("bus", Bus.V120),
                    (Integer) v.getOrDefault("quantity", 1), (Double) v.getOrDefault("standbyPowerW", 0.0), operating,
                    (Double) v.getOrDefault("peakPowerW", operating), duty, shadowDuty,
                    (MaturityClass) v.getOrDefault("maturity", MaturityClass.NEW_DESIGN),
                    (LoadPriority) v.getOrDefault("priority", LoadPriority.ESSENTIAL));
        }
        return new LoadItemDraft(element.id(), existing.name(),
                (String) v.getOrDefault("subsystem", existing.subsystem()),
                (Bus) v.getOrDefault("bus", existing.bus()), (Integer) v.getOrDefault("quantity", existing.quantity()),
                (Double) v.getOrDefault("standbyPowerW", existing.standbyPowerW()),
                operating != null ? operating : existing.operatingPowerW(),
                (Double) v.getOrDefault("peakPowerW", existing.peakPowerW()), duty, shadowDuty,
                (MaturityClass) v.getOrDefault("maturity", existing.maturity()),
                (LoadPriority) v.getOrDefault("priority", existing.priority()));
    }

    /** The fields the draft changes, as "Operating power 500 W → 600 W". */
    static List<String> changes(ReadModels.LoadItem e, LoadItemDraft d, List<ReadModels.Mode> modes) {
        List<String> out = new ArrayList<>();
        text(out, BudgetField.SUBSYSTEM.label(), e.subsystem(), d.subsystem());
        if (e.bus() != d.bus()) {
            out.add("Bus " + e.bus().label() + " → " + d.bus().label());
        }
        if (e.quantity() != d.quantity()) {
            out.add("Quantity " + e.quantity() + " → " + d.quantity());
        }
        watts(out, BudgetField.STANDBY_POWER.label(), e.standbyPowerW(), d.standbyPowerW());
        watts(out, BudgetField.OPERATING_POWER.label(), e.operatingPowerW(), d.operatingPowerW());
        watts(out, BudgetField.PEAK_POWER.label(), e.peakPowerW(), d.peakPowerW());
        for (ReadModels.Mode m : modes) {
            double before = e.duty(m.id());
            double after = d.dutyByMode().getOrDefault(m.id(), 0.0);
            if (!same(before, after)) {
                out.add(String.format(Locale.US, "Duty · %s %.4g %% → %.4g %%", m.name(), before * 100, after * 100));
            }
        }
        Double shadowBefore = e.shadowDuty();
        Double shadowAfter = d.shadowDuty();
        if (shadowBefore == null || shadowAfter == null ? shadowBefore != shadowAfter
                : !same(shadowBefore, shadowAfter)) {
            out.add("Duty in eclipse " + dutyText(shadowBefore) + " → " + dutyText(shadowAfter));
        }
        if (e.maturity() != d.maturity()) {
            out.add("Maturity " + e.maturity().label() + " → " + d.maturity().label());
        }
        if (e.priority() != d.priority()) {
            out.add("Priority " + e.priority().label() + " → " + d.priority().label());
        }
        return out;
    }

    /** A duty cycle in eclipse in words: % of the time, or "as in sunlight" when none is set. */
    static String dutyText(Double duty) {
        return duty == null ? "as in sunlight" : String.format(Locale.US, "%.4g %%", duty * 100);
    }

    static void text(List<String> out, String label, String before, String after) {
        if (!Objects.equals(before == null ? "" : before, after == null ? "" : after)) {
            out.add(label + " '" + before + "' → '" + after + "'");
        }
    }

    static void watts(List<String> out, String label, double before, double after) {
        if (!same(before, after)) {
            out.add(label + " " + watts(before) + " → " + watts(after));
        }
    }

    /** Watts as an engineer writes them: no trailing zeros ("350 W", "1,234.5 W"). */
    static String watts(double w) {
        return new java.text.DecimalFormat("#,##0.###", java.text.DecimalFormatSymbols.getInstance(Locale.US))
                .format(w) + " W";
    }

    /** Equal within a part in 10⁹: kW in a spreadsheet converts to W with rounding noise. */
    static boolean same(double a, double b) {
        return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
    }
}
