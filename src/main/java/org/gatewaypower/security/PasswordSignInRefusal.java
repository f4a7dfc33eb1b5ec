package org.gatewaypower.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * With {@code gateway.security.local-passwords=false}: a username and password posted to the sign-in page
 * (where form login would take them) get a 403 problem saying that passwords are off, instead of reaching
 * the page as an ordinary request.
 */
class PasswordSignInRefusal extends OncePerRequestFilter {

    private final String signInPath;

    PasswordSignInRefusal(String signInPath) {
        this.signInPath = signInPath;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!"POST".equals(request.getMethod()) || !path.equals(signInPath)) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpStatus.FORBIDDEN.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write("{\"type\":\"urn:gateway-power:problem:local-passwords-off\",\"title\":"
                + "\"Forbidden\",\"status\":403,\"detail\":\"Password sign-in is turned off on this server "
                + "(gateway.security.local-passwords=false): sign in with your agency's identity provider\"}");
    }
}
