package org.gatewaypower.api;

import java.net.URI;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

import org.gatewaypower.workspace.ForbiddenException;
import org.gatewaypower.workspace.InvalidInputException;
import org.gatewaypower.workspace.NotFoundException;
import org.gatewaypower.workspace.StaleEditException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Maps service exceptions to RFC 7807 problem details that name the field and the rule. */
@RestControllerAdvice(basePackageClasses = ApiErrors.class)
class ApiErrors {

    private final org.gatewaypower.workspace.WorkspaceService workspaces;
    private final org.gatewaypower.workspace.OperationsService operations;

    ApiErrors(org.gatewaypower.workspace.WorkspaceService workspaces,
              org.gatewaypower.workspace.OperationsService operations) {
        this.workspaces = workspaces;
        this.operations = operations;
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException ex) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
        p.setTitle("Invalid input");
        p.setType(URI.create("urn:gateway-power:problem:invalid-input"));
        p.setProperty("errors", ex.violations().stream()
                .map(v -> Map.of("field", v.field(), "message", v.message())).toList());
        return p;
    }

    @ExceptionHandler(StaleEditException.class)
    ProblemDetail stale(StaleEditException ex) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
        p.setTitle("Edit conflict");
        p.setType(URI.create("urn:gateway-power:problem:edit-conflict"));
        p.setProperty("yourVersion", ex.expectedVersion());
        p.setProperty("currentVersion", ex.currentVersion());
        p.setProperty("lastEditedBy", ex.lastEditedBy());
        if (ex.lastEditedAt() != null) {
            p.setProperty("lastEditedAt", ex.lastEditedAt().toString());
        }
        current(ex).ifPresent(c -> p.setProperty("current", c));
        return p;
    }

    @ExceptionHandler(ForbiddenException.class)
    ProblemDetail forbidden(ForbiddenException ex) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, ex.getMessage());
        p.setTitle("Forbidden");
        p.setType(URI.create("urn:gateway-power:problem:forbidden"));
        return p;
    }

    @ExceptionHandler(org.springframework.web.multipart.MaxUploadSizeExceededException.class)
    ProblemDetail tooLarge(org.springframework.web.multipart.MaxUploadSizeExceededException ex) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                "The file is larger than the 5 MB an import accepts");
        p.setTitle("File too large");
        p.setProperty("errors", List.of(Map.of("field", "file", "message", p.getDetail())));
        return p;
    }

    /** What the client would now GET for the refused thing, so that it can merge without another request. */
    private java.util.Optional<Object> current(StaleEditException ex) {
        try {
            return switch (ex.kind()) {
                case "load item" -> java.util.Optional.of(workspaces.load(ex.id()));
                case org.gatewaypower.workspace.OperationsService.KIND -> java.util.Optional.of(operations.phase(ex.id()));
                default -> java.util.Optional.empty();
            };
        } catch (NotFoundException gone) {
            return java.util.Optional.empty();
        }
    }

    /** A long computation refused because enough are running (see HeavyWork): try again later. */
    @ExceptionHandler(org.gatewaypower.analysis.TooBusyException.class)
    org.springframework.http.ResponseEntity<ProblemDetail> tooBusy(org.gatewaypower.analysis.TooBusyException ex) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, ex.getMessage());
        p.setTitle("Too many long computations");
        p.setType(URI.create("urn:gateway-power:problem:too-busy"));
        p.setProperty("retryAfterSeconds", ex.retryAfterSeconds());
        return org.springframework.http.ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header("Retry-After", Long.toString(ex.retryAfterSeconds())).body(p);
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException ex) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
        p.setTitle("Not found");
        return p;
    }

    /** A workspace that cannot be analysed as it stands (e.g. it has no analysis case). */
    @ExceptionHandler(IllegalStateException.class)
    ProblemDetail unanalysable(IllegalStateException ex) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
        p.setTitle("Cannot be computed as it stands");
        return p;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail badParameter(MethodArgumentTypeMismatchException ex) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Parameter '" + ex.getName() + "' must be a " + (ex.getRequiredType() == null ? "valid value"
                        : ex.getRequiredType().getSimpleName()) + " (was '" + ex.getValue() + "')");
        p.setTitle("Invalid parameter");
        p.setProperty("errors", List.of(Map.of("field", ex.getName(), "message", p.getDetail())));
        return p;
    }

    @ExceptionHandler(org.springframework.web.bind.MissingServletRequestParameterException.class)
    ProblemDetail missingParameter(org.springframework.web.bind.MissingServletRequestParameterException ex) {
        String detail = "Parameter '" + ex.getParameterName() + "' is required";
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        p.setTitle("Invalid parameter");
        p.setProperty("errors", List.of(Map.of("field", ex.getParameterName(), "message", detail)));
        return p;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException ex) {
        String detail = "The request body is not valid JSON for this resource";
        String field = "body";
        if (ex.getCause() instanceof MismatchedInputException mi && !mi.getPath().isEmpty()) {
            field = mi.getPath().stream().map(r -> r.getPropertyName() != null ? r.getPropertyName()
                    : String.valueOf(r.getIndex())).reduce((a, b) -> a + "." + b).orElse("body");
            String expected = mi.getTargetType() == null ? "a valid value" : describe(mi.getTargetType());
            String got = mi instanceof InvalidFormatException ife ? " (was '" + ife.getValue() + "')" : "";
            detail = "Field '" + field + "' must be " + expected + got;
        }
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        p.setTitle("Invalid input");
        p.setType(URI.create("urn:gateway-power:problem:invalid-input"));
        p.setProperty("errors", List.of(Map.of("field", field, "message", detail)));
        return p;
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + List.of(type.getEnumConstants());
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        return "a " + type.getSimpleName();
    }
}
