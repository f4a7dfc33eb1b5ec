package org.gatewaypower.api;

import java.util.Set;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * A problem for every request under {@code /api} that no endpoint serves. Spring MVC prefers the more
 * specific mapping, so this catch-all only answers what nothing else does; without it the request fell
 * through to the Vaadin servlet, which answered with an HTML page or a 500. Because this mapping matches
 * every method and content type, it also tells apart what Spring would otherwise report itself: a path
 * that exists for other methods (405, with {@code Allow}) or only for another content type (415), and a
 * path that does not exist at all (404).
 */
@RestController
class UnknownPathApi {

    private final RequestMappingHandlerMapping mappings;

    UnknownPathApi(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
        this.mappings = mappings;
    }

    @RequestMapping("/api/**")
    ResponseEntity<ProblemDetail> unknown(HttpServletRequest request) {
        Set<String> allowed = new TreeSet<>();
        Set<String> consumes = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            if (isThis(method) || info.getPathPatternsCondition() == null
                    || info.getPathPatternsCondition().getMatchingCondition(request) == null) {
                return;
            }
            RequestMappingInfo byMethod = info.getMethodsCondition().getMatchingCondition(request) == null ? null
                    : info;
            if (byMethod == null) {
                info.getMethodsCondition().getMethods().forEach(m -> allowed.add(m.name()));
            } else if (info.getConsumesCondition().getMatchingCondition(request) == null) {
                info.getConsumesCondition().getConsumableMediaTypes().forEach(t -> consumes.add(t.toString()));
            }
        });
        String target = request.getMethod() + " " + request.getRequestURI();
        if (!consumes.isEmpty()) {
            String detail = "Content type " + (request.getContentType() == null ? "(none)" : request.getContentType())
                    + " is not supported by " + target + "; send " + String.join(" or ", consumes);
            ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE, detail);
            p.setTitle("Unsupported Media Type");
            p.setProperty("errors", java.util.List.of(java.util.Map.of("field", "Content-Type", "message", detail)));
            return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
        }
        if (!allowed.isEmpty()) {
            ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.METHOD_NOT_ALLOWED, "Method "
                    + request.getMethod() + " is not supported by " + request.getRequestURI() + "; it supports "
                    + String.join(", ", allowed));
            p.setTitle("Method Not Allowed");
            return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).header(HttpHeaders.ALLOW,
                    String.join(", ", allowed)).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
        }
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No API resource at "
                + target + "; the API is described at /api/v1/openapi");
        p.setTitle("Not found");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    private static boolean isThis(HandlerMethod method) {
        return method.getBeanType() == UnknownPathApi.class;
    }
}
