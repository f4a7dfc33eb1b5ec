package org.gatewaypower.workspace.internal;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface PortRepository extends JpaRepository<PortEntity, Long> {

    List<PortEntity> findByWorkspaceIdOrderByIdAsc(long workspaceId);

    List<PortEntity> findByFromElementIdOrToElementId(long fromElementId, long toElementId);

    /**
     * Locks the workspace row until the transaction ends, so that edits of one workspace's network run one after
     * the other and the tree check sees every committed port (two concurrent ports could otherwise close a loop
     * that neither sees alone).
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select w from WorkspaceEntity w where w.id = :id")
    Optional<WorkspaceEntity> lockWorkspace(@Param("id") long workspaceId);
}
