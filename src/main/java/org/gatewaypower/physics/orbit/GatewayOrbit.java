package org.gatewaypower.physics.orbit;

/**
 * The Gateway's 9:2 L2 southern NRHO in the Earth–Moon CR3BP, corrected once per JVM from the
 * apolune state of docs/domain/orbit.md (§2, matching Zimovan-Spreen et al. 2020): x0 held, z0 and
 * ẏ0 corrected so that the orbit closes; its period times t* is 2/9 of a synodic month (6.5624 d).
 */
public final class GatewayOrbit {

    /** Apolune seed x0 (nondimensional). */
    public static final double X0_ND = 1.0220282135;
    /** Apolune seed z0 (nondimensional). */
    public static final double Z0_ND = -0.1821014013;
    /** Apolune seed ẏ0 (nondimensional). */
    public static final double VY0_ND = -0.1032709513;
    /** Period guess (nondimensional). */
    public static final double PERIOD_ND = 1.5111994347;

    private GatewayOrbit() {
    }

    /** The corrected 9:2 NRHO (computed on first use, ~25 ms, then shared: it is immutable). */
    public static PeriodicOrbit nineToTwo() {
        return Holder.ORBIT;
    }

    private static final class Holder {
        static final PeriodicOrbit ORBIT = NrhoCorrector.correct(Cr3bp.earthMoon(), X0_ND, Z0_ND, VY0_ND, PERIOD_ND);
    }
}
