package org.gatewaypower.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gatewaypower.workspace.MembershipService;
import org.gatewaypower.workspace.TeamDirectory;
import org.gatewaypower.workspace.WorkspaceRole;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Single sign-on with an OpenID Connect provider: maps the claims ({@link SsoMapping}) to an account, creates
 * it at the first sign-in (in its team's workspaces with the mapped role) and signs the browser in as it.
 */
@Service
class SingleSignOn {

    private final AccountService accounts;
    private final MembershipService memberships;
    private final TeamDirectory teams;
    private final SsoMapping mapping;

    SingleSignOn(AccountService accounts, MembershipService memberships, TeamDirectory teams, SsoMapping mapping) {
        this.accounts = accounts;
        this.memberships = memberships;
        this.teams = teams;
        this.mapping = mapping;
    }

    /** The account these claims sign in to, created (with its workspaces) in one transaction the first time. */
    @Transactional
    public Account account(String issuer, String subject, Map<String, Object> claims, String provider) {
        try {
            SsoMapping.Identity id = mapping.identify(claims, code -> teams.byCode(code).isPresent());
            AccountService.SsoAccount signedIn = accounts.ssoSignIn(issuer, subject, id, provider);
            if (signedIn.created() && id.role() != SsoMapping.Role.ADMIN) {
                memberships.joinTeamWorkspaces(id.username(), WorkspaceRole.valueOf(id.role().name()));
            }
            return signedIn.account();
        } catch (SsoMapping.Refusal refused) {
            throw new SsoSignInRefused(refused.getMessage());
        }
    }

    /**
     * The user service of Spring Security's OpenID Connect login: the provider's user, then our account
     * (through {@code sso}, the transactional proxy of this service).
     */
    static OAuth2UserService<OidcUserRequest, OidcUser> userService(SingleSignOn sso) {
        OidcUserService provider = new OidcUserService();
        return request -> {
            OidcUser user = provider.loadUser(request);
            Account a = sso.account(user.getIdToken().getIssuer().toString(), user.getSubject(), user.getClaims(),
                    request.getClientRegistration().getClientName());
            List<GrantedAuthority> authorities = new ArrayList<>(List.of(new SimpleGrantedAuthority("ROLE_USER")));
            if (a.admin()) {
                authorities.add(new SimpleGrantedAuthority("ROLE_ADMIN"));
            }
            return new SignedIn(authorities, user.getIdToken(), user.getUserInfo(), a.username());
        };
    }

    /**
     * The provider's user under its Gateway Power username: everything in the application names the signed-in
     * user by {@code Authentication.getName()}, which is this principal's name.
     */
    static final class SignedIn extends DefaultOidcUser {

        private final String username;

        SignedIn(List<GrantedAuthority> authorities, OidcIdToken idToken, OidcUserInfo userInfo, String username) {
            super(authorities, idToken, userInfo);
            this.username = username;
        }

        @Override
        public String getName() {
            return username;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof SignedIn other && super.equals(other) && username.equals(other.username);
        }

        @Override
        public int hashCode() {
            return 31 * super.hashCode() + username.hashCode();
        }
    }
}
