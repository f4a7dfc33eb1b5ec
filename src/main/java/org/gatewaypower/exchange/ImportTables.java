package org.gatewaypower.exchange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.gatewaypower.workspace.InvalidInputException;

/**
 * Which table of a file an import reads, how it was read (separator, decimal mark), and what is wrong with
 * the column mapping itself. Split from {@link ImportService}.
 */
final class ImportTables {

    private ImportTables() {
    }

    /** How the file was read: its separator and decimal mark, each chosen by the user or detected. */
    static ImportPreview.Format format(RawTable table, ImportRequest request, NumberStyle numbers) {
        String explanation = numbers.explanation();
        boolean separatorDetected = request.separator() == ImportRequest.Separator.AUTO;
        if (table.separator() != null && separatorDetected && table.separator() != ImportRequest.Separator.COMMA) {
            String read = "Read as " + table.separator().label() + "-separated (detected from the heading row)";
            explanation = explanation.isEmpty() ? read : read + ". " + explanation;
        }
        return new ImportPreview.Format(table.separator(), separatorDetected,
                numbers.mark(), request.decimalMark() == ImportRequest.DecimalMark.AUTO, explanation);
    }

    /** Problems of the mapping itself, which make every row invalid until the user fixes the mapping. */
    static List<String> tableProblems(RawTable table, List<LoadColumns.Reading> readings,
                                              Map<String, String> labels) {
        List<String> problems = new ArrayList<>();
        Map<String, Integer> first = new LinkedHashMap<>();
        for (int c = 0; c < readings.size(); c++) {
            String field = readings.get(c).field();
            if (field.isEmpty()) {
                continue;
            }
            if (!labels.containsKey(field)) {
                problems.add("Column " + letter(c) + " is mapped to an unknown field '" + field + "'");
            } else if (first.containsKey(field)) {
                problems.add("Columns " + letter(first.get(field)) + " and " + letter(c) + " are both read as "
                        + labels.get(field) + "; ignore one of them");
            } else {
                first.put(field, c);
            }
        }
        if (!first.containsKey("name")) {
            problems.add("No column is read as Name: choose the column that holds the load names");
        }
        if (table.rows().isEmpty()) {
            problems.add("The table has headings but no rows of loads");
        }
        return problems;
    }

    static RawTable choose(List<RawTable> tables, String sheet, String elementName) {
        if (sheet != null && !sheet.isBlank()) {
            return tables.stream().filter(t -> t.source().equals(sheet) || t.source().startsWith("sheet " + sheet
                    + " of ")).findFirst().orElseThrow(() -> new InvalidInputException(List.of(
                    new InvalidInputException.FieldViolation("sheet", "Sheet '" + sheet + "' has no table in this file"))));
        }
        String wanted = ExportService.sheetName(elementName).toLowerCase(Locale.ROOT);
        return tables.stream().filter(t -> t.source().toLowerCase(Locale.ROOT).startsWith("sheet " + wanted + " of "))
                .findFirst().orElse(tables.get(0));
    }

    /** The spreadsheet letter of a 0-based column: 0 is A, 26 is AA. */
    static String letter(int column) {
        return TableReader.reference(column, 1).replace("1", "");
    }
}
