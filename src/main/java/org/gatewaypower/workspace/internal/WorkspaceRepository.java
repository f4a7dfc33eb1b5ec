package org.gatewaypower.workspace.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface WorkspaceRepository extends JpaRepository<WorkspaceEntity, Long> {

    List<WorkspaceEntity> findAllByOrderByNameAsc();

    Optional<WorkspaceEntity> findByName(String name);
}
