package org.gatewaypower.workspace;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.gatewaypower.workspace.internal.AuditEventEntity;
import org.gatewaypower.workspace.internal.AuditEventRepository;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit trail of what is not a field of an audited entity: membership and role changes, baselines and
 * variants, spreadsheet imports, restores, account changes and API tokens. Each event is written in the
 * transaction that made the change (MANDATORY: an event without its change, or a change without its event,
 * cannot be committed), and the workspace's history lists them beside the field-level changes.
 */
@Service
public class AuditLog {

    /** One event: who did what to which thing, when, in which workspace (null outside workspaces). */
    public record Event(long id, Instant at, String actor, Long workspaceId, String subject, String subjectName,
                       History.ChangeType action, String detail) {
    }

    private final AuditEventRepository events;
    private final Clock clock;

    AuditLog(AuditEventRepository events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /**
     * Records an event in the caller's transaction.
     *
     * @param workspaceId the workspace it happened in, or null (accounts, tokens)
     * @param subject     what kind of thing: "member", "baseline", "variant", "spreadsheet import", "restore",
     *                    "account", "API token"
     * @param subjectName which one (a username, a baseline's name, a file name)
     * @param detail      what happened, as a sentence a reviewer reads
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(Long workspaceId, String actor, String subject, String subjectName, History.ChangeType action,
                       String detail) {
        events.save(new AuditEventEntity(clock.instant().truncatedTo(ChronoUnit.MICROS), actor, workspaceId, subject,
                cut(subjectName, 200), action.name(), cut(detail, 2000)));
    }

    /** A workspace's events, newest first. */
    @Transactional(readOnly = true)
    public List<Event> ofWorkspace(long workspaceId) {
        return events.findByWorkspaceIdOrderByIdDesc(workspaceId).stream().map(AuditLog::event).toList();
    }

    /** The events about one thing (an account: subject "account", its username), newest first. */
    @Transactional(readOnly = true)
    public List<Event> about(String subject, String subjectName) {
        return events.findBySubjectAndSubjectNameOrderByIdDesc(subject, subjectName).stream().map(AuditLog::event)
                .toList();
    }

    /** The latest events everywhere, newest first (for administrators). */
    @Transactional(readOnly = true)
    public List<Event> latest(int limit) {
        return events.findAllByOrderByIdDesc(PageRequest.of(0, Math.max(1, Math.min(limit, 1000)))).stream()
                .map(AuditLog::event).toList();
    }

    private static Event event(AuditEventEntity e) {
        return new Event(e.getId(), e.getAt(), e.getActor(), e.getWorkspaceId(), e.getSubject(), e.getSubjectName(),
                History.ChangeType.valueOf(e.getAction()), e.getDetail());
    }

    private static String cut(String s, int max) {
        String t = s == null ? "" : s;
        return t.length() <= max ? t : t.substring(0, max - 1) + "…";
    }
}
