package org.gatewaypower.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the claims of an OpenID Connect provider name a Gateway Power account ({@code gateway.sso.*}): which
 * claim is the username, which the display name, which names the partner team (with an optional value →
 * team code map) and which the role (value → {@link Role}).
 *
 * <p>Claim values are compared without regard to case, and a claim may hold one value or a list (as
 * {@code groups} usually does). Bad configuration stops the start with a message naming the property;
 * claims that name no account are refused at sign-in with a message for the user ({@link Refusal}).
 *
 * @param usernameClaim    the claim whose value, in lower case, is the username
 * @param displayNameClaim the claim shown as the user's name (the username when absent)
 * @param teamClaim        the claim naming the partner team
 * @param teams            claim value → team code; empty: the claim's value is the team code itself
 * @param roleClaim        the claim whose values give the role
 * @param roles            claim value → role (admin, owner, editor or viewer); empty: values that are role names
 * @param defaultRole      the role when no value of the role claim is mapped; {@code none} refuses such users
 */
@ConfigurationProperties("gateway.sso")
public record SsoMapping(@DefaultValue("preferred_username") String usernameClaim,
                         @DefaultValue("name") String displayNameClaim,
                         @DefaultValue("agency") String teamClaim,
                         Map<String, String> teams,
                         @DefaultValue("roles") String roleClaim,
                         Map<String, String> roles,
                         @DefaultValue("viewer") String defaultRole) {

    /** The username rule of {@link AccountService}, applied to the lower-cased claim. */
    private static final String USERNAME = "[a-z][a-z0-9._-]{1,63}";
    private static final String TEAM_CODE = "[A-Z][A-Z0-9-]{0,15}";

    /** What a provider's role claim may grant, weakest first: a user with several gets the strongest. */
    public enum Role {
        /** Reads the team's workspaces. */
        VIEWER,
        /** Edits what the team owns in the team's workspaces. */
        EDITOR,
        /** Owns the team's workspaces. */
        OWNER,
        /** A Gateway Power administrator (every workspace and the accounts). */
        ADMIN;

        static Optional<Role> parse(String value) {
            for (Role r : values()) {
                if (r.name().equalsIgnoreCase(value == null ? "" : value.strip())) {
                    return Optional.of(r);
                }
            }
            return Optional.empty();
        }
    }

    /** Who the claims name: the account to sign in to or create. */
    public record Identity(String username, String displayName, String teamCode, Role role) {
    }

    /** Claims that name no account; the message is for the person signing in. */
    public static class Refusal extends RuntimeException {
        public Refusal(String message) {
            super(message);
        }
    }

    public SsoMapping {
        usernameClaim = claimName("gateway.sso.username-claim", usernameClaim);
        displayNameClaim = claimName("gateway.sso.display-name-claim", displayNameClaim);
        teamClaim = claimName("gateway.sso.team-claim", teamClaim);
        roleClaim = claimName("gateway.sso.role-claim", roleClaim);
        Map<String, String> t = new LinkedHashMap<>();
        (teams == null ? Map.<String, String>of() : teams).forEach((value, code) -> {
            String c = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
            if (!c.matches(TEAM_CODE)) {
                throw new IllegalArgumentException("gateway.sso.teams[" + value + "] must be a team code (upper-case "
                        + "letters, digits or '-', starting with a letter), was '" + code + "'");
            }
            t.put(value.strip().toLowerCase(Locale.ROOT), c);
        });
        teams = Map.copyOf(t);
        Map<String, String> r = new LinkedHashMap<>();
        (roles == null ? Map.<String, String>of() : roles).forEach((value, role) -> {
            Role parsed = Role.parse(role).orElseThrow(() -> new IllegalArgumentException("gateway.sso.roles["
                    + value + "] must be one of admin, owner, editor or viewer, was '" + role + "'"));
            r.put(value.strip().toLowerCase(Locale.ROOT), parsed.name());
        });
        roles = Map.copyOf(r);
        defaultRole = defaultRole == null || defaultRole.isBlank() ? "none" : defaultRole.strip().toLowerCase(Locale.ROOT);
        if (!defaultRole.equals("none") && Role.parse(defaultRole).isEmpty()) {
            throw new IllegalArgumentException("gateway.sso.default-role must be one of admin, owner, editor, viewer "
                    + "or none, was '" + defaultRole + "'");
        }
    }

    /** The mapping with every default: {@code preferred_username}, {@code name}, {@code agency}, {@code roles}. */
    public static SsoMapping defaults() {
        return new SsoMapping("preferred_username", "name", "agency", null, "roles", null, "viewer");
    }

    /**
     * The account the claims name. {@code knownTeam} says whether a team code exists, so that a value naming
     * no partner team is refused here with the claim named.
     *
     * @throws Refusal when the claims name no valid username, no known team (or several) or no role
     */
    public Identity identify(Map<String, Object> claims, java.util.function.Predicate<String> knownTeam) {
        List<String> names = values(claims, usernameClaim);
        if (names.isEmpty()) {
            throw new Refusal("Your identity provider sent no '" + usernameClaim + "' claim, which names your "
                    + "Gateway Power username; ask an administrator to check gateway.sso.username-claim");
        }
        String username = names.getFirst().toLowerCase(Locale.ROOT);
        if (!username.matches(USERNAME)) {
            throw new Refusal("The username '" + names.getFirst() + "' from the claim '" + usernameClaim
                    + "' is not a valid Gateway Power username (2–64 lower-case letters, digits, '.', '_' or '-', "
                    + "starting with a letter)");
        }
        List<String> displayNames = values(claims, displayNameClaim);
        String displayName = displayNames.isEmpty() ? username : displayNames.getFirst();
        if (displayName.length() > 120) {
            displayName = displayName.substring(0, 120);
        }
        return new Identity(username, displayName, team(claims, knownTeam), role(claims));
    }

    private String team(Map<String, Object> claims, java.util.function.Predicate<String> knownTeam) {
        List<String> named = values(claims, teamClaim);
        if (named.isEmpty()) {
            throw new Refusal("Your identity provider names no partner team (claim '" + teamClaim + "'), so no "
                    + "Gateway Power account can be made for you; ask an administrator");
        }
        TreeSet<String> codes = new TreeSet<>();
        for (String value : named) {
            String code = teams.isEmpty() ? value.toUpperCase(Locale.ROOT) : teams.get(value.toLowerCase(Locale.ROOT));
            if (code != null && knownTeam.test(code)) {
                codes.add(code);
            }
        }
        if (codes.isEmpty()) {
            throw new Refusal("Your identity provider names the team " + String.join(", ", named) + " (claim '"
                    + teamClaim + "'), which is not a Gateway Power partner team; ask an administrator");
        }
        if (codes.size() > 1) {
            throw new Refusal("Your identity provider names several partner teams (" + String.join(", ", codes)
                    + ", claim '" + teamClaim + "'); an account belongs to one team, ask an administrator");
        }
        return codes.first();
    }

    private Role role(Map<String, Object> claims) {
        Role best = null;
        for (String value : values(claims, roleClaim)) {
            Optional<Role> mapped = roles.isEmpty() ? Role.parse(value)
                    : Optional.ofNullable(roles.get(value.toLowerCase(Locale.ROOT))).map(Role::valueOf);
            if (mapped.isPresent() && (best == null || mapped.get().compareTo(best) > 0)) {
                best = mapped.get();
            }
        }
        if (best != null) {
            return best;
        }
        return Role.parse(defaultRole).orElseThrow(() -> new Refusal("Your identity provider gives you no Gateway "
                + "Power role (claim '" + roleClaim + "'); ask an administrator"));
    }

    /** A claim's non-blank values: a single value, or each element of a list. */
    private static List<String> values(Map<String, Object> claims, String claim) {
        Object value = claims.get(claim);
        List<String> out = new ArrayList<>();
        if (value instanceof Collection<?> many) {
            many.forEach(v -> add(out, v));
        } else {
            add(out, value);
        }
        return out;
    }

    private static void add(List<String> out, Object value) {
        if (value != null && !value.toString().isBlank()) {
            out.add(value.toString().strip());
        }
    }

    private static String claimName(String property, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(property + " must name a claim of the ID token or user info");
        }
        return value.strip();
    }
}
