package org.gatewaypower.workspace.internal;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface BatteryRepository extends JpaRepository<BatteryEntity, Long> {

    List<BatteryEntity> findByElementIdInOrderByIdAsc(Collection<Long> elementIds);
}
