package org.gatewaypower.workspace.internal;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface PartnerTeamRepository extends JpaRepository<PartnerTeamEntity, Long> {

    Optional<PartnerTeamEntity> findByCode(String code);
}
