package org.gatewaypower.physics.eclipse;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.hipparchus.util.FastMath;

/**
 * Dual-cone (umbra/penumbra) shadow model of Montenbruck &amp; Gill, Satellite Orbits §3.4: the Sun and
 * the occulter are discs of apparent radii {@code a} and {@code b} seen from the station, their
 * centres {@code c} apart; the lit fraction is the visible part of the solar disc (uniform disc, no
 * limb darkening, spherical bodies, no atmosphere, light-time neglected).
 *
 * <p>Switching functions follow the Orekit convention: negative inside the shadow region they
 * describe, positive outside, in radians of angular separation:
 * {@code penumbraSwitch = c − (a + b)} (negative while any of the Sun is hidden) and
 * {@code umbraSwitch = c − (b − a)} (negative while all of it is hidden; it never becomes negative
 * when the occulter looks smaller than the Sun, the annular case).
 */
public final class ShadowModel {

    private ShadowModel() {
    }

    /** Apparent radii and separation (rad) of the Sun and an occulter seen from the station. */
    public record Discs(double sunRadiusRad, double bodyRadiusRad, double separationRad) {

        /** Negative while the occulter covers part of the Sun (rad). */
        public double penumbraSwitch() {
            return separationRad - (sunRadiusRad + bodyRadiusRad);
        }

        /** Negative while the occulter covers all of the Sun (rad). */
        public double umbraSwitch() {
            return separationRad - (bodyRadiusRad - sunRadiusRad);
        }

        /** Visible fraction of the solar disc (dimensionless, [0, 1]). */
        public double litFraction() {
            double a = sunRadiusRad;
            double b = bodyRadiusRad;
            double c = separationRad;
            if (c >= a + b) {
                return 1.0;
            }
            if (c <= b - a) {
                return 0.0;
            }
            if (c <= a - b) {
                return 1.0 - (b * b) / (a * a);
            }
            double x = (c * c + a * a - b * b) / (2 * c);
            double y = FastMath.sqrt(FastMath.max(0.0, a * a - x * x));
            double area = a * a * FastMath.acos(clamp(x / a)) + b * b * FastMath.acos(clamp((c - x) / b)) - c * y;
            return FastMath.min(1.0, FastMath.max(0.0, 1.0 - area / (FastMath.PI * a * a)));
        }
    }

    /** The discs of the Sun and an occulter of radius {@code bodyRadiusM} (m) seen from the station (m). */
    public static Discs discs(Vector3D station, Vector3D sun, Vector3D body, double bodyRadiusM) {
        Vector3D toSun = sun.subtract(station);
        Vector3D toBody = body.subtract(station);
        double dSun = toSun.getNorm();
        double dBody = toBody.getNorm();
        double a = FastMath.asin(FastMath.min(1.0, Occulter.SUN_RADIUS_M / dSun));
        // Inside the body (not physical for a station) counts as fully hidden.
        double b = dBody <= bodyRadiusM ? FastMath.PI / 2 : FastMath.asin(bodyRadiusM / dBody);
        double c = Vector3D.angle(toSun, toBody);
        return new Discs(a, b, c);
    }

    /** Lit fraction by one occulter (dimensionless, [0, 1]). */
    public static double litFraction(Vector3D station, Vector3D sun, Vector3D body, double bodyRadiusM) {
        return discs(station, sun, body, bodyRadiusM).litFraction();
    }

    /**
     * Lit fraction with both the Earth and the Moon as occulters (dimensionless, [0, 1]). The hidden
     * parts are added as if they did not overlap, then clamped at 0: conservative when both occult at
     * once (a rare, brief case), and never the negative light of a plain product-free sum.
     */
    public static double combinedLitFraction(ShadowGeometry g, double tt) {
        Vector3D r = g.station(tt);
        Vector3D s = g.sun(tt);
        double hiddenEarth = 1.0 - litFraction(r, s, Vector3D.ZERO, Occulter.EARTH.radiusM());
        double hiddenMoon = 1.0 - litFraction(r, s, g.moon(tt), Occulter.MOON.radiusM());
        return FastMath.max(0.0, 1.0 - hiddenEarth - hiddenMoon);
    }

    private static double clamp(double v) {
        return FastMath.max(-1.0, FastMath.min(1.0, v));
    }
}
