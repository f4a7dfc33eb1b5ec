package org.gatewaypower.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTest {

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        Instant now = Instant.parse("2027-01-01T00:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }
    }

    private final ManualClock clock = new ManualClock();
    private final LoginThrottle throttle = new LoginThrottle(clock);

    @Test
    void an_account_is_locked_for_a_minute_at_its_fifth_failure_and_twice_as_long_at_the_next() {
        for (int i = 1; i < LoginThrottle.ACCOUNT_LIMIT; i++) {
            throttle.failed("esa", "10.0.0." + i);
            assertThat(throttle.retryAfterSeconds("esa", "10.0.0.99")).isZero();
        }
        throttle.failed("esa", "10.0.0.5");
        // 60 s lock; the answer rounds up so that a client waiting that long is not refused again
        assertThat(throttle.retryAfterSeconds("esa", "10.0.0.99")).isEqualTo(61);
        assertThat(throttle.locks()).singleElement().satisfies(l -> {
            assertThat(l.kind()).isEqualTo(LoginThrottle.Kind.ACCOUNT);
            assertThat(l.key()).isEqualTo("esa");
            assertThat(l.failures()).isEqualTo(5);
        });
        assertThat(throttle.retryAfterSeconds("jaxa", "10.0.0.99")).as("other accounts").isZero();

        clock.advance(Duration.ofSeconds(61));
        assertThat(throttle.retryAfterSeconds("esa", "10.0.0.99")).isZero();
        throttle.failed("esa", "10.0.0.6");
        assertThat(throttle.retryAfterSeconds("esa", "10.0.0.99")).isEqualTo(121);
    }

    @Test
    void locks_never_exceed_fifteen_minutes_and_a_success_starts_the_count_again() {
        for (int i = 0; i < 40; i++) {
            throttle.failed("csa", null);
        }
        assertThat(throttle.retryAfterSeconds("csa", null)).isEqualTo(15 * 60 + 1);
        throttle.succeeded("csa", "10.1.1.1");
        assertThat(throttle.retryAfterSeconds("csa", "10.1.1.1")).isZero();
        for (int i = 1; i < LoginThrottle.ACCOUNT_LIMIT; i++) {
            throttle.failed("csa", null);
        }
        assertThat(throttle.retryAfterSeconds("csa", null)).isZero();
    }

    @Test
    void failures_older_than_the_window_are_forgotten() {
        for (int i = 1; i < LoginThrottle.ACCOUNT_LIMIT; i++) {
            throttle.failed("mbrsc", null);
        }
        clock.advance(LoginThrottle.WINDOW.plusSeconds(1));
        throttle.failed("mbrsc", null);
        assertThat(throttle.retryAfterSeconds("mbrsc", null)).isZero();
    }

    @Test
    void an_address_spraying_many_accounts_is_locked_but_not_for_a_user_who_signed_in_from_it_before() {
        throttle.succeeded("nasa", "192.0.2.7");
        for (int i = 0; i < LoginThrottle.ADDRESS_LIMIT; i++) {
            throttle.failed("guess" + i, "192.0.2.7");
        }
        assertThat(throttle.retryAfterSeconds("guess-next", "192.0.2.7")).isEqualTo(61);
        assertThat(throttle.retryAfterSeconds("jaxa", "192.0.2.7")).as("never signed in from there").isEqualTo(61);
        assertThat(throttle.retryAfterSeconds("nasa", "192.0.2.7")).as("known good from there").isZero();
        assertThat(throttle.retryAfterSeconds("jaxa", "198.51.100.1")).as("another address").isZero();
    }

    @Test
    void an_administrator_can_lift_an_accounts_lock() {
        for (int i = 0; i < LoginThrottle.ACCOUNT_LIMIT; i++) {
            throttle.failed("observer", null);
        }
        throttle.unlock("observer");
        assertThat(throttle.retryAfterSeconds("observer", null)).isZero();
    }
}
