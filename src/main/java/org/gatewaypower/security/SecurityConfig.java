package org.gatewaypower.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;

import com.vaadin.flow.router.Route;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Two filter chains on one set of accounts: the REST API under {@code /api} with HTTP Basic (unless local
 * passwords are off) or personal API tokens and no session, and the Vaadin UI with form login and/or single
 * sign-on with the configured OpenID Connect providers ({@link SignInOptions}).
 */
@Configuration
@EnableWebSecurity
@EnableConfigurationProperties(SsoMapping.class)
class SecurityConfig {

    /** How long a throttled sign-in waits before its 429 (ms). */
    static final long THROTTLED_PAUSE_MS = 250;

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    /**
     * The one way to sign in with a password (form login and HTTP Basic): throttled, and cheap for a
     * password verified moments ago. Declared as a bean so that it replaces Spring Security's default
     * provider rather than sitting in front of it.
     */
    @Bean
    ThrottledAuthenticationProvider passwordSignIn(AccountService accounts, PasswordEncoder encoder,
                                                   LoginThrottle throttle, java.time.Clock clock) {
        return new ThrottledAuthenticationProvider(accounts, encoder, throttle, clock);
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, ApiTokenService tokens, AccountService accounts,
                                    SignInOptions options) throws Exception {
        AuthenticationEntryPoint problem = (request, response, ex) -> {
            if (ex instanceof LoginThrottledException throttled) {
                // A quarter-second pause before the refusal: a client hammering wrong passwords then sends a
                // few requests a second instead of thousands, and costs the server next to nothing.
                try {
                    Thread.sleep(THROTTLED_PAUSE_MS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
                response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
                response.setHeader("Retry-After", Long.toString(throttled.retryAfterSeconds()));
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.getWriter().write("{\"type\":\"urn:gateway-power:problem:sign-in-throttled\","
                        + "\"title\":\"Too Many Requests\",\"status\":429,\"detail\":\"Too many failed sign-ins "
                        + "for this account or from this address: try again in " + throttled.retryAfterSeconds()
                        + " s\",\"retryAfterSeconds\":" + throttled.retryAfterSeconds() + "}");
                return;
            }
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            response.setHeader("WWW-Authenticate", options.localPasswords() ? "Basic realm=\"Gateway Power\""
                    : "Bearer realm=\"Gateway Power\"");
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                    + "\"detail\":\"" + (options.localPasswords()
                            ? "Sign in with HTTP Basic using your Gateway Power account, or send a "
                            : "Passwords are turned off on this server (gateway.security.local-passwords=false): send a ")
                    + "personal API token as 'Authorization: Bearer gp_...'\"}");
        };
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/api/v1/openapi/**", "/api/v1/docs/**").permitAll()
                        .anyRequest().authenticated())
                .exceptionHandling(e -> e.authenticationEntryPoint(problem))
                .addFilterBefore(new ApiTokenFilter(tokens, accounts, problem),
                        org.springframework.security.web.authentication.www.BasicAuthenticationFilter.class)
                // No session and no cookie: the API has no CSRF token to check; CrossSiteRequestGuard refuses
                // what a browser sends on another site's behalf.
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        if (options.localPasswords()) {
            http.httpBasic(b -> b.authenticationEntryPoint(problem));
        }
        headers(http);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain uiSecurity(HttpSecurity http, AccountService accounts, SignInPage signIn,
                                   SignInOptions options, SingleSignOn sso) throws Exception {
        http.addFilterAfter(new DisabledAccountFilter(accounts),
                org.springframework.security.web.context.SecurityContextHolderFilter.class);
        http.authorizeHttpRequests(a -> a.requestMatchers("/actuator/health", "/actuator/health/**", "/swagger-ui/**", "/v3/api-docs/**", "/styles/**")
                .permitAll());
        // A closing page's beacon carries no CSRF token; its random key is the secret (see PageCloseBeacons),
        // and CrossSiteRequestGuard keeps other sites from sending it. It is open to the signed-out too: the
        // beacon of a page whose session ended (30 minutes idle, or its node died and the proxy sent it to
        // another) was sent to the sign-in page and remembered as where to go after it, so signing in again
        // ended on a 403. An unknown key does nothing.
        http.authorizeHttpRequests(a -> a.requestMatchers("/page-closed/**").permitAll());
        http.csrf(c -> c.ignoringRequestMatchers("/page-closed/**"));
        // The route as declared: Vaadin's route registry is not up yet while the filter chains are built.
        Route route = signIn.view().getAnnotation(Route.class);
        String signInPath = "/" + (route == null ? "login" : route.value());
        if (options.localPasswords()) {
            http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(signIn.view()));
        } else {
            // No form login: a password posted to the sign-in page is refused before anything else reads it.
            http.addFilterBefore(new PasswordSignInRefusal(signInPath), CsrfFilter.class);
            http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.oauth2LoginPage(signInPath));
        }
        if (!options.providers().isEmpty()) {
            // Failures go back to the sign-in page (?error) with the exception in the session, where the page
            // reads the message. A provider that is no OpenID Connect provider is refused at start-up
            // (SignInOptions); the plain OAuth2 user service is never reached.
            http.oauth2Login(o -> o.loginPage(signInPath)
                    .userInfoEndpoint(u -> u.oidcUserService(SingleSignOn.userService(sso))));
        }
        headers(http);
        return http.build();
    }

    /**
     * Content-Security-Policy and Referrer-Policy on every answer. Vaadin's bootstrap page and its
     * components need inline scripts and styles (and eval in the client engine), push needs web sockets to
     * this server, ECharts draws on canvases and the report's charts are data URLs; everything else comes
     * from this origin, no other site may frame the app, and forms post only here.
     */
    static void headers(HttpSecurity http) throws Exception {
        http.headers(h -> h
                .contentSecurityPolicy(c -> c.policyDirectives("default-src 'self'; "
                        + "script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
                        + "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self' ws: wss:; "
                        + "worker-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; "
                        + "frame-ancestors 'self'"))
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
    }
}
