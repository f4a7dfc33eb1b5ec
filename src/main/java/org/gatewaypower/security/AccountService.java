package org.gatewaypower.security;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.gatewaypower.security.internal.UserAccountEntity;
import org.gatewaypower.security.internal.UserAccountRepository;
import org.gatewaypower.workspace.InvalidInputException;
import org.gatewaypower.workspace.Views;
import org.gatewaypower.workspace.WorkspaceService;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** User accounts: sign-in look-up (passwords stored as bcrypt hashes) and creation. */
@Service
public class AccountService implements UserDetailsService {

    private final UserAccountRepository users;
    private final PasswordEncoder passwordEncoder;
    private final WorkspaceService workspaces;

    AccountService(UserAccountRepository users, PasswordEncoder passwordEncoder, WorkspaceService workspaces) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.workspaces = workspaces;
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

    /** Creates a user; {@code teamCode} may be null for users outside the partner teams. */
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
        }
        Long teamId = null;
        if (teamCode != null) {
            teamId = workspaces.teams().stream().filter(t -> t.code().equals(teamCode)).map(Views.Team::id)
                    .findFirst().orElse(null);
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
        return workspaces.teams().stream().collect(Collectors.toMap(Views.Team::id, Views.Team::code));
    }
}
