package org.gatewaypower.security;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.gatewaypower.security.internal.UserAccountEntity;
import org.gatewaypower.security.internal.UserAccountRepository;
import org.gatewaypower.workspace.Actor;
import org.gatewaypower.workspace.ActorDirectory;
import org.gatewaypower.workspace.ForbiddenException;
import org.gatewaypower.workspace.InvalidInputException;
import org.gatewaypower.workspace.TeamDirectory;
import org.gatewaypower.workspace.ReadModels;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * User accounts: sign-in look-up (passwords stored as bcrypt hashes), creation by administrators, and
 * the workspace module's look-up of who an actor is.
 */
@Service
public class AccountService implements UserDetailsService, ActorDirectory {

    private final UserAccountRepository users;
    private final PasswordEncoder passwordEncoder;
    private final TeamDirectory teams;
    private final org.gatewaypower.workspace.AuditLog audit;
    private final org.springframework.context.ApplicationEventPublisher events;

    /** Published after an account's password or status changed, so that cached verifications are dropped. */
    public record AccountChanged(String username) {
    }

    AccountService(UserAccountRepository users, PasswordEncoder passwordEncoder, TeamDirectory teams,
                   org.gatewaypower.workspace.AuditLog audit,
                   org.springframework.context.ApplicationEventPublisher events) {
        this.audit = audit;
        this.events = events;
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.teams = teams;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Actor> actor(String username) {
        return users.findByUsername(username).map(u -> new Actor(u.getUsername(), u.getDisplayName(),
                u.getTeamId() == null ? null : teams.byId(u.getTeamId()).map(ReadModels.Team::code).orElse(null),
                u.isAdmin()));
    }

    /** Every account, by username (administrators). */
    @Transactional(readOnly = true)
    public List<Account> list(String actor) {
        requireAdmin(actor, "list accounts");
        return directory();
    }

    /**
     * Who can be added to a workspace: every account's name and team (no password material), for the
     * owners' member picker.
     */
    @Transactional(readOnly = true)
    public List<Account> directory() {
        Map<Long, String> codes = teamCodes();
        return users.findAll().stream().sorted(java.util.Comparator.comparing(UserAccountEntity::getUsername))
                .map(u -> new Account(u.getUsername(), u.getDisplayName(),
                        u.getTeamId() == null ? null : codes.get(u.getTeamId()), u.isAdmin(), u.isEnabled()))
                .toList();
    }

    /** Creates an account on behalf of an administrator. */
    @Transactional
    public Account create(String username, String displayName, String rawPassword, String teamCode, boolean admin,
                          String actor) {
        requireAdmin(actor, "create accounts");
        Account created = create(username, displayName, rawPassword, teamCode, admin);
        audit.record(null, actor, "account", created.username(), org.gatewaypower.workspace.History.ChangeType.ADDED,
                actor + " created the account " + created.username() + " (" + created.displayName()
                        + (created.teamCode() == null ? "" : ", " + created.teamCode())
                        + (created.admin() ? ", administrator" : "") + ")");
        return created;
    }

    /** Disables or enables an account (administrators). A disabled account and its tokens stop at once. */
    @Transactional
    public Account setEnabled(String username, boolean enabled, String actor) {
        requireAdmin(actor, (enabled ? "enable" : "disable") + " accounts");
        if (!enabled && username.equals(actor)) {
            throw new InvalidInputException(List.of(new InvalidInputException.FieldViolation("enabled",
                    "You cannot disable your own account; ask another administrator")));
        }
        UserAccountEntity u = require(username);
        if (u.isEnabled() != enabled) {
            u.setEnabled(enabled);
            users.saveAndFlush(u);
            audit.record(null, actor, "account", username, org.gatewaypower.workspace.History.ChangeType.CHANGED,
                    actor + (enabled ? " enabled " : " disabled ") + "the account " + username);
            events.publishEvent(new AccountChanged(username));
        }
        return find(username).orElseThrow();
    }

    /** Sets a new password for someone (administrators), e.g. after they forgot theirs. */
    @Transactional
    public void resetPassword(String username, String newPassword, String actor) {
        requireAdmin(actor, "reset passwords");
        UserAccountEntity u = require(username);
        setPassword(u, newPassword, "password");
        audit.record(null, actor, "account", username, org.gatewaypower.workspace.History.ChangeType.CHANGED,
                actor + " reset the password of " + username);
    }

    /** A user changes their own password, proving the current one. */
    @Transactional
    public void changeOwnPassword(String actor, String currentPassword, String newPassword) {
        UserAccountEntity u = require(actor);
        if (u.getSsoIssuer() != null && !u.getPasswordHash().startsWith("$2")) {
            throw new InvalidInputException(List.of(new InvalidInputException.FieldViolation("currentPassword",
                    "Your account signs in through your identity provider and has no Gateway Power password to "
                            + "change")));
        }
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, u.getPasswordHash())) {
            throw new InvalidInputException(List.of(new InvalidInputException.FieldViolation("currentPassword",
                    "Current password is not correct")));
        }
        if (currentPassword.equals(newPassword)) {
            throw new InvalidInputException(List.of(new InvalidInputException.FieldViolation("newPassword",
                    "New password must differ from the current one")));
        }
        setPassword(u, newPassword, "newPassword");
        audit.record(null, actor, "account", actor, org.gatewaypower.workspace.History.ChangeType.CHANGED,
                actor + " changed their password");
    }

    /** Account events, newest first (administrators). */
    @Transactional(readOnly = true)
    public List<org.gatewaypower.workspace.AuditLog.Event> accountHistory(String actor, int limit) {
        requireAdmin(actor, "read the account history");
        return audit.latest(limit).stream().filter(e -> e.workspaceId() == null).toList();
    }

    private void setPassword(UserAccountEntity u, String password, String field) {
        PasswordPolicy.problem(u.getUsername(), password).ifPresent(p -> {
            throw new InvalidInputException(List.of(new InvalidInputException.FieldViolation(field, p)));
        });
        u.setPasswordHash(passwordEncoder.encode(password));
        users.saveAndFlush(u);
        events.publishEvent(new AccountChanged(u.getUsername()));
    }

    private UserAccountEntity require(String username) {
        return users.findByUsername(username == null ? "" : username)
                .orElseThrow(() -> new org.gatewaypower.workspace.NotFoundException("account", username));
    }

    /** Refuses (403) unless the actor is an administrator. */
    public void requireAdministrator(String actor, String what) {
        requireAdmin(actor, what);
    }

    private void requireAdmin(String actor, String what) {
        boolean admin = users.findByUsername(actor).map(UserAccountEntity::isAdmin).orElse(false);
        if (!admin) {
            throw new ForbiddenException(actor + " may not " + what + ": only administrators may");
        }
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        UserAccountEntity u = users.findByUsername(username)
                .orElseThrow(() -> new UsernameNotFoundException("No user " + username));
        List<SimpleGrantedAuthority> roles = u.isAdmin()
                ? List.of(new SimpleGrantedAuthority("ROLE_USER"), new SimpleGrantedAuthority("ROLE_ADMIN"))
                : List.of(new SimpleGrantedAuthority("ROLE_USER"));
        return User.withUsername(u.getUsername()).password(u.getPasswordHash()).authorities(roles)
                .disabled(!u.isEnabled()).build();
    }

    @Transactional(readOnly = true)
    public Optional<Account> find(String username) {
        Map<Long, String> codes = teamCodes();
        return users.findByUsername(username)
                .map(u -> new Account(u.getUsername(), u.getDisplayName(),
                        u.getTeamId() == null ? null : codes.get(u.getTeamId()), u.isAdmin(), u.isEnabled()));
    }

    /** False for a disabled account (and for anonymous or unknown names, which have nothing to keep). */
    @Transactional(readOnly = true)
    public boolean isEnabled(String username) {
        return users.findByUsername(username).map(UserAccountEntity::isEnabled).orElse(false);
    }

    @Transactional(readOnly = true)
    public boolean exists(String username) {
        return users.findByUsername(username).isPresent();
    }

    /**
     * Creates a user without asking who does it: for the configured first administrator. {@code teamCode}
     * may be null for users outside the partner teams. The password policy applies.
     */
    @Transactional
    public Account create(String username, String displayName, String rawPassword, String teamCode, boolean admin) {
        return insert(username, displayName, rawPassword, teamCode, admin, true);
    }

    /**
     * Creates one of the demo workspace's accounts, whose shared password ("gateway", printed in the README
     * and on the sign-in page) is below the password policy on purpose: demo data only, never seeded with
     * {@code GATEWAY_DEMO=false}.
     */
    @Transactional
    public Account createDemoAccount(String username, String displayName, String rawPassword, String teamCode,
                                     boolean admin) {
        return insert(username, displayName, rawPassword, teamCode, admin, false);
    }

    private Account insert(String username, String displayName, String rawPassword, String teamCode, boolean admin,
                           boolean policy) {
        List<InvalidInputException.FieldViolation> problems = new java.util.ArrayList<>();
        if (username == null || !username.matches("[a-z][a-z0-9._-]{1,63}")) {
            problems.add(new InvalidInputException.FieldViolation("username",
                    "Username must be 2–64 characters: lower-case letters, digits, '.', '_' or '-', starting with a letter"));
        } else if (users.findByUsername(username).isPresent()) {
            problems.add(new InvalidInputException.FieldViolation("username", "Username " + username + " is taken"));
        }
        if (policy) {
            PasswordPolicy.problem(username, rawPassword)
                    .ifPresent(p -> problems.add(new InvalidInputException.FieldViolation("password", p)));
        } else if (rawPassword == null || rawPassword.isEmpty()) {
            problems.add(new InvalidInputException.FieldViolation("password", "Password is required"));
        }
        if (displayName != null && displayName.strip().length() > 120) {
            problems.add(new InvalidInputException.FieldViolation("displayName",
                    "Display name must be at most 120 characters (was " + displayName.strip().length() + ")"));
        }
        Long teamId = null;
        if (teamCode != null) {
            teamId = teams.byCode(teamCode).map(ReadModels.Team::id).orElse(null);
            if (teamId == null) {
                problems.add(new InvalidInputException.FieldViolation("teamCode", "Team " + teamCode + " does not exist"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String name = displayName == null || displayName.isBlank() ? username : displayName.strip();
        users.saveAndFlush(new UserAccountEntity(username, name, passwordEncoder.encode(rawPassword), teamId, admin));
        return new Account(username, name, teamCode, admin, true);
    }

    /** The result of a single sign-on: the account, and whether this sign-in created it. */
    record SsoAccount(Account account, boolean created) {
    }

    /**
     * The account a provider's subject signs in to: found by issuer and subject, or created in the team the
     * claims name. A later sign-in takes the display name, team and administrator flag from the claims again.
     * Refused (with a message for the person) when the account is disabled, or when a local account already
     * has the username: a provider never takes over an account it did not create.
     */
    @Transactional
    SsoAccount ssoSignIn(String issuer, String subject, SsoMapping.Identity id, String provider) {
        Long teamId = teams.byCode(id.teamCode()).map(ReadModels.Team::id).orElseThrow(() -> new SsoMapping.Refusal(
                "Your identity provider names the team " + id.teamCode() + ", which is not a Gateway Power partner "
                        + "team; ask an administrator"));
        boolean admin = id.role() == SsoMapping.Role.ADMIN;
        Optional<UserAccountEntity> linked = users.findBySsoIssuerAndSsoSubject(issuer, subject);
        if (linked.isPresent()) {
            UserAccountEntity u = linked.get();
            if (!u.isEnabled()) {
                throw new SsoMapping.Refusal("Your Gateway Power account " + u.getUsername() + " is disabled; ask "
                        + "an administrator");
            }
            if (!u.getDisplayName().equals(id.displayName()) || !teamId.equals(u.getTeamId()) || u.isAdmin() != admin) {
                String before = describe(u.getDisplayName(), u.getTeamId(), u.isAdmin());
                u.setDisplayName(id.displayName());
                u.setTeamId(teamId);
                u.setAdmin(admin);
                users.saveAndFlush(u);
                audit.record(null, u.getUsername(), "account", u.getUsername(),
                        org.gatewaypower.workspace.History.ChangeType.CHANGED, u.getUsername() + " signed in with "
                                + provider + ": " + before + " → " + describe(id.displayName(), teamId, admin));
            }
            return new SsoAccount(find(u.getUsername()).orElseThrow(), false);
        }
        if (users.findByUsername(id.username()).isPresent()) {
            throw new SsoMapping.Refusal("A Gateway Power account named " + id.username() + " exists already and was "
                    + "not created by " + provider + ", so it cannot be signed in to from there; ask an administrator");
        }
        // No password: the marker is no bcrypt hash (those start with "$2"), so no password ever matches it,
        // until an administrator sets one.
        UserAccountEntity u = new UserAccountEntity(id.username(), id.displayName(), "{sso}", teamId, admin);
        u.linkSso(issuer, subject);
        users.saveAndFlush(u);
        audit.record(null, id.username(), "account", id.username(), org.gatewaypower.workspace.History.ChangeType.ADDED,
                id.username() + " signed in with " + provider + " for the first time: account created ("
                        + describe(id.displayName(), teamId, admin) + ", role " + id.role().name().toLowerCase() + ")");
        return new SsoAccount(find(id.username()).orElseThrow(), true);
    }

    private String describe(String displayName, Long teamId, boolean admin) {
        return displayName + ", " + teams.byId(teamId).map(ReadModels.Team::code).orElse("no team")
                + (admin ? ", administrator" : "");
    }

    private Map<Long, String> teamCodes() {
        return teams.teams().stream().collect(Collectors.toMap(ReadModels.Team::id, ReadModels.Team::code));
    }
}
