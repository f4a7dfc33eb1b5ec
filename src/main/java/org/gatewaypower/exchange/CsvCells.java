package org.gatewaypower.exchange;

/**
 * Cells of the CSV files the application writes. A text cell starting with {@code =}, {@code +}, {@code -},
 * {@code @}, a tab or a carriage return would be run as a formula by a spreadsheet (CSV injection), so it
 * is written with a leading apostrophe, as OWASP recommends; numeric cells are written as they are, so
 * that {@code -23.1} stays a number. The import takes the apostrophe off again ({@link #restore(String)}),
 * so an exported list re-imports unchanged. A text that itself begins with apostrophes before such a
 * character gets one more, so that every text survives the round trip.
 */
public final class CsvCells {

    private CsvCells() {
    }

    /** A text cell: neutralised, then quoted as RFC 4180 requires. */
    public static String text(String value) {
        return quote(neutralise(value == null ? "" : value));
    }

    /** A numeric cell (already formatted): never neutralised, quoted only if RFC 4180 requires it. */
    public static String number(String value) {
        return quote(value == null ? "" : value);
    }

    /** The text with an apostrophe in front when a spreadsheet would read it as a formula. */
    public static String neutralise(String s) {
        return triggers(s) ? "'" + s : s;
    }

    /** Undoes {@link #neutralise(String)}: a cell read back from an exported CSV. */
    public static String restore(String cell) {
        return cell != null && cell.startsWith("'") && triggers(cell.substring(1)) ? cell.substring(1) : cell;
    }

    /** Starts with a formula trigger, possibly after apostrophes (so that those round-trip too). */
    private static boolean triggers(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) == '\'') {
            i++;
        }
        return i < s.length() && "=+-@\t\r".indexOf(s.charAt(i)) >= 0;
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains(";") || s.contains("\"") || s.contains("\n") || s.contains("\r")
                ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
