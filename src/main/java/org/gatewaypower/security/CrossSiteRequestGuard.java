package org.gatewaypower.security;

import java.io.IOException;
import java.net.URI;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses state-changing requests that a browser sends on behalf of another site. A browser attaches its
 * ambient credentials (the session cookie, cached HTTP Basic credentials) to any request, also one that a
 * page on another origin makes it send: a hidden form posting a spreadsheet import, or a login form
 * signing the victim in as the attacker. Such requests carry the browser's {@code Sec-Fetch-Site} header
 * (every current browser sends it) or at least an {@code Origin}; both say where the request came from.
 *
 * <p>Rule, for POST, PUT, PATCH and DELETE on every path (API, login and the UI): with
 * {@code Sec-Fetch-Site}, only {@code same-origin} and {@code none} (typed by the user) pass; without it,
 * an {@code Origin} must equal this server's origin. Requests with neither come from scripts and programs
 * (curl, the partners' tools), which no other site can make a browser send, and pass. The Vaadin UI's
 * own CSRF token stays in place beside this.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class CrossSiteRequestGuard extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(CrossSiteRequestGuard.class);
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final Set<String> OWN_SITE = Set.of("same-origin", "none");

    private final java.util.concurrent.atomic.AtomicLong refused = new java.util.concurrent.atomic.AtomicLong();

    /** How many requests this node refused since it started (for operators and tests). */
    public long refusedCount() {
        return refused.get();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String refusal = SAFE_METHODS.contains(request.getMethod()) ? null : refusal(request);
        if (refusal == null) {
            chain.doFilter(request, response);
            return;
        }
        refused.incrementAndGet();
        log.warn("Refused a cross-site {} {} from {}: {}", request.getMethod(), request.getRequestURI(),
                request.getRemoteAddr(), refusal);
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write("{\"type\":\"urn:gateway-power:problem:cross-site\",\"title\":\"Forbidden\","
                + "\"status\":403,\"detail\":\"" + refusal + "\"}");
    }

    /** Why the request is refused, or null when it may pass. */
    static String refusal(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            return OWN_SITE.contains(site.toLowerCase()) ? null
                    : "Cross-site request refused: a page on another site (Sec-Fetch-Site: " + site
                      + ") may not change anything here";
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return null;
        }
        return sameOrigin(origin, request) ? null
                : "Cross-site request refused: Origin " + origin + " is not this server";
    }

    private static boolean sameOrigin(String origin, HttpServletRequest request) {
        try {
            URI o = URI.create(origin);
            if (o.getScheme() == null || o.getHost() == null) {
                return false;
            }
            int port = o.getPort() != -1 ? o.getPort() : "https".equalsIgnoreCase(o.getScheme()) ? 443 : 80;
            return o.getScheme().equalsIgnoreCase(request.getScheme())
                    && o.getHost().equalsIgnoreCase(request.getServerName()) && port == request.getServerPort();
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }
}
