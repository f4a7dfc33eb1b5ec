package org.gatewaypower.baseline.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface BaselineRepository extends JpaRepository<BaselineEntity, Long> {

    List<BaselineEntity> findByWorkspaceIdOrderByCreatedAtAscIdAsc(long workspaceId);

    boolean existsByWorkspaceIdAndName(long workspaceId, String name);
}
