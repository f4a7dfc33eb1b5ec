package org.gatewaypower.workspace.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

/** Id, optimistic-locking version and last-change stamp shared by every entity users edit. */
@MappedSuperclass
public abstract class AuditedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false, length = 64)
    private String updatedBy;

    public Long getId() {
        return id;
    }

    public long getVersion() {
        return version;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    /** Records who changed the entity and when. */
    public void touch(String actor, Instant at) {
        this.updatedBy = actor;
        this.updatedAt = at;
    }

    /** Relative difference below which two stored numbers are the same value (dimensionless). */
    public static final double SAME_RELATIVE = 1e-12;

    /**
     * True when two numbers are the same value within {@link #SAME_RELATIVE} of the larger magnitude:
     * 0.95 and 0.9500000000000001 (a value shown in % and converted back) are not a change.
     */
    public static boolean same(double a, double b) {
        return a == b || Math.abs(a - b) <= SAME_RELATIVE * Math.max(Math.abs(a), Math.abs(b));
    }

    /** The value to store: the stored one when {@code given} is the {@link #same} value, else {@code given}. */
    protected static double settled(double stored, double given) {
        return same(stored, given) ? stored : given;
    }

    /** {@link #settled(double, double)} for every entry of a map of numbers by key. */
    protected static <K> java.util.Map<K, Double> settled(java.util.Map<K, Double> stored,
                                                          java.util.Map<K, Double> given) {
        java.util.Map<K, Double> out = new java.util.HashMap<>();
        given.forEach((k, v) -> {
            Double old = stored.get(k);
            out.put(k, old != null && v != null && same(old, v) ? old : v);
        });
        return out;
    }
}
