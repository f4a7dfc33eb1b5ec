package org.gatewaypower.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates API requests that carry {@code Authorization: Bearer gp_…} as the token's user. A
 * token that is unknown or revoked is refused with 401 (never silently treated as anonymous).
 */
class ApiTokenFilter extends OncePerRequestFilter {

    private final ApiTokenService tokens;
    private final AccountService accounts;
    private final AuthenticationEntryPoint refused;

    ApiTokenFilter(ApiTokenService tokens, AccountService accounts, AuthenticationEntryPoint refused) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.refused = refused;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        String user = tokens.authenticate(header.substring(7).strip()).orElse(null);
        if (user == null) {
            refused.commence(request, response, new org.springframework.security.authentication
                    .BadCredentialsException("Unknown or revoked API token"));
            return;
        }
        UserDetails details = accounts.loadUserByUsername(user);
        if (!details.isEnabled()) {
            refused.commence(request, response, new org.springframework.security.authentication
                    .DisabledException("The account " + user + " is disabled; its tokens do not work"));
            return;
        }
        UsernamePasswordAuthenticationToken auth = UsernamePasswordAuthenticationToken.authenticated(details, null,
                details.getAuthorities());
        SecurityContextHolder.getContext().setAuthentication(auth);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
