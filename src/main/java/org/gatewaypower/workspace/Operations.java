package org.gatewaypower.workspace;

import java.time.Duration;
import java.time.Instant;

/**
 * Read model and draft of the operations timeline: dated phases that set the active operating mode.
 * A phase covers the half-open interval [start, end), so one phase may end exactly when the next
 * begins.
 */
public final class Operations {

    private Operations() {
    }

    /** A saved phase; {@code modeName} is the name of {@code modeId} at the time of reading. */
    public record OperationPhase(long id, String name, PhaseKind kind, long modeId, String modeName, Instant start,
                                 Instant end, long version, Instant updatedAt, String updatedBy) {

        public Duration duration() {
            return Duration.between(start, end);
        }
    }

    /** What a user submits for a phase; any field may be null when it was left empty. */
    public record OperationPhaseDraft(String name, PhaseKind kind, Long modeId, Instant start, Instant end) {
    }
}
