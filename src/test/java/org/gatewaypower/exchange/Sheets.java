package org.gatewaypower.exchange;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Builds and reads small workbooks for the import and export tests. */
final class Sheets {

    private Sheets() {
    }

    /** A one-sheet workbook: numbers become numeric cells, strings text cells. */
    static byte[] xlsx(String sheet, Object[]... rows) {
        return xlsx(sheet, s -> { }, rows);
    }

    static byte[] xlsx(String sheet, Consumer<Sheet> extra, Object[]... rows) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet(sheet);
            for (int r = 0; r < rows.length; r++) {
                Row row = s.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    Object v = rows[r][c];
                    if (v instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    } else if (v != null) {
                        row.createCell(c).setCellValue(v.toString());
                    }
                }
            }
            extra.accept(s);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Every cell of a sheet as text, row by row (for comparing workbooks by content). */
    static List<List<String>> cells(byte[] workbook, String sheet) {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            Sheet s = wb.getSheet(sheet);
            DataFormatter f = new DataFormatter(java.util.Locale.ROOT);
            List<List<String>> out = new ArrayList<>();
            for (Row row : s) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    cells.add(row.getCell(c) == null ? "" : row.getCell(c).getCellType()
                            == org.apache.poi.ss.usermodel.CellType.NUMERIC
                            ? Double.toString(row.getCell(c).getNumericCellValue()) : f.formatCellValue(row.getCell(c)));
                }
                out.add(cells);
            }
            return out;
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    static List<String> sheetNames(byte[] workbook) {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            List<String> names = new ArrayList<>();
            wb.forEach(s -> names.add(s.getSheetName()));
            return names;
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
