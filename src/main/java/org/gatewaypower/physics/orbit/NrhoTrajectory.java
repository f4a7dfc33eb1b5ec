package org.gatewaypower.physics.orbit;

import java.util.Objects;

import org.gatewaypower.physics.ephemeris.CelestialEphemeris;
import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.hipparchus.util.FastMath;

/**
 * The station's trajectory in real time and space: a periodic CR3BP orbit placed with a Moon
 * ephemeris in the "pulsating" rotating frame of docs/domain/orbit.md §2.
 *
 * <p>Placement at time t (s of TT since J2000.0), with the Moon's geocentric position r_M and
 * velocity v_M (EME2000): x̂ = r_M/|r_M|, ẑ = (r_M × v_M)/|r_M × v_M|, ŷ = ẑ × x̂, and
 * <pre>  station = r_M + |r_M|·[(x − (1 − μ))·x̂ + y·ŷ + z·ẑ]</pre>
 * where (x, y, z) is the CR3BP position at the orbit phase τ(t). The frame is centred on the Moon
 * and scaled by the actual Earth–Moon distance rather than l*, so the orbit breathes with the
 * Moon's eccentricity and follows the real (inclined, precessing) lunar orbit plane.
 *
 * <p>Time mapping: the real period is P = T·t* (s); the phase is fixed by the epoch of one
 * perilune passage t_p: τ(t) = τ_perilune + (t − t_p)/t* (mod T), i.e. one t* of CR3BP time is t*
 * seconds of TT.
 *
 * <p>Assumptions, stated once: the real NRHO is only quasi-periodic in the full ephemeris model and
 * is held near the reference by small phase-control burns about once per revolution; this
 * placement of the periodic CR3BP solution is the standard early-design approximation. Solar
 * gravity, the Moon's eccentricity (beyond the breathing scale) and the control burns are not
 * modelled, so positions differ from an ephemeris-corrected reference trajectory (NASA's, Lee 2019)
 * by an amount this class does not estimate; perilune timing is exact by construction. Only
 * positions are provided: eclipse geometry needs none of the station's velocity. Thread-safe if
 * the ephemeris is.
 */
public final class NrhoTrajectory {

    private final PeriodicOrbit orbit;
    private final double lStarM;
    private final double tStarS;
    private final CelestialEphemeris moon;
    private final double periluneTt;
    private final double periodS;

    /**
     * @param orbit      the periodic CR3BP orbit (apolune at τ = 0)
     * @param lStarM     the CR3BP length unit l* used to build {@code orbit} (m, &gt; 0); it scales only
     *                   the nominal radii, as the placement uses the actual |r_M|
     * @param tStarS     the CR3BP time unit t* (s, &gt; 0)
     * @param moon       geocentric Moon ephemeris (EME2000, m, m/s)
     * @param periluneTt epoch of one perilune passage (s of TT since J2000.0)
     */
    public NrhoTrajectory(PeriodicOrbit orbit, double lStarM, double tStarS, CelestialEphemeris moon,
            double periluneTt) {
        this.orbit = Objects.requireNonNull(orbit, "orbit");
        this.moon = Objects.requireNonNull(moon, "moon");
        if (!(lStarM > 0) || Double.isInfinite(lStarM)) {
            throw new IllegalArgumentException("lStarM must be a finite number > 0, was " + lStarM);
        }
        if (!(tStarS > 0) || Double.isInfinite(tStarS)) {
            throw new IllegalArgumentException("tStarS must be a finite number > 0, was " + tStarS);
        }
        if (!Double.isFinite(periluneTt)) {
            throw new IllegalArgumentException("periluneTt must be finite, was " + periluneTt);
        }
        this.lStarM = lStarM;
        this.tStarS = tStarS;
        this.periluneTt = periluneTt;
        this.periodS = orbit.periodNd() * tStarS;
    }

    /**
     * The project's 9:2 NRHO (docs/domain/orbit.md §2 constants) placed with {@code moon}.
     *
     * @param orbit      the corrected 9:2 NRHO in the Earth–Moon CR3BP of docs/domain/orbit.md §2
     * @param moon       geocentric Moon ephemeris (EME2000, m, m/s)
     * @param periluneTt epoch of one perilune passage (s of TT since J2000.0)
     */
    public static NrhoTrajectory earthMoon(PeriodicOrbit orbit, CelestialEphemeris moon, double periluneTt) {
        return new NrhoTrajectory(orbit, Cr3bp.EARTH_MOON_L_STAR_M, Cr3bp.EARTH_MOON_T_STAR_S, moon, periluneTt);
    }

    /** The periodic CR3BP orbit. */
    public PeriodicOrbit orbit() {
        return orbit;
    }

    /** Length unit l* (m). */
    public double lStarM() {
        return lStarM;
    }

    /** Time unit t* (s). */
    public double tStarS() {
        return tStarS;
    }

    /** The Moon ephemeris used for the placement. */
    public CelestialEphemeris moon() {
        return moon;
    }

    /** Epoch of the reference perilune passage (s of TT since J2000.0). */
    public double periluneTt() {
        return periluneTt;
    }

    /** Orbit period P = T·t* (s). */
    public double periodS() {
        return periodS;
    }

    /** Nominal perilune radius from the Moon's centre, scaled by l* (m). */
    public double periluneRadiusM() {
        return orbit.periluneRadiusNd() * lStarM;
    }

    /** Nominal apolune radius from the Moon's centre, scaled by l* (m). */
    public double apoluneRadiusM() {
        return orbit.apoluneRadiusNd() * lStarM;
    }

    /**
     * Orbit phase at a time: time since apolune (t*, in [0, T)).
     *
     * @param tt s of TT since J2000.0
     */
    public double phaseNd(double tt) {
        // Reduce in seconds first, so that decades from the reference epoch lose no precision.
        double sincePerilune = tt - periluneTt;
        double reduced = sincePerilune - periodS * FastMath.floor(sincePerilune / periodS);
        return orbit.reducePhase(orbit.perilunePhaseNd() + reduced / tStarS);
    }

    /**
     * Station position in the CR3BP rotating frame (nondimensional, barycentric, l*).
     *
     * @param tt s of TT since J2000.0
     */
    public Vector3D stationRotatingNd(double tt) {
        return orbit.positionNd(phaseNd(tt));
    }

    /**
     * Station position relative to the Moon's centre, EME2000 axes (m).
     *
     * @param tt s of TT since J2000.0
     */
    public Vector3D stationRelativeToMoon(double tt) {
        return relativeToMoon(tt, moon.position(tt), moon.velocity(tt));
    }

    /**
     * Station geocentric position, EME2000 axes (m).
     *
     * @param tt s of TT since J2000.0
     */
    public Vector3D stationGeocentric(double tt) {
        Vector3D moonPosition = moon.position(tt);
        return moonPosition.add(relativeToMoon(tt, moonPosition, moon.velocity(tt)));
    }

    /**
     * The first perilune passage at or after {@code tt}.
     *
     * @param tt s of TT since J2000.0
     * @return s of TT since J2000.0
     */
    public double nextPerilune(double tt) {
        double revolutions = FastMath.ceil((tt - periluneTt) / periodS);
        double next = periluneTt + revolutions * periodS;
        // Guard the rounding of the division at an exact passage.
        return next < tt ? next + periodS : next;
    }

    /**
     * All perilune passages in [{@code fromTt}, {@code toTt}].
     *
     * @param fromTt s of TT since J2000.0
     * @param toTt   s of TT since J2000.0
     * @return the passages in increasing order (s of TT since J2000.0), possibly empty
     */
    public double[] perilunesBetween(double fromTt, double toTt) {
        if (!(toTt >= fromTt)) {
            return new double[0];
        }
        double first = nextPerilune(fromTt);
        int count = first > toTt ? 0 : 1 + (int) FastMath.floor((toTt - first) / periodS);
        double[] passages = new double[count];
        for (int i = 0; i < count; i++) {
            passages[i] = first + i * periodS;
        }
        return passages;
    }

    private Vector3D relativeToMoon(double tt, Vector3D moonPosition, Vector3D moonVelocity) {
        double moonDistanceM = moonPosition.getNorm();
        Vector3D xHat = moonPosition.scalarMultiply(1.0 / moonDistanceM);
        Vector3D zHat = Vector3D.crossProduct(moonPosition, moonVelocity).normalize();
        Vector3D yHat = Vector3D.crossProduct(zHat, xHat);
        Vector3D rotating = stationRotatingNd(tt);
        return new Vector3D(
                moonDistanceM * (rotating.getX() - orbit.model().moonXNd()), xHat,
                moonDistanceM * rotating.getY(), yHat,
                moonDistanceM * rotating.getZ(), zHat);
    }
}
