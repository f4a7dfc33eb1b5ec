package org.gatewaypower.exchange;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.gatewaypower.baseline.Baselines;
import org.gatewaypower.workspace.Operations;
import org.gatewaypower.workspace.ReadModels;
import org.gatewaypower.workspace.WorkspaceRole;

/**
 * A whole workspace as versioned JSON: the backup and exchange format. Inputs are the read models the
 * services hand out (SI units, ids of the exporting installation, used only to link things inside
 * the archive); baselines keep their frozen inputs and results. An importer reads only the
 * {@link #FORMAT} it knows, at a {@link #VERSION} it knows.
 *
 * @param format      always {@value #FORMAT}
 * @param version     the archive format version ({@value #VERSION})
 * @param exportedAt  when it was written (UTC)
 * @param exportedBy  who wrote it
 * @param workspace   everything in the workspace: elements, modes, loads, batteries, arrays, analysis case
 * @param phases      the operations timeline
 * @param members     who belonged to it, by username, with their roles
 * @param baselines   its baselines, frozen
 */
public record WorkspaceArchive(String format, Integer version, Instant exportedAt, String exportedBy,
                               ReadModels.WorkspaceSnapshot workspace, List<Operations.OperationPhase> phases,
                               List<Member> members, List<Baseline> baselines) {

    public static final String FORMAT = "gateway-power-workspace";
    public static final int VERSION = 1;

    /** A member and role. */
    public record Member(String username, WorkspaceRole role) {
    }

    /** A frozen baseline. */
    public record Baseline(String name, String description, Instant createdAt, String createdBy,
                           Baselines.Inputs inputs, Baselines.Results results) {
    }

    /** What an import created: the new workspace, and anything it could not bring over. */
    public record Imported(long workspaceId, String name, List<String> notes) {
    }

    /** Ids of the archive → ids in the new workspace, by kind. */
    record IdMap(Map<Long, Long> modes, Map<Long, Long> elements, Map<Long, Long> loads, Map<Long, Long> batteries,
                 Map<Long, Long> arrays, Map<Long, Long> phases, Map<Long, Long> converters,
                 Map<Long, Long> ports) {
    }
}
