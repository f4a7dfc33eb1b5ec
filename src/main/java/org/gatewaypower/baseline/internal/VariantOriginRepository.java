package org.gatewaypower.baseline.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface VariantOriginRepository extends JpaRepository<VariantOriginEntity, Long> {

    List<VariantOriginEntity> findByVariantWorkspaceId(long variantWorkspaceId);
}
