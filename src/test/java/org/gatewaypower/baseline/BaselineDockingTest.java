package org.gatewaypower.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.gatewaypower.SpringTestBase;
import org.gatewaypower.baseline.Comparison.ChangeType;
import org.gatewaypower.baseline.Comparison.FieldChange;
import org.gatewaypower.workspace.DockingService;
import org.gatewaypower.workspace.DockingService.DockingDraft;
import org.gatewaypower.workspace.ElementKind;
import org.gatewaypower.workspace.ReadModels;
import org.gatewaypower.workspace.StructureService;
import org.gatewaypower.workspace.TestWorkspaces;
import org.gatewaypower.workspace.TestWorkspaces.Fixture;
import org.gatewaypower.workspace.WorkspaceService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Dockings in baselines and variants: frozen with the inputs, listed by the comparison, copied into a variant. */
class BaselineDockingTest extends SpringTestBase {

    private static final String ME = TestWorkspaces.SEEDER;

    @Autowired
    BaselineService baselines;

    @Autowired
    VariantService variants;

    @Autowired
    WorkspaceService workspaces;

    @Autowired
    StructureService structure;

    @Autowired
    DockingService dockings;

    @Autowired
    TestWorkspaces fixtures;

    @Test
    void a_baseline_freezes_the_dockings_the_comparison_lists_a_changed_one_and_a_variant_copies_them() {
        Fixture f = fixtures.create("Baseline docking", 1);
        long orion = structure.addElement(f.workspaceId(), "Orion", ElementKind.ORION, "NASA", ME);
        ReadModels.Docking d = dockings.create(f.workspaceId(), new DockingDraft(orion,
                Instant.parse("2028-09-01T00:00:00Z"), Instant.parse("2028-09-22T00:00:00Z"), 2_000.0, "Artemis IV"),
                ME);
        Baselines.Baseline frozen = baselines.create(f.workspaceId(), "PDR", "", ME);
        dockings.update(d.id(), d.version(), new DockingDraft(orion, d.start(), d.end(), 1_500.0, "Artemis IV"), ME);

        assertThat(frozen.inputs().workspace().dockings()).containsExactly(d);
        Comparison c = baselines.compare(f.workspaceId(), "baseline:" + frozen.id(), "current");
        assertThat(c.changes()).singleElement().satisfies(change -> {
            assertThat(change.kind()).isEqualTo("docking");
            assertThat(change.item()).isEqualTo("Docking · Orion");
            assertThat(change.type()).isEqualTo(ChangeType.CHANGED);
            assertThat(change.fields()).containsExactly(new FieldChange("export", "W", 2_000.0, 1_500.0, null, null));
        });

        Baselines.Variant v = variants.fork(f.workspaceId(), "Later Orion", ME);
        ReadModels.WorkspaceSnapshot copy = workspaces.snapshot(v.workspaceId());
        assertThat(copy.dockings()).singleElement().satisfies(x -> {
            assertThat(x.vehicleName()).isEqualTo("Orion");
            assertThat(x.vehicleElementId()).isNotEqualTo(orion);
            assertThat(x.exportW()).isEqualTo(1_500.0);
        });
        assertThat(baselines.compare(v.workspaceId(), "parent", "current").changes()).isEmpty();
    }
}
