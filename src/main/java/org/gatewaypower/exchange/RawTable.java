package org.gatewaypower.exchange;

import java.util.List;

/**
 * A table read from a file, before any meaning is given to it: the header row and the data rows,
 * each cell with its spreadsheet reference (e.g. "D5") so that problems name it.
 *
 * @param source     what was read ("sheet I-Hab of pel.xlsx", "pel.csv")
 * @param headerRow  1-based row number of the header in the file
 * @param headers    header texts, one per column
 * @param rows       data rows in file order; empty rows are left out
 * @param separator  the column separator of a CSV file; null for a workbook's sheet
 */
record RawTable(String source, int headerRow, List<String> headers, List<Row> rows,
                ImportRequest.Separator separator) {

    RawTable {
        headers = List.copyOf(headers);
        rows = List.copyOf(rows);
    }

    /** One data row: its 1-based row number in the file and its cells by column. */
    record Row(int number, List<Cell> cells) {

        Row {
            cells = List.copyOf(cells);
        }

        Cell cell(int column) {
            return column < cells.size() ? cells.get(column) : new Cell(TableReader.reference(column, number), "", null);
        }
    }

    /**
     * One cell: its text as shown, the number when the file stored one (xlsx numeric cells; CSV cells
     * carry text only), and its formula when it holds one (formulas are not imported).
     */
    record Cell(String reference, String text, Double number, String formula) {

        Cell(String reference, String text, Double number) {
            this(reference, text, number, null);
        }


        boolean blank() {
            return number == null && text.isBlank();
        }
    }
}
