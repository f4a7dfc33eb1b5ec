package org.gatewaypower.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends the session of an account an administrator disabled, at its next request: a signed-in browser keeps
 * its authentication in the session, which would otherwise outlive the decision by up to the session
 * timeout. The request then goes on as anonymous, so the UI falls back to the sign-in page. (The API has no
 * session: every request signs in again and a disabled account is refused there.)
 */
class DisabledAccountFilter extends OncePerRequestFilter {

    private final AccountService accounts;

    DisabledAccountFilter(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.isAuthenticated() && request.getSession(false) != null
                && !accounts.isEnabled(auth.getName())) {
            HttpSession session = request.getSession(false);
            SecurityContextHolder.clearContext();
            session.invalidate();
        }
        chain.doFilter(request, response);
    }
}
