package org.gatewaypower.exchange;

import java.util.Map;

/**
 * A file to import into one element's power equipment list.
 *
 * @param sheet       which sheet of a workbook (null: the one named like the element, else the first)
 * @param mapping     column index → field ({@code ""} ignores the column); null uses the user's last mapping
 *                    for this element where the headers match, and guesses from the headers elsewhere
 * @param separator   how a CSV file separates its columns ({@link Separator#AUTO}: detected from its heading row)
 * @param decimalMark how numbers written as text mark their decimals ({@link DecimalMark#AUTO}: detected from
 *                    the cells, else assumed from the separator, and then cells that read differently either
 *                    way are refused)
 */
public record ImportRequest(long workspaceId, long elementId, String fileName, byte[] content, String sheet,
                            Map<Integer, String> mapping, Separator separator, DecimalMark decimalMark) {

    public ImportRequest {
        separator = separator == null ? Separator.AUTO : separator;
        decimalMark = decimalMark == null ? DecimalMark.AUTO : decimalMark;
    }

    /** A request that leaves the CSV separator and the decimal mark to detection. */
    public ImportRequest(long workspaceId, long elementId, String fileName, byte[] content, String sheet,
                         Map<Integer, String> mapping) {
        this(workspaceId, elementId, fileName, content, sheet, mapping, Separator.AUTO, DecimalMark.AUTO);
    }

    /** The column separator of a CSV file; workbooks have none. */
    public enum Separator {
        AUTO("detect", '\0'), COMMA("comma", ','), SEMICOLON("semicolon", ';'), TAB("tab", '\t');

        private final String label;
        private final char character;

        Separator(String label, char character) {
            this.label = label;
            this.character = character;
        }

        public String label() {
            return label;
        }

        char character() {
            return character;
        }

        static Separator of(char c) {
            return switch (c) {
                case ';' -> SEMICOLON;
                case '\t' -> TAB;
                default -> COMMA;
            };
        }
    }

    /** The decimal mark of numbers written as text ("1.5 kW" or "1,5 kW"). */
    public enum DecimalMark {
        AUTO("detect"), POINT("decimal point"), COMMA("decimal comma");

        private final String label;

        DecimalMark(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
