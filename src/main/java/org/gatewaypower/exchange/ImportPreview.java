package org.gatewaypower.exchange;

import java.util.List;

/**
 * What an import would do, before anything is saved: how each column is read, and for each row of
 * the file whether it adds a load, changes one (which fields, old → new), changes nothing, or cannot
 * be imported (every invalid cell named by row, column and rule).
 *
 * @param source       which sheet of which file was read
 * @param sheets       every sheet with a table, for choosing another
 * @param columns      each column of the file and the field it is read into
 * @param rows         each data row's outcome
 * @param keptCount    loads of the element that the file does not mention (an import never deletes)
 * @param mayImport    whether the user may change this element's loads
 * @param refusal      why not, when {@code mayImport} is false
 * @param notes        assumptions made (defaults for unmapped columns, units read from headers, the file's
 *                     separator and decimal mark)
 * @param format       how the file was read: separator and decimal mark
 */
public record ImportPreview(String source, List<String> sheets, List<Column> columns, List<RowOutcome> rows,
                            int newCount, int changedCount, int unchangedCount, int invalidCount, int keptCount,
                            boolean mayImport, String refusal, List<String> notes, Format format) {

    public ImportPreview {
        sheets = List.copyOf(sheets);
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        notes = List.copyOf(notes);
    }

    /** Whether applying would save something and nothing stands in the way. */
    public boolean importable() {
        return mayImport && invalidCount == 0 && newCount + changedCount > 0;
    }

    /**
     * How the file's text was read.
     *
     * @param separator         the CSV column separator; null for a workbook
     * @param separatorDetected whether it was detected rather than chosen
     * @param decimalMark       POINT or COMMA, for numbers written as text
     * @param decimalDetected   whether it was detected (or assumed) rather than chosen
     * @param explanation       what was assumed and why, in words; empty when nothing needs saying
     */
    public record Format(ImportRequest.Separator separator, boolean separatorDetected,
                         ImportRequest.DecimalMark decimalMark, boolean decimalDetected, String explanation) {
    }

    /** The outcome of one row. */
    public enum Status {
        NEW, CHANGED, UNCHANGED, INVALID
    }

    /**
     * A column of the file: its letter and header, the field it maps to (a draft field name such as
     * {@code operatingPowerW} or {@code dutyByMode.12}; empty when ignored), that field's label and the
     * unit its numbers are read in.
     */
    public record Column(int index, String letter, String header, String field, String label, String unit) {
    }

    /** A row: its number in the file, the load's name, outcome, the changes it makes and its problems. */
    public record RowOutcome(int rowNumber, String name, Status status, List<String> changes,
                             List<CellProblem> problems) {

        public RowOutcome {
            changes = List.copyOf(changes);
            problems = List.copyOf(problems);
        }
    }

    /** One invalid cell: row number, column (letter and header), the field and the rule it breaks. */
    public record CellProblem(int row, String column, String field, String message) {
    }
}
