package org.gatewaypower.workspace;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects broken rules for one submission so that the user sees all of them at once. Each message
 * names the field and the rule; nothing is saved while any rule is broken.
 */
final class Rules {

    private final List<InvalidInputException.FieldViolation> violations = new ArrayList<>();

    void fail(String field, String message) {
        violations.add(new InvalidInputException.FieldViolation(field, message));
    }

    /** One line of text: no control characters at all. */
    String text(String field, String label, String value, int maxLength, boolean required) {
        return text(field, label, value, maxLength, required, false);
    }

    /** Text that may span lines (descriptions): tabs and line breaks allowed, other control characters not. */
    String multiLineText(String field, String label, String value, int maxLength, boolean required) {
        return text(field, label, value, maxLength, required, true);
    }

    private String text(String field, String label, String value, int maxLength, boolean required,
                        boolean multiLine) {
        String v = value == null ? "" : value.strip();
        if (required && v.isEmpty()) {
            fail(field, label + " is required");
        } else if (v.length() > maxLength) {
            fail(field, label + " must be at most " + maxLength + " characters (was " + v.length() + ")");
        } else {
            String bad = unprintable(v, multiLine);
            if (bad != null) {
                fail(field, label + " must not contain control characters or broken Unicode (found " + bad + ")");
            }
        }
        return v;
    }

    static String unprintable(String v, boolean multiLine) {
        return TextRules.unprintable(v, multiLine);
    }

    <T> T required(String field, String label, T value) {
        if (value == null) {
            fail(field, label + " is required");
        }
        return value;
    }

    /** A number within [min, max] (both inclusive). */
    double range(String field, String label, Double value, double min, double max, String unit) {
        if (!present(field, label, value)) {
            return Double.NaN;
        }
        if (value < min || value > max) {
            fail(field, label + " must be between " + fmt(min) + " and " + fmt(max) + unit(unit) + " (was "
                    + fmt(value) + ")");
        }
        return value;
    }

    /** A number ≥ 0 and at most {@code max}. */
    double nonNegative(String field, String label, Double value, double max, String unit) {
        if (!present(field, label, value)) {
            return Double.NaN;
        }
        if (value < 0) {
            fail(field, label + " must not be negative (was " + fmt(value) + unit(unit) + ")");
        } else if (value > max) {
            fail(field, label + " must be at most " + fmt(max) + unit(unit) + " (was " + fmt(value) + ")");
        }
        return value;
    }

    /** A fraction in (0, 1]. */
    double efficiency(String field, String label, Double value) {
        if (!present(field, label, value)) {
            return Double.NaN;
        }
        if (value <= 0 || value > 1) {
            fail(field, label + " must be greater than 0 % and at most 100 % (was " + fmt(value * 100) + " %)");
        }
        return value;
    }

    /** A fraction in [0, 1]. */
    double fraction(String field, String label, Double value) {
        if (!present(field, label, value)) {
            return Double.NaN;
        }
        if (value < 0 || value > 1) {
            fail(field, label + " must be between 0 and 1 (0 % to 100 %) (was " + fmt(value) + ")");
        }
        return value;
    }

    boolean ok(String field) {
        return violations.stream().noneMatch(v -> v.field().equals(field));
    }

    void throwIfAny() {
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }

    private boolean present(String field, String label, Double value) {
        if (value == null) {
            fail(field, label + " is required and must be a number");
            return false;
        }
        if (value.isNaN() || value.isInfinite()) {
            fail(field, label + " must be a finite number");
            return false;
        }
        return true;
    }

    private static String unit(String unit) {
        return unit.isEmpty() ? "" : " " + unit;
    }

    static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.valueOf((long) v);
        }
        return String.valueOf(Math.round(v * 1e6) / 1e6);
    }
}
