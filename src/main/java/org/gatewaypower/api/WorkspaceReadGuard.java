package org.gatewaypower.api;

import java.security.Principal;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.gatewaypower.workspace.WorkspaceService;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every request under {@code /api/v1/workspaces/{id}} is first checked against the workspace's
 * members (403 with a problem body otherwise), so that no endpoint can forget it. Edits are checked
 * again, more strictly, by the services.
 */
@Configuration
class WorkspaceReadGuard implements HandlerInterceptor, WebMvcConfigurer {

    private final WorkspaceService workspaces;

    WorkspaceReadGuard(WorkspaceService workspaces) {
        this.workspaces = workspaces;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/v1/workspaces/*", "/api/v1/workspaces/*/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        @SuppressWarnings("unchecked")
        Map<String, String> vars = (Map<String, String>) request
                .getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        Principal principal = request.getUserPrincipal();
        if (vars == null || principal == null) {
            return true;
        }
        String id = vars.getOrDefault("id", vars.get("workspaceId"));
        if (id != null && id.matches("\\d{1,18}")) {
            workspaces.requireReadable(Long.parseLong(id), principal.getName());
        }
        return true;
    }
}
