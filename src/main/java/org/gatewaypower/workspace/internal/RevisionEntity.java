package org.gatewaypower.workspace.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.envers.RevisionNumber;
import org.hibernate.envers.RevisionTimestamp;

/** One audited transaction: its number, when (from the application clock, ms since the epoch) and who. */
@Entity
@Table(name = "revinfo")
@org.hibernate.envers.RevisionEntity(ActorRevisionListener.class)
public class RevisionEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @RevisionNumber
    @Column(name = "rev")
    private long id;

    @RevisionTimestamp
    @Column(name = "revtstmp", nullable = false)
    private long timestamp;

    @Column(name = "username", nullable = false, length = 64)
    private String username;

    public long getId() {
        return id;
    }

    public long getTimestamp() {
        return timestamp;
    }

    public String getUsername() {
        return username;
    }

    void stamp(String actor, long epochMillis) {
        this.username = actor;
        this.timestamp = epochMillis;
    }
}
