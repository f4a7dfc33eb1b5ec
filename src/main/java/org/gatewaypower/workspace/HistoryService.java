package org.gatewaypower.workspace;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;

import org.gatewaypower.workspace.Drafts.LoadItemDraft;
import org.gatewaypower.workspace.History.ChangeType;
import org.gatewaypower.workspace.History.Entry;
import org.gatewaypower.workspace.History.FieldChange;
import org.gatewaypower.workspace.internal.BatteryEntity;
import org.gatewaypower.workspace.internal.ConverterEntity;
import org.gatewaypower.workspace.internal.DesignCaseEntity;
import org.gatewaypower.workspace.internal.ElementEntity;
import org.gatewaypower.workspace.internal.LoadItemEntity;
import org.gatewaypower.workspace.internal.OperatingModeRepository;
import org.gatewaypower.workspace.internal.PartnerTeamRepository;
import org.gatewaypower.workspace.internal.PortEntity;
import org.gatewaypower.workspace.internal.RevisionEntity;
import org.gatewaypower.workspace.internal.SolarArrayEntity;
import org.hibernate.envers.AuditReader;
import org.hibernate.envers.query.AuditEntity;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The history of a load item, an element or a workspace, read from the audit trail (Hibernate Envers),
 * and restoring past values. A restore is an ordinary edit through {@link EquipmentService} or
 * {@link DesignCaseService}, based on the caller's expected current version, so the same rules, locking
 * and access checks apply and it is itself a new audited change.
 */
@Service
public class HistoryService {

    static final String LOAD = "load item";
    static final String BATTERY = "battery";
    static final String ARRAY = "solar array";
    static final String DESIGN_CASE = "design case";

    private final EntityManager em;
    private final AuditTrail trail;
    private final EquipmentService equipment;
    private final DesignCaseService designCases;
    private final NetworkService network;
    private final TransactionTemplate write;
    private final AuditLog audit;

    HistoryService(EntityManager em, PlatformTransactionManager transactions, EquipmentService equipment,
                   DesignCaseService designCases, OperatingModeRepository modes, PartnerTeamRepository teams,
                   AuditLog audit, NetworkService network) {
        this.em = em;
        this.trail = new AuditTrail(em, transactions, modes, teams);
        this.write = new TransactionTemplate(transactions);
        this.audit = audit;
        this.equipment = equipment;
        this.designCases = designCases;
        this.network = network;
    }

    // ---------------------------------------------------------------- reads

    /** Every change of one load item, newest first. */
    public List<Entry> loadHistory(long loadId) {
        return itemHistory(Kinds.LOAD, LOAD, loadId);
    }

    /** Every change of one visiting vehicle's docking, newest first. */
    public List<Entry> dockingHistory(long dockingId) {
        return itemHistory(Kinds.DOCKING, DockingService.KIND, dockingId);
    }

    /** Every change of one converter of the power network (also after its removal), newest first. */
    public List<Entry> converterHistory(long converterId) {
        return itemHistory(Kinds.CONVERTER, "converter", converterId);
    }

    /** Every change of one port of the power network (also after its removal), newest first. */
    public List<Entry> portHistory(long portId) {
        return itemHistory(Kinds.PORT, "port", portId);
    }

    private List<Entry> itemHistory(Kind<?> kind, String name, long id) {
        return trail.read(r -> {
            List<Entry> entries = trail.entries(r, kind, List.of(id), trail.labels());
            if (entries.isEmpty()) {
                throw new NotFoundException(name, id);
            }
            return AuditTrail.newestFirst(entries);
        });
    }

    /**
     * Every audited revision of one load item, oldest first: one per accepted create, change or removal
     * (a change that left every value as it was is not a change and has none).
     */
    public List<History.Revision> loadRevisions(long loadId) {
        return trail.read(r -> trail.rows(r, Kinds.LOAD, List.of(loadId)).stream()
                .map(row -> new History.Revision(row.rev().getId(), Instant.ofEpochMilli(row.rev().getTimestamp()),
                        row.rev().getUsername(), AuditTrail.change(row.type())))
                .toList());
    }

    /** Every change of an element's power allocations in any mode (also cleared ones), newest first. */
    public List<Entry> allocationHistory(long elementId) {
        return trail.read(r -> AuditTrail.newestFirst(trail.entries(r, Kinds.ALLOCATION,
                trail.idsWhere(r, Kinds.ALLOCATION, "elementId", List.of(elementId)), trail.labels())));
    }

    /**
     * Every change of an element, of its loads, batteries, arrays and power allocations (also removed ones),
     * newest first.
     */
    public List<Entry> elementHistory(long elementId) {
        return trail.read(r -> {
            AuditTrail.Labels labels = trail.labels();
            List<Entry> entries = new ArrayList<>(trail.entries(r, Kinds.ELEMENT, List.of(elementId), labels));
            if (entries.isEmpty()) {
                throw new NotFoundException("element", elementId);
            }
            entries.addAll(partsOf(r, List.of(elementId), labels));
            return AuditTrail.newestFirst(entries);
        });
    }

    /**
     * Every change in a workspace, newest first: the workspace itself (name, description, teams), its
     * elements with their loads, batteries and arrays, operating modes, design case and operations phases.
     */
    public List<Entry> workspaceHistory(long workspaceId) {
        return trail.read(r -> {
            AuditTrail.Labels labels = trail.labels();
            List<Entry> entries = new ArrayList<>(trail.entries(r, Kinds.WORKSPACE, List.of(workspaceId), labels));
            if (entries.isEmpty()) {
                throw new NotFoundException("workspace", workspaceId);
            }
            List<Long> ws = List.of(workspaceId);
            List<Long> elementIds = trail.idsWhere(r, Kinds.ELEMENT, "workspaceId", ws);
            entries.addAll(trail.entries(r, Kinds.ELEMENT, elementIds, labels));
            entries.addAll(trail.entries(r, Kinds.MODE, trail.idsWhere(r, Kinds.MODE, "workspaceId", ws), labels));
            entries.addAll(trail.entries(r, Kinds.DESIGN, trail.idsWhere(r, Kinds.DESIGN, "workspaceId", ws), labels));
            entries.addAll(trail.entries(r, Kinds.PHASE, trail.idsWhere(r, Kinds.PHASE, "workspaceId", ws), labels));
            entries.addAll(trail.entries(r, Kinds.PORT, trail.idsWhere(r, Kinds.PORT, "workspaceId", ws), labels));
            entries.addAll(trail.entries(r, Kinds.DOCKING, trail.idsWhere(r, Kinds.DOCKING, "workspaceId", ws),
                    labels));
            entries.addAll(partsOf(r, elementIds, labels));
            entries.addAll(events(workspaceId));
            return AuditTrail.newestFirst(entries);
        });
    }

    /**
     * The workspace's audit events (members, baselines, variants, imports, restores) as history entries:
     * revision 0 (they are not field revisions and cannot be restored), the event's id, and one "detail"
     * line saying what happened.
     */
    private List<Entry> events(long workspaceId) {
        return audit.ofWorkspace(workspaceId).stream().map(e -> new Entry(0, e.at(), e.actor(), e.subject(), e.id(),
                e.subjectName(), e.action(), null, List.of(new FieldChange("detail", "What", "", null, e.detail()))))
                .toList();
    }

    /** The workspace an element is or was in, from its audit trail (so also for a removed element). */
    public long workspaceOfElement(long elementId) {
        return trail.read(r -> lastAudited(r, ElementEntity.class, elementId, "element").getWorkspaceId());
    }

    /** The workspace a load item is or was in, from its audit trail. */
    public long workspaceOfLoad(long loadId) {
        long elementId = trail.read(r -> lastAudited(r, LoadItemEntity.class, loadId, LOAD).getElementId());
        return workspaceOfElement(elementId);
    }

    private static <E> E lastAudited(AuditReader r, Class<E> type, long id, String kind) {
        List<?> rows = r.createQuery().forRevisionsOfEntity(type, true, true).add(AuditEntity.id().eq(id))
                .addOrder(AuditEntity.revisionNumber().desc()).setMaxResults(1).getResultList();
        if (rows.isEmpty()) {
            throw new NotFoundException(kind, id);
        }
        return type.cast(rows.get(0));
    }

    /** The changes of every load, battery and array that was ever on one of the elements. */
    private List<Entry> partsOf(AuditReader r, List<Long> elementIds, AuditTrail.Labels labels) {
        if (elementIds.isEmpty()) {
            return List.of();
        }
        List<Entry> entries = new ArrayList<>();
        for (Kind<?> kind : List.of(Kinds.LOAD, Kinds.BATTERY, Kinds.ARRAY, Kinds.ALLOCATION, Kinds.CONVERTER)) {
            entries.addAll(trail.entries(r, kind, trail.idsWhere(r, kind, "elementId", elementIds), labels));
        }
        return entries;
    }

    // ---------------------------------------------------------------- restore

    /**
     * Sets a load item back to its values as of {@code revision}: only {@code field} when given (e.g.
     * {@code operatingPowerW} or {@code dutyByMode.7}), else every value. A removed load item is created
     * anew from its last values (with a new id; {@code expectedVersion} is then not needed).
     *
     * @param expectedVersion the current version the caller read; a stale one is refused
     */
    public ReadModels.LoadItem restoreLoad(long loadId, long revision, String field, Long expectedVersion, String actor) {
        Restore<LoadItemEntity> plan = plan(Kinds.LOAD, loadId, revision, field);
        LoadItemDraft draft = Kinds.loadDraft(plan.values);
        if (plan.current == null) {
            ElementEntity element = trail.read(r -> em.find(ElementEntity.class, draft.elementId()));
            if (element == null) {
                throw new NotFoundException("element of the removed load item", draft.elementId());
            }
            return write.execute(tx -> {
                ReadModels.LoadItem created = equipment.createLoad(element.getWorkspaceId(), draft, actor);
                restored(element.getWorkspaceId(), "load item", created.name(), loadId, revision, field, actor);
                return created;
            });
        }
        return write.execute(tx -> {
            ReadModels.LoadItem saved = equipment.updateLoad(loadId, required(expectedVersion), draft, actor);
            restored(workspaceOfElement(saved.elementId()), "load item", saved.name(), loadId, revision, field, actor);
            return saved;
        });
    }

    /** Sets a battery back to its values as of {@code revision} (only {@code field} when given). */
    public ReadModels.Battery restoreBattery(long batteryId, long revision, String field, Long expectedVersion,
                                        String actor) {
        Restore<BatteryEntity> plan = plan(Kinds.BATTERY, batteryId, revision, field);
        requireExists(plan, BATTERY, batteryId);
        return write.execute(tx -> {
            ReadModels.Battery saved = equipment.updateBattery(batteryId, required(expectedVersion),
                    Kinds.batteryDraft(plan.values), actor);
            restored(workspaceOfElement(saved.elementId()), "battery", saved.name(), batteryId, revision, field, actor);
            return saved;
        });
    }

    /** Sets a solar array back to its values as of {@code revision} (only {@code field} when given). */
    public ReadModels.SolarArray restoreArray(long arrayId, long revision, String field, Long expectedVersion,
                                         String actor) {
        Restore<SolarArrayEntity> plan = plan(Kinds.ARRAY, arrayId, revision, field);
        requireExists(plan, ARRAY, arrayId);
        return write.execute(tx -> {
            ReadModels.SolarArray saved = equipment.updateArray(arrayId, required(expectedVersion),
                    Kinds.arrayDraft(plan.values), actor);
            restored(workspaceOfElement(saved.elementId()), "solar array", saved.name(), arrayId, revision, field,
                    actor);
            return saved;
        });
    }

    /** Sets a converter of the power network back to its values as of {@code revision} (only {@code field}). */
    public ReadModels.Converter restoreConverter(long converterId, long revision, String field, Long expectedVersion,
                                                 String actor) {
        Restore<ConverterEntity> plan = plan(Kinds.CONVERTER, converterId, revision, field);
        requireExists(plan, Kinds.CONVERTER.name(), converterId);
        return write.execute(tx -> {
            ReadModels.Converter saved = network.updateConverter(converterId, required(expectedVersion),
                    Kinds.converterDraft(plan.values), actor);
            restored(workspaceOfElement(saved.elementId()), Kinds.CONVERTER.name(), saved.name(), converterId,
                    revision, field, actor);
            return saved;
        });
    }

    /** Sets a port of the power network back to its values as of {@code revision} (only {@code field}). */
    public ReadModels.Port restorePort(long portId, long revision, String field, Long expectedVersion, String actor) {
        Restore<PortEntity> plan = plan(Kinds.PORT, portId, revision, field);
        requireExists(plan, Kinds.PORT.name(), portId);
        long workspaceId = plan.current.getWorkspaceId();
        return write.execute(tx -> {
            ReadModels.Port saved = network.updatePort(portId, required(expectedVersion), Kinds.portDraft(plan.values),
                    actor);
            restored(workspaceId, Kinds.PORT.name(), saved.name(), portId, revision, field, actor);
            return saved;
        });
    }

    /** Sets a design case back to its values as of {@code revision} (only {@code field} when given). */
    public ReadModels.DesignCase restoreDesignCase(long designCaseId, long revision, String field, Long expectedVersion,
                                              String actor) {
        Restore<DesignCaseEntity> plan = plan(Kinds.DESIGN, designCaseId, revision, field);
        requireExists(plan, DESIGN_CASE, designCaseId);
        long workspaceId = plan.current.getWorkspaceId();
        return write.execute(tx -> {
            ReadModels.DesignCase saved = designCases.updateDesignCase(workspaceId, required(expectedVersion),
                    Kinds.designDraft(plan.values), actor);
            restored(workspaceId, "design case", "analysis case", designCaseId, revision, field, actor);
            return saved;
        });
    }

    /** The restore itself in the workspace's audit trail, beside the change it made. */
    private void restored(long workspaceId, String kind, String name, long id, long revision, String field,
                          String actor) {
        audit.record(workspaceId, actor, "restore", name, ChangeType.CHANGED, actor + " restored "
                + (field == null ? "every value" : field) + " of " + kind + " " + id + " (\"" + name
                + "\") to its value at revision " + revision);
    }

    /** The current entity (null when removed) and the values to save: current ones with the restored ones. */
    private record Restore<E>(E current, Map<String, Object> values) {
    }

    private <E> Restore<E> plan(Kind<E> kind, long id, long revision, String field) {
        if (revision < 1) {
            throw new InvalidInputException(List.of(new InvalidInputException.FieldViolation("revision",
                    "Revision must be a positive revision number from the history (was " + revision + ")")));
        }
        if (field != null && field.length() > 200) {
            throw new InvalidInputException(List.of(new InvalidInputException.FieldViolation("field",
                    "Field must be one of the " + kind.name() + "'s fields (at most 200 characters)")));
        }
        return trail.read(r -> {
            // Envers answers a revision after the newest with the current state; a restore of a revision
            // that was never made must not quietly save the current values again.
            if (em.find(RevisionEntity.class, revision) == null) {
                throw new NotFoundException("revision", revision);
            }
            E past = r.find(kind.type(), id, revision);
            if (past == null) {
                throw new NotFoundException(kind.name() + " " + id + " as of revision", revision);
            }
            Map<String, Object> then = kind.values().apply(past);
            E current = em.find(kind.type(), id);
            if (field == null || field.isBlank() || current == null) {
                return new Restore<>(current, then);
            }
            Map<String, Object> now = kind.values().apply(current);
            boolean known = now.containsKey(field) || then.containsKey(field)
                    || (field.startsWith(Kinds.DUTY) && kind == Kinds.LOAD);
            if (!known) {
                throw new InvalidInputException(List.of(new InvalidInputException.FieldViolation("field",
                        "Field must be one of the " + kind.name() + "'s fields " + now.keySet() + " (was '" + field
                                + "')")));
            }
            Map<String, Object> merged = new LinkedHashMap<>(now);
            if (then.containsKey(field)) {
                merged.put(field, then.get(field));
            } else {
                merged.remove(field);
            }
            return new Restore<>(current, merged);
        });
    }

    private static void requireExists(Restore<?> plan, String kind, long id) {
        if (plan.current == null) {
            throw new NotFoundException(kind + " (removed; only load items can be restored after removal)", id);
        }
    }

    private static long required(Long expectedVersion) {
        if (expectedVersion == null) {
            throw new InvalidInputException(List.of(new InvalidInputException.FieldViolation("expectedVersion",
                    "Expected version is required: send the version you read, so that nobody's edit is "
                            + "overwritten")));
        }
        return expectedVersion;
    }
}
