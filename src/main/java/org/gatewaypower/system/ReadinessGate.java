package org.gatewaypower.system;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 503 until the application can serve requests. Tomcat opens its port during context refresh,
 * before the start-up tasks (migrations are done by then, but the first administrator and the demo
 * workspace are created by application runners afterwards); Spring Boot marks the application ready
 * (readiness ACCEPTING_TRAFFIC) only after those tasks, and again refuses traffic while shutting down.
 * Without this gate a user signing in during the first seconds got 401 and an empty workspace list.
 *
 * <p>The health endpoints stay open so that a load balancer can watch the probes.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ReadinessGate extends OncePerRequestFilter {

    private final ApplicationAvailability availability;

    ReadinessGate(ApplicationAvailability availability) {
        this.availability = availability;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/actuator/health");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", "2");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503,"
                + "\"detail\":\"Gateway Power is starting or stopping; try again in a few seconds\"}");
    }
}
