package org.gatewaypower.physics.ephemeris;

import org.hipparchus.geometry.euclidean.threed.Vector3D;

/**
 * A fast stand-in for a slow ephemeris over a fixed span: the source's position and velocity are sampled
 * once at equally spaced nodes, and each call evaluates the cubic Hermite polynomial through the two
 * nodes around the requested time (position and velocity at both ends).
 *
 * <p>Why: the eclipse engine asks for the Moon and the Sun about a million times over 10–20 years; the
 * series is evaluated only once per node here. The velocity returned is the derivative of the same
 * Hermite polynomial, so position and velocity stay consistent with each other.
 *
 * <p>Accuracy: the position error of cubic Hermite interpolation is at most h⁴/384·max|r⁗| over a node
 * interval h (r⁗ ≈ r·ω⁴ plus perturbations). Measured against the sources over 2027 at 20,000 random
 * times: the Moon with 6-hour nodes within 20 m and 3e-3 m/s, the Sun with 1-day nodes within 40 m and
 * 1.4e-3 m/s. This adds to the error of the source and is far below that of the Meeus series (~20 km
 * for the Moon, ~30,000 km for the Sun). The node step is shortened, if needed, so that the nodes fall exactly on both ends
 * of the span.
 *
 * <p>Memory: six doubles per node (48 bytes), e.g. 1.4 MB for 20 years at 6-hour nodes. Immutable and
 * thread-safe.
 */
public final class InterpolatedEphemeris implements CelestialEphemeris {

    private final double startTt;
    private final double endTt;
    private final double stepS;
    private final int intervals;
    /** Per node i: x, y, z (m) at 6i … 6i+2 and vx, vy, vz (m/s) at 6i+3 … 6i+5. */
    private final double[] nodes;

    private InterpolatedEphemeris(CelestialEphemeris source, double startTt, double endTt, double nodeStepS) {
        if (source == null) {
            throw new IllegalArgumentException("an interpolated ephemeris needs a source ephemeris");
        }
        if (!(Double.isFinite(startTt) && Double.isFinite(endTt) && endTt > startTt)) {
            throw new IllegalArgumentException("span needs finite startTt < endTt (s of TT), got ["
                    + startTt + ", " + endTt + "]");
        }
        if (!(nodeStepS > 0 && Double.isFinite(nodeStepS))) {
            throw new IllegalArgumentException("nodeStepS must be > 0 s, got " + nodeStepS);
        }
        this.startTt = startTt;
        this.endTt = endTt;
        double count = Math.ceil((endTt - startTt) / nodeStepS);
        if (count > (Integer.MAX_VALUE / 6.0) - 1) {
            throw new IllegalArgumentException("too many nodes: " + count);
        }
        this.intervals = (int) count;
        this.stepS = (endTt - startTt) / intervals;
        this.nodes = new double[6 * (intervals + 1)];
        for (int i = 0; i <= intervals; i++) {
            double t = i == intervals ? endTt : startTt + i * stepS;
            Vector3D p = source.position(t);
            Vector3D v = source.velocity(t);
            int k = 6 * i;
            nodes[k] = p.getX();
            nodes[k + 1] = p.getY();
            nodes[k + 2] = p.getZ();
            nodes[k + 3] = v.getX();
            nodes[k + 4] = v.getY();
            nodes[k + 5] = v.getZ();
        }
    }

    /**
     * Samples {@code source} over [{@code startTt}, {@code endTt}] (s of TT since J2000.0) with nodes at most
     * {@code nodeStepS} (s) apart.
     */
    public static InterpolatedEphemeris of(CelestialEphemeris source, double startTt, double endTt, double nodeStepS) {
        return new InterpolatedEphemeris(source, startTt, endTt, nodeStepS);
    }

    /** Start of the span (s of TT since J2000.0). */
    public double startTt() {
        return startTt;
    }

    /** End of the span (s of TT since J2000.0). */
    public double endTt() {
        return endTt;
    }

    /** Actual spacing of the nodes (s), at most the requested one. */
    public double nodeStepS() {
        return stepS;
    }

    /** Geocentric position in EME2000 axes (m) at {@code ttSeconds} (s of TT since J2000.0), within the span. */
    @Override
    public Vector3D position(double ttSeconds) {
        int i = interval(ttSeconds);
        int k = 6 * i;
        double s = (ttSeconds - startTt) / stepS - i;
        double s2 = s * s;
        double s3 = s2 * s;
        // Hermite basis on [0, 1]; the velocity terms are scaled by the interval length h.
        double h00 = 2 * s3 - 3 * s2 + 1;
        double h10 = (s3 - 2 * s2 + s) * stepS;
        double h01 = -2 * s3 + 3 * s2;
        double h11 = (s3 - s2) * stepS;
        double[] n = nodes;
        return new Vector3D(
                h00 * n[k] + h10 * n[k + 3] + h01 * n[k + 6] + h11 * n[k + 9],
                h00 * n[k + 1] + h10 * n[k + 4] + h01 * n[k + 7] + h11 * n[k + 10],
                h00 * n[k + 2] + h10 * n[k + 5] + h01 * n[k + 8] + h11 * n[k + 11]);
    }

    /**
     * Geocentric velocity in EME2000 axes (m/s) at {@code ttSeconds} (s of TT since J2000.0), within the span:
     * the time derivative of the interpolating polynomial of {@link #position(double)}.
     */
    @Override
    public Vector3D velocity(double ttSeconds) {
        int i = interval(ttSeconds);
        int k = 6 * i;
        double s = (ttSeconds - startTt) / stepS - i;
        double s2 = s * s;
        double d00 = (6 * s2 - 6 * s) / stepS;
        double d10 = 3 * s2 - 4 * s + 1;
        double d01 = -d00;
        double d11 = 3 * s2 - 2 * s;
        double[] n = nodes;
        return new Vector3D(
                d00 * n[k] + d10 * n[k + 3] + d01 * n[k + 6] + d11 * n[k + 9],
                d00 * n[k + 1] + d10 * n[k + 4] + d01 * n[k + 7] + d11 * n[k + 10],
                d00 * n[k + 2] + d10 * n[k + 5] + d01 * n[k + 8] + d11 * n[k + 11]);
    }

    /** Index of the node interval holding {@code ttSeconds}; the end of the span belongs to the last one. */
    private int interval(double ttSeconds) {
        if (!(ttSeconds >= startTt && ttSeconds <= endTt)) {
            throw new IllegalArgumentException("time " + ttSeconds + " s TT since J2000.0 is outside the interpolated span ["
                    + startTt + ", " + endTt + "] s");
        }
        int i = (int) ((ttSeconds - startTt) / stepS);
        return Math.min(i, intervals - 1);
    }
}
