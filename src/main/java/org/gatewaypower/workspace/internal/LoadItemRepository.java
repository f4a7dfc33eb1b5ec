package org.gatewaypower.workspace.internal;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface LoadItemRepository extends JpaRepository<LoadItemEntity, Long> {

    List<LoadItemEntity> findByElementIdInOrderByElementIdAscIdAsc(Collection<Long> elementIds);

    long countByElementIdIn(Collection<Long> elementIds);
}
