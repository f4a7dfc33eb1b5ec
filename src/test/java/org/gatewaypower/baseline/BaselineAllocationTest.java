package org.gatewaypower.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.gatewaypower.SpringTestBase;
import org.gatewaypower.workspace.AllocationService;
import org.gatewaypower.workspace.ReadModels;
import org.gatewaypower.workspace.TestWorkspaces;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A baseline freezes the allocations; comparing it with today lists an allocation changed, one added and each
 * allocated element's margin before and after, and ranks the allocation change (which alters no energy) like any
 * other change.
 */
class BaselineAllocationTest extends SpringTestBase {

    @Autowired
    BaselineService baselines;

    @Autowired
    AllocationService allocations;

    @Autowired
    TestWorkspaces fixtures;

    @Test
    void a_comparison_lists_allocation_changes_and_element_margins() {
        TestWorkspaces.Fixture f = fixtures.create("Alloc baseline", 1);
        // One load: CBE 550 W, MEV 605 W in Crewed (the analysed mode).
        ReadModels.Allocation crewed = allocations.set(f.elementId(), f.activeModeId(), 700.0, null, "nasa");
        Baselines.Baseline frozen = baselines.create(f.workspaceId(), "SRR", "", "nasa");
        assertThat(frozen.inputs().workspace().allocations()).extracting(ReadModels.Allocation::allocationW)
                .containsExactly(700.0);

        allocations.set(f.elementId(), f.activeModeId(), 600.0, crewed.version(), "nasa");
        allocations.set(f.elementId(), f.otherModeId(), 400.0, null, "nasa");
        Comparison c = baselines.compare(f.workspaceId(), BaselineService.BASELINE_PREFIX + frozen.id(),
                BaselineService.CURRENT, "nasa");

        assertThat(c.changes()).filteredOn(x -> x.kind().equals("allocation"))
                .extracting(Comparison.ItemChange::item, Comparison.ItemChange::type)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("HALO · Crewed", Comparison.ChangeType.CHANGED),
                        org.assertj.core.groups.Tuple.tuple("HALO · Uncrewed", Comparison.ChangeType.ADDED));
        Comparison.FieldChange lowered = c.changes().stream().filter(x -> x.item().equals("HALO · Crewed"))
                .findFirst().orElseThrow().fields().get(0);
        assertThat(lowered.oldNumber()).isEqualTo(700.0);
        assertThat(lowered.newNumber()).isEqualTo(600.0);

        Comparison.FigureDelta margin = c.figures().stream().filter(x -> x.key().equals("elementMarginW.HALO"))
                .findFirst().orElseThrow();
        assertThat(margin.a()).isCloseTo(95, within(1e-9));
        assertThat(margin.b()).isCloseTo(-5, within(1e-9));
        assertThat(c.checks()).filteredOn(x -> x.name().equals("Element allocations")).singleElement()
                .satisfies(x -> {
                    assertThat(x.passedA()).isTrue();
                    assertThat(x.passedB()).isFalse();
                });
        assertThat(c.ranking()).extracting(Comparison.Impact::kind).contains("allocation");
    }
}
