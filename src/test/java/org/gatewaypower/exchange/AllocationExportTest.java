package org.gatewaypower.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.gatewaypower.SpringTestBase;
import org.gatewaypower.workspace.AllocationService;
import org.gatewaypower.workspace.ReadModels;
import org.gatewaypower.workspace.TestWorkspaces;
import org.gatewaypower.workspace.WorkspaceService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The workbook's "Allocations" sheet: each element's CBE, MEV, allocation, margin and check per mode, the analysed
 * mode's sum against the sustainable power; re-importing the workbook changes neither loads nor allocations.
 */
class AllocationExportTest extends SpringTestBase {

    @Autowired
    ExportService exports;

    @Autowired
    ImportService imports;

    @Autowired
    AllocationService allocations;

    @Autowired
    WorkspaceService workspaces;

    @Autowired
    TestWorkspaces fixtures;

    @Autowired
    ArchiveService archives;

    @Test
    void a_workspace_archive_brings_the_allocations_back() {
        TestWorkspaces.Fixture f = fixtures.create("Alloc archive", 0);
        allocations.set(f.elementId(), f.otherModeId(), 1_250.0, null, "nasa");

        WorkspaceArchive.Imported copy = archives.importArchive(archives.export(f.workspaceId(), "nasa"),
                "Alloc archive copy " + f.workspaceId(), "nasa");

        ReadModels.WorkspaceSnapshot ws = workspaces.snapshot(copy.workspaceId());
        assertThat(ws.allocations()).singleElement().satisfies(a -> {
            assertThat(a.allocationW()).isEqualTo(1_250.0);
            assertThat(ws.element(a.elementId()).name()).isEqualTo("HALO");
            assertThat(ws.mode(a.modeId()).name()).isEqualTo("Uncrewed");
        });
    }

    @Test
    void the_allocations_sheet_lists_each_element_per_mode_and_the_workbook_reimports_unchanged() {
        TestWorkspaces.Fixture f = fixtures.create("Alloc export", 1);
        // One load: 2 × (50 W standby, 500 W operating), modified: Crewed duty 0.5, CBE 550 W, MEV 605 W;
        // Uncrewed duty 0.25, CBE 2 × (37.5 + 125) = 325 W, MEV 357.5 W.
        allocations.set(f.elementId(), f.activeModeId(), 600.0, null, "nasa");
        byte[] xlsx = exports.xlsx(f.workspaceId(), "nasa");

        assertThat(Sheets.sheetNames(xlsx)).containsSubsequence("Mode matrix", "Allocations", "HALO");
        List<List<String>> rows = Sheets.cells(xlsx, "Allocations");
        assertThat(rows.get(0)).containsExactly("Element", "Owner", "Mode", "CBE (kW)", "MEV (kW)", "Allocation (kW)",
                "Margin (kW)", "Check");
        assertLine(rows.get(1), "Crewed", 0.55, 0.605, "0.6", -0.005, "FAIL");
        assertLine(rows.get(2), "Uncrewed", 0.325, 0.3575, "", null, "no allocation");
        assertThat(rows).anySatisfy(r -> assertThat(r).startsWith("Allocated in Crewed (kW)", "", "", "0.6"));

        List<ReadModels.Allocation> before = allocations.allocations(f.workspaceId());
        List<ReadModels.LoadItem> loadsBefore = workspaces.snapshot(f.workspaceId()).loads();
        ImportService.ImportResult again = imports.apply(new ImportRequest(f.workspaceId(), f.elementId(),
                "export.xlsx", xlsx, null, null), "nasa");
        assertThat(again.created()).isZero();
        assertThat(again.changed()).isZero();
        assertThat(allocations.allocations(f.workspaceId())).isEqualTo(before);
        assertThat(workspaces.snapshot(f.workspaceId()).loads()).isEqualTo(loadsBefore);
    }

    private static void assertLine(List<String> row, String mode, double cbeKw, double mevKw, String allocation,
                                   Double marginKw, String check) {
        assertThat(row.subList(0, 3)).containsExactly("HALO", "NASA", mode);
        assertThat(Double.parseDouble(row.get(3))).isCloseTo(cbeKw, within(1e-12));
        assertThat(Double.parseDouble(row.get(4))).isCloseTo(mevKw, within(1e-12));
        assertThat(row.get(5)).isEqualTo(allocation);
        if (marginKw == null) {
            assertThat(row.get(6)).isEmpty();
        } else {
            assertThat(Double.parseDouble(row.get(6))).isCloseTo(marginKw, within(1e-12));
        }
        assertThat(row.get(7)).isEqualTo(check);
    }
}
