package org.gatewaypower.workspace.internal;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface SolarArrayRepository extends JpaRepository<SolarArrayEntity, Long> {

    List<SolarArrayEntity> findByElementIdInOrderByIdAsc(Collection<Long> elementIds);
}
