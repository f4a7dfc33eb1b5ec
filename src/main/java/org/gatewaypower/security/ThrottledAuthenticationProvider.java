package org.gatewaypower.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsChecker;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Username and password sign-in (form login and HTTP Basic) with two things the default provider lacks.
 *
 * <ul>
 *   <li>{@link LoginThrottle}: an account or address with too many recent failures is refused with
 *   {@link LoginThrottledException} before its password is hashed.</li>
 *   <li>A short-lived cache of verified passwords: HTTP Basic sends the password with every request, and
 *   bcrypt costs ~80 ms of CPU each time; a password verified in the last {@link #VERIFIED_FOR} is
 *   recognised by a salted SHA-256 of it instead. Only digests are kept, with a random salt per process;
 *   the account itself (enabled, not locked) is read on every request, so a disabled account stops at
 *   once, and a changed password is forgotten through {@link #forget(String)}.</li>
 * </ul>
 */
public class ThrottledAuthenticationProvider implements AuthenticationProvider {

    static final Duration VERIFIED_FOR = Duration.ofMinutes(2);

    private record Verified(byte[] digest, Instant until) {
    }

    private final DaoAuthenticationProvider passwords;
    private final AccountService accounts;
    private final LoginThrottle throttle;
    private final Clock clock;
    private final byte[] salt = new byte[32];
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    private final UserDetailsChecker status = new AccountStatusUserDetailsChecker();

    public ThrottledAuthenticationProvider(AccountService accounts, PasswordEncoder encoder, LoginThrottle throttle,
                                           Clock clock) {
        this.passwords = new DaoAuthenticationProvider(accounts);
        this.passwords.setPasswordEncoder(encoder);
        this.accounts = accounts;
        this.throttle = throttle;
        this.clock = clock;
        new SecureRandom().nextBytes(salt);
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = authentication.getName();
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress()
                : null;
        byte[] digest = digest(username, password);
        Verified v = verified.get(username);
        if (v != null && v.until().isAfter(clock.instant()) && MessageDigest.isEqual(v.digest(), digest)) {
            UserDetails user = accounts.loadUserByUsername(username);
            status.check(user);
            UsernamePasswordAuthenticationToken ok = UsernamePasswordAuthenticationToken.authenticated(user, null,
                    user.getAuthorities());
            ok.setDetails(authentication.getDetails());
            return ok;
        }
        long wait = throttle.retryAfterSeconds(username, address);
        if (wait > 0) {
            throw new LoginThrottledException(wait);
        }
        try {
            Authentication ok = passwords.authenticate(authentication);
            throttle.succeeded(username, address);
            verified.put(username, new Verified(digest, clock.instant().plus(VERIFIED_FOR)));
            return ok;
        } catch (BadCredentialsException wrong) {
            throttle.failed(username, address);
            throw wrong;
        }
    }

    /** Forgets a verified password (after a password change, a reset or a disabled account). */
    public void forget(String username) {
        verified.remove(username);
    }

    @org.springframework.context.event.EventListener
    void on(AccountService.AccountChanged changed) {
        forget(changed.username());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private byte[] digest(String username, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            sha.update(username.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(password.getBytes(StandardCharsets.UTF_8));
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
