package org.gatewaypower.physics.orbit;

/** The project's corrected 9:2 NRHO, built once per test JVM (a correction costs ~25 ms). */
final class NineToTwoNrho {

    /** Apolune seed of docs/domain/orbit.md §2 (nondimensional, t*). */
    static final double X0 = 1.0220282135;
    static final double Z0 = -0.1821014013;
    static final double VY0 = -0.1032709513;
    static final double PERIOD = 1.5111994347;

    static final PeriodicOrbit ORBIT = NrhoCorrector.correct(Cr3bp.earthMoon(), X0, Z0, VY0, PERIOD);

    private NineToTwoNrho() {
    }
}
