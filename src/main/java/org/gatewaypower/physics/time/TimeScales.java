package org.gatewaypower.physics.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Conversions between UTC (as a {@link java.time.Instant}) and Terrestrial Time (TT) counted in seconds
 * since J2000.0 = 2000-01-01T12:00:00 TT = JD 2451545.0 TT.
 *
 * <p>TT − UTC is handled explicitly: TT = TAI + 32.184 s and TAI − UTC comes from the IERS leap-second
 * table, from 1972-01-01 (10 s) to 2017-01-01 (37 s). The last entry is assumed to stay in force: no
 * leap second has been announced after 2017 (IERS Bulletin C), so TT − UTC = 69.184 s from 2017 on.
 * A future leap second would make later times off by whole seconds until this table is extended.
 *
 * <p>{@link Instant} counts 86,400 s per day and cannot name an inserted leap second (23:59:60). TT
 * instants that fall inside one are mapped to the start of the following UTC day. Outside leap seconds
 * the two directions are inverse to double precision (about 1 µs near 2100).
 *
 * <p>UTC before 1972 (rubber seconds) is not supported: such instants are rejected.
 */
public final class TimeScales {

    /** TT − TAI (s), by definition. */
    public static final double TT_MINUS_TAI_S = 32.184;

    /** Julian date of J2000.0 (d, TT). */
    public static final double J2000_JD = 2451545.0;

    /** Length of a day (s). */
    public static final double SECONDS_PER_DAY = 86400.0;

    /**
     * Unix epoch second of 2000-01-01T12:00:00Z (s). J2000.0 (12:00 TT) is 64.184 s earlier in UTC, so
     * tt = epochSecond(UTC) + (TAI − UTC) + 32.184 s − this.
     */
    private static final long J2000_NOON_EPOCH_S = 946_728_000L;

    /** Unix epoch second of 1972-01-01T00:00:00Z (s), the first date this class accepts. */
    private static final long FIRST_SUPPORTED_EPOCH_S = 63_072_000L;

    /**
     * Dates from which each TAI − UTC value applies (UTC midnight), as year, month pairs (day 1).
     * Source: IERS Bulletin C / USNO tai-utc.dat.
     */
    private static final int[][] LEAP_DATES = {
        {1972, 1}, {1972, 7}, {1973, 1}, {1974, 1}, {1975, 1}, {1976, 1}, {1977, 1}, {1978, 1},
        {1979, 1}, {1980, 1}, {1981, 7}, {1982, 7}, {1983, 7}, {1985, 7}, {1988, 1}, {1990, 1},
        {1991, 1}, {1992, 7}, {1993, 7}, {1994, 7}, {1996, 1}, {1997, 7}, {1999, 1}, {2006, 1},
        {2009, 1}, {2012, 7}, {2015, 7}, {2017, 1},
    };

    /** Unix epoch second (s) at which {@link #TAI_MINUS_UTC_S}[i] starts to apply. */
    private static final long[] LEAP_EPOCH_S = new long[LEAP_DATES.length];

    /** TAI − UTC (s) from {@link #LEAP_EPOCH_S}[i] on: 10 s in 1972, one more at each entry. */
    private static final long[] TAI_MINUS_UTC_S = new long[LEAP_DATES.length];

    static {
        for (int i = 0; i < LEAP_DATES.length; i++) {
            LEAP_EPOCH_S[i] = LocalDate.of(LEAP_DATES[i][0], LEAP_DATES[i][1], 1)
                    .atStartOfDay().toEpochSecond(ZoneOffset.UTC);
            TAI_MINUS_UTC_S[i] = 10 + i;
        }
    }

    private TimeScales() {
    }

    /** TAI − UTC (s) in force at {@code utc}; rejects instants before 1972-01-01. */
    public static long taiMinusUtcSeconds(Instant utc) {
        return TAI_MINUS_UTC_S[leapIndex(checked(utc).getEpochSecond())];
    }

    /** TT − UTC (s) in force at {@code utc}: TAI − UTC + 32.184 s. */
    public static double ttMinusUtcSeconds(Instant utc) {
        return taiMinusUtcSeconds(utc) + TT_MINUS_TAI_S;
    }

    /** Seconds of TT since J2000.0 (s) at the UTC instant {@code utc} (1972 or later). */
    public static double ttSecondsSinceJ2000(Instant utc) {
        long epochS = checked(utc).getEpochSecond();
        // Whole seconds are combined as longs first so that the double keeps sub-microsecond resolution.
        long wholeS = epochS - J2000_NOON_EPOCH_S + TAI_MINUS_UTC_S[leapIndex(epochS)];
        return wholeS + TT_MINUS_TAI_S + utc.getNano() * 1e-9;
    }

    /**
     * The UTC instant at {@code ttSeconds} (s of TT since J2000.0), the inverse of
     * {@link #ttSecondsSinceJ2000(Instant)}, rounded to the nanosecond.
     */
    public static Instant utcFromTtSeconds(double ttSeconds) {
        if (!Double.isFinite(ttSeconds)) {
            throw new IllegalArgumentException("TT seconds must be finite, got " + ttSeconds);
        }
        // TAI as a Unix-style count, epochSecond(UTC) + (TAI − UTC), split into whole seconds and nanoseconds.
        double sinceNoonTai = ttSeconds - TT_MINUS_TAI_S;
        double whole = Math.floor(sinceNoonTai);
        long taiS = (long) whole + J2000_NOON_EPOCH_S;
        long taiNanos = Math.round((sinceNoonTai - whole) * 1e9);
        if (taiNanos >= 1_000_000_000L) {
            taiS += 1;
            taiNanos -= 1_000_000_000L;
        }
        int i = LEAP_EPOCH_S.length - 1;
        while (i >= 0 && taiS < LEAP_EPOCH_S[i] + TAI_MINUS_UTC_S[i]) {
            i--;
        }
        if (i < 0) {
            throw new IllegalArgumentException("TT " + ttSeconds + " s is before 1972-01-01 UTC; not supported");
        }
        long utcS = taiS - TAI_MINUS_UTC_S[i];
        if (i + 1 < LEAP_EPOCH_S.length && utcS >= LEAP_EPOCH_S[i + 1]) {
            // Inside an inserted leap second (23:59:60), which Instant cannot represent.
            return Instant.ofEpochSecond(LEAP_EPOCH_S[i + 1]);
        }
        return Instant.ofEpochSecond(utcS, taiNanos);
    }

    /** Julian date in TT (d) at {@code ttSeconds} (s of TT since J2000.0): 2451545.0 + tt / 86400. */
    public static double julianDateTt(double ttSeconds) {
        return J2000_JD + ttSeconds / SECONDS_PER_DAY;
    }

    /**
     * Seconds of TT since J2000.0 (s) at the TT Julian date {@code jdTt} (d). A JD near 2.46e6 d holds
     * only about 40 µs of resolution, so time arithmetic should be done in seconds, not in JD.
     */
    public static double ttSecondsFromJulianDate(double jdTt) {
        return (jdTt - J2000_JD) * SECONDS_PER_DAY;
    }

    private static Instant checked(Instant utc) {
        if (utc == null) {
            throw new IllegalArgumentException("UTC instant is required");
        }
        if (utc.getEpochSecond() < FIRST_SUPPORTED_EPOCH_S) {
            throw new IllegalArgumentException("UTC " + utc + " is before 1972-01-01; not supported");
        }
        return utc;
    }

    private static int leapIndex(long epochS) {
        int i = LEAP_EPOCH_S.length - 1;
        while (i > 0 && epochS < LEAP_EPOCH_S[i]) {
            i--;
        }
        return i;
    }
}
