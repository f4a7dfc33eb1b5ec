package org.gatewaypower.security;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * A real OpenID Connect provider for tests: Spring Authorization Server in its own application context (its
 * own Tomcat on a random port of 127.0.0.1, nothing of the application's configuration), with in-memory users
 * whose extra claims (team, roles, ...) go into their ID tokens, and one confidential client for Gateway Power.
 * Users sign in on its default login page (fields {@code username}, {@code password}); consent is not asked.
 *
 * <p>Its session cookie has its own name: cookies do not tell ports apart, and the application under test
 * also runs on 127.0.0.1 (the authorization server refuses {@code localhost} in redirect URIs, and accepts any
 * port of a loopback address, so one registered redirect URI serves every random application port).
 *
 * <pre>{@code
 * try (TestIdentityProvider idp = TestIdentityProvider.start(List.of(new TestIdentityProvider.Person(
 *         "ana", "secret", Map.of("preferred_username", "ana", "agency", "ESA"))))) {
 *     idp.clientProperties("agency", "ESA Identity").forEach(registry::add);
 * }
 * }</pre>
 */
public final class TestIdentityProvider implements AutoCloseable {

    /** The client id and secret Gateway Power uses at this provider. */
    public static final String CLIENT_ID = "gateway-power";
    public static final String CLIENT_SECRET = "test-client-secret";

    /** A user of the provider: the login name and password, and the claims added to the ID token. */
    public record Person(String login, String password, Map<String, Object> claims) {
    }

    private final ConfigurableApplicationContext context;
    private final String issuer;

    private TestIdentityProvider(ConfigurableApplicationContext context) {
        this.context = context;
        Integer port = context.getEnvironment().getProperty("local.server.port", Integer.class);
        this.issuer = "http://127.0.0.1:" + port;
    }

    /** Starts a provider with these users; the application registers it under the id {@code agency}. */
    public static TestIdentityProvider start(List<Person> people) {
        Map<String, Person> byLogin = new LinkedHashMap<>();
        people.forEach(p -> byLogin.put(p.login(), p));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(Server.class)
                .web(WebApplicationType.SERVLET)
                .initializers(c -> c.getBeanFactory().registerSingleton("people", new People(byLogin)))
                // Nothing of the application's own configuration files: this is another server.
                .run("--spring.config.name=gp-test-identity-provider", "--server.port=0",
                        "--server.address=127.0.0.1", "--server.servlet.session.cookie.name=GP_IDP_SESSION",
                        // Tomcat runs filters only for a request some servlet is mapped to; every endpoint here
                        // is a filter, so its default servlet takes what they pass on.
                        "--server.servlet.register-default-servlet=true",
                        "--spring.main.banner-mode=off", "--spring.jmx.enabled=false");
        return new TestIdentityProvider(context);
    }

    /** The issuer URI (also the base of every endpoint), e.g. {@code http://127.0.0.1:41234}. */
    public String issuer() {
        return issuer;
    }

    /**
     * The application properties that register this provider under {@code registrationId}, as an operator
     * would write them, with {@code clientName} on the "Sign in with …" button.
     */
    public Map<String, String> clientProperties(String registrationId, String clientName) {
        String r = "spring.security.oauth2.client.registration." + registrationId + ".";
        return Map.of(r + "client-id", CLIENT_ID, r + "client-secret", CLIENT_SECRET, r + "client-name", clientName,
                r + "scope", "openid,profile",
                "spring.security.oauth2.client.provider." + registrationId + ".issuer-uri", issuer);
    }

    @Override
    public void close() {
        context.close();
    }

    /** The users, handed to the provider's context. */
    record People(Map<String, Person> byLogin) {
    }

    /**
     * The provider's beans. A test configuration, so that the application's component scan in the Spring
     * tests (which covers this package) leaves it out.
     */
    @TestConfiguration(proxyBeanMethods = false)
    @EnableWebSecurity
    @ImportAutoConfiguration({TomcatServletWebServerAutoConfiguration.class, SecurityFilterAutoConfiguration.class})
    static class Server {

        @Bean
        @Order(1)
        SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
            http.oauth2AuthorizationServer(as -> {
                http.securityMatcher(as.getEndpointsMatcher());
                as.oidc(Customizer.withDefaults());
            });
            http.authorizeHttpRequests(a -> a.anyRequest().authenticated())
                    // The user info endpoint takes the access token as a bearer token.
                    .oauth2ResourceServer(r -> r.jwt(Customizer.withDefaults()))
                    .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                            new LoginUrlAuthenticationEntryPoint("/login"),
                            new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
            return http.build();
        }

        @Bean
        @Order(2)
        SecurityFilterChain signIn(HttpSecurity http) throws Exception {
            http.authorizeHttpRequests(a -> a.anyRequest().authenticated()).formLogin(Customizer.withDefaults());
            return http.build();
        }

        @Bean
        UserDetailsService users(People people) {
            return new InMemoryUserDetailsManager(people.byLogin().values().stream()
                    .map(p -> User.withUsername(p.login()).password("{noop}" + p.password()).roles("USER").build())
                    .toList());
        }

        @Bean
        RegisteredClientRepository clients() {
            return new InMemoryRegisteredClientRepository(RegisteredClient.withId(UUID.randomUUID().toString())
                    .clientId(CLIENT_ID).clientSecret("{noop}" + CLIENT_SECRET)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                    .redirectUri("http://127.0.0.1/login/oauth2/code/agency")
                    .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE)
                    .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
                    .build());
        }

        /** The person's claims in the ID token (where the application's claim mapping reads them). */
        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> claims(People people) {
            return context -> {
                if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                    Person p = people.byLogin().get(context.getPrincipal().getName());
                    if (p != null) {
                        p.claims().forEach((name, value) -> context.getClaims().claim(name, value));
                    }
                }
            };
        }

        @Bean
        JWKSource<com.nimbusds.jose.proc.SecurityContext> keys() throws NoSuchAlgorithmException {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(UUID.randomUUID().toString()).build();
            return new ImmutableJWKSet<>(new JWKSet(key));
        }

        @Bean
        JwtDecoder jwtDecoder(JWKSource<com.nimbusds.jose.proc.SecurityContext> keys) {
            return OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
        }

        /**
         * The strategy in force at each call, not the one at start-up. The application under test, started
         * after this provider in the same JVM, replaces Spring Security's global strategy with Vaadin's;
         * the authorization endpoint reads the signed-in user through that global one, so this server's
         * filters must store it there too, or the user seems not signed in.
         */
        @Bean
        SecurityContextHolderStrategy securityContextHolderStrategy() {
            return new SecurityContextHolderStrategy() {
                @Override
                public void clearContext() {
                    SecurityContextHolder.getContextHolderStrategy().clearContext();
                }

                @Override
                public SecurityContext getContext() {
                    return SecurityContextHolder.getContextHolderStrategy().getContext();
                }

                @Override
                public java.util.function.Supplier<SecurityContext> getDeferredContext() {
                    return SecurityContextHolder.getContextHolderStrategy().getDeferredContext();
                }

                @Override
                public void setContext(SecurityContext context) {
                    SecurityContextHolder.getContextHolderStrategy().setContext(context);
                }

                @Override
                public void setDeferredContext(java.util.function.Supplier<SecurityContext> deferredContext) {
                    SecurityContextHolder.getContextHolderStrategy().setDeferredContext(deferredContext);
                }

                @Override
                public SecurityContext createEmptyContext() {
                    return SecurityContextHolder.getContextHolderStrategy().createEmptyContext();
                }
            };
        }

        @Bean
        AuthorizationServerSettings settings() {
            return AuthorizationServerSettings.builder().build();
        }
    }
}
