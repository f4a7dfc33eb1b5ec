package org.gatewaypower.baseline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.gatewaypower.baseline.Comparison.ItemChange;
import org.gatewaypower.baseline.ItemDiff.Item;
import org.gatewaypower.baseline.ItemDiff.Side;
import org.gatewaypower.workspace.Operations;
import org.gatewaypower.workspace.ReadModels;

/**
 * Side A's inputs with one change from side B applied alone, for ranking the changes by their effect.
 * B's item is carried into A: it keeps A's id when it changed, and its references to elements and modes
 * are resolved to A's (elements by key, modes by name); an added item gets an id no saved item has.
 */
final class WhatIf {

    /** Id of an added item: negative, so it can never be a saved item's. */
    private static final long NEW_ID = -1;

    private WhatIf() {
    }

    /** Why a change cannot be analysed on its own. */
    static final class NotAlone extends RuntimeException {
        NotAlone(String reason) {
            super(reason);
        }
    }

    static Baselines.Inputs apply(Side a, Side b, ItemChange change) {
        Item ia = a.items().get(change.key());
        Item ib = b.items().get(change.key());
        long id = ia != null ? ia.id() : NEW_ID;
        ReadModels.WorkspaceSnapshot s = a.workspace();
        List<ReadModels.Element> elements = s.elements();
        List<ReadModels.Mode> modes = s.modes();
        List<ReadModels.LoadItem> loads = s.loads();
        List<ReadModels.Battery> batteries = s.batteries();
        List<ReadModels.SolarArray> arrays = s.arrays();
        List<ReadModels.Converter> converters = s.converters();
        List<ReadModels.Port> ports = s.ports();
        ReadModels.DesignCase dc = s.designCase();
        List<Operations.OperationPhase> phases = a.inputs().phases();
        List<ReadModels.Allocation> allocations = s.allocations();
        List<ReadModels.Docking> dockings = s.dockings();
        switch (change.kind()) {
            case ItemDiff.ELEMENT -> elements = replace(elements, ia, ib, ReadModels.Element::id, (ReadModels.Element e) ->
                    new ReadModels.Element(id, e.name(), e.kind(), e.ownerTeamId(), e.ownerTeamCode(), e.version()));
            case ItemDiff.MODE -> modes = replace(modes, ia, ib, ReadModels.Mode::id, (ReadModels.Mode m) ->
                    new ReadModels.Mode(id, m.name(), m.description(), m.sortOrder(), m.version()));
            case ItemDiff.LOAD -> loads = replace(loads, ia, ib, ReadModels.LoadItem::id, (ReadModels.LoadItem l) ->
                    new ReadModels.LoadItem(id, elementInA(a, b, l.elementId()), l.name(), l.subsystem(), l.bus(),
                            l.quantity(), l.standbyPowerW(), l.operatingPowerW(), l.peakPowerW(),
                            dutiesInA(a, b, l.dutyByMode()), l.shadowDuty(), l.maturity(), l.priority(), l.version(),
                            l.updatedAt(), l.updatedBy()));
            case ItemDiff.BATTERY -> batteries = replace(batteries, ia, ib, ReadModels.Battery::id, (ReadModels.Battery x) ->
                    new ReadModels.Battery(id, elementInA(a, b, x.elementId()), x.name(), x.capacityJ(),
                            x.minStateOfCharge(), x.maxStateOfCharge(), x.chargeEfficiency(), x.dischargeEfficiency(),
                            x.maxChargePowerW(), x.maxDischargePowerW(), x.initialStateOfCharge(),
                            x.capacityFadePerYear(), x.version(), x.updatedAt(), x.updatedBy(), x.ownerTeamCode()));
            case ItemDiff.ARRAY -> arrays = replace(arrays, ia, ib, ReadModels.SolarArray::id, (ReadModels.SolarArray x) ->
                    new ReadModels.SolarArray(id, elementInA(a, b, x.elementId()), x.name(), x.ratedPowerW(),
                            x.degradationPerYear(), x.pathEfficiency(), x.incidenceDeg(),
                            x.temperatureCoefficientPerK(), x.temperatureOffsetK(), x.version(), x.updatedAt(),
                            x.updatedBy(), x.ownerTeamCode()));
            case ItemDiff.DESIGN_CASE -> {
                if (ib == null) {
                    throw new NotAlone("without a design case there is nothing to analyse");
                }
                ReadModels.DesignCase x = (ReadModels.DesignCase) ib.source();
                dc = x.withIds(id, modeInA(a, b, x.activeModeId()));
            }
            case ItemDiff.PHASE -> phases = replace(phases, ia, ib, Operations.OperationPhase::id,
                    (Operations.OperationPhase p) -> new Operations.OperationPhase(id, p.name(), p.kind(),
                            modeInA(a, b, p.modeId()), p.modeName(), p.start(), p.end(), p.version(), p.updatedAt(),
                            p.updatedBy()));
            case ItemDiff.ALLOCATION -> allocations = replace(allocations, ia, ib, ReadModels.Allocation::id,
                    (ReadModels.Allocation x) -> new ReadModels.Allocation(id, elementInA(a, b, x.elementId()),
                            modeInA(a, b, x.modeId()), x.allocationW(), x.version(), x.updatedAt(), x.updatedBy()));
            case ItemDiff.DOCKING -> dockings = replace(dockings, ia, ib, ReadModels.Docking::id,
                    (ReadModels.Docking d) -> new ReadModels.Docking(id, elementInA(a, b, d.vehicleElementId()),
                            d.vehicleName(), d.start(), d.end(), d.exportW(), d.note(), d.version(), d.updatedAt(),
                            d.updatedBy()));
            case ItemDiff.CONVERTER -> converters = replace(converters, ia, ib, ReadModels.Converter::id,
                    (ReadModels.Converter x) -> new ReadModels.Converter(id, elementInA(a, b, x.elementId()), x.name(),
                            x.efficiency(), x.ratingW(), x.version(), x.updatedAt(), x.updatedBy()));
            case ItemDiff.PORT -> ports = replace(ports, ia, ib, ReadModels.Port::id, (ReadModels.Port x) ->
                    new ReadModels.Port(id, x.name(), elementInA(a, b, x.fromElementId()),
                            elementInA(a, b, x.toElementId()), x.limitW(), x.version(), x.updatedAt(), x.updatedBy()));
            default -> throw new IllegalArgumentException("unknown kind " + change.kind());
        }
        return new Baselines.Inputs(new ReadModels.WorkspaceSnapshot(s.id(), s.name(), s.description(), s.version(),
                s.teams(), elements, modes, loads, batteries, arrays, dc, allocations, converters, ports,
                dockings), phases);
    }

    /** A's list without A's item (if any), with B's item carried into A (if any), in A's order. */
    @SuppressWarnings("unchecked")
    private static <T> List<T> replace(List<T> list, Item ia, Item ib, Function<T, Long> idOf, Function<T, T> carry) {
        List<T> out = new ArrayList<>();
        boolean placed = false;
        for (T t : list) {
            if (ia != null && idOf.apply(t) == ia.id()) {
                if (ib != null) {
                    out.add(carry.apply((T) ib.source()));
                    placed = true;
                }
            } else {
                out.add(t);
            }
        }
        if (ib != null && !placed) {
            out.add(carry.apply((T) ib.source()));
        }
        return out;
    }

    private static long elementInA(Side a, Side b, long elementIdInB) {
        Item ea = a.items().get(b.keys().key(ItemDiff.ELEMENT, elementIdInB));
        if (ea == null) {
            throw new NotAlone("its element " + ItemDiff.elementName(b.workspace(), elementIdInB)
                    + " is not in side A");
        }
        return ea.id();
    }

    private static long modeInA(Side a, Side b, long modeIdInB) {
        String name = ItemDiff.modeName(b.workspace(), modeIdInB);
        return a.workspace().modes().stream().filter(m -> m.name().equals(name)).map(ReadModels.Mode::id).findFirst()
                .orElseThrow(() -> new NotAlone("its mode " + name + " is not in side A"));
    }

    /** B's duties by A's mode ids; a duty in a mode A does not have is left out (it cannot run there). */
    private static Map<Long, Double> dutiesInA(Side a, Side b, Map<Long, Double> duties) {
        Map<Long, Double> out = new HashMap<>();
        duties.forEach((modeId, duty) -> {
            String name = ItemDiff.modeName(b.workspace(), modeId);
            a.workspace().modes().stream().filter(m -> m.name().equals(name)).findFirst()
                    .ifPresent(m -> out.put(m.id(), duty));
        });
        return out;
    }
}
