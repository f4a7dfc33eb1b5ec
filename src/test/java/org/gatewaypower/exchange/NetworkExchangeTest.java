package org.gatewaypower.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.gatewaypower.SpringTestBase;
import org.gatewaypower.baseline.BaselineService;
import org.gatewaypower.baseline.Baselines;
import org.gatewaypower.baseline.Comparison;
import org.gatewaypower.baseline.Comparison.ChangeType;
import org.gatewaypower.workspace.ElementKind;
import org.gatewaypower.workspace.NetworkService;
import org.gatewaypower.workspace.ReadModels;
import org.gatewaypower.workspace.StructureService;
import org.gatewaypower.workspace.TestWorkspaces;
import org.gatewaypower.workspace.TestWorkspaces.Fixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The power network outside the live workspace: the workbook export's Network sheet lists converters, ports and
 * each mode's buses and losses; a frozen baseline carries converters and ports and a comparison lists their
 * changes.
 */
class NetworkExchangeTest extends SpringTestBase {

    @Autowired
    TestWorkspaces fixtures;

    @Autowired
    StructureService structure;

    @Autowired
    NetworkService network;

    @Autowired
    ExportService exports;

    @Autowired
    BaselineService baselines;

    @Test
    void the_export_has_a_network_sheet_and_a_baseline_comparison_lists_network_changes() {
        Fixture f = fixtures.create("Network exchange", 1);
        long ihab = structure.addElement(f.workspaceId(), "I-Hab", ElementKind.I_HAB, "ESA", TestWorkspaces.SEEDER);
        ReadModels.Converter c = network.addConverter(f.workspaceId(), new NetworkService.ConverterDraft(
                f.elementId(), "HALO DCU", 0.94, 3000.0), "nasa");
        network.addPort(f.workspaceId(), new NetworkService.PortDraft("HALO-I-Hab", f.elementId(), ihab, 12_000.0),
                "nasa");

        byte[] xlsx = exports.xlsx(f.workspaceId(), "nasa");
        assertThat(Sheets.sheetNames(xlsx)).contains("Network");
        List<List<String>> rows = Sheets.cells(xlsx, "Network");
        assertThat(rows).anySatisfy(r -> assertThat(r).startsWith("HALO", "HALO DCU", "94.0", "3.0"));
        assertThat(rows).anySatisfy(r -> assertThat(r).startsWith("HALO-I-Hab", "HALO", "I-Hab", "12.0"));
        assertThat(rows).anySatisfy(r -> assertThat(r.get(0)).startsWith("Mode Crewed"));

        Baselines.Baseline frozen = baselines.create(f.workspaceId(), "Before the new converter", "", "nasa");
        assertThat(baselines.baseline(frozen.id()).inputs().workspace().converters()).containsExactly(c);
        network.updateConverter(c.id(), c.version(), new NetworkService.ConverterDraft(f.elementId(), "HALO DCU",
                0.90, 3000.0), "nasa");
        Comparison cmp = baselines.compare(f.workspaceId(), "baseline:" + frozen.id(), "current", "nasa");
        assertThat(cmp.changes()).singleElement().satisfies(ch -> {
            assertThat(ch.kind()).isEqualTo("converter");
            assertThat(ch.type()).isEqualTo(ChangeType.CHANGED);
            assertThat(ch.fields()).singleElement().satisfies(x -> {
                assertThat(x.field()).isEqualTo("efficiency");
                assertThat(x.oldNumber()).isEqualTo(0.94);
                assertThat(x.newNumber()).isEqualTo(0.90);
            });
        });
    }
}
