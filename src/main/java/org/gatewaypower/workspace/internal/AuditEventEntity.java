package org.gatewaypower.workspace.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One audited event outside the field-level trail (see V13). Written once, never changed. */
@Entity
@Table(name = "audit_event")
public class AuditEventEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private Instant at;

    @Column(nullable = false, length = 64)
    private String actor;

    @Column(name = "workspace_id")
    private Long workspaceId;

    @Column(nullable = false, length = 40)
    private String subject;

    @Column(name = "subject_name", nullable = false, length = 200)
    private String subjectName;

    @Column(nullable = false, length = 20)
    private String action;

    @Column(nullable = false, length = 2000)
    private String detail;

    protected AuditEventEntity() {
    }

    public AuditEventEntity(Instant at, String actor, Long workspaceId, String subject, String subjectName,
                            String action, String detail) {
        this.at = at;
        this.actor = actor;
        this.workspaceId = workspaceId;
        this.subject = subject;
        this.subjectName = subjectName;
        this.action = action;
        this.detail = detail;
    }

    public Long getId() {
        return id;
    }

    public Instant getAt() {
        return at;
    }

    public String getActor() {
        return actor;
    }

    public Long getWorkspaceId() {
        return workspaceId;
    }

    public String getSubject() {
        return subject;
    }

    public String getSubjectName() {
        return subjectName;
    }

    public String getAction() {
        return action;
    }

    public String getDetail() {
        return detail;
    }
}
