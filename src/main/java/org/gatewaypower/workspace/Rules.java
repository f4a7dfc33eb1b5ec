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

    // The overloads below take the field's name, label, unit and range from the catalogue (BudgetField), so the
    // services' messages, the API's problem bodies and the forms name a field and its limits alike.

    /** One line of text of a catalogued field. */
    String text(BudgetField f, String value, int maxLength, boolean required) {
        return text(f.field(), f.label(), value, maxLength, required);
    }

    <T> T required(BudgetField f, T value) {
        return required(f.field(), f.label(), value);
    }

    /** A number within its field's catalogued range, [min, max]. */
    double range(BudgetField f, Double value) {
        return range(f.field(), f.label(), value, f.min(), f.max(), unitText(f));
    }

    /** A number ≥ 0 and at most its field's catalogued maximum. */
    double nonNegative(BudgetField f, Double value) {
        return nonNegative(f.field(), f.label(), value, f.max(), unitText(f));
    }

    /** A number above 0 and at most its field's catalogued maximum (a rating or limit in W). */
    double positive(BudgetField f, Double value) {
        double v = nonNegative(f, value);
        if (v == 0 && ok(f.field())) {
            fail(f.field(), f.label() + " must be greater than 0 " + unitText(f) + " (was 0)");
        }
        return v;
    }

    /** An efficiency of a catalogued field: a fraction in (0, 1]. */
    double efficiency(BudgetField f, Double value) {
        return efficiency(f.field(), f.label(), value);
    }

    /** A fraction of a catalogued field, in [0, 1]. */
    double fraction(BudgetField f, Double value) {
        return fraction(f.field(), f.label(), value);
    }

    /**
     * How a catalogued unit reads after a number in a message: fractions are shown as the bare number, an angle
     * with its degree sign, a coefficient per kelvin in words.
     */
    static String unitText(BudgetField f) {
        return switch (f.unit()) {
            case "fraction" -> "";
            case "deg" -> "°";
            case "1/K" -> "per K";
            default -> f.unit();
        };
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
