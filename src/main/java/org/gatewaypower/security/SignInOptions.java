package org.gatewaypower.security;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.stereotype.Component;

/**
 * The ways to sign in to the UI, for the sign-in page and the filter chain: local passwords (unless
 * {@code gateway.security.local-passwords=false}) and the OpenID Connect providers configured the Spring way
 * under {@code spring.security.oauth2.client.registration.<id>}. Checked at start-up: every registration
 * must be an OpenID Connect authorization-code client (only those carry the ID token the account mapping
 * reads), and turning local passwords off needs at least one provider, or nobody could sign in.
 */
@Component
public class SignInOptions {

    /** One "Sign in with …" button: the registration id and the name shown ({@code client-name}). */
    public record Provider(String registrationId, String name) {

        /** Where the button leads, relative to the application's root: Spring Security starts the sign-in there. */
        public String path() {
            return "oauth2/authorization/" + registrationId;
        }
    }

    private final boolean localPasswords;
    private final List<Provider> providers;

    SignInOptions(@Value("${gateway.security.local-passwords:true}") boolean localPasswords,
                  ObjectProvider<ClientRegistrationRepository> registrations) {
        this.localPasswords = localPasswords;
        List<Provider> found = new ArrayList<>();
        if (registrations.getIfAvailable() instanceof Iterable<?> all) {
            for (Object o : all) {
                ClientRegistration r = (ClientRegistration) o;
                String property = "spring.security.oauth2.client.registration." + r.getRegistrationId();
                if (!AuthorizationGrantType.AUTHORIZATION_CODE.equals(r.getAuthorizationGrantType())
                        || !r.getScopes().contains(OidcScopes.OPENID)) {
                    throw new IllegalStateException(property + " must be an OpenID Connect sign-in: "
                            + "authorization-grant-type authorization_code and a scope that includes 'openid' "
                            + "(was " + r.getAuthorizationGrantType().getValue() + ", scopes " + r.getScopes() + ")");
                }
                found.add(new Provider(r.getRegistrationId(), r.getClientName()));
            }
        }
        this.providers = List.copyOf(found);
        if (!localPasswords && providers.isEmpty()) {
            throw new IllegalStateException("gateway.security.local-passwords=false needs at least one OpenID "
                    + "Connect provider (spring.security.oauth2.client.registration.<id>.*): otherwise nobody could "
                    + "sign in to the UI");
        }
    }

    /** Whether the sign-in form, form login and HTTP Basic accept local passwords. */
    public boolean localPasswords() {
        return localPasswords;
    }

    /** The configured OpenID Connect providers, in configuration order; empty when none is configured. */
    public List<Provider> providers() {
        return providers;
    }
}
