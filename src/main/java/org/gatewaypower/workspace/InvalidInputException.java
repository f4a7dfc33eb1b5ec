package org.gatewaypower.workspace;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when submitted values break a rule; nothing has been saved. */
public class InvalidInputException extends RuntimeException {

    /** One broken rule: the field (as named in the draft record) and a message naming the rule. */
    public record FieldViolation(String field, String message) {
    }

    private final List<FieldViolation> violations;

    public InvalidInputException(List<FieldViolation> violations) {
        super(violations.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
