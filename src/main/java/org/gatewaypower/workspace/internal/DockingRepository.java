package org.gatewaypower.workspace.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface DockingRepository extends JpaRepository<DockingEntity, Long> {

    List<DockingEntity> findByWorkspaceIdOrderByStartAtAscIdAsc(long workspaceId);

    List<DockingEntity> findByVehicleElementIdOrderByStartAtAscIdAsc(long vehicleElementId);
}
