package org.gatewaypower.workspace;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;

import org.gatewaypower.workspace.History.ChangeType;
import org.gatewaypower.workspace.History.Entry;
import org.gatewaypower.workspace.History.FieldChange;
import org.gatewaypower.workspace.internal.OperatingModeEntity;
import org.gatewaypower.workspace.internal.OperatingModeRepository;
import org.gatewaypower.workspace.internal.PartnerTeamEntity;
import org.gatewaypower.workspace.internal.PartnerTeamRepository;
import org.gatewaypower.workspace.internal.RevisionEntity;
import org.hibernate.envers.AuditReader;
import org.hibernate.envers.AuditReaderFactory;
import org.hibernate.envers.RevisionType;
import org.hibernate.envers.query.AuditEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the audit trail (Hibernate Envers): the audited rows of a kind of thing, what each revision changed field by
 * field with labels and units, and which things ever belonged to a parent. Read-only, in its own read-only
 * transaction; split from {@link HistoryService}, which adds the views and the restores.
 */
final class AuditTrail {

    private final EntityManager em;
    private final TransactionTemplate readOnly;
    private final OperatingModeRepository modes;
    private final PartnerTeamRepository teams;

    AuditTrail(EntityManager em, PlatformTransactionManager transactions, OperatingModeRepository modes,
               PartnerTeamRepository teams) {
        this.em = em;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.modes = modes;
        this.teams = teams;
    }

    /** Labels for one view, each looked up once. */
    Labels labels() {
        return new Labels();
    }

    <T> T read(Function<AuditReader, T> work) {
        return readOnly.execute(status -> work.apply(AuditReaderFactory.get(em)));
    }

    /** One audited row: the thing as of a revision, the revision and what it did. */
    record Row<E>(E entity, RevisionEntity rev, RevisionType type) {
    }

    @SuppressWarnings("unchecked")
    <E> List<Row<E>> rows(AuditReader r, Kind<E> kind, Collection<Long> ids) {
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
    <E> List<Long> idsWhere(AuditReader r, Kind<E> kind, String property,
                                                             Collection<Long> values) {
        @SuppressWarnings("unchecked")
        List<Object> ids = r.createQuery().forRevisionsOfEntity(kind.type(), true, true)
                .add(AuditEntity.property(property).in(values))
                .addProjection(AuditEntity.id().distinct())
                .getResultList();
        return ids.stream().map(o -> ((Number) o).longValue()).sorted().toList();
    }

    <E> List<Entry> entries(AuditReader r, Kind<E> kind, Collection<Long> ids, Labels labels) {
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

    static ChangeType change(RevisionType type) {
        return switch (type) {
            case ADD -> ChangeType.ADDED;
            case MOD -> ChangeType.CHANGED;
            case DEL -> ChangeType.REMOVED;
        };
    }

    static List<Entry> newestFirst(List<Entry> entries) {
        return entries.stream().sorted(Comparator.comparing(Entry::at).reversed()
                .thenComparing(Comparator.comparingLong(Entry::revision).reversed())
                .thenComparing(Entry::kind).thenComparingLong(Entry::id)).toList();
    }

    /** Mode names for duty-cycle labels and team codes for a workspace's teams, read once per view. */
    final class Labels {

        private Map<Long, String> modeNames;
        private Map<Long, String> teamCodes;

        String label(Kind<?> kind, String field) {
            if (field.startsWith(Kinds.DUTY)) {
                long modeId = Long.parseLong(field.substring(Kinds.DUTY.length()));
                String mode = modeNames().get(modeId);
                return "Duty cycle in mode " + (mode != null ? mode : "#" + modeId);
            }
            if (field.startsWith(Kinds.ALLOCATION_PREFIX)) {
                long modeId = Long.parseLong(field.substring(Kinds.ALLOCATION_PREFIX.length()));
                String mode = modeNames().get(modeId);
                return BudgetField.ALLOCATION.label() + " in mode " + (mode != null ? mode : "#" + modeId);
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
