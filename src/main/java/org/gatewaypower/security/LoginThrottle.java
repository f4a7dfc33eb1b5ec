package org.gatewaypower.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per account and per client address, and refuses further attempts for a while once
 * there are too many, before any password is checked (so that a flood of wrong passwords costs the server
 * a map look-up, not a bcrypt hash each).
 *
 * <p>Policy (NIST SP 800-63B §5.2.2 asks for a limit on consecutive failures; OWASP's authentication cheat
 * sheet for a lock that expires): within a 15-minute window, {@value #ACCOUNT_LIMIT} failures for one
 * account lock it for one minute, doubling with each further failure up to 15 minutes; {@value #ADDRESS_LIMIT}
 * failures from one address lock that address for a minute at a time. A pair of account and address that signed in successfully in the last day is not
 * held back by its address's lock (only by its account's), so that an attacker on a shared address (a
 * partner's NAT, or this machine in tests) does not lock everyone out. Counters live in this node's memory:
 * several nodes multiply the allowance by their number, which still bounds guessing to a few tries a minute.
 */
@Component
public class LoginThrottle {

    static final int ACCOUNT_LIMIT = 5;
    static final int ADDRESS_LIMIT = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration FIRST_LOCK = Duration.ofMinutes(1);
    static final Duration LONGEST_LOCK = Duration.ofMinutes(15);
    private static final Duration KNOWN_GOOD = Duration.ofDays(1);
    private static final int MAX_ENTRIES = 100_000;

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    /** What is held back, for administrators. */
    public enum Kind { ACCOUNT, ADDRESS }

    /** A lock in force: what, how many failures in the window, until when. */
    public record Lock(Kind kind, String key, int failures, Instant until) {
    }

    private static final class Counter {
        Instant windowStart;
        int failures;
        Instant lockedUntil = Instant.MIN;
    }

    private final Clock clock;
    private final Map<String, Counter> accounts = new ConcurrentHashMap<>();
    private final Map<String, Counter> addresses = new ConcurrentHashMap<>();
    private final Map<String, Instant> knownGood = new ConcurrentHashMap<>();

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** Seconds until the next attempt for this account from this address may be checked; 0 when it may now. */
    public long retryAfterSeconds(String username, String address) {
        Instant now = clock.instant();
        Instant until = until(accounts.get(key(username)), now);
        Instant knownSince = address == null ? null : knownGood.get(pair(username, address));
        if (address != null && (knownSince == null || knownSince.plus(KNOWN_GOOD).isBefore(now))) {
            Instant a = until(addresses.get(address), now);
            until = a.isAfter(until) ? a : until;
        }
        return until.isAfter(now) ? Math.max(1, Duration.between(now, until).toSeconds() + 1) : 0;
    }

    /** Records a wrong password (or an unknown account) for this account and address. */
    public void failed(String username, String address) {
        Instant now = clock.instant();
        purgeIfLarge(now);
        count(accounts, key(username), ACCOUNT_LIMIT, Kind.ACCOUNT, now);
        if (address != null) {
            count(addresses, address, ADDRESS_LIMIT, Kind.ADDRESS, now);
        }
    }

    /** Records a successful sign-in: the account's count starts again, and the pair is known good. */
    public void succeeded(String username, String address) {
        accounts.remove(key(username));
        if (address != null) {
            knownGood.put(pair(username, address), clock.instant());
        }
    }

    /** Lifts the locks on an account (an administrator's decision, e.g. after a password reset). */
    public void unlock(String username) {
        accounts.remove(key(username));
    }

    /** The locks in force now, longest first. */
    public List<Lock> locks() {
        Instant now = clock.instant();
        List<Lock> out = new ArrayList<>();
        accounts.forEach((k, c) -> {
            if (c.lockedUntil.isAfter(now)) {
                out.add(new Lock(Kind.ACCOUNT, k, c.failures, c.lockedUntil));
            }
        });
        addresses.forEach((k, c) -> {
            if (c.lockedUntil.isAfter(now)) {
                out.add(new Lock(Kind.ADDRESS, k, c.failures, c.lockedUntil));
            }
        });
        out.sort(Comparator.comparing(Lock::until).reversed());
        return out;
    }

    private void count(Map<String, Counter> map, String key, int limit, Kind kind, Instant now) {
        map.compute(key, (k, c) -> {
            if (c == null || c.windowStart.plus(WINDOW).isBefore(now)) {
                c = new Counter();
                c.windowStart = now;
            }
            c.failures++;
            if (c.failures >= limit) {
                // An account's lock doubles with each further failure; an address's stays one minute, so that
                // an attacker behind a shared address (an agency's NAT) slows its other users down without
                // locking them out for long.
                int beyond = kind == Kind.ACCOUNT ? Math.min(c.failures - limit, 10) : 0;
                Duration lock = FIRST_LOCK.multipliedBy(1L << beyond);
                c.lockedUntil = now.plus(lock.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : lock);
                log.warn("Sign-in locked for {} {} until {} after {} failed attempts", kind.name().toLowerCase(), k,
                        c.lockedUntil, c.failures);
            }
            return c;
        });
    }

    private static Instant until(Counter c, Instant now) {
        return c == null ? Instant.MIN : c.lockedUntil;
    }

    private void purgeIfLarge(Instant now) {
        if (accounts.size() + addresses.size() + knownGood.size() < MAX_ENTRIES) {
            return;
        }
        accounts.values().removeIf(c -> c.windowStart.plus(WINDOW).isBefore(now) && !c.lockedUntil.isAfter(now));
        addresses.values().removeIf(c -> c.windowStart.plus(WINDOW).isBefore(now) && !c.lockedUntil.isAfter(now));
        knownGood.values().removeIf(t -> t.plus(KNOWN_GOOD).isBefore(now));
    }

    private static String key(String username) {
        return username == null ? "" : username.strip().toLowerCase();
    }

    private static String pair(String username, String address) {
        return key(username) + "\u0000" + address;
    }
}
