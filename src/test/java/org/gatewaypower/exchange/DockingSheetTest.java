package org.gatewaypower.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.gatewaypower.SpringTestBase;
import org.gatewaypower.workspace.DockingService;
import org.gatewaypower.workspace.DockingService.DockingDraft;
import org.gatewaypower.workspace.ElementKind;
import org.gatewaypower.workspace.StructureService;
import org.gatewaypower.workspace.TestWorkspaces;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The workbook's "Dockings" sheet: written when there are dockings, one row each, after the arrays. */
class DockingSheetTest extends SpringTestBase {

    @Autowired
    ExportService exports;

    @Autowired
    StructureService structure;

    @Autowired
    DockingService dockings;

    @Autowired
    TestWorkspaces fixtures;

    @Test
    void each_docking_is_a_row_of_the_dockings_sheet_and_on_the_design_orbit_it_is_not_in_the_run() {
        TestWorkspaces.Fixture f = fixtures.create("Docking sheet", 1);
        long orion = structure.addElement(f.workspaceId(), "Orion", ElementKind.ORION, "NASA", TestWorkspaces.SEEDER);
        dockings.create(f.workspaceId(), new DockingDraft(orion, Instant.parse("2028-09-01T00:00:00Z"),
                Instant.parse("2028-09-22T00:00:00Z"), 2_000.0, "Artemis IV"), TestWorkspaces.SEEDER);

        byte[] xlsx = exports.xlsx(f.workspaceId(), TestWorkspaces.SEEDER);

        assertThat(Sheets.sheetNames(xlsx)).containsSubsequence("Arrays", "Dockings", "Eclipses");
        List<List<String>> cells = Sheets.cells(xlsx, "Dockings");
        assertThat(cells.get(0)).startsWith("Vehicle", "From (UTC)", "To (UTC)", "Export (kW)", "Note", "In the run");
        assertThat(cells.get(1)).startsWith("Orion", "2028-09-01 00:00", "2028-09-22 00:00");
        assertThat(cells.get(1).get(4)).isEqualTo("Artemis IV");
        assertThat(cells.get(1).get(5)).isEqualTo("no");
        assertThat(cells).hasSize(2);
    }
}
