package org.gatewaypower.exchange;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads an uploaded file as tables: {@code .xlsx} through Apache POI (each visible sheet) or CSV
 * (comma, semicolon or tab separated, RFC 4180 quotes, UTF-8 or Windows-1252). Anything else, and
 * anything hostile (zip bombs, huge files, merged cells across the table), is refused with a message
 * that says what the file is and what to do.
 */
final class TableReader {

    /** Largest file accepted (bytes): a power equipment list is a few hundred rows. */
    static final int MAX_BYTES = 5 * 1024 * 1024;
    /** Most data rows accepted in one import. */
    static final int MAX_ROWS = 5_000;
    /** Most columns read. */
    static final int MAX_COLUMNS = 200;
    /** The header row is looked for in this many first rows. */
    private static final int HEADER_SEARCH_ROWS = 20;

    static {
        // Zip bombs: refuse entries that inflate more than 100× or beyond 100 MB (POI's defaults are laxer).
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(100L * 1024 * 1024);
    }

    private TableReader() {
    }

    /**
     * Every table in the file: one per visible sheet of a workbook, one for a CSV file, whose columns are
     * split at {@code separator} (AUTO: the one its first line uses most).
     */
    static List<RawTable> read(String fileName, byte[] content, ImportRequest.Separator separator) {
        String name = fileName == null || fileName.isBlank() ? "the file" : fileName;
        if (content == null || content.length == 0 || isBlank(content)) {
            throw new ImportRejectedException(name + " is empty: choose the spreadsheet that holds the power "
                    + "equipment list");
        }
        if (content.length > MAX_BYTES) {
            throw new ImportRejectedException(String.format(Locale.ROOT, "%s is %.1f MB; at most %d MB are imported "
                    + "(a power equipment list is far smaller — export only the list)", name,
                    content.length / 1048576.0, MAX_BYTES / 1048576));
        }
        if (startsWith(content, 0x50, 0x4B, 0x03, 0x04)) {
            return readWorkbook(name, content);
        }
        if (startsWith(content, 0xD0, 0xCF, 0x11, 0xE0)) {
            throw new ImportRejectedException(name + " is an old binary Excel file (.xls) or an encrypted workbook: "
                    + "save it as .xlsx (Excel Workbook) or CSV and import that");
        }
        if (startsWith(content, '%', 'P', 'D', 'F')) {
            throw new ImportRejectedException(name + " is a PDF, not a spreadsheet: import the .xlsx or CSV file");
        }
        if (startsWith(content, 0x50, 0x4B)) {
            throw new ImportRejectedException(name + " is a broken or unsupported zip file, not a readable .xlsx");
        }
        if (startsWith(content, 0xFF, 0xFE) || startsWith(content, 0xFE, 0xFF)) {
            throw new ImportRejectedException(name + " is UTF-16 text; save the CSV as UTF-8 (Excel: CSV UTF-8)");
        }
        if (hasNul(content)) {
            throw new ImportRejectedException(name + " is a binary file, not a spreadsheet (.xlsx) or CSV text");
        }
        return List.of(readCsv(name, decode(content), separator));
    }

    // ---------------------------------------------------------------- xlsx

    private static List<RawTable> readWorkbook(String name, byte[] content) {
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            List<RawTable> tables = new ArrayList<>();
            for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                if (wb.isSheetHidden(i) || wb.isSheetVeryHidden(i)) {
                    continue;
                }
                RawTable t = readSheet(name, wb.getSheetAt(i), formatter);
                if (t != null) {
                    tables.add(t);
                }
            }
            if (tables.isEmpty()) {
                throw new ImportRejectedException(name + " has no sheet with a table: put column headings in one "
                        + "row (Name, Operating power (W), …) and one load per row below");
            }
            return tables;
        } catch (ImportRejectedException ex) {
            throw ex;
        } catch (IOException | RuntimeException ex) {
            String why = String.valueOf(ex.getMessage());
            if (why.toLowerCase(Locale.ROOT).contains("zip bomb")) {
                throw new ImportRejectedException(name + " inflates to far more data than a spreadsheet holds "
                        + "(a possible zip bomb); it was not read", ex);
            }
            throw new ImportRejectedException(name + " is not a readable .xlsx workbook (broken, truncated or "
                    + "another zip file): open it in Excel and save it again as .xlsx", ex);
        }
    }

    private static RawTable readSheet(String file, Sheet sheet, DataFormatter formatter) {
        int header = -1;
        for (int r = sheet.getFirstRowNum(); r >= 0 && r <= Math.min(sheet.getLastRowNum(),
                sheet.getFirstRowNum() + HEADER_SEARCH_ROWS); r++) {
            Row row = sheet.getRow(r);
            if (row != null && textCells(row, formatter) >= 2) {
                header = r;
                break;
            }
        }
        if (header < 0) {
            return null;
        }
        for (CellRangeAddress merged : sheet.getMergedRegions()) {
            if (merged.getLastRow() >= header) {
                throw new ImportRejectedException("Sheet " + sheet.getSheetName() + " of " + file + " has merged "
                        + "cells (" + merged.formatAsString() + "): unmerge them so that every load has its own "
                        + "values in every column");
            }
        }
        Row headerRow = sheet.getRow(header);
        int columns = Math.min(MAX_COLUMNS, Math.max(0, headerRow.getLastCellNum()));
        List<String> headers = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            Cell cell = headerRow.getCell(c);
            headers.add(cell == null ? "" : formatter.formatCellValue(cell).strip());
        }
        List<RawTable.Row> rows = new ArrayList<>();
        for (int r = header + 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null) {
                continue;
            }
            List<RawTable.Cell> cells = new ArrayList<>();
            boolean any = false;
            for (int c = 0; c < columns; c++) {
                RawTable.Cell cell = cell(row.getCell(c), c, r + 1, formatter);
                any |= !cell.blank() || cell.formula() != null;
                cells.add(cell);
            }
            if (any) {
                if (rows.size() == MAX_ROWS) {
                    throw new ImportRejectedException("Sheet " + sheet.getSheetName() + " of " + file + " has more "
                            + "than " + MAX_ROWS + " rows; import at most " + MAX_ROWS + " loads at a time");
                }
                rows.add(new RawTable.Row(r + 1, cells));
            }
        }
        return new RawTable("sheet " + sheet.getSheetName() + " of " + file, header + 1, headers, rows, null);
    }

    private static RawTable.Cell cell(Cell cell, int column, int rowNumber, DataFormatter formatter) {
        String ref = reference(column, rowNumber);
        if (cell == null) {
            return new RawTable.Cell(ref, "", null);
        }
        CellType type = cell.getCellType();
        if (type == CellType.FORMULA) {
            return new RawTable.Cell(ref, "", null, "=" + cell.getCellFormula());
        }
        if (type == CellType.NUMERIC && !DateUtil.isCellDateFormatted(cell)) {
            return new RawTable.Cell(ref, formatter.formatCellValue(cell).strip(), cell.getNumericCellValue());
        }
        return new RawTable.Cell(ref, formatter.formatCellValue(cell).strip(), null);
    }

    private static int textCells(Row row, DataFormatter formatter) {
        int n = 0;
        for (Cell c : row) {
            if (c.getCellType() == CellType.STRING && !formatter.formatCellValue(c).isBlank()) {
                n++;
            }
        }
        return n;
    }

    static String reference(int column, int rowNumber) {
        return CellReference.convertNumToColString(column) + rowNumber;
    }

    // ---------------------------------------------------------------- CSV

    private static RawTable readCsv(String name, String text, ImportRequest.Separator separator) {
        char delimiter = separator == ImportRequest.Separator.AUTO ? delimiter(text) : separator.character();
        List<List<String>> lines = parseCsv(text, delimiter);
        int header = -1;
        for (int i = 0; i < Math.min(lines.size(), HEADER_SEARCH_ROWS); i++) {
            if (lines.get(i).stream().filter(s -> !s.isBlank()).count() >= 2) {
                header = i;
                break;
            }
        }
        if (header < 0) {
            throw new ImportRejectedException(name + " has no header row with at least two columns: use commas, "
                    + "semicolons or tabs between columns, with headings such as Name and Operating power (W) in "
                    + "the first row");
        }
        List<String> headers = lines.get(header).stream().limit(MAX_COLUMNS).map(String::strip).toList();
        List<RawTable.Row> rows = new ArrayList<>();
        for (int i = header + 1; i < lines.size(); i++) {
            List<String> line = lines.get(i);
            if (line.stream().allMatch(String::isBlank)) {
                continue;
            }
            if (rows.size() == MAX_ROWS) {
                throw new ImportRejectedException(name + " has more than " + MAX_ROWS + " rows; import at most "
                        + MAX_ROWS + " loads at a time");
            }
            List<RawTable.Cell> cells = new ArrayList<>();
            for (int c = 0; c < Math.min(line.size(), MAX_COLUMNS); c++) {
                String v = line.get(c).strip();
                // A cell our own export neutralised ('=…, '-…) is read back as the text it was.
                cells.add(v.startsWith("=") && v.length() > 1 ? new RawTable.Cell(reference(c, i + 1), "", null, v)
                        : new RawTable.Cell(reference(c, i + 1), CsvCells.restore(v), null));
            }
            rows.add(new RawTable.Row(i + 1, cells));
        }
        return new RawTable(name, header + 1, headers, rows, ImportRequest.Separator.of(delimiter));
    }

    /** The separator used most in the first line, outside quotes: comma, semicolon or tab. */
    private static char delimiter(String text) {
        int end = text.indexOf('\n');
        String first = end < 0 ? text : text.substring(0, end);
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        for (char ch : first.toCharArray()) {
            if (ch == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                commas += ch == ',' ? 1 : 0;
                semicolons += ch == ';' ? 1 : 0;
                tabs += ch == '\t' ? 1 : 0;
            }
        }
        return tabs > commas && tabs > semicolons ? '\t' : semicolons > commas ? ';' : ',';
    }

    static List<List<String>> parseCsv(String text, char delimiter) {
        List<List<String>> lines = new ArrayList<>();
        List<String> line = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"' && field.toString().isBlank()) {
                quoted = true;
                field.setLength(0);
            } else if (ch == delimiter) {
                line.add(field.toString());
                field.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                line.add(field.toString());
                field.setLength(0);
                lines.add(line);
                line = new ArrayList<>();
            } else {
                field.append(ch);
            }
        }
        if (field.length() > 0 || !line.isEmpty()) {
            line.add(field.toString());
            lines.add(line);
        }
        return lines;
    }

    /** UTF-8 (with or without a byte-order mark), else Windows-1252, the two encodings Excel writes CSV in. */
    private static String decode(byte[] content) {
        int offset = startsWith(content, 0xEF, 0xBB, 0xBF) ? 3 : 0;
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content, offset, content.length - offset)).toString();
        } catch (CharacterCodingException ex) {
            return new String(content, Charset.forName("windows-1252"));
        }
    }

    private static boolean startsWith(byte[] content, int... prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((content[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasNul(byte[] content) {
        for (int i = 0; i < Math.min(content.length, 8192); i++) {
            if (content[i] == 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean isBlank(byte[] content) {
        for (byte b : content) {
            if (!Character.isWhitespace(b & 0xFF) && (b & 0xFF) != 0xEF && (b & 0xFF) != 0xBB && (b & 0xFF) != 0xBF) {
                return false;
            }
        }
        return true;
    }
}
