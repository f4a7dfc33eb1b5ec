package org.gatewaypower.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a new password must be, after NIST SP 800-63B §5.1.1.2 (memorised secrets): at least
 * {@value #MIN_LENGTH} characters; no composition rules (no "one digit, one capital"); at most
 * {@value #MAX_BYTES} bytes in UTF-8, because bcrypt reads no further; and not a value attackers try first:
 * a commonly used password (the list in {@code common-passwords.txt}, see its README), one character
 * repeated, the username itself, or the product's name.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_BYTES = 72;

    private static final Set<String> COMMON = load();

    private PasswordPolicy() {
    }

    /** Why the password is refused (a sentence naming the rule), or empty when it is acceptable. */
    public static Optional<String> problem(String username, String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("Password must be at least " + MIN_LENGTH + " characters (a few words make a good one)");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("Password must be at most " + MAX_BYTES + " bytes in UTF-8 (bcrypt reads no further)");
        }
        String folded = password.strip().toLowerCase(Locale.ROOT);
        if (COMMON.contains(folded)) {
            return Optional.of("Password is one of the most commonly used passwords; choose another");
        }
        if (folded.codePoints().distinct().count() == 1) {
            return Optional.of("Password must not be one character repeated");
        }
        if (username != null && !username.isBlank() && folded.contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of("Password must not contain the username");
        }
        if (folded.replaceAll("[^a-z]", "").equals("gatewaypower") || folded.equals("gatewaygateway")) {
            return Optional.of("Password must not be the product's name");
        }
        return Optional.empty();
    }

    private static Set<String> load() {
        Set<String> out = new HashSet<>();
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("common-passwords.txt is missing from the classpath");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank()) {
                    out.add(line.strip().toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(out);
    }
}
