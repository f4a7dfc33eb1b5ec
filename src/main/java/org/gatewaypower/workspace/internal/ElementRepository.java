package org.gatewaypower.workspace.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ElementRepository extends JpaRepository<ElementEntity, Long> {

    List<ElementEntity> findByWorkspaceIdOrderByIdAsc(long workspaceId);

    long countByWorkspaceId(long workspaceId);
}
