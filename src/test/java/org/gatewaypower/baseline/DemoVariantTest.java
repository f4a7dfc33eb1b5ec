package org.gatewaypower.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import org.gatewaypower.SpringTestBase;
import org.gatewaypower.baseline.Comparison.ChangeType;
import org.gatewaypower.workspace.EquipmentService;
import org.gatewaypower.workspace.TestWorkspaces;
import org.gatewaypower.workspace.ReadModels;
import org.gatewaypower.workspace.WorkspaceService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The demo workspace (several elements and teams, an ephemeris-orbit case and an operations timeline)
 * forked into a variant: the copy matches its parent item for item, and a change in the variant is the
 * one difference, ranked with its effect on the minimum state of charge. The demo itself is only read.
 */
class DemoVariantTest extends SpringTestBase {

    @Autowired
    VariantService variants;

    @Autowired
    BaselineService baselines;

    @Autowired
    WorkspaceService workspaces;

    @Autowired
    EquipmentService equipment;

    @Test
    void a_fork_of_the_demo_matches_it_and_a_change_in_the_fork_is_the_one_difference() {
        long demo = workspaces.listWorkspaces().stream().filter(w -> w.name().equals("Gateway demo")).findFirst()
                .orElseThrow().id();
        Baselines.Variant v = variants.fork(demo, "Demo fork " + System.nanoTime(), TestWorkspaces.SEEDER);
        ReadModels.WorkspaceSnapshot copy = workspaces.snapshot(v.workspaceId());
        ReadModels.WorkspaceSnapshot parent = workspaces.snapshot(demo);
        assertThat(copy.loads()).hasSameSizeAs(parent.loads()).hasSizeGreaterThan(5);
        assertThat(copy.elements()).hasSameSizeAs(parent.elements());

        assertThat(baselines.compare(v.workspaceId(), "parent", "current").changes()).isEmpty();
        ReadModels.LoadItem l = copy.loads().get(0);
        equipment.updateLoad(l.id(), l.version(), TestWorkspaces.withPowers(TestWorkspaces.draft(l),
                l.standbyPowerW(), l.operatingPowerW() + 2_000.0, l.peakPowerW() + 2_000.0), TestWorkspaces.SEEDER);

        Comparison c = baselines.compare(v.workspaceId(), "parent", "current");

        assertThat(c.changes()).singleElement().satisfies(ch -> {
            assertThat(ch.type()).isEqualTo(ChangeType.CHANGED);
            assertThat(ch.key()).isEqualTo("load:" + parent.loads().get(0).id());
            assertThat(ch.fields()).extracting(Comparison.FieldChange::field).containsExactly("operating power", "peak power");
        });
        assertThat(c.ranking()).singleElement().satisfies(i -> assertThat(i.minSocDelta()).isNotNull());
        assertThat(c.ranking().get(0).minSocDelta())
                .isEqualTo(c.figure("minStateOfCharge").orElseThrow().delta());
    }
}
