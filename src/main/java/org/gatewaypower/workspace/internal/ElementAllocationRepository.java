package org.gatewaypower.workspace.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ElementAllocationRepository extends JpaRepository<ElementAllocationEntity, Long> {

    List<ElementAllocationEntity> findByElementIdInOrderByElementIdAscModeIdAsc(Collection<Long> elementIds);

    Optional<ElementAllocationEntity> findByElementIdAndModeId(long elementId, long modeId);

    List<ElementAllocationEntity> findByModeId(long modeId);

    /**
     * Locks the element row until the transaction ends, so that two first allocations of one element and mode
     * run one after the other and the second sees the first (instead of failing on the unique key).
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select e from ElementEntity e where e.id = :id")
    Optional<ElementEntity> lockElement(@Param("id") long elementId);
}
