package org.gatewaypower.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.gatewaypower.SpringTestBase;
import org.gatewaypower.physics.load.LoadPriority;
import org.gatewaypower.physics.load.MaturityClass;
import org.gatewaypower.workspace.Bus;
import org.gatewaypower.workspace.EquipmentService;
import org.gatewaypower.workspace.ForbiddenException;
import org.gatewaypower.workspace.InvalidInputException;
import org.gatewaypower.workspace.MembershipService;
import org.gatewaypower.workspace.TestWorkspaces;
import org.gatewaypower.workspace.ReadModels;
import org.gatewaypower.workspace.WorkspaceRole;
import org.gatewaypower.workspace.WorkspaceService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Importing a realistic power equipment list (units in headers and cells, a layout of its own), the
 * preview's classification, the remembered mapping, ownership, and the export → import round trip.
 */
class ImportExportTest extends SpringTestBase {

    @Autowired
    ImportService imports;
    @Autowired
    ExportService exports;
    @Autowired
    WorkspaceService workspaces;

    @Autowired
    TestWorkspaces fixtures;

    @Autowired
    MembershipService membership;

    @Autowired
    EquipmentService equipment;

    /** A team's list as an engineer keeps it: kW columns, % duty, a unit in one cell, labels for classes. */
    private static byte[] teamList() {
        return Sheets.xlsx("PEL",
                new Object[] {"Item", "Subsystem", "Qty", "Standby (W)", "Operating power (kW)", "Peak (kW)",
                        "Duty Crewed", "Duty Uncrewed %", "Maturity", "Priority", "Bus", "Remarks"},
                new Object[] {"Cabin fan", "ECLSS", 2, 5, 0.12, 0.15, 100, 50, "Off the shelf", "Critical", "28 V",
                        "redundant pair"},
                new Object[] {"Science freezer", "Payload", 1, 40, "350 W", 0.5, 60, 60, "Modified", "Deferrable",
                        "120 V", ""},
                new Object[] {"Galley oven", "Crew", 1, 0, 1.2, 1.5, 15, 0, "New design", "Deferrable", "120V", ""});
    }

    @Test
    void a_teams_list_imports_with_units_from_headers_and_cells() {
        TestWorkspaces.Fixture f = fixtures.create("Import", 0);
        ImportRequest request = new ImportRequest(f.workspaceId(), f.elementId(), "pel.xlsx", teamList(), null, null);

        ImportPreview preview = imports.preview(request, "nasa");
        assertThat(preview.rows()).extracting(ImportPreview.RowOutcome::status)
                .containsOnly(ImportPreview.Status.NEW);
        assertThat(preview.columns()).extracting(ImportPreview.Column::field).containsExactly("name", "subsystem",
                "quantity", "standbyPowerW", "operatingPowerW", "peakPowerW", "dutyByMode." + f.activeModeId(),
                "dutyByMode." + f.otherModeId(), "maturity", "priority", "bus", "");
        assertThat(preview.importable()).isTrue();
        assertThat(workspaces.snapshot(f.workspaceId()).loads()).isEmpty();

        ImportService.ImportResult result = imports.apply(request, "nasa");
        assertThat(result.created()).isEqualTo(3);
        Map<String, ReadModels.LoadItem> byName = byName(f.workspaceId());
        ReadModels.LoadItem fan = byName.get("Cabin fan");
        assertThat(fan.operatingPowerW()).isCloseTo(120.0, within(1e-9));
        assertThat(fan.peakPowerW()).isCloseTo(150.0, within(1e-9));
        assertThat(fan.quantity()).isEqualTo(2);
        assertThat(fan.bus()).isEqualTo(Bus.V28);
        assertThat(fan.maturity()).isEqualTo(MaturityClass.OFF_THE_SHELF);
        assertThat(fan.priority()).isEqualTo(LoadPriority.CRITICAL);
        assertThat(fan.duty(f.activeModeId())).isCloseTo(1.0, within(1e-12));
        assertThat(fan.duty(f.otherModeId())).isCloseTo(0.5, within(1e-12));
        assertThat(byName.get("Science freezer").operatingPowerW()).as("'350 W' in a kW column")
                .isCloseTo(350.0, within(1e-9));
        assertThat(byName.get("Galley oven").operatingPowerW()).isCloseTo(1_200.0, within(1e-9));
        assertThat(fan.updatedBy()).isEqualTo("nasa");

        ImportPreview again = imports.preview(request, "nasa");
        assertThat(again.rows()).extracting(ImportPreview.RowOutcome::status)
                .containsOnly(ImportPreview.Status.UNCHANGED);
        assertThat(again.importable()).isFalse();
    }

    @Test
    void a_changed_row_lists_its_changes_and_other_loads_are_kept() {
        TestWorkspaces.Fixture f = fixtures.create("Import change", 2);
        ReadModels.LoadItem load0 = equipment.load(f.loadIds().get(0));
        byte[] file = Sheets.xlsx("List",
                new Object[] {"Name", "Operating power (W)", "Peak power (W)"},
                new Object[] {"Load 0", 650, 2_000},
                new Object[] {"Heater", 300, 300});
        ImportPreview p = imports.preview(new ImportRequest(f.workspaceId(), f.elementId(), "l.xlsx", file, null,
                null), "nasa");
        assertThat(p.rows()).extracting(ImportPreview.RowOutcome::status)
                .containsExactly(ImportPreview.Status.CHANGED, ImportPreview.Status.NEW);
        assertThat(p.rows().get(0).changes()).containsExactly("Operating power 500 W → 650 W");
        assertThat(p.keptCount()).isEqualTo(1);

        imports.apply(new ImportRequest(f.workspaceId(), f.elementId(), "l.xlsx", file, null, null), "nasa");
        ReadModels.LoadItem changed = equipment.load(load0.id());
        assertThat(changed.operatingPowerW()).isEqualTo(650.0);
        assertThat(changed.quantity()).as("a field the file lacks keeps its value").isEqualTo(load0.quantity());
        assertThat(changed.dutyByMode()).isEqualTo(load0.dutyByMode());
        assertThat(changed.version()).isEqualTo(load0.version() + 1);
        assertThat(equipment.load(f.loadIds().get(1))).isEqualTo(equipment.load(f.loadIds().get(1)));
        assertThat(workspaces.snapshot(f.workspaceId()).loads()).hasSize(3);
    }

    @Test
    void the_mapping_chosen_for_an_element_is_remembered_for_the_next_import() {
        TestWorkspaces.Fixture f = fixtures.create("Import mapping", 0);
        byte[] file = Sheets.xlsx("List",
                new Object[] {"Gerät", "Leistung"},
                new Object[] {"Pump", 75});
        ImportPreview guessed = imports.preview(new ImportRequest(f.workspaceId(), f.elementId(), "de.xlsx", file,
                null, null), "esa");
        assertThat(guessed.columns()).extracting(ImportPreview.Column::field).containsExactly("", "");
        assertThat(guessed.invalidCount()).isEqualTo(1);

        imports.apply(new ImportRequest(f.workspaceId(), f.elementId(), "de.xlsx", file, null,
                Map.of(0, "name", 1, "operatingPowerW")), "esa");
        ImportPreview next = imports.preview(new ImportRequest(f.workspaceId(), f.elementId(), "de.xlsx", file, null,
                null), "esa");
        assertThat(next.columns()).extracting(ImportPreview.Column::field).containsExactly("name", "operatingPowerW");
        assertThat(next.rows()).extracting(ImportPreview.RowOutcome::status)
                .containsExactly(ImportPreview.Status.UNCHANGED);
        ImportPreview someoneElse = imports.preview(new ImportRequest(f.workspaceId(), f.elementId(), "de.xlsx", file,
                null, null), "nasa");
        assertThat(someoneElse.columns()).extracting(ImportPreview.Column::field).containsExactly("", "");
    }

    @Test
    void a_corrected_mapping_is_remembered_before_the_import_and_reads_the_fixed_file() {
        TestWorkspaces.Fixture f = fixtures.create("Import re-upload", 0);
        byte[] first = csv("Gerät,Leistung\r\nPump,n/a\r\n");
        ImportPreview guessed = imports.preview(request(f, first, null), "esa");
        assertThat(guessed.columns()).extracting(ImportPreview.Column::field).containsExactly("", "");

        // The user corrects the mapping; the operating power 'n/a' still makes the row invalid.
        Map<Integer, String> corrected = Map.of(0, "name", 1, "operatingPowerW");
        assertThat(imports.preview(request(f, first, corrected), "esa").invalidCount()).isEqualTo(1);
        imports.rememberMapping(request(f, first, corrected), "esa");

        // The fixed file, uploaded again, comes without a mapping: the remembered one reads it.
        byte[] fixed = csv("Gerät,Leistung\r\nPump,75\r\nFan,12.5\r\n");
        ImportPreview again = imports.preview(request(f, fixed, null), "esa");
        assertThat(again.columns()).extracting(ImportPreview.Column::field).containsExactly("name", "operatingPowerW");
        assertThat(again.rows()).extracting(ImportPreview.RowOutcome::status)
                .containsExactly(ImportPreview.Status.NEW, ImportPreview.Status.NEW);
        assertThat(again.notes()).anyMatch(n -> n.contains("Columns A, B are read as you last mapped"));
        imports.apply(request(f, fixed, null), "esa");
        assertThat(byName(f.workspaceId()).get("Fan").operatingPowerW()).isEqualTo(12.5);
        assertThat(imports.preview(request(f, fixed, null), "nasa").columns())
                .as("another user's mapping is their own").extracting(ImportPreview.Column::field)
                .containsExactly("", "");
    }

    @Test
    void a_mapping_to_an_unknown_field_is_not_remembered() {
        TestWorkspaces.Fixture f = fixtures.create("Import bad mapping", 0);
        byte[] file = csv("Gerät,Leistung\r\nPump,75\r\n");
        assertThatThrownBy(() -> imports.rememberMapping(request(f, file, Map.of(0, "name", 1, "wattage")), "esa"))
                .isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.violations())
                        .singleElement().satisfies(v -> {
                            assertThat(v.field()).isEqualTo("mapping.1");
                            assertThat(v.message()).contains("Column B", "unknown field 'wattage'");
                        }));
        assertThat(imports.preview(request(f, file, null), "esa").columns())
                .extracting(ImportPreview.Column::field).containsExactly("", "");
    }

    /** As European Excel saves "CSV (semicolon separated)": decimal commas, dots grouping thousands. */
    @Test
    void a_semicolon_csv_with_decimal_commas_is_detected_and_read_as_written() {
        TestWorkspaces.Fixture f = fixtures.create("Import EU", 0);
        byte[] file = csv("Name;Operating power (kW);Peak power (W);Duty Crewed (%);Duty Uncrewed (%);Qty\r\n"
                + "Cabin fan;0,12;150;100;50;2\r\n"
                + "Heater;1,5 kW;1.800;33,3;0;1\r\n"
                + "Pump;\"1.234,5 W\";1.500,25;12,5;7,5;1\r\n");
        ImportPreview p = imports.preview(request(f, file, null), "nasa");
        assertThat(p.format().separator()).isEqualTo(ImportRequest.Separator.SEMICOLON);
        assertThat(p.format().decimalMark()).isEqualTo(ImportRequest.DecimalMark.COMMA);
        assertThat(p.format().separatorDetected()).isTrue();
        assertThat(p.format().explanation()).contains("semicolon-separated", "decimal comma", "B2 '0,12'");
        assertThat(p.notes()).contains(p.format().explanation());
        assertThat(p.rows()).extracting(ImportPreview.RowOutcome::status).containsOnly(ImportPreview.Status.NEW);

        imports.apply(request(f, file, null), "nasa");
        Map<String, ReadModels.LoadItem> loads = byName(f.workspaceId());
        // 0,12 kW = 120 W; "1,5 kW" = 1500 W; "1.234,5 W" = 1234.5 W; 1.800 W = 1800 W; 1.500,25 W = 1500.25 W.
        assertThat(loads.get("Cabin fan").operatingPowerW()).isEqualTo(120.0);
        assertThat(loads.get("Cabin fan").peakPowerW()).isEqualTo(150.0);
        assertThat(loads.get("Cabin fan").quantity()).isEqualTo(2);
        assertThat(loads.get("Heater").operatingPowerW()).isEqualTo(1_500.0);
        assertThat(loads.get("Heater").peakPowerW()).isEqualTo(1_800.0);
        assertThat(loads.get("Pump").operatingPowerW()).isEqualTo(1_234.5);
        assertThat(loads.get("Pump").peakPowerW()).isEqualTo(1_500.25);
        // 33,3 % = 0.333, 12,5 % = 0.125, 7,5 % = 0.075 of the time.
        assertThat(loads.get("Heater").duty(f.activeModeId())).isEqualTo(0.333);
        assertThat(loads.get("Pump").duty(f.activeModeId())).isEqualTo(0.125);
        assertThat(loads.get("Pump").duty(f.otherModeId())).isEqualTo(0.075);
    }

    @Test
    void an_ambiguous_number_is_refused_until_the_user_chooses_the_decimal_mark() {
        TestWorkspaces.Fixture f = fixtures.create("Import ambiguous", 0);
        byte[] file = csv("Name;Operating power (W)\r\nHeater;1.500\r\nFan;40\r\n");
        ImportPreview assumed = imports.preview(request(f, file, null), "nasa");
        assertThat(assumed.format().decimalMark()).isEqualTo(ImportRequest.DecimalMark.COMMA);
        assertThat(assumed.format().explanation()).contains("assumed");
        assertThat(assumed.invalidCount()).isEqualTo(1);
        assertThatThrownBy(() -> imports.apply(request(f, file, null), "nasa"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Row 2, column B (Operating power (W)): Operating power '1.500' is ambiguous: "
                        + "it is 1.500 with a decimal point and 1500 with a decimal comma")
                .hasMessageContaining("choose the decimal mark");
        assertThat(workspaces.snapshot(f.workspaceId()).loads()).isEmpty();

        ImportPreview asComma = imports.preview(withMark(request(f, file, null), ImportRequest.DecimalMark.COMMA),
                "nasa");
        assertThat(asComma.invalidCount()).isZero();
        assertThat(asComma.format().decimalDetected()).isFalse();
        imports.apply(withMark(request(f, file, null), ImportRequest.DecimalMark.POINT), "nasa");
        assertThat(byName(f.workspaceId()).get("Heater").operatingPowerW()).as("chosen: a decimal point")
                .isEqualTo(1.5);
    }

    @Test
    void a_number_written_with_the_other_decimal_mark_is_refused_naming_the_rule() {
        TestWorkspaces.Fixture f = fixtures.create("Import mixed", 0);
        byte[] file = csv("Name;Operating power (W)\r\nHeater;1,5\r\nFan;2.25\r\n");
        ImportPreview p = imports.preview(request(f, file, null), "nasa");
        assertThat(p.format().explanation()).contains("mixes decimal commas (B2 '1,5') and decimal points (B3 '2.25')");
        assertThat(p.rows().get(1).problems()).singleElement().satisfies(c -> {
            assertThat(c.column()).isEqualTo("B (Operating power (W))");
            assertThat(c.field()).isEqualTo("operatingPowerW");
            assertThat(c.message()).isEqualTo("Operating power must use a decimal comma, not a point, as this file "
                    + "is read (was '2.25'); choose the decimal point if the file writes its numbers so");
        });
    }

    private static byte[] csv(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static ImportRequest request(TestWorkspaces.Fixture f, byte[] file, Map<Integer, String> mapping) {
        return new ImportRequest(f.workspaceId(), f.elementId(), "list.csv", file, null, mapping);
    }

    private static ImportRequest withMark(ImportRequest r, ImportRequest.DecimalMark mark) {
        return new ImportRequest(r.workspaceId(), r.elementId(), r.fileName(), r.content(), r.sheet(), r.mapping(),
                r.separator(), mark);
    }

    @Test
    void an_import_respects_ownership() {
        TestWorkspaces.Fixture f = fixtures.create("Import owner", 0);
        membership.setMember(f.workspaceId(), "esa", WorkspaceRole.EDITOR, TestWorkspaces.SEEDER);
        ImportRequest request = new ImportRequest(f.workspaceId(), f.elementId(), "pel.xlsx", teamList(), null, null);
        ImportPreview p = imports.preview(request, "esa");
        assertThat(p.mayImport()).isFalse();
        assertThat(p.refusal()).contains("owned by NASA");
        assertThatThrownBy(() -> imports.apply(request, "esa")).isInstanceOf(ForbiddenException.class);
        assertThat(workspaces.snapshot(f.workspaceId()).loads()).isEmpty();
    }

    @Test
    void an_exported_workbook_reimports_to_identical_content() {
        TestWorkspaces.Fixture source = fixtures.create("Round trip source", 0);
        imports.apply(new ImportRequest(source.workspaceId(), source.elementId(), "pel.xlsx", teamList(), null, null),
                TestWorkspaces.SEEDER);
        byte[] first = exports.xlsx(source.workspaceId(), TestWorkspaces.SEEDER);
        assertThat(Sheets.sheetNames(first)).containsExactly("Summary", "Checks", "Mode matrix", "HALO", "Batteries",
                "Arrays", "Eclipses");

        TestWorkspaces.Fixture target = fixtures.create("Round trip target", 0);
        ImportService.ImportResult result = imports.apply(new ImportRequest(target.workspaceId(), target.elementId(),
                "export.xlsx", first, null, null), TestWorkspaces.SEEDER);
        assertThat(result.created()).isEqualTo(3);
        byte[] second = exports.xlsx(target.workspaceId(), TestWorkspaces.SEEDER);

        assertThat(Sheets.cells(second, "HALO")).isEqualTo(Sheets.cells(first, "HALO"));
        assertThat(Sheets.cells(second, "Mode matrix")).isEqualTo(Sheets.cells(first, "Mode matrix"));
        List<ReadModels.LoadItem> a = workspaces.snapshot(source.workspaceId()).loads();
        List<ReadModels.LoadItem> b = workspaces.snapshot(target.workspaceId()).loads();
        assertThat(b).hasSameSizeAs(a);
        for (int i = 0; i < a.size(); i++) {
            assertThat(b.get(i).name()).isEqualTo(a.get(i).name());
            assertThat(b.get(i).operatingPowerW()).isEqualTo(a.get(i).operatingPowerW());
            assertThat(b.get(i).peakPowerW()).isEqualTo(a.get(i).peakPowerW());
            assertThat(b.get(i).standbyPowerW()).isEqualTo(a.get(i).standbyPowerW());
            assertThat(b.get(i).duty(target.activeModeId())).isCloseTo(a.get(i).duty(source.activeModeId()),
                    within(1e-12));
            assertThat(b.get(i).maturity()).isEqualTo(a.get(i).maturity());
        }
    }

    @Autowired
    org.gatewaypower.analysis.BalanceService balances;

    @Test
    void the_exported_figures_are_those_of_the_analysis() {
        TestWorkspaces.Fixture f = fixtures.create("Export figures", 3);
        org.gatewaypower.analysis.BalanceReport r = balances.balance(f.workspaceId());
        byte[] xlsx = exports.xlsx(f.workspaceId(), "nasa");

        Map<String, Double> summary = new java.util.HashMap<>();
        for (List<String> row : Sheets.cells(xlsx, "Summary")) {
            if (row.size() > 1) {
                try {
                    summary.put(row.get(0), Double.parseDouble(row.get(1)));
                } catch (NumberFormatException text) {
                    // headings and words, not figures
                }
            }
        }
        assertThat(summary.get("Minimum state of charge, MEV"))
                .isCloseTo(100 * r.battery().minStateOfCharge(), within(1e-9));
        assertThat(summary.get("Maximum depth of discharge"))
                .isCloseTo(100 * r.battery().maxDepthOfDischarge(), within(1e-9));
        assertThat(summary.get("Orbit-average load, MEV")).isCloseTo(r.mevAverageLoadW() / 1e3, within(1e-9));
        assertThat(summary.get("Power margin")).isCloseTo(100 * r.powerMargin(), within(1e-9));

        List<List<String>> checks = Sheets.cells(xlsx, "Checks");
        // every check of every case the verdict judges, each with its case, then the verdict
        List<String> expected = new java.util.ArrayList<>();
        r.lifeCases().forEach(l -> l.checks().forEach(c -> expected.add(c.caseName() + " " + c.name() + " "
                + (c.passed() ? "PASS" : "FAIL"))));
        assertThat(checks.subList(1, checks.size() - 1)).extracting(row -> row.get(4) + " " + row.get(0) + " "
                + row.get(2)).containsExactlyElementsOf(expected);
        assertThat(checks.get(checks.size() - 1)).startsWith("Verdict").contains(r.verdict());
        assertThat(expected).anyMatch(c -> c.startsWith("Eclipse coverage Eclipse coverage"));

        List<List<String>> matrix = Sheets.cells(xlsx, "Mode matrix");
        List<String> total = matrix.get(matrix.size() - 1);
        assertThat(total.get(0)).isEqualTo("Total");
        double crewed = r.elementLoads().stream().mapToDouble(e -> e.mevByModeW().getOrDefault(f.activeModeId(), 0.0))
                .sum() / 1e3;
        assertThat(Double.parseDouble(total.get(1))).isCloseTo(crewed, within(1e-9));
    }

    @Test
    void the_csv_export_reimports_into_an_element() {
        TestWorkspaces.Fixture f = fixtures.create("CSV", 2);
        String csv = exports.csv(f.workspaceId(), "nasa");
        assertThat(csv.lines().findFirst().orElseThrow()).startsWith("Element,Name,Subsystem,Bus,Quantity,Standby power (W)");
        ImportPreview p = imports.preview(new ImportRequest(f.workspaceId(), f.elementId(), "loads.csv",
                csv.getBytes(StandardCharsets.UTF_8), null, null), "nasa");
        assertThat(p.rows()).extracting(ImportPreview.RowOutcome::status)
                .containsOnly(ImportPreview.Status.UNCHANGED).hasSize(2);
    }

    private Map<String, ReadModels.LoadItem> byName(long workspaceId) {
        return workspaces.snapshot(workspaceId).loads().stream()
                .collect(java.util.stream.Collectors.toMap(ReadModels.LoadItem::name, l -> l));
    }
}
