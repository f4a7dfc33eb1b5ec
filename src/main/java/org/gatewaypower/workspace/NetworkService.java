package org.gatewaypower.workspace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gatewaypower.physics.network.PortSpec;
import org.gatewaypower.physics.network.PowerNetwork;
import org.gatewaypower.workspace.WorkspaceChanged.Change;
import org.gatewaypower.workspace.WorkspaceChanged.Kind;
import org.gatewaypower.workspace.internal.ConverterEntity;
import org.gatewaypower.workspace.internal.ConverterRepository;
import org.gatewaypower.workspace.internal.ElementEntity;
import org.gatewaypower.workspace.internal.ElementRepository;
import org.gatewaypower.workspace.internal.PortEntity;
import org.gatewaypower.workspace.internal.PortRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The power network of a workspace: the DC-DC converters that feed each element's 28 V bus from its 120 V bus, and
 * the 120 V ports between elements. Only the workspace's owners change it (it is the station's architecture, not a
 * team's equipment); edits refuse stale versions and publish {@link WorkspaceChanged} of kind
 * {@link Kind#CONVERTER} or {@link Kind#PORT}. Ports always form a tree: a port that would close a loop is refused.
 */
@Service
@Transactional
public class NetworkService {

    private static final String EDIT = "change the power network";

    private final EditSupport support;
    private final WorkspaceAccess access;
    private final ElementRepository elements;
    private final ConverterRepository converters;
    private final PortRepository ports;

    NetworkService(EditSupport support, WorkspaceAccess access, ElementRepository elements,
                   ConverterRepository converters, PortRepository ports) {
        this.support = support;
        this.access = access;
        this.elements = elements;
        this.converters = converters;
        this.ports = ports;
    }

    /** What a user submits for a converter; any field may be null when left empty. Efficiency a fraction, W. */
    public record ConverterDraft(Long elementId, String name, Double efficiency, Double ratingW) {
    }

    /** What a user submits for a port; any field may be null when left empty. Limit in W. */
    public record PortDraft(String name, Long fromElementId, Long toElementId, Double limitW) {
    }

    // ---------------------------------------------------------------- reading

    @Transactional(readOnly = true)
    public ReadModels.Converter converter(long converterId) {
        return toView(findConverter(converterId));
    }

    @Transactional(readOnly = true)
    public ReadModels.Port port(long portId) {
        return toView(findPort(portId));
    }

    /** The workspace a converter belongs to (through its element). */
    @Transactional(readOnly = true)
    public long workspaceOfConverter(long converterId) {
        return support.workspaceOfElement(findConverter(converterId).getElementId());
    }

    @Transactional(readOnly = true)
    public long workspaceOfPort(long portId) {
        return findPort(portId).getWorkspaceId();
    }

    // ---------------------------------------------------------------- converters

    public ReadModels.Converter addConverter(long workspaceId, ConverterDraft draft, String actor) {
        EditSupport.auditAs(actor);
        requireEdit(workspaceId, actor);
        Map<Long, String> names = elementNames(workspaceId);
        ValidConverter v = validate(draft, names);
        ConverterEntity e = new ConverterEntity(v.elementId());
        e.apply(v.elementId(), v.name(), v.efficiency(), v.ratingW());
        touch(e, actor);
        ConverterEntity saved = converters.saveAndFlush(e);
        support.publish(workspaceId, Kind.CONVERTER, saved.getId(), Change.ADDED, actor,
                "added converter " + saved.getName() + " on " + names.get(saved.getElementId()));
        return toView(saved);
    }

    /** Changes a converter, provided nobody changed it since {@code expectedVersion}. */
    public ReadModels.Converter updateConverter(long converterId, long expectedVersion, ConverterDraft draft,
                                                String actor) {
        ConverterEntity e = editableConverter(converterId, expectedVersion, actor);
        long workspaceId = support.workspaceOfElement(e.getElementId());
        Map<Long, String> names = elementNames(workspaceId);
        ValidConverter v = validate(draft, names);
        e.apply(v.elementId(), v.name(), v.efficiency(), v.ratingW());
        touch(e, actor);
        ConverterEntity saved = support.flush(() -> converters.saveAndFlush(e), Kind.CONVERTER, e, expectedVersion);
        support.publish(workspaceId, Kind.CONVERTER, converterId, Change.CHANGED, actor,
                "changed converter " + saved.getName() + " on " + names.get(saved.getElementId()));
        return toView(saved);
    }

    /** Removes a converter, provided nobody changed it since {@code expectedVersion}. */
    public void removeConverter(long converterId, long expectedVersion, String actor) {
        ConverterEntity e = editableConverter(converterId, expectedVersion, actor);
        long workspaceId = support.workspaceOfElement(e.getElementId());
        support.remove(converters, Kind.CONVERTER, e, expectedVersion);
        support.publish(workspaceId, Kind.CONVERTER, converterId, Change.REMOVED, actor,
                "removed converter " + e.getName());
    }

    // ---------------------------------------------------------------- ports

    public ReadModels.Port addPort(long workspaceId, PortDraft draft, String actor) {
        EditSupport.auditAs(actor);
        requireEdit(workspaceId, actor);
        ValidPort v = validate(workspaceId, null, draft);
        PortEntity e = new PortEntity(workspaceId);
        e.apply(v.name(), v.from(), v.to(), v.limitW());
        touch(e, actor);
        PortEntity saved = ports.saveAndFlush(e);
        support.publish(workspaceId, Kind.PORT, saved.getId(), Change.ADDED, actor, "added port " + saved.getName());
        return toView(saved);
    }

    /** Changes a port, provided nobody changed it since {@code expectedVersion}. */
    public ReadModels.Port updatePort(long portId, long expectedVersion, PortDraft draft, String actor) {
        PortEntity e = editablePort(portId, expectedVersion, actor);
        long workspaceId = e.getWorkspaceId();
        ValidPort v = validate(workspaceId, portId, draft);
        e.apply(v.name(), v.from(), v.to(), v.limitW());
        touch(e, actor);
        PortEntity saved = support.flush(() -> ports.saveAndFlush(e), Kind.PORT, e, expectedVersion);
        support.publish(workspaceId, Kind.PORT, portId, Change.CHANGED, actor, "changed port " + saved.getName());
        return toView(saved);
    }

    /** Removes a port, provided nobody changed it since {@code expectedVersion}. */
    public void removePort(long portId, long expectedVersion, String actor) {
        PortEntity e = editablePort(portId, expectedVersion, actor);
        support.remove(ports, Kind.PORT, e, expectedVersion);
        support.publish(e.getWorkspaceId(), Kind.PORT, portId, Change.REMOVED, actor, "removed port " + e.getName());
    }

    // ---------------------------------------------------------------- validation

    private record ValidConverter(long elementId, String name, double efficiency, double ratingW) {
    }

    private record ValidPort(String name, long from, long to, double limitW) {
    }

    private static ValidConverter validate(ConverterDraft d, Map<Long, String> elementNames) {
        Rules r = new Rules();
        String name = r.text(BudgetField.NAME, d.name(), 120, true);
        Long elementId = element(r, BudgetField.ELEMENT, d.elementId(), elementNames);
        double efficiency = r.efficiency(BudgetField.CONVERTER_EFFICIENCY, d.efficiency());
        double rating = r.positive(BudgetField.CONVERTER_RATING, d.ratingW());
        r.throwIfAny();
        return new ValidConverter(elementId, name, efficiency, rating);
    }

    /**
     * Checks a port draft against every rule, including that the workspace's ports ({@code selfId}, the port being
     * edited, replaced by the draft) still form a tree. The caller holds the workspace lock.
     */
    private ValidPort validate(long workspaceId, Long selfId, PortDraft d) {
        Map<Long, String> names = elementNames(workspaceId);
        Rules r = new Rules();
        String name = r.text(BudgetField.NAME, d.name(), 120, true);
        Long from = element(r, BudgetField.PORT_FROM, d.fromElementId(), names);
        Long to = element(r, BudgetField.PORT_TO, d.toElementId(), names);
        double limit = r.positive(BudgetField.PORT_LIMIT, d.limitW());
        if (from != null && to != null && from.equals(to)) {
            r.fail(BudgetField.PORT_TO.field(), BudgetField.PORT_TO.label() + " must differ from "
                    + BudgetField.PORT_FROM.label() + " (both were " + names.get(from) + ")");
        } else if (from != null && to != null) {
            String loop = loopThrough(workspaceId, selfId, from, to, names);
            if (loop != null) {
                r.fail(BudgetField.PORT_TO.field(), "Ports must form a tree: a port from " + names.get(from) + " to "
                        + names.get(to) + " would close a loop, as they are already connected (" + loop + ")");
            }
        }
        r.throwIfAny();
        return new ValidPort(name, from, to, limit);
    }

    /** The ports that already connect {@code from} and {@code to}, in words; null when none does. */
    private String loopThrough(long workspaceId, Long selfId, long from, long to, Map<Long, String> names) {
        Map<Long, Integer> index = new HashMap<>();
        names.keySet().forEach(id -> index.put(id, index.size()));
        List<PortSpec> specs = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (PortEntity p : ports.findByWorkspaceIdOrderByIdAsc(workspaceId)) {
            if (!p.getId().equals(selfId)) {
                specs.add(new PortSpec(p.getName(), index.get(p.getFromElementId()), index.get(p.getToElementId()),
                        p.getLimitW()));
                others.add("port " + p.getName() + ": " + names.get(p.getFromElementId()) + " – "
                        + names.get(p.getToElementId()));
            }
        }
        specs.add(new PortSpec("new", index.get(from), index.get(to), 1));
        return PowerNetwork.firstLoop(index.size(), specs) == null ? null : String.join("; ", others);
    }

    private static Long element(Rules r, BudgetField f, Long id, Map<Long, String> elementNames) {
        Long v = r.required(f, id);
        if (v != null && !elementNames.containsKey(v)) {
            r.fail(f.field(), f.label() + " must be one of this workspace's elements (was id " + v + ")");
            return null;
        }
        return v;
    }

    // ---------------------------------------------------------------- helpers

    /** Stamps an edit to the microsecond both databases keep, so a returned read model equals a re-read one. */
    private void touch(org.gatewaypower.workspace.internal.AuditedEntity e, String actor) {
        e.touch(actor, support.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
    }

    private Map<Long, String> elementNames(long workspaceId) {
        Map<Long, String> names = new java.util.LinkedHashMap<>();
        for (ElementEntity e : elements.findByWorkspaceIdOrderByIdAsc(workspaceId)) {
            names.put(e.getId(), e.getName());
        }
        return names;
    }

    private void lockWorkspace(long workspaceId) {
        if (ports.lockWorkspace(workspaceId).isEmpty()) {
            throw new NotFoundException("workspace", workspaceId);
        }
    }

    /**
     * The converter an edit based on {@code expectedVersion} changes: the workspace is locked, the actor is one of
     * its owners (and named for the audit trail), and nobody saved the converter since.
     */
    private ConverterEntity editableConverter(long id, long expectedVersion, String actor) {
        EditSupport.auditAs(actor);
        ConverterEntity e = findConverter(id);
        requireEdit(support.workspaceOfElement(e.getElementId()), actor);
        EditSupport.requireVersion(Kind.CONVERTER, e, expectedVersion);
        return e;
    }

    /** The port an edit based on {@code expectedVersion} changes, as {@link #editableConverter}. */
    private PortEntity editablePort(long id, long expectedVersion, String actor) {
        EditSupport.auditAs(actor);
        PortEntity e = findPort(id);
        requireEdit(e.getWorkspaceId(), actor);
        EditSupport.requireVersion(Kind.PORT, e, expectedVersion);
        return e;
    }

    /** Locks the workspace's network and refuses anyone but its owners. */
    private void requireEdit(long workspaceId, String actor) {
        lockWorkspace(workspaceId);
        access.requireOwner(workspaceId, actor, EDIT);
    }

    private ConverterEntity findConverter(long id) {
        return converters.findById(id).orElseThrow(() -> new NotFoundException(Kind.CONVERTER.label(), id));
    }

    private PortEntity findPort(long id) {
        return ports.findById(id).orElseThrow(() -> new NotFoundException(Kind.PORT.label(), id));
    }

    static ReadModels.Converter toView(ConverterEntity e) {
        return new ReadModels.Converter(e.getId(), e.getElementId(), e.getName(), e.getEfficiency(), e.getRatingW(),
                e.getVersion(), e.getUpdatedAt(), e.getUpdatedBy());
    }

    static ReadModels.Port toView(PortEntity e) {
        return new ReadModels.Port(e.getId(), e.getName(), e.getFromElementId(), e.getToElementId(), e.getLimitW(),
                e.getVersion(), e.getUpdatedAt(), e.getUpdatedBy());
    }
}
