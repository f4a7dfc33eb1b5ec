package org.gatewaypower.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.gatewaypower.security.internal.ApiTokenEntity;
import org.gatewaypower.security.internal.ApiTokenRepository;
import org.gatewaypower.workspace.ForbiddenException;
import org.gatewaypower.workspace.InvalidInputException;
import org.gatewaypower.workspace.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens, so that scripts need no password. A token is shown once, when it is made;
 * only its SHA-256 hash is stored. A token acts as its user, under the same access rules.
 */
@Service
public class ApiTokenService {

    /** What a token looks like to its owner in a list; the secret itself is never shown again. */
    public record TokenInfo(long id, String name, String prefix, Instant createdAt, Instant lastUsedAt) {
    }

    /** A token just made: {@code secret} is the only copy of the token. */
    public record NewToken(TokenInfo info, String secret) {
    }

    static final String PREFIX = "gp_";
    /** At most this many tokens per user: enough for every script, few enough to review. */
    static final int MAX_TOKENS = 20;
    /** "Last used" is written at most this often, so a busy script does not write on every request. */
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    private final ApiTokenRepository tokens;
    private final AccountService accounts;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    private final org.gatewaypower.workspace.AuditLog audit;

    ApiTokenService(ApiTokenRepository tokens, AccountService accounts, Clock clock,
                    org.gatewaypower.workspace.AuditLog audit) {
        this.audit = audit;
        this.tokens = tokens;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Transactional
    public NewToken create(String name, String actor) {
        if (!accounts.exists(actor)) {
            throw new ForbiddenException("No account '" + actor + "' exists");
        }
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > 120) {
            throw new InvalidInputException(List.of(new InvalidInputException.FieldViolation("name",
                    "Token name is required (1–120 characters), e.g. the script that uses it")));
        }
        if (tokens.countByUsername(actor) >= MAX_TOKENS) {
            throw new InvalidInputException(List.of(new InvalidInputException.FieldViolation("name",
                    "At most " + MAX_TOKENS + " tokens per user; revoke one you no longer use")));
        }
        byte[] bytes = new byte[20];
        random.nextBytes(bytes);
        String secret = PREFIX + HexFormat.of().formatHex(bytes);
        ApiTokenEntity saved = tokens.saveAndFlush(new ApiTokenEntity(actor, n, secret.substring(0, 10),
                hash(secret), clock.instant()));
        audit.record(null, actor, "API token", actor, org.gatewaypower.workspace.History.ChangeType.ADDED,
                actor + " created API token \"" + n + "\" (" + saved.getTokenPrefix() + "…)");
        return new NewToken(toInfo(saved), secret);
    }

    @Transactional(readOnly = true)
    public List<TokenInfo> tokens(String actor) {
        return tokens.findByUsernameOrderByCreatedAtDesc(actor).stream().map(ApiTokenService::toInfo).toList();
    }

    /** Revokes one of the actor's own tokens; it stops working at once. */
    @Transactional
    public void revoke(long tokenId, String actor) {
        ApiTokenEntity t = tokens.findById(tokenId).filter(x -> x.getUsername().equals(actor))
                .orElseThrow(() -> new NotFoundException("API token of " + actor, tokenId));
        tokens.delete(t);
        audit.record(null, actor, "API token", actor, org.gatewaypower.workspace.History.ChangeType.REMOVED,
                actor + " revoked API token \"" + t.getName() + "\" (" + t.getTokenPrefix() + "…)");
    }

    /** A user's tokens, for an administrator. */
    @Transactional(readOnly = true)
    public List<TokenInfo> tokensOf(String username, String actor) {
        accounts.requireAdministrator(actor, "list other users' API tokens");
        return tokens(username);
    }

    /** Revokes every token of a user (administrators); they stop working at once. Returns how many. */
    @Transactional
    public int revokeAll(String username, String actor) {
        accounts.requireAdministrator(actor, "revoke other users' API tokens");
        List<ApiTokenEntity> all = tokens.findByUsernameOrderByCreatedAtDesc(username);
        tokens.deleteAll(all);
        tokens.flush();
        audit.record(null, actor, "API token", username, org.gatewaypower.workspace.History.ChangeType.REMOVED,
                actor + " revoked all " + all.size() + " API tokens of " + username);
        return all.size();
    }

    /** The user a presented token belongs to, or empty when it is unknown or revoked. */
    @Transactional
    public Optional<String> authenticate(String presented) {
        if (presented == null || !presented.startsWith(PREFIX) || presented.length() > 100) {
            return Optional.empty();
        }
        return tokens.findByTokenHash(hash(presented)).map(t -> {
            Instant now = clock.instant();
            if (t.getLastUsedAt() == null || t.getLastUsedAt().plus(LAST_USED_RESOLUTION).isBefore(now)) {
                t.markUsed(now);
            }
            return t.getUsername();
        });
    }

    private static TokenInfo toInfo(ApiTokenEntity t) {
        return new TokenInfo(t.getId(), t.getName(), t.getTokenPrefix(), t.getCreatedAt(), t.getLastUsedAt());
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
        }
    }
}
