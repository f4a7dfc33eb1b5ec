package org.gatewaypower.operations;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The user ({@code user}) and, when the request names one, the workspace ({@code workspace}) in the logging
 * context (MDC) of every HTTP request, so each log line of the request carries them: in the console pattern
 * and as fields of the JSON (ECS) logs. The filter runs inside Spring Security's, where the signed-in user is
 * known; the workspace comes from an API path ({@code /api/v1/workspaces/{id}/...}) here, and for Vaadin UI
 * requests from the page the UI shows ({@link VaadinOperations}).
 *
 * <p>At DEBUG ({@code logging.level.org.gatewaypower.operations.RequestLogContext=DEBUG}) it also logs one
 * line per request: method, path, status and duration (ms).
 */
class RequestLogContext extends OncePerRequestFilter {

    static final String USER = "user";
    static final String WORKSPACE = "workspace";

    private static final Logger log = LoggerFactory.getLogger(RequestLogContext.class);
    private static final Pattern API_WORKSPACE = Pattern.compile("^/api/v\\d+/workspaces/(\\d{1,18})(/|$)");
    private static final Pattern UI_WORKSPACE = Pattern.compile("^workspaces?/(\\d{1,18})(/|$)");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        // The request's principal, as Spring Security's request wrapper gives it (null when anonymous): it reads
        // the security context through this application's own strategy rather than the JVM-wide static holder.
        java.security.Principal principal = request.getUserPrincipal();
        if (principal != null) {
            MDC.put(USER, principal.getName());
        }
        Matcher m = API_WORKSPACE.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        if (m.find()) {
            MDC.put(WORKSPACE, m.group(1));
        }
        try {
            chain.doFilter(request, response);
        } finally {
            if (log.isDebugEnabled()) {
                log.debug("{} {} {} {} ms", request.getMethod(), request.getRequestURI(), response.getStatus(),
                        (System.nanoTime() - start) / 1_000_000);
            }
            MDC.remove(USER);
            MDC.remove(WORKSPACE);
        }
    }

    /** Puts the workspace of a UI route ({@code workspace/3/eclipses}) into the log context, if it names one. */
    static void workspaceFromPath(String routePath) {
        if (routePath == null) {
            return;
        }
        Matcher m = UI_WORKSPACE.matcher(routePath);
        if (m.find()) {
            MDC.put(WORKSPACE, m.group(1));
        }
    }

    @Configuration
    static class Registration {

        /** Right after Spring Security's filter, which has then loaded the signed-in user. */
        @Bean
        FilterRegistrationBean<RequestLogContext> requestLogContext() {
            FilterRegistrationBean<RequestLogContext> bean = new FilterRegistrationBean<>(new RequestLogContext());
            bean.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1);
            return bean;
        }
    }
}
