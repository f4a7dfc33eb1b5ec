package org.gatewaypower.physics.ephemeris;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.hipparchus.util.FastMath;

/**
 * The Moon's geocentric position from Meeus, <i>Astronomical Algorithms</i> (2nd ed. 1998), ch. 47: the
 * truncated ELP-2000/82 theory with the 60 + 60 periodic terms of Tables 47.A and 47.B plus the additive
 * terms for Venus, Jupiter and the Earth's figure.
 *
 * <p>Accuracy (as stated by Meeus in ch. 47, relative to the full ELP-2000/82): about 10″ in longitude and 4″ in
 * latitude; the distance is good to a few km. The mean longitude L′ contains the constant light-time term
 * (−0.70″), so the result is the Moon as seen from the Earth's centre, retarded by about 1.3 s.
 *
 * <p>Conversion chain of {@link #position(double)}: series → (λ, β, Δ) in the mean ecliptic and equinox
 * of date (no nutation) → equator of date with the mean obliquity ε₀ (Meeus 22.2) → EME2000 by inverse
 * IAU 1976 precession (Meeus ch. 21); see {@link EclipticToEme2000}. Time argument: TT (Meeus's TD).
 *
 * <p>{@link #velocity(double)} is the central difference of {@link #position(double)} over ±60 s. Its
 * truncation error is about (ω·h)²/6 ≈ 5e-9 of the speed (ω ≈ 2.7e-6 rad/s, h = 60 s), and rounding adds
 * about 1e-5 m/s, so it is far more accurate than the series itself.
 *
 * <p>Cost: one call evaluates 120 terms by angle addition from the multiples of the four fundamental
 * arguments (a few dozen sines and cosines in all, instead of 180), and allocates one scratch array and
 * the results. The class is stateless and thread-safe.
 */
public final class MeeusMoon implements CelestialEphemeris {

    /** Half-width of the central difference used by {@link #velocity(double)} (s). */
    static final double VELOCITY_STEP_S = 60.0;

    private static final double DEG = FastMath.PI / 180.0;

    /** Largest |multiplier| of D, M, M′, F in the tables; the scratch array holds −4…4 of each. */
    private static final int MAX_MULTIPLE = 4;
    private static final int MULTIPLES = 2 * MAX_MULTIPLE + 1;
    /** Scratch layout: for argument a (D, M, M′, F) and multiple k, cos at 2·(a·9 + k + 4), sin next. */
    private static final int E_OFFSET = 4 * MULTIPLES * 2;
    private static final int SCRATCH_LENGTH = E_OFFSET + 3;

    /** Table 47.A: scratch index of cos for each argument, per term, and the index of 1, E or E². */
    private static final int[] LR_D;
    private static final int[] LR_M;
    private static final int[] LR_MP;
    private static final int[] LR_F;
    private static final int[] LR_E;
    /** Table 47.A coefficients of sin (1e-6 deg) and cos (1e-3 km). */
    private static final double[] LR_SIGMA_L;
    private static final double[] LR_SIGMA_R;

    /** Table 47.B: as for 47.A. */
    private static final int[] B_D;
    private static final int[] B_M;
    private static final int[] B_MP;
    private static final int[] B_F;
    private static final int[] B_E;
    /** Table 47.B coefficients of sin (1e-6 deg). */
    private static final double[] B_SIGMA_B;

    static {
        List<double[]> lr = readTable("meeus47/moon_terms_lr.csv", 6);
        List<double[]> b = readTable("meeus47/moon_terms_b.csv", 5);
        if (lr.size() != 60 || b.size() != 60) {
            throw new IllegalStateException("Meeus tables 47.A/47.B must have 60 rows each, got "
                    + lr.size() + " and " + b.size());
        }
        int n = lr.size();
        LR_D = new int[n];
        LR_M = new int[n];
        LR_MP = new int[n];
        LR_F = new int[n];
        LR_E = new int[n];
        LR_SIGMA_L = new double[n];
        LR_SIGMA_R = new double[n];
        for (int k = 0; k < n; k++) {
            double[] row = lr.get(k);
            LR_D[k] = index(0, row[0]);
            LR_M[k] = index(1, row[1]);
            LR_MP[k] = index(2, row[2]);
            LR_F[k] = index(3, row[3]);
            LR_E[k] = E_OFFSET + (int) Math.abs(row[1]);
            LR_SIGMA_L[k] = row[4];
            LR_SIGMA_R[k] = row[5];
        }
        int m = b.size();
        B_D = new int[m];
        B_M = new int[m];
        B_MP = new int[m];
        B_F = new int[m];
        B_E = new int[m];
        B_SIGMA_B = new double[m];
        for (int k = 0; k < m; k++) {
            double[] row = b.get(k);
            B_D[k] = index(0, row[0]);
            B_M[k] = index(1, row[1]);
            B_MP[k] = index(2, row[2]);
            B_F[k] = index(3, row[3]);
            B_E[k] = E_OFFSET + (int) Math.abs(row[1]);
            B_SIGMA_B[k] = row[4];
        }
    }

    /**
     * Geocentric λ, β, Δ referred to the mean equinox and ecliptic of date (no nutation), at the Julian
     * Ephemeris Day {@code jde} (d, TT), exactly as in Meeus ch. 47.
     */
    public EclipticPosition eclipticOfDate(double jde) {
        return series((jde - 2451545.0) / 36525.0);
    }

    /** Geocentric position in EME2000 axes (m) at {@code ttSeconds} (s of TT since J2000.0). */
    @Override
    public Vector3D position(double ttSeconds) {
        return cartesian(ttSeconds, true);
    }

    /** Geocentric velocity in EME2000 axes (m/s) at {@code ttSeconds} (s of TT since J2000.0). */
    @Override
    public Vector3D velocity(double ttSeconds) {
        return centralDifference(ttSeconds, VELOCITY_STEP_S);
    }

    /** Central difference of {@link #position(double)} over ±{@code halfStepS} (m/s); for tests. */
    Vector3D centralDifference(double ttSeconds, double halfStepS) {
        return CelestialEphemeris.centralDifference(this, ttSeconds, halfStepS);
    }

    /** Geocentric position in the mean equator and equinox of date (m); for tests of the conversion. */
    Vector3D equatorialOfDate(double ttSeconds) {
        return cartesian(ttSeconds, false);
    }

    /** Position (m) in EME2000 axes, or in the mean equator of date if {@code toEme2000} is false. */
    private static Vector3D cartesian(double ttSeconds, boolean toEme2000) {
        // T is formed from seconds directly: going through a JD (≈ 2.46e6 d) would cost 40 µs of time resolution.
        double t = EclipticToEme2000.centuries(ttSeconds);
        EclipticPosition p = series(t);
        double lambda = p.longitudeDeg() * DEG;
        double beta = p.latitudeDeg() * DEG;
        double r = p.distanceM();
        double cb = FastMath.cos(beta);
        double x = r * cb * FastMath.cos(lambda);
        double y = r * cb * FastMath.sin(lambda);
        double z = r * FastMath.sin(beta);
        return toEme2000
                ? EclipticToEme2000.eclipticOfDateToEme2000(t, x, y, z)
                : EclipticToEme2000.eclipticToEquatorialOfDate(t, x, y, z);
    }

    /** Meeus 47.1–47.6 and Tables 47.A/47.B at {@code t} Julian centuries of TT since J2000.0 (cy). */
    private static EclipticPosition series(double t) {
        double t2 = t * t;
        double t3 = t2 * t;
        double t4 = t3 * t;
        double lp = reduceDeg(218.3164477 + 481267.88123421 * t - 0.0015786 * t2 + t3 / 538841.0 - t4 / 65194000.0);
        double d = reduceDeg(297.8501921 + 445267.1114034 * t - 0.0018819 * t2 + t3 / 545868.0 - t4 / 113065000.0);
        double m = reduceDeg(357.5291092 + 35999.0502909 * t - 0.0001536 * t2 + t3 / 24490000.0);
        double mp = reduceDeg(134.9633964 + 477198.8675055 * t + 0.0087414 * t2 + t3 / 69699.0 - t4 / 14712000.0);
        double f = reduceDeg(93.2720950 + 483202.0175233 * t - 0.0036539 * t2 - t3 / 3526000.0 + t4 / 863310000.0);
        double a1 = reduceDeg(119.75 + 131.849 * t) * DEG;
        double a2 = reduceDeg(53.09 + 479264.290 * t) * DEG;
        double a3 = reduceDeg(313.45 + 481266.484 * t) * DEG;
        double e = 1.0 - 0.002516 * t - 0.0000074 * t2;

        double[] s = new double[SCRATCH_LENGTH];
        fillMultiples(s, 0, d * DEG);
        fillMultiples(s, 1, m * DEG);
        fillMultiples(s, 2, mp * DEG);
        fillMultiples(s, 3, f * DEG);
        s[E_OFFSET] = 1.0;
        s[E_OFFSET + 1] = e;
        s[E_OFFSET + 2] = e * e;

        double sumL = 0;
        double sumR = 0;
        for (int k = 0; k < LR_SIGMA_L.length; k++) {
            // cos and sin of D·kD + M·kM + M′·kM′ + F·kF, by three complex multiplications.
            int i = LR_D[k];
            int j = LR_M[k];
            double c = s[i] * s[j] - s[i + 1] * s[j + 1];
            double sn = s[i + 1] * s[j] + s[i] * s[j + 1];
            j = LR_MP[k];
            double c2 = c * s[j] - sn * s[j + 1];
            double s2 = sn * s[j] + c * s[j + 1];
            j = LR_F[k];
            c = c2 * s[j] - s2 * s[j + 1];
            sn = s2 * s[j] + c2 * s[j + 1];
            double factor = s[LR_E[k]];
            sumL += factor * LR_SIGMA_L[k] * sn;
            sumR += factor * LR_SIGMA_R[k] * c;
        }
        double sumB = 0;
        for (int k = 0; k < B_SIGMA_B.length; k++) {
            int i = B_D[k];
            int j = B_M[k];
            double c = s[i] * s[j] - s[i + 1] * s[j + 1];
            double sn = s[i + 1] * s[j] + s[i] * s[j + 1];
            j = B_MP[k];
            double c2 = c * s[j] - sn * s[j + 1];
            double s2 = sn * s[j] + c * s[j + 1];
            j = B_F[k];
            sn = s2 * s[j] + c2 * s[j + 1];
            sumB += s[B_E[k]] * B_SIGMA_B[k] * sn;
        }

        double lpRad = lp * DEG;
        double fRad = f * DEG;
        double mpRad = mp * DEG;
        // Additive terms: A1 Venus, A2 Jupiter, L′ terms the Earth's flattening.
        sumL += 3958.0 * FastMath.sin(a1) + 1962.0 * FastMath.sin(lpRad - fRad) + 318.0 * FastMath.sin(a2);
        sumB += -2235.0 * FastMath.sin(lpRad) + 382.0 * FastMath.sin(a3)
                + 175.0 * FastMath.sin(a1 - fRad) + 175.0 * FastMath.sin(a1 + fRad)
                + 127.0 * FastMath.sin(lpRad - mpRad) - 115.0 * FastMath.sin(lpRad + mpRad);

        return new EclipticPosition(reduceDeg(lp + sumL * 1e-6), sumB * 1e-6, 385000.56 + sumR * 1e-3);
    }

    /** Fills cos(k·x), sin(k·x) for k = −4…4 into the scratch block of argument {@code arg}; x in rad. */
    private static void fillMultiples(double[] s, int arg, double x) {
        int zero = 2 * (arg * MULTIPLES + MAX_MULTIPLE);
        double c1 = FastMath.cos(x);
        double s1 = FastMath.sin(x);
        s[zero] = 1.0;
        s[zero + 1] = 0.0;
        // Angle addition: the error grows by about one ulp per step, negligible for k ≤ 4.
        double ck = 1.0;
        double sk = 0.0;
        for (int k = 1; k <= MAX_MULTIPLE; k++) {
            double cNext = ck * c1 - sk * s1;
            sk = sk * c1 + ck * s1;
            ck = cNext;
            s[zero + 2 * k] = ck;
            s[zero + 2 * k + 1] = sk;
            s[zero - 2 * k] = ck;
            s[zero - 2 * k + 1] = -sk;
        }
    }

    /** Scratch index of cos(k·argument); {@code multiple} is read from the table as a double. */
    private static int index(int arg, double multiple) {
        int k = (int) multiple;
        if (k != multiple || Math.abs(k) > MAX_MULTIPLE) {
            throw new IllegalStateException("Meeus table multiplier out of range: " + multiple);
        }
        return 2 * (arg * MULTIPLES + MAX_MULTIPLE + k);
    }

    /** Angle reduced to [0, 360) (deg), so that the sines see small arguments. */
    private static double reduceDeg(double deg) {
        double r = deg - 360.0 * FastMath.floor(deg / 360.0);
        return r >= 360.0 ? r - 360.0 : r;
    }

    private static List<double[]> readTable(String resource, int columns) {
        try (InputStream in = MeeusMoon.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<double[]> rows = new ArrayList<>();
            String line = reader.readLine();
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",");
                if (cells.length != columns) {
                    throw new IllegalStateException(resource + ": expected " + columns + " columns in '" + line + "'");
                }
                double[] row = new double[columns];
                for (int c = 0; c < columns; c++) {
                    row[c] = Double.parseDouble(cells[c].trim());
                }
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
