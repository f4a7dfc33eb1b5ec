package org.gatewaypower.workspace.internal;

import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AuditEventRepository extends JpaRepository<AuditEventEntity, Long> {

    List<AuditEventEntity> findByWorkspaceIdOrderByIdDesc(Long workspaceId);

    List<AuditEventEntity> findBySubjectAndSubjectNameOrderByIdDesc(String subject, String subjectName);

    List<AuditEventEntity> findAllByOrderByIdDesc(Pageable page);
}
