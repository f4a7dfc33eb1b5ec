package org.gatewaypower.api;

import java.net.URI;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

import org.gatewaypower.workspace.ForbiddenException;
import org.gatewaypower.workspace.InvalidInputException;
import org.gatewaypower.workspace.NotFoundException;
import org.gatewaypower.workspace.StaleEditException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Maps service exceptions to RFC 7807 problem details that name the field and the rule. */
@RestControllerAdvice(basePackageClasses = ApiErrors.class)
class ApiErrors {

    private final org.gatewaypower.workspace.EquipmentService equipment;
    private final org.gatewaypower.workspace.OperationsService operations;
    private final org.gatewaypower.workspace.NetworkService network;

    ApiErrors(org.gatewaypower.workspace.EquipmentService equipment,
              org.gatewaypower.workspace.OperationsService operations,
              org.gatewaypower.workspace.NetworkService network) {
        this.equipment = equipment;
        this.operations = operations;
        this.network = network;
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
                case LOAD_ITEM -> java.util.Optional.of(equipment.load(ex.id()));
                case OPERATION_PHASE -> java.util.Optional.of(operations.phase(ex.id()));
                case CONVERTER -> java.util.Optional.of(network.converter(ex.id()));
                case PORT -> java.util.Optional.of(network.port(ex.id()));
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

    /**
     * A body Jackson could not read: the problem names the field as the client sent it (a dotted path
     * such as {@code dutyByMode.7}, or {@code body} when the JSON as a whole is at fault) and the rule.
     */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException ex) {
        String field = "body";
        String detail = ex.getCause() == null ? "The request body is missing: send a JSON object"
                : "The request body is not valid JSON for this resource";
        if (ex.getCause() instanceof JacksonException je) {
            String path = je instanceof StreamConstraintsException
                    ? BodyCapture.fieldOfOverlongNumber(BodyCapture.currentBody()) : path(je);
            if (!path.isEmpty()) {
                field = path;
            }
            detail = describe(je, field);
        }
        return invalidInput(field, detail);
    }

    /** 405, 406, 415 and missing multipart parts: the framework's own problem, with the type and errors added. */
    @ExceptionHandler({HttpRequestMethodNotSupportedException.class, HttpMediaTypeNotSupportedException.class,
            HttpMediaTypeNotAcceptableException.class})
    ResponseEntity<ProblemDetail> protocol(Exception ex) {
        ErrorResponse er = (ErrorResponse) ex;
        ProblemDetail p = er.getBody();
        if (ex instanceof HttpMediaTypeNotSupportedException unsupported) {
            p.setDetail("Content type " + (unsupported.getContentType() == null ? "(none)"
                    : unsupported.getContentType()) + " is not supported here; send "
                    + (unsupported.getSupportedMediaTypes().isEmpty() ? "application/json"
                    : unsupported.getSupportedMediaTypes().stream().map(Object::toString)
                            .collect(java.util.stream.Collectors.joining(" or "))));
            p.setProperty("errors", List.of(Map.of("field", "Content-Type", "message", p.getDetail())));
        }
        return ResponseEntity.status(er.getStatusCode()).headers(er.getHeaders())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ProblemDetail missingPart(MissingServletRequestPartException ex) {
        return invalidInput(ex.getRequestPartName(), "Part '" + ex.getRequestPartName()
                + "' is required (multipart/form-data)");
    }

    @ExceptionHandler(MultipartException.class)
    ProblemDetail badMultipart(MultipartException ex) {
        return invalidInput("file", "The request is not a readable multipart/form-data upload with a 'file' part");
    }

    /**
     * A write the database refused (a unique name raced past the service's check, or a value the schema
     * does not hold): nothing was saved. The services check these rules first, so this is a safety net.
     */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail integrity(DataIntegrityViolationException ex) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "The change conflicts with stored data (a name that must be unique, or a value the database "
                        + "cannot hold); nothing was saved");
        p.setTitle("Conflict with stored data");
        return p;
    }

    private static ProblemDetail invalidInput(String field, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        p.setTitle("Invalid input");
        p.setType(URI.create("urn:gateway-power:problem:invalid-input"));
        p.setProperty("errors", List.of(Map.of("field", field, "message", detail)));
        return p;
    }

    /**
     * The field at fault as the client named it: the path Jackson recorded, or, for errors the parser
     * raises before any field is bound (a 1,001-digit number, a non-standard token), the parser's position.
     */
    private static String path(JacksonException ex) {
        if (!ex.getPath().isEmpty()) {
            return ex.getPath().stream().map(r -> r.getPropertyName() != null ? r.getPropertyName()
                    : r.getIndex() >= 0 ? String.valueOf(r.getIndex()) : "?").collect(
                    java.util.stream.Collectors.joining("."));
        }
        if (ex.processor() instanceof JsonParser parser) {
            java.util.Deque<String> names = new java.util.ArrayDeque<>();
            for (TokenStreamContext c = parser.streamReadContext(); c != null && !c.inRoot(); c = c.getParent()) {
                if (c.inArray()) {
                    names.addFirst(String.valueOf(Math.max(c.getCurrentIndex(), 0)));
                } else if (c.currentName() != null) {
                    names.addFirst(c.currentName());
                }
            }
            // Only a path through named fields names one; deep arrays alone are the body's fault.
            String path = String.join(".", names);
            return names.stream().anyMatch(n -> !n.chars().allMatch(Character::isDigit)) && path.length() <= 200
                    ? path : "";
        }
        return "";
    }

    private static String describe(JacksonException ex, String field) {
        String what = "body".equals(field) ? "The request body" : "Field '" + field + "'";
        if (ex instanceof StreamConstraintsException) {
            return what + " holds a number or text beyond the limits this API reads (numbers of at most "
                    + "1000 digits, nesting at most 500 levels deep); send a finite number in range";
        }
        if (ex instanceof InputCoercionException ice) {
            return what + " must be a whole number in range" + (ice.getTargetType() == null ? ""
                    : " of " + ice.getTargetType().getSimpleName().toLowerCase(java.util.Locale.ROOT))
                    + " (was " + shorten(ice.getOriginalMessage()) + ")";
        }
        if (ex instanceof MismatchedInputException mi) {
            if (mi.getTargetType() == null) {
                return what + " is not valid for this resource: " + shorten(mi.getOriginalMessage());
            }
            String got = mi instanceof InvalidFormatException ife && ife.getValue() != null
                    ? " (was '" + shorten(String.valueOf(ife.getValue())) + "')" : "";
            return what + " must be " + describe(mi.getTargetType()) + got;
        }
        return "body".equals(field) ? "The request body is not valid JSON: " + shorten(ex.getOriginalMessage())
                : "The request body is not valid JSON at field '" + field + "': " + shorten(ex.getOriginalMessage());
    }

    private static String shorten(String s) {
        if (s == null) {
            return "";
        }
        String one = s.lines().findFirst().orElse("");
        return one.length() > 200 ? one.substring(0, 200) + "…" : one;
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + List.of(type.getEnumConstants());
        }
        if (type == Integer.class || type == Long.class || type == int.class || type == long.class
                || type == Short.class || type == short.class) {
            return "a whole number (a JSON integer such as 2, not 2.5 or \"2\")";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number (a JSON number such as 2.5, not a string)";
        }
        if (type == java.time.Instant.class) {
            return "an ISO-8601 UTC instant as a string, such as \"2027-01-01T00:00:00Z\"";
        }
        if (type == String.class) {
            return "a string";
        }
        if (java.util.Map.class.isAssignableFrom(type)) {
            return "a JSON object";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "a JSON array";
        }
        if (type.isRecord()) {
            return "a JSON object";
        }
        return "a " + type.getSimpleName();
    }
}
