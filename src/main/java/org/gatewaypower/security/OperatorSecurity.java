package org.gatewaypower.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * The Actuator endpoints on the main port: the health probes for everyone (load balancers), everything else
 * (the Prometheus metrics) for administrators only, by HTTP Basic or an administrator's API token, with no
 * session. Metrics stay on the main port so that one port and one set of accounts serve a deployment behind
 * a proxy; what they reveal (users at work, edit rates) is for operators, hence administrators.
 */
@Configuration
class OperatorSecurity {

    @Bean
    @Order(0)
    SecurityFilterChain actuatorSecurity(HttpSecurity http, ApiTokenService tokens, AccountService accounts)
            throws Exception {
        AuthenticationEntryPoint unauthorized = (request, response, ex) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Gateway Power\"");
            problem(response, HttpStatus.UNAUTHORIZED, "Sign in as an administrator with HTTP Basic, or send an "
                    + "administrator's API token as 'Authorization: Bearer gp_...'");
        };
        AccessDeniedHandler forbidden = (request, response, ex) -> problem(response, HttpStatus.FORBIDDEN,
                request.getUserPrincipal().getName() + " may not read the operations endpoints: only administrators may");
        http.securityMatcher("/actuator/**")
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .anyRequest().hasRole("ADMIN"))
                .httpBasic(b -> b.authenticationEntryPoint(unauthorized))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
                .addFilterBefore(new ApiTokenFilter(tokens, accounts, unauthorized), BasicAuthenticationFilter.class)
                // Read-only endpoints, no cookie: nothing for a CSRF token to protect.
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        SecurityConfig.headers(http);
        return http.build();
    }

    private static void problem(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase()
                + "\",\"status\":" + status.value() + ",\"detail\":\"" + detail.replace("\\", "\\\\")
                .replace("\"", "\\\"") + "\"}");
    }
}
