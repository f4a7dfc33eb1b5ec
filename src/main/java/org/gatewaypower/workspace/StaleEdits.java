package org.gatewaypower.workspace;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.gatewaypower.workspace.internal.AuditedEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Explains an edit that lost a race at flush time exactly: who saved first, when and at which version.
 * The losing transaction can only roll back, so the winner is read in a transaction of its own.
 */
@Component
class StaleEdits {

    @PersistenceContext
    private EntityManager entityManager;

    /**
     * The exception to throw for a refused write of {@code type} {@code id}: a {@link StaleEditException}
     * naming the current version and its author, or a {@link NotFoundException} when it was removed.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW, readOnly = true)
    public RuntimeException refused(String kind, Class<? extends AuditedEntity> type, long id, long expectedVersion) {
        AuditedEntity current = entityManager.find(type, id);
        if (current == null) {
            return new NotFoundException(kind, id);
        }
        return new StaleEditException(kind, id, expectedVersion, current.getVersion(), current.getUpdatedBy(),
                current.getUpdatedAt());
    }
}
