package org.gatewaypower.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

import org.gatewaypower.SpringTestBase;
import org.gatewaypower.baseline.BaselineService;
import org.gatewaypower.baseline.Comparison;
import org.gatewaypower.workspace.EquipmentService;
import org.gatewaypower.workspace.InvalidInputException;
import org.gatewaypower.workspace.MembershipService;
import org.gatewaypower.workspace.Operations;
import org.gatewaypower.workspace.OperationsService;
import org.gatewaypower.workspace.PhaseKind;
import org.gatewaypower.workspace.TestWorkspaces;
import org.gatewaypower.workspace.ReadModels;
import org.gatewaypower.workspace.WorkspaceService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The workspace archive: export, import as a new workspace with the same content, versions checked. */
class ArchiveTest extends SpringTestBase {

    @Autowired
    ArchiveService archives;
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
    @Autowired
    OperationsService operations;
    @Autowired
    BaselineService baselines;
    @Autowired
    ObjectMapper mapper;

    @Test
    void an_archive_imports_as_a_new_workspace_with_the_same_inputs_timeline_members_and_baselines() {
        TestWorkspaces.Fixture f = fixtures.create("Archive", 3);
        operations.create(f.workspaceId(), new Operations.OperationPhaseDraft("Crew stay", PhaseKind.CREWED,
                f.otherModeId(), Instant.parse("2027-02-01T00:00:00Z"), Instant.parse("2027-03-01T00:00:00Z")), "nasa");
        baselines.create(f.workspaceId(), "PDR", "before the rack", "nasa");
        ReadModels.LoadItem first = equipment.load(f.loadIds().get(0));
        equipment.updateLoad(first.id(), first.version(), TestWorkspaces.withOperating(TestWorkspaces.draft(first),
                900.0), "nasa");
        Comparison before = baselines.compare(f.workspaceId(), "baseline:" + baselines.baselines(f.workspaceId())
                .get(0).id(), "current", "nasa");

        byte[] archive = archives.export(f.workspaceId(), "nasa");
        assertThat(new String(archive, StandardCharsets.UTF_8)).contains("\"format\" : \"gateway-power-workspace\"",
                "\"version\" : 1");
        String name = "Imported " + UUID.randomUUID();
        WorkspaceArchive.Imported imported = archives.importArchive(archive, name, "esa");

        assertThat(imported.name()).isEqualTo(name);
        // The copy names where it came from, so that nobody takes it for the original.
        assertThat(workspaces.snapshot(imported.workspaceId()).description())
                .startsWith("Imported from the archive of \"" + workspaces.snapshot(f.workspaceId()).name()
                        + "\" exported ").contains(" by nasa.");
        assertThat(Sheets.cells(exports.xlsx(imported.workspaceId(), "esa"), "HALO"))
                .isEqualTo(Sheets.cells(exports.xlsx(f.workspaceId(), "nasa"), "HALO").stream()
                        .map(row -> row.subList(0, row.size() - 1)).map(row -> withLastEdit(row, "esa")).toList());
        ReadModels.WorkspaceSnapshot a = workspaces.snapshot(f.workspaceId());
        ReadModels.WorkspaceSnapshot b = workspaces.snapshot(imported.workspaceId());
        assertThat(b.batteries()).extracting(ReadModels.Battery::capacityJ, ReadModels.Battery::ownerTeamCode)
                .isEqualTo(a.batteries().stream().map(x -> org.assertj.core.groups.Tuple.tuple(x.capacityJ(),
                        x.ownerTeamCode())).toList());
        assertThat(b.designCase().orbitPeriodS()).isEqualTo(a.designCase().orbitPeriodS());
        assertThat(operations.phases(imported.workspaceId())).extracting(Operations.OperationPhase::name,
                Operations.OperationPhase::modeName).containsExactly(org.assertj.core.groups.Tuple.tuple("Crew stay",
                "Uncrewed"));
        assertThat(membership.members(imported.workspaceId())).extracting(ReadModels.Member::username)
                .contains("esa", "nasa", "jaxa");

        Comparison after = baselines.compare(imported.workspaceId(), "baseline:" + baselines.baselines(
                imported.workspaceId()).get(0).id(), "current", "esa");
        assertThat(after.changes()).extracting(Comparison.ItemChange::item)
                .isEqualTo(before.changes().stream().map(Comparison.ItemChange::item).toList());
        assertThat(after.changes()).hasSize(1);
    }

    @Test
    void an_archive_of_an_unknown_version_or_format_is_refused_clearly() throws Exception {
        TestWorkspaces.Fixture f = fixtures.create("Archive versions", 1);
        ObjectNode tree = (ObjectNode) mapper.readTree(archives.export(f.workspaceId(), "nasa"));
        tree.put("version", 2);
        List<String> before = workspaces.listWorkspaces().stream().map(ReadModels.WorkspaceSummary::name).toList();
        assertThatThrownBy(() -> archives.importArchive(mapper.writeValueAsBytes(tree), "V2 " + UUID.randomUUID(),
                "nasa")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("version: Archive format version 2 is not supported");
        tree.put("version", 1);
        tree.put("format", "something-else");
        assertThatThrownBy(() -> archives.importArchive(mapper.writeValueAsBytes(tree), null, "nasa"))
                .hasMessageContaining("not a Gateway Power workspace archive");
        assertThatThrownBy(() -> archives.importArchive("{not json".getBytes(), null, "nasa"))
                .hasMessageContaining("not JSON");
        assertThatThrownBy(() -> archives.importArchive(archives.export(f.workspaceId(), "nasa"), null, "nasa"))
                .as("the archived name is taken").hasMessageContaining("must be unique");
        assertThat(workspaces.listWorkspaces().stream().map(ReadModels.WorkspaceSummary::name).toList())
                .isEqualTo(before);
    }

    private static List<String> withLastEdit(List<String> row, String user) {
        List<String> out = new java.util.ArrayList<>(row);
        out.add(row.get(0).equals("Name") ? "Last edit" : user);
        return out;
    }
}
