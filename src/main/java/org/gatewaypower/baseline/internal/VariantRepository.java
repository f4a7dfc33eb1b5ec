package org.gatewaypower.baseline.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface VariantRepository extends JpaRepository<VariantEntity, Long> {

    List<VariantEntity> findByParentWorkspaceIdOrderByCreatedAtAscVariantWorkspaceIdAsc(long parentWorkspaceId);

    boolean existsByParentWorkspaceIdAndName(long parentWorkspaceId, String name);
}
