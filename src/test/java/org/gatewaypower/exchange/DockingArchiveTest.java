package org.gatewaypower.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.gatewaypower.SpringTestBase;
import org.gatewaypower.baseline.BaselineService;
import org.gatewaypower.report.ReportService;
import org.gatewaypower.workspace.DockingService;
import org.gatewaypower.workspace.DockingService.DockingDraft;
import org.gatewaypower.workspace.ElementKind;
import org.gatewaypower.workspace.ReadModels;
import org.gatewaypower.workspace.StructureService;
import org.gatewaypower.workspace.TestWorkspaces;
import org.gatewaypower.workspace.WorkspaceService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Dockings leave the workspace with it: an archive imports them onto the new workspace's vehicle (and its frozen
 * baselines keep them, without spurious changes), and the PDF report lists them.
 */
class DockingArchiveTest extends SpringTestBase {

    @Autowired
    ArchiveService archives;

    @Autowired
    ReportService reports;

    @Autowired
    BaselineService baselines;

    @Autowired
    WorkspaceService workspaces;

    @Autowired
    StructureService structure;

    @Autowired
    DockingService dockings;

    @Autowired
    TestWorkspaces fixtures;

    @Test
    void an_archive_carries_the_dockings_and_the_pdf_lists_them() throws Exception {
        TestWorkspaces.Fixture f = fixtures.create("Docking archive", 1);
        long hls = structure.addElement(f.workspaceId(), "Starship HLS", ElementKind.HLS, "NASA",
                TestWorkspaces.SEEDER);
        dockings.create(f.workspaceId(), new DockingDraft(hls, Instant.parse("2028-09-01T00:00:00Z"),
                Instant.parse("2028-10-01T00:00:00Z"), 1_500.0, "Artemis III"), "nasa");
        baselines.create(f.workspaceId(), "PDR", "", "nasa");

        WorkspaceArchive.Imported imported = archives.importArchive(archives.export(f.workspaceId(), "nasa"),
                "Imported " + UUID.randomUUID(), "esa");

        ReadModels.WorkspaceSnapshot copy = workspaces.snapshot(imported.workspaceId());
        assertThat(copy.dockings()).singleElement().satisfies(d -> {
            assertThat(d.vehicleElementId()).isEqualTo(copy.elements().stream()
                    .filter(e -> e.name().equals("Starship HLS")).findFirst().orElseThrow().id());
            assertThat(d.start()).isEqualTo(Instant.parse("2028-09-01T00:00:00Z"));
            assertThat(d.exportW()).isEqualTo(1_500.0);
            assertThat(d.note()).isEqualTo("Artemis III");
        });
        long frozen = baselines.baselines(imported.workspaceId()).get(0).id();
        assertThat(baselines.compare(imported.workspaceId(), "baseline:" + frozen, "current", "esa").changes())
                .isEmpty();

        try (PDDocument doc = Loader.loadPDF(reports.render(f.workspaceId(), ReportService.CURRENT, "nasa"))) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains("Visiting vehicles").contains("Starship HLS").contains("2028-09-01 00:00 UTC")
                    .contains("1.50").contains("one-orbit design case");
        }
    }
}
