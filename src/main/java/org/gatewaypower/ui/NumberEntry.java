package org.gatewaypower.ui;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gatewaypower.units.Units;

/**
 * The one parser for numbers typed into the UI (the power equipment list's editor and the battery,
 * array and design-case forms): what is typed is either the value meant, or refused with a message
 * naming the field and the rule; it is never silently something else.
 *
 * <p>Accepted: a sign, digits with an optional decimal point, thousands separated by commas or
 * spaces ({@code 1,500}, {@code 1 500}), an exponent ({@code 2.5e2}, {@code 1e12}), and a unit of
 * the field's kind after the number ({@code 2 kW}, {@code 95 %}, {@code 90 min}); without a unit the
 * field's display unit applies. A decimal comma ({@code 1,5}), an unknown or wrong-kind unit, text,
 * and numbers beyond the double range are refused. Units convert exactly in decimal, so
 * {@code 95 %} is exactly the double 0.95 and {@code 2 kW} is 2000 W.
 */
public final class NumberEntry {

    /** What a field measures: which units may follow the number, with their SI value. */
    public enum Dimension {
        /** Power (SI: W). */
        POWER("a power", Map.of("w", 1.0, "kw", 1e3, "mw", 1e6)),
        /** Energy (SI: J). */
        ENERGY("an energy", Map.of("wh", Units.J_PER_WH, "kwh", Units.J_PER_KWH, "mwh", 1000 * Units.J_PER_KWH,
                "j", 1.0, "kj", 1e3, "mj", 1e6)),
        /** A fraction entered in percent (SI: dimensionless fraction). */
        FRACTION("a percentage", Map.of("%", 0.01)),
        /** A duration (SI: s). */
        DURATION("a duration", Map.of("s", 1.0, "min", Units.S_PER_MINUTE, "h", Units.S_PER_HOUR, "d", 86_400.0)),
        /** A plain number in the field's own unit: only that unit's symbol may follow it. */
        PLAIN("a number", Map.of());

        private final String what;
        private final Map<String, Double> units;

        Dimension(String what, Map<String, Double> units) {
            this.what = what;
            this.units = units;
        }
    }

    /**
     * The unit a field shows its values in.
     *
     * @param symbol    as printed ("kW", "%", "h"); for {@link Dimension#PLAIN} the only unit accepted
     * @param si        SI value of one such unit (W, J, s, or 0.01 for %; 1 for plain numbers)
     * @param dimension what the field measures
     */
    public record Unit(String symbol, double si, Dimension dimension) {
        public static final Unit W = new Unit("W", 1, Dimension.POWER);
        public static final Unit KW = new Unit("kW", 1e3, Dimension.POWER);
        public static final Unit KWH = new Unit("kWh", Units.J_PER_KWH, Dimension.ENERGY);
        public static final Unit PERCENT = new Unit("%", 0.01, Dimension.FRACTION);
        public static final Unit HOUR = new Unit("h", 3600, Dimension.DURATION);
        public static final Unit MINUTE = new Unit("min", 60, Dimension.DURATION);

        /** A plain number whose only unit is {@code symbol} (e.g. "years", "°", "°C"), SI value 1. */
        public static Unit plain(String symbol) {
            return new Unit(symbol, 1, Dimension.PLAIN);
        }

        /** The units accepted after a number, by lower-case symbol, with their SI value: its kind's and its own. */
        Map<String, Double> accepted() {
            Map<String, Double> out = new LinkedHashMap<>(dimension.units);
            if (!symbol.isEmpty()) {
                out.put(symbol.toLowerCase(Locale.ROOT), si);
            }
            return out;
        }

        /** The accepted symbols in words, for messages: "W, kW or MW". */
        String acceptedInWords() {
            List<String> symbols = switch (dimension) {
                case POWER -> List.of("W", "kW", "MW");
                case ENERGY -> List.of("Wh", "kWh", "MWh", "J", "kJ", "MJ");
                case FRACTION -> List.of("%");
                case DURATION -> List.of("s", "min", "h", "d");
                case PLAIN -> List.of();
            };
            if (!symbol.isEmpty() && !symbols.contains(symbol)) {
                symbols = new java.util.ArrayList<>(symbols);
                symbols.add(symbol);
            }
            if (symbols.size() <= 1) {
                return String.join("", symbols);
            }
            return String.join(", ", symbols.subList(0, symbols.size() - 1)) + " or " + symbols.getLast();
        }
    }

    /** A typed text that is not a number of the field's kind; the message names the field and the rule. */
    public static final class EntryException extends IllegalArgumentException {
        public EntryException(String message) {
            super(message);
        }
    }

    private static final String SPACES = " \u00a0\u2009\u202f";
    private static final Pattern NUMBER = Pattern.compile(
            "^([-+]?(?:\\d{1,3}(?:,\\d{3})+|\\d{1,3}(?:[" + SPACES + "]\\d{3})+|\\d+)?(?:\\.\\d+)?(?:[eE][-+]?\\d+)?)"
                    + "[" + SPACES + "]*([^\\d\\s.,+-][^\\d]*)?$");
    private static final Pattern DECIMAL_COMMA = Pattern.compile("^[-+]?\\d+,(\\d{1,2}|\\d{4,})(?:[eE][-+]?\\d+)?\\s*\\D*$");

    private NumberEntry() {
    }

    /**
     * The typed text in SI (W, J, s, fraction), or null when blank.
     *
     * @param text    what the user typed
     * @param label   the field's name, for messages ("Operating power")
     * @param display the unit the field shows; a number without a unit is in it
     * @throws EntryException when the text is not a number of the field's kind
     */
    public static Double si(String text, String label, Unit display) {
        BigDecimal v = parse(text, label, display, false);
        return v == null ? null : finite(v, label, display);
    }

    /**
     * The typed text in the field's display unit (W for a W column, percent for a % column), or null
     * when blank: "2 kW" in a W column is 2000, "0.5 %" … is 0.5.
     */
    public static Double inDisplayUnit(String text, String label, Unit display) {
        BigDecimal v = parse(text, label, display, true);
        return v == null ? null : finite(v, label, display);
    }

    /**
     * A whole number typed into a count field (a quantity), or null when blank. The forms the spreadsheet
     * import reads are accepted ({@code 12}, {@code 1,500}, {@code 1 500}, {@code 1e3}); a unit, a fraction
     * ({@code 2.5}, which no quantity can be, is refused rather than rounded) and anything outside
     * {@code [min, max]} are refused with a message naming the field and the rule.
     *
     * @param text  what the user typed
     * @param label the field's name, for messages ("Quantity")
     * @param min   smallest value accepted
     * @param max   largest value accepted
     */
    public static Integer whole(String text, String label, int min, int max) {
        String rule = label + " must be a whole number between " + min + " and " + max;
        BigDecimal v;
        try {
            v = parse(text, label, Unit.plain(""), false);
        } catch (EntryException e) {
            throw new EntryException(rule + ", e.g. 12, 1,500 or 1e3, without a unit (was '" + text.strip() + "')");
        }
        if (v == null) {
            return null;
        }
        if (v.stripTrailingZeros().scale() > 0 || v.compareTo(BigDecimal.valueOf(min)) < 0
                || v.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw new EntryException(rule + " (was '" + text.strip() + "')");
        }
        return v.intValueExact();
    }

    /** A value in the display unit as the text the field shows: plain decimal, no grouping, no unit. */
    public static String text(Double displayValue) {
        if (displayValue == null) {
            return "";
        }
        if (!Double.isFinite(displayValue)) {
            return String.valueOf(displayValue);
        }
        BigDecimal b = new BigDecimal(Double.toString(displayValue)).stripTrailingZeros();
        // Large and tiny values keep an exponent, which the parser reads back.
        return b.abs().compareTo(BigDecimal.valueOf(1e15)) >= 0 || (b.signum() != 0
                && b.abs().compareTo(BigDecimal.valueOf(1e-6)) < 0) ? Double.toString(displayValue) : b.toPlainString();
    }

    private static BigDecimal parse(String text, String label, Unit display, boolean inDisplay) {
        if (text == null) {
            return null;
        }
        String t = text.strip().replace('\u2212', '-');
        if (t.isEmpty()) {
            return null;
        }
        Matcher m = NUMBER.matcher(t);
        if (!m.matches() || !m.group(1).matches("[-+]?\\.?\\d.*")) {
            if (DECIMAL_COMMA.matcher(t).matches()) {
                throw new EntryException(label + " must use a decimal point, not a comma; commas and spaces only "
                        + "separate thousands (was '" + t + "')");
            }
            throw new EntryException(label + " must be " + display.dimension().what + rule(display) + " (was '"
                    + t + "')");
        }
        BigDecimal number;
        try {
            number = new BigDecimal(m.group(1).replaceAll("[," + SPACES + "]", ""));
        } catch (NumberFormatException e) {
            throw new EntryException(label + " must be " + display.dimension().what + rule(display) + " (was '"
                    + t + "')");
        }
        String unit = m.group(2) == null ? "" : m.group(2).strip();
        BigDecimal unitSi;
        if (unit.isEmpty()) {
            unitSi = BigDecimal.valueOf(display.si());
        } else {
            Double si = display.accepted().get(unit.toLowerCase(Locale.ROOT));
            if (si == null || (display.dimension() == Dimension.POWER && unit.equals("mW"))) {
                throw new EntryException(label + " must be " + display.dimension().what + rule(display)
                        + "; '" + unit + "' is not one of its units (was '" + t + "')");
            }
            unitSi = BigDecimal.valueOf(si);
        }
        BigDecimal si = number.multiply(unitSi);
        return inDisplay ? si.divide(BigDecimal.valueOf(display.si()), MathContext.DECIMAL128) : si;
    }

    private static double finite(BigDecimal v, String label, Unit display) {
        double d = v.doubleValue();
        if (!Double.isFinite(d)) {
            throw new EntryException(label + " is too large to be " + display.dimension().what + " (was " + v + ")");
        }
        return d == 0 ? 0.0 : d;
    }

    /** The rule in words: "in W, kW or MW, e.g. 1500, 1,500, 2.5e2 or 2 kW". */
    private static String rule(Unit display) {
        String units = display.acceptedInWords();
        Map<Dimension, String> example = new LinkedHashMap<>();
        example.put(Dimension.POWER, "1500, 1,500, 2.5e2 or 2 kW");
        example.put(Dimension.ENERGY, "30, 1,200 kWh or 3.6e6 J");
        example.put(Dimension.FRACTION, "95 or 95 %");
        example.put(Dimension.DURATION, "157.5 h or 90 min");
        example.put(Dimension.PLAIN, "15 or 1.5e1");
        String in = units.isEmpty() ? "" : " in " + units;
        String unitNote = display.symbol().isEmpty() ? "" : " (without a unit: " + display.symbol() + ")";
        return in + unitNote + ", e.g. " + example.get(display.dimension());
    }
}
