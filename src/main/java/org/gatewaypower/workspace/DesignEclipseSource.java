package org.gatewaypower.workspace;

/**
 * Where the design case's eclipse duration comes from. Every source but {@link #HAND} follows the orbit: the
 * eclipse catalogue of the mission span (beginning of life to mission end, at the design case's perilune
 * epoch) is searched when the balance runs, so a change of dates or phase moves the design eclipse with it.
 */
public enum DesignEclipseSource {
    /** The duration typed in the design case. */
    HAND("Typed by hand"),
    /** The longest complete Moon-shadow pass of the mission span. */
    WORST_MOON("Longest Moon pass of the mission"),
    /** The longest complete Earth-shadow pass of the mission span. */
    WORST_EARTH("Longest Earth pass of the mission"),
    /** The longest complete pass of either body over the mission span. */
    WORST_SPAN("Longest pass of the mission"),
    /** A pass picked on the Eclipses page; its duration is stored with the design case. */
    PICKED("Pass picked on the Eclipses page");

    private final String label;

    DesignEclipseSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
