package org.gatewaypower.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;

/** The start-up checks of the sign-in options. */
class SignInOptionsTest {

    private static ClientRegistration registration(String id, String... scopes) {
        return ClientRegistration.withRegistrationId(id).clientId("gateway-power").clientName(id.toUpperCase() + " Identity")
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}").scope(scopes)
                .authorizationUri("https://id.example.test/authorize").tokenUri("https://id.example.test/token")
                .jwkSetUri("https://id.example.test/jwks").build();
    }

    private static SignInOptions options(boolean localPasswords, ClientRegistration... registrations) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory(registrations.length == 0 ? Map.of()
                : Map.of("clientRegistrationRepository", new InMemoryClientRegistrationRepository(registrations)));
        return new SignInOptions(localPasswords, beans.getBeanProvider(ClientRegistrationRepository.class));
    }

    @Test
    void without_providers_only_local_passwords_are_offered() {
        SignInOptions none = options(true);

        assertThat(none.localPasswords()).isTrue();
        assertThat(none.providers()).isEmpty();
    }

    @Test
    void each_openid_connect_registration_becomes_a_button() {
        SignInOptions two = options(false, registration("esa", "openid", "profile"), registration("jaxa", "openid"));

        assertThat(two.providers()).containsExactlyInAnyOrder(new SignInOptions.Provider("esa", "ESA Identity"),
                new SignInOptions.Provider("jaxa", "JAXA Identity"));
        assertThat(two.providers().getFirst().path()).startsWith("oauth2/authorization/");
    }

    @Test
    void passwords_off_without_a_provider_or_a_registration_without_openid_stop_the_start() {
        assertThatThrownBy(() -> options(false)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("gateway.security.local-passwords=false needs at least one OpenID Connect provider");
        assertThatThrownBy(() -> options(true, registration("github", "read:user")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("spring.security.oauth2.client.registration.github")
                .hasMessageContaining("'openid'");
    }
}
