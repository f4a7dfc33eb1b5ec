package org.gatewaypower.workspace.internal;

import java.time.Clock;

import org.hibernate.envers.RevisionListener;

/**
 * Stamps each revision with the actor named through {@link AuditActor} and the application's clock
 * (Envers would take the system clock). Hibernate creates it through Spring, which injects the clock.
 */
public class ActorRevisionListener implements RevisionListener {

    private final Clock clock;

    public ActorRevisionListener(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void newRevision(Object revisionEntity) {
        ((RevisionEntity) revisionEntity).stamp(AuditActor.current(), clock.millis());
    }
}
