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
import org.gatewaypower.workspace.Views;
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

    AccountService(UserAccountRepository users, PasswordEncoder passwordEncoder, TeamDirectory teams) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.teams = teams;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Actor> actor(String username) {
        return users.findByUsername(username).map(u -> new Actor(u.getUsername(), u.getDisplayName(),
                u.getTeamId() == null ? null : teams.byId(u.getTeamId()).map(Views.Team::code).orElse(null),
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
                        u.getTeamId() == null ? null : codes.get(u.getTeamId()), u.isAdmin()))
                .toList();
    }

    /** Creates an account on behalf of an administrator. */
    @Transactional
    public Account create(String username, String displayName, String rawPassword, String teamCode, boolean admin,
                          String actor) {
        requireAdmin(actor, "create accounts");
        return create(username, displayName, rawPassword, teamCode, admin);
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
        return User.withUsername(u.getUsername()).password(u.getPasswordHash()).authorities(roles).build();
    }

    @Transactional(readOnly = true)
    public Optional<Account> find(String username) {
        Map<Long, String> codes = teamCodes();
        return users.findByUsername(username)
                .map(u -> new Account(u.getUsername(), u.getDisplayName(),
                        u.getTeamId() == null ? null : codes.get(u.getTeamId()), u.isAdmin()));
    }

    @Transactional(readOnly = true)
    public boolean exists(String username) {
        return users.findByUsername(username).isPresent();
    }

    /**
     * Creates a user without asking who does it: for start-up seeding (demo data, the configured first
     * administrator). {@code teamCode} may be null for users outside the partner teams.
     */
    @Transactional
    public Account create(String username, String displayName, String rawPassword, String teamCode, boolean admin) {
        List<InvalidInputException.FieldViolation> problems = new java.util.ArrayList<>();
        if (username == null || !username.matches("[a-z][a-z0-9._-]{1,63}")) {
            problems.add(new InvalidInputException.FieldViolation("username",
                    "Username must be 2–64 characters: lower-case letters, digits, '.', '_' or '-', starting with a letter"));
        } else if (users.findByUsername(username).isPresent()) {
            problems.add(new InvalidInputException.FieldViolation("username", "Username " + username + " is taken"));
        }
        if (rawPassword == null || rawPassword.length() < 6) {
            problems.add(new InvalidInputException.FieldViolation("password", "Password must be at least 6 characters"));
        } else if (rawPassword.length() > 72) {
            problems.add(new InvalidInputException.FieldViolation("password",
                    "Password must be at most 72 characters (bcrypt reads no further)"));
        }
        Long teamId = null;
        if (teamCode != null) {
            teamId = teams.byCode(teamCode).map(Views.Team::id).orElse(null);
            if (teamId == null) {
                problems.add(new InvalidInputException.FieldViolation("team", "Team " + teamCode + " does not exist"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String name = displayName == null || displayName.isBlank() ? username : displayName.strip();
        users.saveAndFlush(new UserAccountEntity(username, name, passwordEncoder.encode(rawPassword), teamId, admin));
        return new Account(username, name, teamCode, admin);
    }

    private Map<Long, String> teamCodes() {
        return teams.teams().stream().collect(Collectors.toMap(Views.Team::id, Views.Team::code));
    }
}
