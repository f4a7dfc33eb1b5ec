package org.gatewaypower.workspace.internal;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface OperationPhaseRepository extends JpaRepository<OperationPhaseEntity, Long> {

    List<OperationPhaseEntity> findByWorkspaceIdOrderByStartAtAscIdAsc(long workspaceId);

    @Query("select count(w) > 0 from WorkspaceEntity w where w.id = :id")
    boolean workspaceExists(@Param("id") long workspaceId);

    /**
     * Locks the workspace row until the transaction ends, so that edits of one workspace's timeline
     * run one after the other and the no-overlap check sees every committed phase (two concurrent
     * inserts would otherwise each pass the check against the phases they can see).
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select w from WorkspaceEntity w where w.id = :id")
    Optional<WorkspaceEntity> lockWorkspace(@Param("id") long workspaceId);

    boolean existsByModeId(long modeId);
}
