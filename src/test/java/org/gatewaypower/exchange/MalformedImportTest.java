package org.gatewaypower.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.gatewaypower.SpringTestBase;
import org.gatewaypower.workspace.InvalidInputException;
import org.gatewaypower.workspace.TestWorkspaces;
import org.gatewaypower.workspace.ReadModels;
import org.gatewaypower.workspace.WorkspaceService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A corpus of malformed and hostile files: each is refused with a message that says what is wrong
 * (naming the row, column and rule where there is one), and nothing in the database changes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedImportTest extends SpringTestBase {

    private static final Object[] HEADER = {"Name", "Operating power (W)", "Peak power (W)", "Duty % · Crewed",
            "Bus", "Maturity", "Quantity"};

    @Autowired
    ImportService imports;
    @Autowired
    WorkspaceService workspaces;

    @Autowired
    TestWorkspaces fixtures;

    private TestWorkspaces.Fixture f;

    @BeforeAll
    void fixture() {
        f = fixtures.create("Malformed", 2);
    }

    Stream<Arguments> corpus() throws Exception {
        byte[] valid = Sheets.xlsx("PEL", HEADER, new Object[] {"Pump", 100, 150, 50, "120 V", "Modified", 1});
        List<Arguments> c = new ArrayList<>();
        c.add(file("empty file", "pel.xlsx", new byte[0], "is empty"));
        c.add(file("blank text", "pel.csv", "  \r\n \n".getBytes(StandardCharsets.UTF_8), "is empty"));
        c.add(file("a PDF renamed .xlsx", "pel.xlsx", "%PDF-1.7\n%âãÏÓ\n1 0 obj".getBytes(StandardCharsets.ISO_8859_1),
                "is a PDF"));
        c.add(file("an old .xls", "pel.xls", bytes(0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0),
                "old binary Excel"));
        c.add(file("a truncated .xlsx", "pel.xlsx", Arrays.copyOf(valid, valid.length / 2),
                "not a readable .xlsx"));
        c.add(file("a zip that is not a workbook", "pel.xlsx", zip("readme.txt", "hello".getBytes()),
                "not a readable .xlsx"));
        c.add(file("binary garbage", "pel.csv", bytes(1, 2, 3, 0, 0, 0, 7, 8, 9), "binary file"));
        c.add(file("a file over 5 MB", "pel.csv", new byte[TableReader.MAX_BYTES + 1024 * 1024],
                "at most 5 MB"));
        c.add(file("more than 5000 rows", "pel.csv", manyRows(TableReader.MAX_ROWS + 1), "more than 5000 rows"));
        c.add(file("UTF-16 text", "pel.csv", "\uFEFFName,Operating power (W)\r\nPump,100".getBytes(
                StandardCharsets.UTF_16LE), "UTF-16"));
        c.add(file("a single column", "pel.csv", "Name\nPump\nFan\n".getBytes(StandardCharsets.UTF_8),
                "no header row"));
        c.add(file("merged cells", "pel.xlsx", Sheets.xlsx("PEL", s -> s.addMergedRegion(
                new CellRangeAddress(1, 2, 0, 0)), HEADER, new Object[] {"Pump", 100, 150, 50, "120 V", "Modified", 1},
                new Object[] {null, 120, 150, 50, "120 V", "Modified", 1}), "merged cells (A2:A3)"));
        c.add(file("a formula", "pel.xlsx", Sheets.xlsx("PEL", s -> {
            Row r = s.getRow(1);
            r.createCell(1).setCellFormula("C2*0.8");
        }, HEADER, new Object[] {"Pump", 100, 150, 50, "120 V", "Modified", 1}), "holds a formula (=C2*0.8)"));
        c.add(file("a zip bomb", "pel.xlsx", zip("xl/worksheets/sheet1.xml", new byte[12 * 1024 * 1024]),
                "zip bomb"));
        c.add(row("text in a power cell", "n/a", 150, 50, "Operating power must be a number in W or kW (was 'n/a')"));
        c.add(row("an energy in a power cell", "1.2 kWh", 2000, 50, "not an energy (was '1.2 kWh')"));
        c.add(row("a decimal comma", "1,5", 150, 50, "decimal point, not a comma"));
        c.add(row("a negative power", -5, 150, 50, "must not be negative"));
        c.add(row("peak below operating", 200, 150, 50, "Peak power must be at least the operating power"));
        c.add(row("duty above 100 %", 100, 150, 150, "Duty cycle in mode Crewed"));
        c.add(file("an unknown bus", "pel.xlsx", Sheets.xlsx("PEL", HEADER,
                new Object[] {"Pump", 100, 150, 50, "48 V", "Modified", 1}), "Bus must be one of 120 V or 28 V"));
        c.add(file("an unknown maturity", "pel.xlsx", Sheets.xlsx("PEL", HEADER,
                new Object[] {"Pump", 100, 150, 50, "120 V", "Prototype", 1}), "Maturity class must be"));
        c.add(file("a fractional quantity", "pel.xlsx", Sheets.xlsx("PEL", HEADER,
                new Object[] {"Pump", 100, 150, 50, "120 V", "Modified", 2.5}), "Quantity must be a whole number"));
        c.add(file("a name used twice", "pel.xlsx", Sheets.xlsx("PEL", HEADER,
                new Object[] {"Pump", 100, 150, 50, "120 V", "Modified", 1},
                new Object[] {"pump", 110, 150, 50, "120 V", "Modified", 1}), "already used by row 2"));
        c.add(file("no name column", "pel.xlsx", Sheets.xlsx("PEL", new Object[] {"Power (W)", "Subsystem"},
                new Object[] {100, "Thermal"}), "No column is read as Name"));
        c.add(file("headings but no rows", "pel.csv", "Name,Operating power (W)\r\n".getBytes(StandardCharsets.UTF_8),
                "no rows of loads"));
        c.add(file("a date in a power cell", "pel.xlsx", Sheets.xlsx("PEL", s -> {
            org.apache.poi.ss.usermodel.CellStyle date = s.getWorkbook().createCellStyle();
            date.setDataFormat(s.getWorkbook().createDataFormat().getFormat("yyyy-mm-dd"));
            s.getRow(1).getCell(1).setCellStyle(date);
        }, HEADER, new Object[] {"Pump", 45000, 150, 50, "120 V", "Modified", 1}), "must be a number in W or kW"));
        return c.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void a_malformed_file_is_refused_with_its_message_and_changes_nothing(String what, String fileName, byte[] content,
                                                                         String message) {
        ReadModels.WorkspaceSnapshot before = workspaces.snapshot(f.workspaceId());
        ImportRequest request = new ImportRequest(f.workspaceId(), f.elementId(), fileName, content, null, null);
        assertThatThrownBy(() -> imports.apply(request, "nasa")).as(what)
                .isInstanceOf(InvalidInputException.class).hasMessageContaining(message);
        assertThat(workspaces.snapshot(f.workspaceId())).as("database after %s", what).isEqualTo(before);
    }

    /** One valid header and one row with the given operating, peak and duty cells. */
    private static Arguments row(String what, Object operating, Object peak, Object duty, String message) {
        return file(what, "pel.xlsx", Sheets.xlsx("PEL", HEADER,
                new Object[] {"Pump", operating, peak, duty, "120 V", "Modified", 1}), message);
    }

    private static Arguments file(String what, String name, byte[] content, String message) {
        return Arguments.of(what, name, content, message);
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    private static byte[] zip(String entry, byte[] content) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("[Content_Types].xml"));
            z.write("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>".getBytes());
            z.closeEntry();
            z.putNextEntry(new ZipEntry(entry));
            z.write(content);
            z.closeEntry();
        }
        return out.toByteArray();
    }

    private static byte[] manyRows(int rows) {
        StringBuilder sb = new StringBuilder("Name,Operating power (W)\n");
        for (int i = 0; i < rows; i++) {
            sb.append("Load ").append(i).append(",10\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
