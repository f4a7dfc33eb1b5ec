package org.gatewaypower.workspace;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;

import org.gatewaypower.workspace.Drafts.LoadItemDraft;
import org.gatewaypower.workspace.History.ChangeType;
import org.gatewaypower.workspace.History.Entry;
import org.gatewaypower.workspace.History.FieldChange;
import org.gatewaypower.workspace.internal.BatteryEntity;
import org.gatewaypower.workspace.internal.DesignCaseEntity;
import org.gatewaypower.workspace.internal.ElementEntity;
import org.gatewaypower.workspace.internal.LoadItemEntity;
import org.gatewaypower.workspace.internal.OperatingModeEntity;
import org.gatewaypower.workspace.internal.OperatingModeRepository;
import org.gatewaypower.workspace.internal.PartnerTeamEntity;
import org.gatewaypower.workspace.internal.PartnerTeamRepository;
import org.gatewaypower.workspace.internal.RevisionEntity;
import org.gatewaypower.workspace.internal.SolarArrayEntity;
import org.hibernate.envers.AuditReader;
import org.hibernate.envers.AuditReaderFactory;
import org.hibernate.envers.RevisionType;
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
    private final TransactionTemplate readOnly;
    private final EquipmentService equipment;
    private final DesignCaseService designCases;
    private final OperatingModeRepository modes;
    private final PartnerTeamRepository teams;
    private final TransactionTemplate write;
    private final AuditLog audit;

    HistoryService(EntityManager em, PlatformTransactionManager transactions, EquipmentService equipment,
                   DesignCaseService designCases, OperatingModeRepository modes, PartnerTeamRepository teams,
                   AuditLog audit) {
        this.em = em;
        this.write = new TransactionTemplate(transactions);
        this.audit = audit;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.equipment = equipment;
        this.designCases = designCases;
        this.modes = modes;
        this.teams = teams;
    }

    // ---------------------------------------------------------------- reads

    /** Every change of one load item, newest first. */
    public List<Entry> loadHistory(long loadId) {
        return read(r -> {
            List<Entry> entries = entries(r, Kinds.LOAD, List.of(loadId), new Labels());
            if (entries.isEmpty()) {
                throw new NotFoundException(LOAD, loadId);
            }
            return newestFirst(entries);
        });
    }

    /**
     * Every audited revision of one load item, oldest first: one per accepted create, change or removal
     * (a change that left every value as it was is not a change and has none).
     */
    public List<History.Revision> loadRevisions(long loadId) {
        return read(r -> rows(r, Kinds.LOAD, List.of(loadId)).stream()
                .map(row -> new History.Revision(row.rev.getId(), Instant.ofEpochMilli(row.rev.getTimestamp()),
                        row.rev.getUsername(), change(row.type)))
                .toList());
    }

    /** Every change of an element, of its loads, batteries and arrays (also removed ones), newest first. */
    public List<Entry> elementHistory(long elementId) {
        return read(r -> {
            Labels labels = new Labels();
            List<Entry> entries = new ArrayList<>(entries(r, Kinds.ELEMENT, List.of(elementId), labels));
            if (entries.isEmpty()) {
                throw new NotFoundException("element", elementId);
            }
            entries.addAll(partsOf(r, List.of(elementId), labels));
            return newestFirst(entries);
        });
    }

    /**
     * Every change in a workspace, newest first: the workspace itself (name, description, teams), its
     * elements with their loads, batteries and arrays, operating modes, design case and operations phases.
     */
    public List<Entry> workspaceHistory(long workspaceId) {
        return read(r -> {
            Labels labels = new Labels();
            List<Entry> entries = new ArrayList<>(entries(r, Kinds.WORKSPACE, List.of(workspaceId), labels));
            if (entries.isEmpty()) {
                throw new NotFoundException("workspace", workspaceId);
            }
            List<Long> ws = List.of(workspaceId);
            List<Long> elementIds = idsWhere(r, Kinds.ELEMENT, "workspaceId", ws);
            entries.addAll(entries(r, Kinds.ELEMENT, elementIds, labels));
            entries.addAll(entries(r, Kinds.MODE, idsWhere(r, Kinds.MODE, "workspaceId", ws), labels));
            entries.addAll(entries(r, Kinds.DESIGN, idsWhere(r, Kinds.DESIGN, "workspaceId", ws), labels));
            entries.addAll(entries(r, Kinds.PHASE, idsWhere(r, Kinds.PHASE, "workspaceId", ws), labels));
            entries.addAll(partsOf(r, elementIds, labels));
            entries.addAll(events(workspaceId));
            return newestFirst(entries);
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
        return read(r -> lastAudited(r, ElementEntity.class, elementId, "element").getWorkspaceId());
    }

    /** The workspace a load item is or was in, from its audit trail. */
    public long workspaceOfLoad(long loadId) {
        long elementId = read(r -> lastAudited(r, LoadItemEntity.class, loadId, LOAD).getElementId());
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
    private List<Entry> partsOf(AuditReader r, List<Long> elementIds, Labels labels) {
        if (elementIds.isEmpty()) {
            return List.of();
        }
        List<Entry> entries = new ArrayList<>();
        for (Kind<?> kind : List.of(Kinds.LOAD, Kinds.BATTERY, Kinds.ARRAY)) {
            entries.addAll(entries(r, kind, idsWhere(r, kind, "elementId", elementIds), labels));
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
            ElementEntity element = read(r -> em.find(ElementEntity.class, draft.elementId()));
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
        return read(r -> {
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

    // ---------------------------------------------------------------- reading the audit trail

    private <T> T read(Function<AuditReader, T> work) {
        return readOnly.execute(status -> work.apply(AuditReaderFactory.get(em)));
    }

    /** One audited row: the thing as of a revision, the revision and what it did. */
    private record Row<E>(E entity, RevisionEntity rev, RevisionType type) {
    }

    @SuppressWarnings("unchecked")
    private <E> List<Row<E>> rows(AuditReader r, Kind<E> kind, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Object[]> raw = r.createQuery().forRevisionsOfEntity(kind.type(), false, true)
                .add(AuditEntity.id().in(ids.toArray()))
                .addOrder(AuditEntity.revisionNumber().asc())
                .getResultList();
        return raw.stream().map(o -> new Row<>((E) o[0], (RevisionEntity) o[1], (RevisionType) o[2])).toList();
    }

    /** Ids of every thing of a kind whose {@code property} was one of {@code values} at some revision. */
    private <E> List<Long> idsWhere(AuditReader r, Kind<E> kind, String property,
                                                             Collection<Long> values) {
        @SuppressWarnings("unchecked")
        List<Object> ids = r.createQuery().forRevisionsOfEntity(kind.type(), true, true)
                .add(AuditEntity.property(property).in(values))
                .addProjection(AuditEntity.id().distinct())
                .getResultList();
        return ids.stream().map(o -> ((Number) o).longValue()).sorted().toList();
    }

    private <E> List<Entry> entries(AuditReader r, Kind<E> kind, Collection<Long> ids, Labels labels) {
        Map<Long, List<Row<E>>> byId = new TreeMap<>();
        for (Row<E> row : rows(r, kind, ids)) {
            byId.computeIfAbsent(kind.id().apply(row.entity), k -> new ArrayList<>()).add(row);
        }
        List<Entry> entries = new ArrayList<>();
        byId.forEach((id, rows) -> {
            Map<String, Object> before = null;
            Long previous = null;
            String lastName = null;
            for (Row<E> row : rows) {
                ChangeType change = change(row.type);
                Map<String, Object> after = change == ChangeType.REMOVED ? before : kind.values().apply(row.entity);
                List<FieldChange> fields = change == ChangeType.REMOVED || after == null ? List.of()
                        : diff(kind, before, after, labels);
                String name = kind.nameOf().apply(row.entity);
                lastName = name != null ? name : lastName;
                if (change == ChangeType.CHANGED && fields.isEmpty()) {
                    // A save that changed nothing (or only by rounding noise) is no change to show or restore.
                    before = after;
                    previous = row.rev.getId();
                    continue;
                }
                entries.add(new Entry(row.rev.getId(), Instant.ofEpochMilli(row.rev.getTimestamp()),
                        row.rev.getUsername(), kind.name(), id, lastName, change, previous, fields));
                before = after;
                previous = row.rev.getId();
            }
        });
        return entries;
    }

    private List<FieldChange> diff(Kind<?> kind, Map<String, Object> before, Map<String, Object> after,
                                   Labels labels) {
        Set<String> fields = new LinkedHashSet<>(after.keySet());
        if (before != null) {
            fields.addAll(before.keySet());
        }
        List<FieldChange> changes = new ArrayList<>();
        for (String f : fields) {
            Object old = before == null ? null : before.get(f);
            Object now = after.get(f);
            if (!same(old, now)) {
                changes.add(new FieldChange(f, labels.label(kind, f), Kinds.unit(f), labels.value(f, old),
                        labels.value(f, now)));
            }
        }
        return changes;
    }

    /**
     * Whether two recorded values are the same: equal, or numbers equal within 1e-12 relative (a value
     * shown in % and converted back, 0.95 → 0.9500000000000001, is no change).
     */
    static boolean same(Object a, Object b) {
        if (Objects.equals(a, b)) {
            return true;
        }
        return a instanceof Number x && b instanceof Number y
                && org.gatewaypower.workspace.internal.AuditedEntity.same(x.doubleValue(), y.doubleValue());
    }

    private static ChangeType change(RevisionType type) {
        return switch (type) {
            case ADD -> ChangeType.ADDED;
            case MOD -> ChangeType.CHANGED;
            case DEL -> ChangeType.REMOVED;
        };
    }

    private static List<Entry> newestFirst(List<Entry> entries) {
        return entries.stream().sorted(Comparator.comparing(Entry::at).reversed()
                .thenComparing(Comparator.comparingLong(Entry::revision).reversed())
                .thenComparing(Entry::kind).thenComparingLong(Entry::id)).toList();
    }

    /** Mode names for duty-cycle labels and team codes for a workspace's teams, read once per view. */
    private final class Labels {

        private Map<Long, String> modeNames;
        private Map<Long, String> teamCodes;

        String label(Kind<?> kind, String field) {
            if (field.startsWith(Kinds.DUTY)) {
                long modeId = Long.parseLong(field.substring(Kinds.DUTY.length()));
                String mode = modeNames().get(modeId);
                return "Duty cycle in mode " + (mode != null ? mode : "#" + modeId);
            }
            return Kinds.label(field);
        }

        Object value(String field, Object v) {
            if (field.equals("teamIds") && v instanceof Collection<?> ids) {
                return ids.stream().map(id -> teamCodes().getOrDefault((Long) id, "#" + id)).sorted()
                        .collect(Collectors.joining(", "));
            }
            return v;
        }

        private Map<Long, String> modeNames() {
            if (modeNames == null) {
                modeNames = modes.findAll().stream()
                        .collect(Collectors.toMap(OperatingModeEntity::getId, OperatingModeEntity::getName));
            }
            return modeNames;
        }

        private Map<Long, String> teamCodes() {
            if (teamCodes == null) {
                teamCodes = teams.findAll().stream()
                        .collect(Collectors.toMap(PartnerTeamEntity::getId, PartnerTeamEntity::getCode));
            }
            return teamCodes;
        }
    }
}
