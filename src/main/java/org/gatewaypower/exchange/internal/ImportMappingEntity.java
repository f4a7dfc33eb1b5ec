package org.gatewaypower.exchange.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "import_mapping")
public class ImportMappingEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 64)
    private String username;

    @Column(name = "element_id", nullable = false)
    private long elementId;

    @Column(nullable = false, length = 8000)
    private String mapping;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected ImportMappingEntity() {
    }

    public ImportMappingEntity(String username, long elementId) {
        this.username = username;
        this.elementId = elementId;
    }

    public String getMapping() {
        return mapping;
    }

    public void setMapping(String mapping, Instant at) {
        this.mapping = mapping;
        this.updatedAt = at;
    }
}
