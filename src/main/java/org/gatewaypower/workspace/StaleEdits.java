package org.gatewaypower.workspace;

import java.util.List;

import jakarta.persistence.Table;

import org.gatewaypower.workspace.internal.AuditedEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Explains an edit that lost a race at flush time exactly: who saved first, when and at which version.
 * The row is read with plain SQL on the losing transaction's own connection (a read-committed read
 * sees the winner's commit). A transaction of its own would need a second pooled connection while
 * the first is held, and many concurrent losers would then exhaust the pool.
 */
@Component
class StaleEdits {

    private final JdbcTemplate jdbc;

    StaleEdits(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The exception to throw for a refused write of {@code type} {@code id}: a {@link StaleEditException}
     * naming the current version and its author, or a {@link NotFoundException} when it was removed.
     */
    public RuntimeException refused(WorkspaceChanged.Kind kind, Class<? extends AuditedEntity> type, long id, long expectedVersion) {
        String table = type.getAnnotation(Table.class).name();
        List<StaleEditException> current = jdbc.query("select version, updated_by, updated_at from " + table
                        + " where id = ?",
                (rs, n) -> new StaleEditException(kind, id, expectedVersion, rs.getLong(1), rs.getString(2),
                        rs.getObject(3, java.time.OffsetDateTime.class).toInstant()), id);
        return current.isEmpty() ? new NotFoundException(kind.label(), id) : current.get(0);
    }
}
