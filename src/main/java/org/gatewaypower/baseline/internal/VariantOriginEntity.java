package org.gatewaypower.baseline.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One copied item of a variant and the parent's item it was copied from. */
@Entity
@Table(name = "variant_origin")
public class VariantOriginEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "variant_workspace_id", nullable = false)
    private long variantWorkspaceId;

    @Column(nullable = false, length = 32)
    private String kind;

    @Column(name = "variant_entity_id", nullable = false)
    private long variantEntityId;

    @Column(name = "origin_entity_id", nullable = false)
    private long originEntityId;

    protected VariantOriginEntity() {
    }

    public VariantOriginEntity(long variantWorkspaceId, String kind, long variantEntityId, long originEntityId) {
        this.variantWorkspaceId = variantWorkspaceId;
        this.kind = kind;
        this.variantEntityId = variantEntityId;
        this.originEntityId = originEntityId;
    }

    public long getVariantWorkspaceId() {
        return variantWorkspaceId;
    }

    public String getKind() {
        return kind;
    }

    public long getVariantEntityId() {
        return variantEntityId;
    }

    public long getOriginEntityId() {
        return originEntityId;
    }
}
