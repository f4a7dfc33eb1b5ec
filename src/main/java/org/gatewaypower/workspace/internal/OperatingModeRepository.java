package org.gatewaypower.workspace.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface OperatingModeRepository extends JpaRepository<OperatingModeEntity, Long> {

    List<OperatingModeEntity> findByWorkspaceIdOrderBySortOrderAscIdAsc(long workspaceId);
}
