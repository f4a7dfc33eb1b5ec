package org.gatewaypower.exchange;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gatewaypower.exchange.ImportRequest.DecimalMark;

/**
 * How numbers written as text are read: with a decimal point ("1,234.5 kW") or a decimal comma
 * ("1.234,5 kW", as European Excel writes CSV). Thousands may be grouped by threes, with the other mark
 * or a (non-breaking) space, always the same separator within a number. The mark is <em>settled</em>
 * when the user chose it, when the file's cells show it (a number that reads one way only), or when the
 * file is comma separated or a workbook (a comma-separated file cannot carry unquoted decimal commas, and a
 * workbook stores its numbers without any). Otherwise it is only assumed, and a cell that reads as two
 * different numbers ("1.500": 1500 or 1.5) is refused rather than guessed.
 *
 * @param mark        POINT or COMMA
 * @param settled     whether cells that read differently either way are taken in this mark
 * @param explanation what was assumed and why, shown in the preview
 */
record NumberStyle(DecimalMark mark, boolean settled, String explanation) {

    /** A number and the unit written after it, e.g. "1,5 kW" → 1.5 and "kW". */
    record Parsed(BigDecimal value, String unit) {
    }

    private static final Pattern POINT = Pattern.compile("^([-+]?(?:\\d{1,3}([,\\u00a0\\u202f ])\\d{3}(?:\\2\\d{3})*"
            + "|\\d+)(?:\\.\\d+)?(?:[eE][-+]?\\d+)?)\\s*([a-zA-Z%]+)?$");
    private static final Pattern COMMA = Pattern.compile("^([-+]?(?:\\d{1,3}([.\\u00a0\\u202f ])\\d{3}(?:\\2\\d{3})*"
            + "|\\d+)(?:,\\d+)?(?:[eE][-+]?\\d+)?)\\s*([a-zA-Z%]+)?$");

    /** The style of a workbook or of anything not read from a file. */
    static final NumberStyle POINT_STYLE = new NumberStyle(DecimalMark.POINT, true, "");

    /**
     * The style for a table: the user's choice, else decimal points for a workbook, else what a CSV file's
     * cells show, else assumed from its separator (semicolons: decimal commas, as European Excel writes them;
     * otherwise decimal points).
     */
    static NumberStyle of(RawTable table, DecimalMark requested) {
        if (requested == DecimalMark.POINT || requested == DecimalMark.COMMA) {
            return new NumberStyle(requested, true, "Numbers are read with a " + requested.label() + " (as chosen)");
        }
        if (table.separator() == null) {
            // A workbook stores numbers as numbers; its text cells are read as Excel writes them unless told.
            return POINT_STYLE;
        }
        String commaExample = null;
        String pointExample = null;
        for (RawTable.Row row : table.rows()) {
            for (RawTable.Cell cell : row.cells()) {
                String t = cell.text().strip();
                boolean point = parse(t, DecimalMark.POINT) != null;
                boolean comma = parse(t, DecimalMark.COMMA) != null;
                if (comma && !point && commaExample == null) {
                    commaExample = cell.reference() + " '" + t + "'";
                } else if (point && !comma && pointExample == null) {
                    pointExample = cell.reference() + " '" + t + "'";
                }
            }
        }
        ImportRequest.Separator separator = table.separator();
        DecimalMark bySeparator = separator == ImportRequest.Separator.SEMICOLON ? DecimalMark.COMMA
                : DecimalMark.POINT;
        if (commaExample != null && pointExample == null) {
            return new NumberStyle(DecimalMark.COMMA, true, "Numbers are read with a decimal comma, as cell "
                    + commaExample + " writes them");
        }
        if (pointExample != null && commaExample == null) {
            return new NumberStyle(DecimalMark.POINT, true, "Numbers are read with a decimal point, as cell "
                    + pointExample + " writes them");
        }
        if (commaExample != null) {
            return new NumberStyle(bySeparator, false, "This file mixes decimal commas (" + commaExample
                    + ") and decimal points (" + pointExample + "); numbers are read with a " + bySeparator.label()
                    + (separator == ImportRequest.Separator.SEMICOLON ? ", as semicolon-separated files write them"
                    : "") + " and the others are refused: choose the decimal mark, or correct the file");
        }
        if (separator == ImportRequest.Separator.COMMA) {
            return new NumberStyle(DecimalMark.POINT, true, "");
        }
        return new NumberStyle(bySeparator, false, "No cell shows the decimal mark; a " + bySeparator.label()
                + " is assumed for this " + separator.label() + "-separated file, and cells such as '1.500' that "
                + "read as two different numbers are refused until you choose the decimal mark");
    }

    /** The number a cell's text writes in this style, or empty; ambiguity is not checked (for guessing units). */
    Optional<Double> lenient(String text) {
        Parsed p = parse(text.strip(), mark);
        return p == null ? Optional.empty() : Optional.of(p.value().doubleValue());
    }

    /**
     * The number and unit a cell's text writes, or null when it is no number in this style.
     *
     * @throws LoadColumns.CellException when the mark is only assumed and the text reads as another number
     *                                   with the other mark
     */
    Parsed read(String text, String label) {
        Parsed p = parse(text, mark);
        if (p == null || settled) {
            return p;
        }
        Parsed other = parse(text, other());
        if (other != null && other.value().compareTo(p.value()) != 0) {
            BigDecimal withPoint = mark == DecimalMark.POINT ? p.value() : other.value();
            BigDecimal withComma = mark == DecimalMark.COMMA ? p.value() : other.value();
            throw new LoadColumns.CellException(label + " '" + text + "' is ambiguous: it is "
                    + withPoint.toPlainString() + " with a decimal point and " + withComma.toPlainString()
                    + " with a decimal comma, and nothing in the file says which; choose the decimal mark, or write "
                    + "the number without a thousands separator");
        }
        return p;
    }

    /** Why a text that is no number in this style was refused, when it would be one with the other mark. */
    String wrongMark(String text, String label) {
        if (parse(text, other()) == null) {
            return null;
        }
        return label + " must use a " + mark.label() + ", not a " + (mark == DecimalMark.POINT ? "comma"
                : "point") + ", as this file is read (was '" + text + "'); choose the " + other().label()
                + " if the file writes its numbers so";
    }

    private DecimalMark other() {
        return mark == DecimalMark.POINT ? DecimalMark.COMMA : DecimalMark.POINT;
    }

    /** The number written in {@code text} with the given mark, or null. */
    static Parsed parse(String text, DecimalMark mark) {
        Matcher m = (mark == DecimalMark.COMMA ? COMMA : POINT).matcher(text);
        if (!m.matches()) {
            return null;
        }
        String digits = m.group(1);
        if (m.group(2) != null) {
            digits = digits.replace(m.group(2), "");
        }
        if (mark == DecimalMark.COMMA) {
            digits = digits.replace(',', '.');
        }
        return new Parsed(new BigDecimal(digits), m.group(3));
    }
}
