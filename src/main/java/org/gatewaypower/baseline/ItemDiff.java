package org.gatewaypower.baseline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.gatewaypower.baseline.Comparison.ChangeType;
import org.gatewaypower.baseline.Comparison.FieldChange;
import org.gatewaypower.baseline.Comparison.ItemChange;
import org.gatewaypower.workspace.Operations;
import org.gatewaypower.workspace.ReadModels;

/**
 * The items of one side's inputs as named fields, and the differences between two sides. Items are
 * matched by key: kind and id, where a variant's ids go through its origin map to its parent's.
 * References to other items (a load's element, a duty's mode, a phase's mode) are compared by name,
 * which is what both sides of a variant share.
 */
final class ItemDiff {

    static final String ELEMENT = "element";
    static final String MODE = "mode";
    static final String LOAD = "load";
    static final String BATTERY = "battery";
    static final String ARRAY = "array";
    static final String DESIGN_CASE = "design case";
    static final String PHASE = "phase";
    static final String ALLOCATION = "allocation";
    static final String DOCKING = "docking";
    static final String CONVERTER = "converter";
    static final String PORT = "port";
    static final List<String> KINDS = List.of(ELEMENT, MODE, LOAD, BATTERY, ARRAY, DESIGN_CASE, PHASE, ALLOCATION,
            DOCKING, CONVERTER, PORT);

    private ItemDiff() {
    }

    /** A field's value: a number with its unit, or text. */
    record Value(String unit, Double number, String text) {
    }

    /** One item of a side: its key, its own id, its name, its fields, and the record it came from. */
    record Item(String kind, String key, long id, String label, Map<String, Value> fields, Object source) {
    }

    /** How a side names its items in the key space both sides share. */
    @FunctionalInterface
    interface Keys {
        String token(String kind, long id);

        default String key(String kind, long id) {
            return DESIGN_CASE.equals(kind) ? DESIGN_CASE : kind + ":" + token(kind, id);
        }

        Keys IDENTITY = (kind, id) -> String.valueOf(id);
    }

    /** One side: its inputs, how it names its items, and those items by key. */
    record Side(Baselines.Inputs inputs, Keys keys, Map<String, Item> items) {

        static Side of(Baselines.Inputs inputs, Keys keys) {
            return new Side(inputs, keys, ItemDiff.items(inputs, keys));
        }

        ReadModels.WorkspaceSnapshot workspace() {
            return inputs.workspace();
        }
    }

    static Map<String, Item> items(Baselines.Inputs in, Keys keys) {
        ReadModels.WorkspaceSnapshot ws = in.workspace();
        Map<String, Item> out = new LinkedHashMap<>();
        for (ReadModels.Element e : ws.elements()) {
            Map<String, Value> f = new LinkedHashMap<>();
            text(f, "name", e.name());
            text(f, "kind", e.kind() == null ? null : e.kind().name());
            text(f, "owner team", e.ownerTeamCode());
            put(out, new Item(ELEMENT, keys.key(ELEMENT, e.id()), e.id(), e.name(), f, e));
        }
        for (ReadModels.Mode m : ws.modes()) {
            Map<String, Value> f = new LinkedHashMap<>();
            text(f, "name", m.name());
            text(f, "description", m.description());
            num(f, "sort order", Baselines.COUNT, (double) m.sortOrder());
            put(out, new Item(MODE, keys.key(MODE, m.id()), m.id(), m.name(), f, m));
        }
        for (ReadModels.LoadItem l : ws.loads()) {
            Map<String, Value> f = new LinkedHashMap<>();
            text(f, "name", l.name());
            text(f, "element", elementName(ws, l.elementId()));
            text(f, "subsystem", l.subsystem());
            text(f, "bus", l.bus() == null ? null : l.bus().name());
            num(f, "quantity", Baselines.COUNT, (double) l.quantity());
            num(f, "standby power", Baselines.W, l.standbyPowerW());
            num(f, "operating power", Baselines.W, l.operatingPowerW());
            num(f, "peak power", Baselines.W, l.peakPowerW());
            for (ReadModels.Mode m : ws.modes()) {
                num(f, dutyField(m.name()), Baselines.FRACTION, l.duty(m.id()));
            }
            // Null (no number) when the item keeps its sunlit duty in eclipse.
            num(f, SHADOW_DUTY_FIELD, Baselines.FRACTION, l.shadowDuty());
            text(f, "maturity", l.maturity() == null ? null : l.maturity().name());
            text(f, "priority", l.priority() == null ? null : l.priority().name());
            put(out, new Item(LOAD, keys.key(LOAD, l.id()), l.id(), l.name() + " · " + elementName(ws, l.elementId()),
                    f, l));
        }
        for (ReadModels.Battery b : ws.batteries()) {
            Map<String, Value> f = new LinkedHashMap<>();
            text(f, "name", b.name());
            text(f, "element", elementName(ws, b.elementId()));
            num(f, "capacity", Baselines.J, b.capacityJ());
            num(f, "minimum state of charge", Baselines.FRACTION, b.minStateOfCharge());
            num(f, "maximum state of charge", Baselines.FRACTION, b.maxStateOfCharge());
            num(f, "charge efficiency", Baselines.FRACTION, b.chargeEfficiency());
            num(f, "discharge efficiency", Baselines.FRACTION, b.dischargeEfficiency());
            num(f, "maximum charge power", Baselines.W, b.maxChargePowerW());
            num(f, "maximum discharge power", Baselines.W, b.maxDischargePowerW());
            num(f, "initial state of charge", Baselines.FRACTION, b.initialStateOfCharge());
            num(f, "capacity fade per year", Baselines.FRACTION, b.capacityFadePerYear());
            put(out, new Item(BATTERY, keys.key(BATTERY, b.id()), b.id(),
                    b.name() + " · " + elementName(ws, b.elementId()), f, b));
        }
        for (ReadModels.SolarArray a : ws.arrays()) {
            Map<String, Value> f = new LinkedHashMap<>();
            text(f, "name", a.name());
            text(f, "element", elementName(ws, a.elementId()));
            num(f, "rated power", Baselines.W, a.ratedPowerW());
            num(f, "degradation per year", Baselines.FRACTION, a.degradationPerYear());
            num(f, "path efficiency", Baselines.FRACTION, a.pathEfficiency());
            num(f, "sun incidence", Baselines.DEG, a.incidenceDeg());
            num(f, "temperature coefficient", Baselines.PER_K, a.temperatureCoefficientPerK());
            num(f, "temperature above rating", Baselines.K, a.temperatureOffsetK());
            put(out, new Item(ARRAY, keys.key(ARRAY, a.id()), a.id(),
                    a.name() + " · " + elementName(ws, a.elementId()), f, a));
        }
        ReadModels.DesignCase dc = ws.designCase();
        if (dc != null) {
            Map<String, Value> f = new LinkedHashMap<>();
            text(f, "active mode", modeName(ws, dc.activeModeId()));
            num(f, "orbit period", Baselines.S, dc.orbitPeriodS());
            num(f, "longest eclipse", Baselines.S, dc.eclipseDurationS());
            num(f, "array age", Baselines.YEARS, dc.arrayAgeYears());
            text(f, "timeline", dc.timeline() == null ? null : dc.timeline().name());
            text(f, "perilune epoch", Objects.toString(dc.periluneEpoch(), null));
            text(f, "span start", Objects.toString(dc.spanStart(), null));
            num(f, "span", Baselines.DAYS, dc.spanDays());
            num(f, "failed capacity share", Baselines.FRACTION, dc.failedCapacityShare());
            text(f, "margin policy", dc.marginPolicy() == null ? null : dc.marginPolicy().name());
            num(f, "transfer limit", Baselines.W, dc.transferLimitW());
            text(f, "beginning of life", Objects.toString(dc.bolDate(), null));
            put(out, new Item(DESIGN_CASE, keys.key(DESIGN_CASE, dc.id()), dc.id(), "Design case", f, dc));
        }
        for (ReadModels.Converter c : ws.converters()) {
            Map<String, Value> f = new LinkedHashMap<>();
            text(f, "name", c.name());
            text(f, "element", elementName(ws, c.elementId()));
            num(f, "efficiency", Baselines.FRACTION, c.efficiency());
            num(f, "rating", Baselines.W, c.ratingW());
            put(out, new Item(CONVERTER, keys.key(CONVERTER, c.id()), c.id(),
                    c.name() + " · " + elementName(ws, c.elementId()), f, c));
        }
        for (ReadModels.Port p : ws.ports()) {
            Map<String, Value> f = new LinkedHashMap<>();
            text(f, "name", p.name());
            text(f, "from element", elementName(ws, p.fromElementId()));
            text(f, "to element", elementName(ws, p.toElementId()));
            num(f, "limit", Baselines.W, p.limitW());
            put(out, new Item(PORT, keys.key(PORT, p.id()), p.id(), p.name(), f, p));
        }
        for (Operations.OperationPhase p : in.phases()) {
            Map<String, Value> f = new LinkedHashMap<>();
            text(f, "name", p.name());
            text(f, "kind", p.kind() == null ? null : p.kind().name());
            text(f, "mode", modeName(ws, p.modeId()));
            text(f, "start", Objects.toString(p.start(), null));
            text(f, "end", Objects.toString(p.end(), null));
            put(out, new Item(PHASE, keys.key(PHASE, p.id()), p.id(), p.name(), f, p));
        }
        for (ReadModels.Allocation x : ws.allocations()) {
            Map<String, Value> f = new LinkedHashMap<>();
            num(f, "allocation", Baselines.W, x.allocationW());
            // Keyed by its element and mode, which is what makes it the same allocation on both sides.
            String key = ALLOCATION + ":" + keys.token(ELEMENT, x.elementId()) + "@" + keys.token(MODE, x.modeId());
            put(out, new Item(ALLOCATION, key, x.id(), elementName(ws, x.elementId()) + " · "
                    + modeName(ws, x.modeId()), f, x));
        }
        for (ReadModels.Docking d : ws.dockings()) {
            Map<String, Value> f = new LinkedHashMap<>();
            text(f, "vehicle", elementName(ws, d.vehicleElementId()));
            text(f, "start", Objects.toString(d.start(), null));
            text(f, "end", Objects.toString(d.end(), null));
            num(f, "export", Baselines.W, d.exportW());
            text(f, "note", d.note());
            put(out, new Item(DOCKING, keys.key(DOCKING, d.id()), d.id(), "Docking · " + d.vehicleName(), f, d));
        }
        return out;
    }

    /** Every item added, removed or changed from A to B, kind by kind, A's order then B's additions. */
    static List<ItemChange> diff(Map<String, Item> a, Map<String, Item> b) {
        List<ItemChange> out = new ArrayList<>();
        for (String kind : KINDS) {
            for (Item ia : a.values()) {
                if (!ia.kind().equals(kind)) {
                    continue;
                }
                Item ib = b.get(ia.key());
                if (ib == null) {
                    out.add(new ItemChange(kind, ia.key(), ia.label(), ChangeType.REMOVED, fieldChanges(ia, null)));
                } else {
                    List<FieldChange> fields = fieldChanges(ia, ib);
                    if (!fields.isEmpty()) {
                        out.add(new ItemChange(kind, ia.key(), ib.label(), ChangeType.CHANGED, fields));
                    }
                }
            }
            for (Item ib : b.values()) {
                if (ib.kind().equals(kind) && !a.containsKey(ib.key())) {
                    out.add(new ItemChange(kind, ib.key(), ib.label(), ChangeType.ADDED, fieldChanges(null, ib)));
                }
            }
        }
        return out;
    }

    /**
     * The fields that differ between A's item and B's; with one side missing (an added or removed item),
     * every field the other side has a value for, so that the item's values are shown.
     */
    private static List<FieldChange> fieldChanges(Item a, Item b) {
        Map<String, Value> fa = a == null ? Map.of() : a.fields();
        Map<String, Value> fb = b == null ? Map.of() : b.fields();
        Set<String> names = new LinkedHashSet<>(fa.keySet());
        names.addAll(fb.keySet());
        List<FieldChange> out = new ArrayList<>();
        for (String name : names) {
            Value va = fa.get(name);
            Value vb = fb.get(name);
            if (Objects.equals(va, vb) || isEmpty(va) && isEmpty(vb)) {
                continue;
            }
            String unit = va != null ? va.unit() : vb.unit();
            out.add(new FieldChange(name, unit, va == null ? null : va.number(), vb == null ? null : vb.number(),
                    va == null ? null : va.text(), vb == null ? null : vb.text()));
        }
        return out;
    }

    /** No value at all: a missing field, or one without number and text (a blank the other side lacks). */
    private static boolean isEmpty(Value v) {
        return v == null || v.number() == null && (v.text() == null || v.text().isEmpty());
    }

    /** The field of a load's duty cycle in eclipse; not "duty in …", which a mode named "eclipse" would take. */
    static final String SHADOW_DUTY_FIELD = "duty cycle in eclipse";

    static String dutyField(String modeName) {
        return "duty in " + modeName;
    }

    static String elementName(ReadModels.WorkspaceSnapshot ws, long elementId) {
        return ws.elements().stream().filter(e -> e.id() == elementId).map(ReadModels.Element::name).findFirst()
                .orElse("element " + elementId);
    }

    static String modeName(ReadModels.WorkspaceSnapshot ws, long modeId) {
        return ws.modes().stream().filter(m -> m.id() == modeId).map(ReadModels.Mode::name).findFirst()
                .orElse("mode " + modeId);
    }

    private static void put(Map<String, Item> out, Item item) {
        out.put(item.key(), item);
    }

    private static void text(Map<String, Value> f, String name, String text) {
        f.put(name, new Value("", null, text));
    }

    private static void num(Map<String, Value> f, String name, String unit, Double number) {
        f.put(name, new Value(unit, number, null));
    }
}
