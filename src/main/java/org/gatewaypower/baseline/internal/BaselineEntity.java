package org.gatewaypower.baseline.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A frozen baseline; written once and never changed (no setters, no version). */
@Entity
@Table(name = "baseline")
public class BaselineEntity {

    /** Longest JSON text a column holds (characters). */
    public static final int MAX_JSON = 1_000_000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "workspace_id", nullable = false)
    private long workspaceId;

    @Column(nullable = false, length = 120)
    private String name;

    @Column(nullable = false, length = 2000)
    private String description;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy;

    @Column(name = "inputs_json", nullable = false, length = MAX_JSON)
    private String inputsJson;

    @Column(name = "results_json", nullable = false, length = MAX_JSON)
    private String resultsJson;

    protected BaselineEntity() {
    }

    public BaselineEntity(long workspaceId, String name, String description, Instant createdAt, String createdBy,
                          String inputsJson, String resultsJson) {
        this.workspaceId = workspaceId;
        this.name = name;
        this.description = description;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
        this.inputsJson = inputsJson;
        this.resultsJson = resultsJson;
    }

    public Long getId() {
        return id;
    }

    public long getWorkspaceId() {
        return workspaceId;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public String getInputsJson() {
        return inputsJson;
    }

    public String getResultsJson() {
        return resultsJson;
    }
}
