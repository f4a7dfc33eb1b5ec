package org.gatewaypower.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.gatewaypower.SpringTestBase;
import org.gatewaypower.workspace.InvalidInputException;
import org.gatewaypower.workspace.MembershipService;
import org.gatewaypower.workspace.ReadModels;
import org.gatewaypower.workspace.WorkspaceRole;
import org.gatewaypower.workspace.WorkspaceService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Accounts made and updated by single sign-on, on the demo data with the default claim mapping
 * ({@code preferred_username}, {@code name}, {@code agency} as the team code, {@code roles}); the browser
 * sign-in through a real provider is {@code ui.SingleSignOnIT}.
 */
class SingleSignOnTest extends SpringTestBase {

    private static final String ISSUER = "https://id.example.test/realms/esa";

    @Autowired
    SingleSignOn sso;
    @Autowired
    AccountService accounts;
    @Autowired
    MembershipService memberships;
    @Autowired
    WorkspaceService workspaces;
    @Autowired
    PasswordEncoder passwords;

    private static String fresh() {
        return "sso-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private Account signIn(String subject, String username, String name, String team, String role) {
        return sso.account(ISSUER, subject, Map.of("preferred_username", username, "name", name, "agency", team,
                "roles", List.of(role)), "ESA Identity");
    }

    private long demo() {
        return workspaces.listWorkspaces().stream().filter(w -> w.name().equals("Gateway demo")).findFirst()
                .orElseThrow().id();
    }

    @Test
    void the_first_sign_in_creates_the_account_in_its_team_and_its_teams_workspaces_with_the_mapped_role() {
        String user = fresh();

        Account a = signIn("sub-" + user, user, "Ana Lima", "ESA", "editor");

        assertThat(a).isEqualTo(new Account(user, "Ana Lima", "ESA", false, true));
        assertThat(accounts.find(user)).contains(a);
        assertThat(memberships.members(demo())).filteredOn(m -> m.username().equals(user))
                .extracting(ReadModels.Member::role).containsExactly(WorkspaceRole.EDITOR);
        assertThat(workspaces.listWorkspaces(user)).extracting(ReadModels.WorkspaceSummary::name)
                .contains("Gateway demo");
    }

    @Test
    void a_later_sign_in_updates_name_team_and_administrator_but_not_the_workspace_role_an_owner_manages() {
        String user = fresh();
        String subject = "sub-" + user;
        signIn(subject, user, "Ana Lima", "ESA", "viewer");

        Account again = signIn(subject, user, "Ana Lima-Sato", "JAXA", "admin");

        assertThat(again).isEqualTo(new Account(user, "Ana Lima-Sato", "JAXA", true, true));
        assertThat(memberships.members(demo())).filteredOn(m -> m.username().equals(user))
                .extracting(ReadModels.Member::role).containsExactly(WorkspaceRole.VIEWER);
    }

    @Test
    void claims_naming_an_unknown_team_are_refused_and_no_account_is_made() {
        String user = fresh();

        assertThatThrownBy(() -> signIn("sub-" + user, user, "Zed", "Unknown Agency", "editor"))
                .isInstanceOf(SsoSignInRefused.class).hasMessageContaining("not a Gateway Power partner team");
        assertThat(accounts.exists(user)).isFalse();
    }

    @Test
    void a_disabled_account_stays_disabled() {
        String user = fresh();
        signIn("sub-" + user, user, "Ana Lima", "ESA", "editor");
        accounts.setEnabled(user, false, "admin");

        assertThatThrownBy(() -> signIn("sub-" + user, user, "Ana Lima", "ESA", "editor"))
                .isInstanceOf(SsoSignInRefused.class).hasMessageContaining("is disabled");
        assertThat(accounts.find(user).orElseThrow().enabled()).isFalse();
    }

    @Test
    void an_account_made_by_single_sign_on_has_no_password_to_sign_in_with_or_change() {
        String user = fresh();
        signIn("sub-" + user, user, "Ana Lima", "ESA", "editor");

        assertThatThrownBy(() -> accounts.changeOwnPassword(user, "{sso}", "a long new passphrase here"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("identity provider");
        assertThat(passwords.matches("{sso}", accounts.loadUserByUsername(user).getPassword())).isFalse();
    }

    @Test
    void a_provider_cannot_take_over_a_local_account_of_the_same_name() {
        assertThatThrownBy(() -> signIn("sub-esa", "esa", "Impostor", "ESA", "admin"))
                .isInstanceOf(SsoSignInRefused.class).hasMessageContaining("exists already");
        assertThat(accounts.find("esa").orElseThrow().admin()).isFalse();
    }
}
