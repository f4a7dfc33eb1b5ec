package org.gatewaypower.exchange;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gatewaypower.analysis.BalanceReport;
import org.gatewaypower.analysis.ElementBudgets;

/**
 * The workbook's "Allocations" sheet: every element's budget per mode (CBE, MEV, allocation, margin in kW and
 * its check), then the analysed mode's allocations summed against the sustainable power. A derived table: the
 * import reads power equipment lists only, so re-importing the workbook leaves the allocations as they are.
 */
final class AllocationSheet {

    /** The sheet's name, reserved so that no element sheet takes it. */
    static final String NAME = "Allocations";

    private AllocationSheet() {
    }

    static void write(XSSFWorkbook wb, CellStyle header, CellStyle figure, BalanceReport r) {
        Sheet s = wb.createSheet(NAME);
        int n = 0;
        row(s, n++, header, "Element", "Owner", "Mode", "CBE (kW)", "MEV (kW)", "Allocation (kW)", "Margin (kW)",
                "Check");
        for (ElementBudgets.Line l : r.elementBudgets().lines()) {
            row(s, n++, figure, l.elementName(), l.ownerTeamCode(), l.modeName(), l.cbeW() / 1e3, l.mevW() / 1e3,
                    l.allocationW() == null ? "" : l.allocationW() / 1e3,
                    l.marginW() == null ? "" : l.marginW() / 1e3,
                    !l.judged() ? "no allocation" : l.passed() ? "PASS" : "FAIL");
        }
        ElementBudgets b = r.elementBudgets();
        n++;
        row(s, n++, figure, "Allocated in " + r.modeName() + " (kW)", "", "", b.allocatedW() / 1e3);
        row(s, n, figure, "Sustainable in " + r.modeName() + " (kW)", "", "", b.sustainableW() / 1e3);
        s.setColumnWidth(0, 30 * 256);
        s.createFreezePane(1, 1);
    }

    /** A row: numbers in {@code style} (the header's style for the header), text as it is. */
    private static void row(Sheet s, int n, CellStyle style, Object... values) {
        Row row = s.createRow(n);
        for (int i = 0; i < values.length; i++) {
            Cell c = row.createCell(i);
            if (values[i] instanceof Number num) {
                c.setCellValue(num.doubleValue());
                c.setCellStyle(style);
            } else {
                c.setCellValue(values[i] == null ? "" : values[i].toString());
                if (n == 0) {
                    c.setCellStyle(style);
                }
            }
        }
    }
}
