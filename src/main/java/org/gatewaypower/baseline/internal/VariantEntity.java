package org.gatewaypower.baseline.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A workspace forked from a parent workspace; keyed by the variant's workspace id. */
@Entity
@Table(name = "workspace_variant")
public class VariantEntity {

    @Id
    @Column(name = "variant_workspace_id")
    private Long variantWorkspaceId;

    @Column(name = "parent_workspace_id", nullable = false)
    private long parentWorkspaceId;

    @Column(nullable = false, length = 120)
    private String name;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy;

    protected VariantEntity() {
    }

    public VariantEntity(long variantWorkspaceId, long parentWorkspaceId, String name, Instant createdAt,
                         String createdBy) {
        this.variantWorkspaceId = variantWorkspaceId;
        this.parentWorkspaceId = parentWorkspaceId;
        this.name = name;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    public long getVariantWorkspaceId() {
        return variantWorkspaceId;
    }

    public long getParentWorkspaceId() {
        return parentWorkspaceId;
    }

    public String getName() {
        return name;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }
}
