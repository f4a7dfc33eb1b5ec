package org.gatewaypower.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.gatewaypower.SpringTestBase;
import org.gatewaypower.workspace.EquipmentService;
import org.gatewaypower.workspace.NotFoundException;
import org.gatewaypower.workspace.TestWorkspaces;
import org.gatewaypower.workspace.ReadModels;
import org.gatewaypower.workspace.WorkspaceService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Reports name their edition: a baseline reports its frozen inputs, a variant names its parent. */
class EditionReportsTest extends SpringTestBase {

    @Autowired
    EditionReports reports;
    @Autowired
    BaselineService baselines;
    @Autowired
    VariantService variants;
    @Autowired
    WorkspaceService workspaces;

    @Autowired
    TestWorkspaces fixtures;

    @Autowired
    EquipmentService equipment;

    @Test
    void a_baseline_report_shows_the_frozen_inputs_and_says_so() throws Exception {
        TestWorkspaces.Fixture f = fixtures.create("Edition", 2);
        Baselines.Baseline frozen = baselines.create(f.workspaceId(), "PDR", "", "nasa");
        ReadModels.LoadItem load = equipment.load(f.loadIds().get(0));
        equipment.updateLoad(load.id(), load.version(), TestWorkspaces.withOperating(TestWorkspaces.draft(load),
                1_900.0), "nasa");

        String baselineText = text(reports.baseline(f.workspaceId(), frozen.id(), "nasa"));
        assertThat(baselineText).contains("Baseline “PDR”, frozen").contains("by nasa");
        String frozenSoc = String.format(Locale.US, "%.1f %%", 100 * frozen.results().value("minStateOfCharge"));
        assertThat(baselineText).contains(frozenSoc);

        String currentText = text(reports.current(f.workspaceId(), "nasa"));
        assertThat(currentText).contains("Current inputs").doesNotContain("Baseline “PDR”");

        assertThatThrownBy(() -> reports.baseline(f.workspaceId() + 100_000, frozen.id(), "nasa"))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void a_variant_report_names_its_parent() throws Exception {
        TestWorkspaces.Fixture f = fixtures.create("Edition parent", 1);
        Baselines.Variant v = variants.fork(f.workspaceId(), "Second rack", "nasa");
        assertThat(text(reports.current(v.workspaceId(), "nasa")))
                .contains("variant “Second rack” of " + workspaces.snapshot(f.workspaceId()).name().substring(0, 10));
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }
}
