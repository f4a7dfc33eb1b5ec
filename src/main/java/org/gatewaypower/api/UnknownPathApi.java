package org.gatewaypower.api;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A 404 problem for every path under {@code /api} that no endpoint serves. Spring MVC prefers the more
 * specific mapping, so this catch-all only answers what nothing else does; without it the request fell
 * through to the Vaadin servlet, which answered with an HTML page or a 500.
 */
@RestController
class UnknownPathApi {

    @RequestMapping("/api/**")
    ResponseEntity<ProblemDetail> unknown(HttpServletRequest request) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No API resource at "
                + request.getMethod() + " " + request.getRequestURI() + "; the API is described at /api/v1/openapi");
        p.setTitle("Not found");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }
}
