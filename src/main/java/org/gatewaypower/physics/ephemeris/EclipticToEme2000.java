package org.gatewaypower.physics.ephemeris;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.hipparchus.util.FastMath;

/**
 * Frame rotations shared by the Meeus series: mean ecliptic and equinox of date → mean equator and
 * equinox of date → mean equator and equinox of J2000.0 (EME2000).
 *
 * <p>Step 1 rotates about the equinox direction by the mean obliquity of date ε₀ (IAU 1980, Meeus 22.2).
 * Step 2 is rigorous precession with the IAU 1976 angles ζ, z, θ from J2000.0 to the date (Meeus 21.3
 * with the starting epoch J2000.0), applied as the inverse (transposed) rotation. Nutation is not
 * applied: the input is referred to the mean equinox, as Meeus's λ, β and ☉ are. Accuracy of the
 * rotations: the IAU 1976 angles differ from the IAU 2006 model by well under 0.1″ for a few decades
 * around 2000, and the frame bias between EME2000 and the ICRF (≈ 0.02″) is ignored; both are far
 * below the accuracy of the Meeus series themselves.
 *
 * <p>Arguments named {@code t} are Julian centuries of TT since J2000.0 (cy).
 */
final class EclipticToEme2000 {

    /** One arcsecond (rad). */
    static final double ARCSEC_RAD = FastMath.PI / (180.0 * 3600.0);

    /** One Julian century of TT (s). */
    static final double SECONDS_PER_CENTURY = 86400.0 * 36525.0;

    private EclipticToEme2000() {
    }

    /** Julian centuries of TT since J2000.0 (cy) at {@code ttSeconds} (s of TT since J2000.0). */
    static double centuries(double ttSeconds) {
        return ttSeconds / SECONDS_PER_CENTURY;
    }

    /** Mean obliquity of the ecliptic of date ε₀ (rad), IAU 1980 (Meeus 22.2); {@code t} in cy. */
    static double meanObliquityRad(double t) {
        return (84381.448 + t * (-46.8150 + t * (-0.00059 + t * 0.001813))) * ARCSEC_RAD;
    }

    /** Position (same unit as the input) in the mean equator and equinox of date, from ecliptic of date. */
    static Vector3D eclipticToEquatorialOfDate(double t, double x, double y, double z) {
        double eps = meanObliquityRad(t);
        double ce = FastMath.cos(eps);
        double se = FastMath.sin(eps);
        return new Vector3D(x, ce * y - se * z, se * y + ce * z);
    }

    /** Position (same unit as the input) in EME2000 axes, from the ecliptic and equinox of date. */
    static Vector3D eclipticOfDateToEme2000(double t, double x, double y, double z) {
        double eps = meanObliquityRad(t);
        double ce = FastMath.cos(eps);
        double se = FastMath.sin(eps);
        return equatorialOfDateToEme2000(t, x, ce * y - se * z, se * y + ce * z);
    }

    /**
     * Position (same unit as the input) in EME2000 axes, from the mean equator and equinox of date.
     * With P = R3(−z)·R2(θ)·R3(−ζ) the precession from J2000.0 to the date, this returns Pᵀ·r.
     */
    static Vector3D equatorialOfDateToEme2000(double t, double x, double y, double z) {
        double zeta = t * (2306.2181 + t * (0.30188 + t * 0.017998)) * ARCSEC_RAD;
        double zA = t * (2306.2181 + t * (1.09468 + t * 0.018203)) * ARCSEC_RAD;
        double theta = t * (2004.3109 + t * (-0.42665 - t * 0.041833)) * ARCSEC_RAD;
        double cZeta = FastMath.cos(zeta);
        double sZeta = FastMath.sin(zeta);
        double cZ = FastMath.cos(zA);
        double sZ = FastMath.sin(zA);
        double cTheta = FastMath.cos(theta);
        double sTheta = FastMath.sin(theta);

        double p11 = cZeta * cTheta * cZ - sZeta * sZ;
        double p12 = -sZeta * cTheta * cZ - cZeta * sZ;
        double p13 = -sTheta * cZ;
        double p21 = cZeta * cTheta * sZ + sZeta * cZ;
        double p22 = -sZeta * cTheta * sZ + cZeta * cZ;
        double p23 = -sTheta * sZ;
        double p31 = cZeta * sTheta;
        double p32 = -sZeta * sTheta;
        double p33 = cTheta;

        return new Vector3D(
                p11 * x + p21 * y + p31 * z,
                p12 * x + p22 * y + p32 * z,
                p13 * x + p23 * y + p33 * z);
    }
}
