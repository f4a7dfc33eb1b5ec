package org.gatewaypower.physics.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class TimeScalesTest {

    @Test
    void tt_minus_utc_is_69_184_s_from_2017_on() {
        Instant leap2017 = Instant.parse("2017-01-01T00:00:00Z");
        assertThat(TimeScales.ttMinusUtcSeconds(leap2017)).isCloseTo(69.184, within(1e-12));
        assertThat(TimeScales.ttMinusUtcSeconds(Instant.parse("2030-06-01T00:00:00Z")))
                .isCloseTo(69.184, within(1e-12));

        // tt counts from 12:00 TT = 12:00 UTC − 64.184 s; so tt minus the UTC seconds since 12:00 UTC is TT − UTC.
        double ttAt2017 = TimeScales.ttSecondsSinceJ2000(leap2017);
        double utcSinceJ2000Noon = Duration.between(Instant.parse("2000-01-01T12:00:00Z"), leap2017).toSeconds();
        assertThat(ttAt2017 - utcSinceJ2000Noon).isCloseTo(69.184, within(1e-6));
    }

    @Test
    void tt_minus_utc_is_10_s_plus_32_184_s_in_1972_and_steps_by_one_second_at_a_leap_second() {
        assertThat(TimeScales.ttMinusUtcSeconds(Instant.parse("1972-01-01T00:00:00Z"))).isCloseTo(42.184, within(1e-12));
        assertThat(TimeScales.ttMinusUtcSeconds(Instant.parse("2016-12-31T23:59:59Z"))).isCloseTo(68.184, within(1e-12));

        // 2016-12-31T23:59:59 and 2017-01-01T00:00:00 are two TT seconds apart (23:59:60 in between).
        double before = TimeScales.ttSecondsSinceJ2000(Instant.parse("2016-12-31T23:59:59Z"));
        double after = TimeScales.ttSecondsSinceJ2000(Instant.parse("2017-01-01T00:00:00Z"));
        assertThat(after - before).isCloseTo(2.0, within(1e-6));
    }

    @Test
    void the_j2000_epoch_is_11_58_55_816_utc_and_tt_zero_in_both_directions() {
        Instant j2000 = Instant.parse("2000-01-01T11:58:55.816Z");
        assertThat(TimeScales.ttSecondsSinceJ2000(j2000)).isCloseTo(0.0, within(1e-6));
        assertThat(Duration.between(j2000, TimeScales.utcFromTtSeconds(0.0)).abs().toNanos()).isLessThan(1_000);
        assertThat(TimeScales.julianDateTt(0.0)).isEqualTo(2451545.0);
    }

    @Test
    void julian_date_and_tt_seconds_convert_both_ways() {
        assertThat(TimeScales.julianDateTt(86400.0 * 36525)).isCloseTo(2451545.0 + 36525, within(1e-9));
        assertThat(TimeScales.ttSecondsFromJulianDate(2448724.5)).isCloseTo((2448724.5 - 2451545.0) * 86400, within(1e-6));
        assertThat(TimeScales.ttSecondsFromJulianDate(TimeScales.julianDateTt(123_456.25)))
                .isCloseTo(123_456.25, within(1e-4));
    }

    @Test
    void utc_to_tt_and_back_agrees_within_a_millisecond_at_random_instants_from_1972_to_2100() {
        long from = Instant.parse("1972-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("2100-01-01T00:00:00Z").getEpochSecond();
        SplittableRandom random = new SplittableRandom(20_26);
        double worstS = 0;
        for (int i = 0; i < 100_000; i++) {
            Instant utc = Instant.ofEpochSecond(random.nextLong(from, to), random.nextInt(1_000_000_000));
            Instant back = TimeScales.utcFromTtSeconds(TimeScales.ttSecondsSinceJ2000(utc));
            worstS = Math.max(worstS, Math.abs(Duration.between(utc, back).toNanos()) * 1e-9);
        }
        assertThat(worstS).isLessThan(1e-3);
    }

    @Test
    void round_trip_holds_right_before_and_after_each_leap_second() {
        for (String date : new String[] {"1972-07-01", "1999-01-01", "2012-07-01", "2017-01-01"}) {
            Instant midnight = Instant.parse(date + "T00:00:00Z");
            for (Instant utc : new Instant[] {midnight.minusMillis(1), midnight, midnight.plusMillis(1)}) {
                Instant back = TimeScales.utcFromTtSeconds(TimeScales.ttSecondsSinceJ2000(utc));
                assertThat(Math.abs(Duration.between(utc, back).toNanos())).as(utc.toString()).isLessThan(1_000_000);
            }
            // A TT instant inside the inserted second 23:59:60 maps to the next midnight.
            double insideLeap = TimeScales.ttSecondsSinceJ2000(midnight) - 0.5;
            assertThat(TimeScales.utcFromTtSeconds(insideLeap)).isEqualTo(midnight);
        }
    }

    @Test
    void instants_before_1972_are_rejected() {
        assertThatThrownBy(() -> TimeScales.ttSecondsSinceJ2000(Instant.parse("1971-12-31T23:59:59Z")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1972");
        double tt1972 = TimeScales.ttSecondsSinceJ2000(Instant.parse("1972-01-01T00:00:00Z"));
        assertThatThrownBy(() -> TimeScales.utcFromTtSeconds(tt1972 - 1.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1972");
        assertThatThrownBy(() -> TimeScales.ttSecondsSinceJ2000(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
