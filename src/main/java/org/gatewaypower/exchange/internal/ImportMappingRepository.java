package org.gatewaypower.exchange.internal;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ImportMappingRepository extends JpaRepository<ImportMappingEntity, Long> {

    Optional<ImportMappingEntity> findByUsernameAndElementId(String username, long elementId);
}
