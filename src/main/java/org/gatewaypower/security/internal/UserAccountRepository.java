package org.gatewaypower.security.internal;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface UserAccountRepository extends JpaRepository<UserAccountEntity, Long> {

    Optional<UserAccountEntity> findByUsername(String username);

    Optional<UserAccountEntity> findBySsoIssuerAndSsoSubject(String ssoIssuer, String ssoSubject);
}
