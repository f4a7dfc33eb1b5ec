package org.gatewaypower.workspace.internal;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface DesignCaseRepository extends JpaRepository<DesignCaseEntity, Long> {

    Optional<DesignCaseEntity> findByWorkspaceId(long workspaceId);
}
