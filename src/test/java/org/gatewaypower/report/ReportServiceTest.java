package org.gatewaypower.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.gatewaypower.SpringTestBase;
import org.gatewaypower.analysis.BalanceReport;
import org.gatewaypower.analysis.BalanceService;
import org.gatewaypower.analysis.EclipseService;
import org.gatewaypower.physics.eclipse.EclipseStatistics;
import org.gatewaypower.physics.eclipse.Occulter;
import org.gatewaypower.workspace.AnalysisTimeline;
import org.gatewaypower.workspace.DesignCaseService;
import org.gatewaypower.workspace.Drafts;
import org.gatewaypower.ui.Units;
import org.gatewaypower.workspace.EquipmentService;
import org.gatewaypower.workspace.ForbiddenException;
import org.gatewaypower.workspace.StructureService;
import org.gatewaypower.workspace.TestWorkspaces;
import org.gatewaypower.workspace.ReadModels;
import org.gatewaypower.workspace.WorkspaceService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The PDF report parsed back with PDFBox: what a reviewer must find in it (workspace, elements, every
 * check with its verdict, the minimum state of charge as the workspace page prints it, the assumptions),
 * and its pages rendered to PNG under target/report-pages/ with charts that are not blank.
 */
class ReportServiceTest extends SpringTestBase {

    private static final Path PAGES = Path.of("target", "report-pages");
    private static final float DPI = 80;

    @Autowired
    ReportService reports;

    @Autowired
    WorkspaceService workspaces;

    @Autowired
    TestWorkspaces fixtures;

    @Autowired
    StructureService structure;

    @Autowired
    EquipmentService equipment;

    @Autowired
    DesignCaseService designCases;

    @Autowired
    BalanceService balances;

    @Autowired
    EclipseService eclipses;

    @Test
    void the_demo_workspace_report_holds_every_element_every_check_and_the_minimum_state_of_charge() throws Exception {
        long demo = workspaces.listWorkspaces().stream().filter(w -> w.name().equals("Gateway demo")).findFirst()
                .orElseThrow().id();

        byte[] pdf = reports.render(demo, ReportService.CURRENT, "nasa");

        assertReport(pdf, demo, "demo");
    }

    @Test
    void a_fixture_report_holds_its_workspace_and_renders_its_pages() throws Exception {
        TestWorkspaces.Fixture f = fixtures.create("Report fixture", 3);

        byte[] pdf = reports.render(f.workspaceId(), "Baseline PDR", "nasa");

        String text = assertReport(pdf, f.workspaceId(), "fixture");
        assertThat(text).contains("Baseline PDR").contains("Load 0").contains("Load 2")
                // The fixture's loads were all written by the seeder: it is the one author.
                .contains(TestWorkspaces.SEEDER);
    }

    @Test
    void on_the_ephemeris_orbit_the_report_gives_the_eclipse_statistics_of_the_span() throws Exception {
        TestWorkspaces.Fixture f = fixtures.create("Report ephemeris", 2);
        ReadModels.DesignCase dc = workspaces.snapshot(f.workspaceId()).designCase();
        Instant perilune = Instant.parse("2027-01-01T00:00:00Z");
        Instant from = Instant.parse("2027-10-01T00:00:00Z");
        designCases.updateDesignCase(f.workspaceId(), dc.version(), new Drafts.DesignCaseDraft(dc.activeModeId(),
                dc.orbitPeriodS(), dc.eclipseDurationS(), dc.arrayAgeYears(), AnalysisTimeline.EPHEMERIS, perilune,
                from, 30.0), "nasa");
        EclipseService.Catalogue catalogue = eclipses.catalogue(perilune, from, from.plusSeconds(30 * 86_400));

        String text = assertReport(reports.render(f.workspaceId(), ReportService.CURRENT, "nasa"), f.workspaceId(),
                "ephemeris");

        assertThat(text).contains("Shadow of Passes Per year Shortest Median Longest Total shadow Total umbra");
        for (EclipseStatistics s : catalogue.statistics()) {
            String body = s.body() == Occulter.MOON ? "Moon" : "Earth";
            assertThat(text).as("%s statistics", body).contains(body + " " + s.count() + " "
                    + String.format(java.util.Locale.US, "%.1f", s.countPerYear()) + " ");
        }
        assertThat(text).contains("perilune epoch 2027-01-01 00:00 UTC");
    }

    @Test
    void a_workspace_without_an_analysis_case_still_gets_its_tables() throws Exception {
        long ws = workspaces.createWorkspace("Report no case " + java.util.UUID.randomUUID(), "",
                Set.of("NASA"), TestWorkspaces.SEEDER);
        long element = structure.addElement(ws, "Lonely HALO", org.gatewaypower.workspace.ElementKind.HALO, "NASA",
                TestWorkspaces.SEEDER);
        equipment.createLoad(ws, new Drafts.LoadItemDraft(element, "Heater", "Thermal",
                org.gatewaypower.workspace.Bus.V28, 1, 0.0, 100.0, 100.0, java.util.Map.of(),
                org.gatewaypower.physics.load.MaturityClass.NEW_DESIGN,
                org.gatewaypower.physics.load.LoadPriority.CRITICAL), TestWorkspaces.SEEDER);

        try (PDDocument doc = Loader.loadPDF(reports.render(ws, ReportService.CURRENT, TestWorkspaces.SEEDER))) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");

            assertThat(text).contains("no analysis case").contains("Lonely HALO").contains("Heater")
                    .contains("Assumptions and limits of the models");
        }
    }

    @Test
    void a_user_who_is_not_a_member_gets_no_report() {
        long ws = workspaces.createWorkspace("Report private " + java.util.UUID.randomUUID(), "Only the seeder",
                Set.of("NASA"), TestWorkspaces.SEEDER);

        assertThatThrownBy(() -> reports.render(ws, ReportService.CURRENT, "csa"))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void file_names_keep_only_safe_characters() {
        assertThat(ReportService.fileName("Gateway demo")).isEqualTo("Gateway-demo-power-budget.pdf");
        assertThat(ReportService.fileName("a/b\\c: \"d\"")).isEqualTo("a-b-c-d-power-budget.pdf");
        assertThat(ReportService.fileName("???")).isEqualTo("workspace-power-budget.pdf");
    }

    /** Checks the text and renders the pages; returns the whole text. */
    private String assertReport(byte[] pdf, long workspaceId, String prefix) throws IOException {
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        ReadModels.WorkspaceSnapshot ws = workspaces.snapshot(workspaceId);
        BalanceReport balance = balances.balance(workspaceId);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            int pages = doc.getNumberOfPages();
            assertThat(pages).isGreaterThan(3);
            renderPages(doc, prefix);
            Files.write(PAGES.resolve(prefix + ".pdf"), pdf);
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            String text = stripper.getText(doc);
            // Text extraction may break a long line anywhere a cell wraps: compare on single spaces.
            String flat = text.replaceAll("\\s+", " ");

            assertThat(flat).contains(ws.name());
            for (ReadModels.Element e : ws.elements()) {
                assertThat(flat).as("element %s", e.name()).contains(e.name());
            }
            for (BalanceReport.Check c : balance.checks()) {
                assertThat(Pattern.compile(Pattern.quote(c.passed() ? "PASS" : "FAIL") + " " + Pattern.quote(c.name()))
                        .matcher(flat).find()).as("check %s with %s", c.name(), c.passed() ? "PASS" : "FAIL").isTrue();
            }
            assertThat(flat).contains("Minimum state of charge " + Units.percent(balance.battery().minStateOfCharge()));
            assertThat(flat).contains("Assumptions and limits of the models");
            List<String> bookmarks = new ArrayList<>();
            doc.getDocumentCatalog().getDocumentOutline().children().forEach(o -> bookmarks.add(o.getTitle()));
            assertThat(bookmarks).containsExactly("1  Summary and checks", "2  State of charge and power over the run",
                    "3  Eclipses", "4  Operating modes and elements", "5  Assumptions and limits of the models");
            assertThat(flat).contains("Generated by Gateway Power").contains("for NASA power team (nasa, NASA)");
            // The total is drawn once into a template shared by every footer, so extraction may lose the space.
            assertThat(flat).containsPattern("page 1 of ?" + pages + " ").containsPattern("page " + pages + " of ?" + pages);

            List<Integer> chartPages = new ArrayList<>();
            PDFTextStripper perPage = new PDFTextStripper();
            for (int p = 1; p <= pages; p++) {
                perPage.setStartPage(p);
                perPage.setEndPage(p);
                if (perPage.getText(doc).contains("Figure ")) {
                    chartPages.add(p - 1);
                }
            }
            assertThat(chartPages).isNotEmpty();

            PDFRenderer renderer = new PDFRenderer(doc);
            for (int p : chartPages) {
                BufferedImage image = renderer.renderImageWithDPI(p, DPI);
                assertThat(inkShare(image)).as("share of non-white pixels on the chart page").isGreaterThan(0.05);
                assertThat(ChartImagesTest.luminanceVariance(image)).as("luminance variance of the chart page")
                        .isGreaterThan(200);
            }
            return flat;
        }
    }

    /** Every page as a PNG under target/report-pages/, to look at (the PDF itself is written next to them). */
    private static void renderPages(PDDocument doc, String prefix) throws IOException {
        Files.createDirectories(PAGES);
        PDFRenderer renderer = new PDFRenderer(doc);
        for (int p = 0; p < doc.getNumberOfPages(); p++) {
            ImageIO.write(renderer.renderImageWithDPI(p, DPI), "png",
                    PAGES.resolve(prefix + "-page-" + (p + 1) + ".png").toFile());
        }
    }

    private static double inkShare(BufferedImage image) {
        long ink = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
                    ink++;
                }
            }
        }
        return ink / (double) (image.getWidth() * image.getHeight());
    }
}
