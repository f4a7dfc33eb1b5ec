package org.gatewaypower.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.gatewaypower.SpringTestBase;
import org.gatewaypower.physics.load.LoadPriority;
import org.gatewaypower.physics.load.MaturityClass;
import org.gatewaypower.workspace.Bus;
import org.gatewaypower.workspace.Drafts;
import org.gatewaypower.workspace.EquipmentService;
import org.gatewaypower.workspace.TestWorkspaces;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * CSV exports neutralise text cells a spreadsheet would run as formulas (OWASP: a leading apostrophe),
 * keep numeric cells numbers, and re-import unchanged.
 */
class CsvInjectionTest extends SpringTestBase {

    private static final String ATTACK = "-2+3+cmd|' /C calc'!A0";

    @Autowired
    TestWorkspaces fixtures;

    @Autowired
    EquipmentService equipment;

    @Autowired
    ExportService exports;

    @Autowired
    ImportService imports;

    @Test
    void text_cells_starting_with_a_formula_character_get_an_apostrophe_and_numbers_stay_numbers() {
        assertThat(CsvCells.text(ATTACK)).isEqualTo("'" + ATTACK);
        for (String s : List.of("=1+2", "+1", "-23.1", "@SUM(A1)", "\tx", "\rx")) {
            assertThat(CsvCells.neutralise(s)).as(s).isEqualTo("'" + s);
            assertThat(CsvCells.restore(CsvCells.neutralise(s))).as(s).isEqualTo(s);
        }
        assertThat(CsvCells.number("-23.1")).isEqualTo("-23.1");
        assertThat(CsvCells.text("Cabin fan")).isEqualTo("Cabin fan");
        assertThat(CsvCells.text("a,b")).isEqualTo("\"a,b\"");
        // Apostrophes of the user's own survive the round trip.
        for (String s : List.of("'=x", "''-1", "'quoted", "it's")) {
            assertThat(CsvCells.restore(CsvCells.neutralise(s))).as(s).isEqualTo(s);
        }
    }

    @Test
    void the_loads_csv_neutralises_hostile_names_and_reimports_them_unchanged() {
        TestWorkspaces.Fixture f = fixtures.create("CSV injection", 1);
        equipment.createLoad(f.workspaceId(), new Drafts.LoadItemDraft(f.elementId(), ATTACK, "=HYPERLINK(\"x\")",
                Bus.V120, 3, 1.5, 23.1, 40.0, Map.of(f.activeModeId(), 0.5), MaturityClass.MODIFIED,
                LoadPriority.DEFERRABLE), TestWorkspaces.SEEDER);
        equipment.createLoad(f.workspaceId(), new Drafts.LoadItemDraft(f.elementId(), "@SUM(1+1)", "+28 V",
                Bus.V120, 1, 0.0, 10.0, 10.0, Map.of(), MaturityClass.MODIFIED, LoadPriority.DEFERRABLE),
                TestWorkspaces.SEEDER);

        String csv = exports.csv(f.workspaceId(), "nasa");

        List<List<String>> rows = TableReader.parseCsv(csv, ',');
        List<String> attack = rows.stream().filter(r -> r.get(1).contains("cmd|")).findFirst().orElseThrow();
        assertThat(attack.get(1)).isEqualTo("'" + ATTACK);
        assertThat(attack.get(2)).isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(attack.get(4)).isEqualTo("3");
        assertThat(attack.get(6)).isEqualTo("23.1");
        List<String> at = rows.stream().filter(r -> r.get(1).contains("SUM")).findFirst().orElseThrow();
        assertThat(at.get(1)).isEqualTo("'@SUM(1+1)");
        assertThat(at.get(2)).isEqualTo("'+28 V");
        for (List<String> row : rows) {
            for (String cell : row) {
                assertThat(cell).as("no cell a spreadsheet would run: %s", row)
                        .doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("@")
                        .doesNotStartWith("\t").doesNotStartWith("\r");
                if (cell.startsWith("-")) {
                    assertThat(cell).matches("-[0-9.Ee+-]+");
                }
            }
        }

        ImportPreview p = imports.preview(new ImportRequest(f.workspaceId(), f.elementId(), "loads.csv",
                csv.getBytes(StandardCharsets.UTF_8), null, null), "nasa");
        assertThat(p.rows()).extracting(ImportPreview.RowOutcome::status)
                .containsOnly(ImportPreview.Status.UNCHANGED).hasSize(3);
    }
}
