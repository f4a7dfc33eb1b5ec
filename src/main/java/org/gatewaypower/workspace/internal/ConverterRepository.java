package org.gatewaypower.workspace.internal;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ConverterRepository extends JpaRepository<ConverterEntity, Long> {

    List<ConverterEntity> findByElementIdInOrderByIdAsc(Collection<Long> elementIds);
}
