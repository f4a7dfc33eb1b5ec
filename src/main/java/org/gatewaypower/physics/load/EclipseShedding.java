package org.gatewaypower.physics.load;

/**
 * Which loads the station switches off when it enters an eclipse (penumbra entry) and back on at the
 * eclipse's exit (penumbra exit), by plan rather than because the battery reached its floor. The floor
 * rule (deferrable first, then essential; critical never) still applies on top.
 */
public enum EclipseShedding {
    /** Nothing is switched off at eclipse entry; only the floor rule sheds. */
    NONE("None: shed only at the battery floor"),
    /** Deferrable loads are off in eclipse. */
    DEFERRABLE("Deferrable loads off in eclipse"),
    /** Deferrable and essential loads are off in eclipse; critical loads stay on. */
    DEFERRABLE_AND_ESSENTIAL("Deferrable and essential loads off in eclipse");

    private final String label;

    EclipseShedding(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** True when loads of {@code priority} are switched off in eclipse under this policy. */
    public boolean shedsInEclipse(LoadPriority priority) {
        return switch (priority) {
            case CRITICAL -> false;
            case ESSENTIAL -> this == DEFERRABLE_AND_ESSENTIAL;
            case DEFERRABLE -> this != NONE;
        };
    }
}
