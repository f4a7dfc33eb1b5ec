package org.gatewaypower.workspace.internal;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Who is making the edit of the current transaction, for the audit trail: the services take the actor
 * as a parameter (not from a security context), so each edit names it here before it writes. The name
 * is forgotten when the transaction completes, so a pooled thread never lends it to a later edit.
 */
public final class AuditActor {

    /** Recorded for a change whose actor nobody named (set-up code, migrations). */
    public static final String UNKNOWN = "system";

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private AuditActor() {
    }

    /** Names the actor of the current transaction's changes; a no-op outside a transaction. */
    public static void set(String actor) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        CURRENT.set(actor);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                CURRENT.remove();
            }
        });
    }

    /** The named actor, or {@value #UNKNOWN}. */
    static String current() {
        String actor = CURRENT.get();
        return actor == null || actor.isBlank() ? UNKNOWN : actor;
    }
}
