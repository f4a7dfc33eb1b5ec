package org.gatewaypower.workspace.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface WorkspaceMemberRepository extends JpaRepository<WorkspaceMemberEntity, Long> {

    Optional<WorkspaceMemberEntity> findByWorkspaceIdAndUsername(long workspaceId, String username);

    List<WorkspaceMemberEntity> findByWorkspaceIdOrderByUsernameAsc(long workspaceId);

    List<WorkspaceMemberEntity> findByUsername(String username);
}
