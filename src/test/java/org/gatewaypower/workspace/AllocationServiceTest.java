package org.gatewaypower.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.gatewaypower.SpringTestBase;
import org.gatewaypower.collaboration.WorkspaceBroadcaster;
import org.gatewaypower.workspace.TestWorkspaces.Fixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Power allocations against the real database: owners set, change and clear them per element and mode; editors
 * (also of the element's own team) and viewers may not; values outside the catalogued range and modes of other
 * workspaces are refused naming the field; stale versions are refused in every form (changed, cleared, set by
 * someone else first); refused edits change nothing; saved ones are audited and announced.
 */
class AllocationServiceTest extends SpringTestBase {

    @Autowired
    AllocationService allocations;

    @Autowired
    WorkspaceService workspaces;

    @Autowired
    StructureService structure;

    @Autowired
    MembershipService membership;

    @Autowired
    HistoryService history;

    @Autowired
    TestWorkspaces fixtures;

    @Autowired
    WorkspaceBroadcaster broadcaster;

    @Test
    void owners_set_change_and_clear_an_allocation_per_element_and_mode() {
        Fixture f = fixtures.create("Alloc crud", 1);
        ReadModels.Allocation set = allocations.set(f.elementId(), f.activeModeId(), 5_000.0, null, "nasa");

        assertThat(set.allocationW()).isEqualTo(5_000.0);
        assertThat(set.elementId()).isEqualTo(f.elementId());
        assertThat(set.modeId()).isEqualTo(f.activeModeId());
        assertThat(set.updatedBy()).isEqualTo("nasa");
        assertThat(workspaces.snapshot(f.workspaceId()).allocation(f.elementId(), f.activeModeId())).contains(set);
        assertThat(workspaces.snapshot(f.workspaceId()).allocation(f.elementId(), f.otherModeId())).isEmpty();

        ReadModels.Allocation other = allocations.set(f.elementId(), f.otherModeId(), 2_000.0, null, "esa");
        ReadModels.Allocation changed = allocations.set(f.elementId(), f.activeModeId(), 6_500.0, set.version(),
                "esa");
        assertThat(changed.version()).isGreaterThan(set.version());
        assertThat(changed.allocationW()).isEqualTo(6_500.0);
        assertThat(allocations.allocations(f.workspaceId())).containsExactlyInAnyOrder(changed, other);

        allocations.clear(f.elementId(), f.activeModeId(), changed.version(), "nasa");
        assertThat(allocations.allocations(f.workspaceId())).containsExactly(other);

        List<History.Entry> trail = history.allocationHistory(f.elementId());
        assertThat(trail).extracting(History.Entry::change).containsExactly(History.ChangeType.REMOVED,
                History.ChangeType.CHANGED, History.ChangeType.ADDED, History.ChangeType.ADDED);
        History.FieldChange raised = trail.get(1).changes().get(0);
        assertThat(raised.label()).isEqualTo("Power allocation in mode Crewed");
        assertThat(raised.unit()).isEqualTo("W");
        assertThat(raised.oldValue()).isEqualTo(5_000.0);
        assertThat(raised.newValue()).isEqualTo(6_500.0);
        assertThat(history.elementHistory(f.elementId())).extracting(History.Entry::kind)
                .contains(AllocationService.KIND);
    }

    @Test
    void editors_even_of_the_elements_team_and_viewers_may_not_set_allocations_owners_may() {
        Fixture f = fixtures.create("Alloc access", 0);
        long ihab = structure.addElement(f.workspaceId(), "I-Hab", ElementKind.I_HAB, "ESA", TestWorkspaces.SEEDER);
        membership.setMember(f.workspaceId(), "esa", WorkspaceRole.EDITOR, TestWorkspaces.SEEDER);
        membership.setMember(f.workspaceId(), "observer", WorkspaceRole.VIEWER, TestWorkspaces.SEEDER);

        ForbiddenException editor = catchThrowableOfType(ForbiddenException.class,
                () -> allocations.set(ihab, f.activeModeId(), 3_000.0, null, "esa"));
        assertThat(editor.getMessage()).contains("esa (editor) may not set power allocations")
                .contains("only workspace owners");
        assertThatThrownBy(() -> allocations.set(ihab, f.activeModeId(), 3_000.0, null, "observer"))
                .isInstanceOf(ForbiddenException.class);
        assertThat(allocations.allocations(f.workspaceId())).isEmpty();

        ReadModels.Allocation byOwner = allocations.set(ihab, f.activeModeId(), 3_000.0, null, "nasa");
        assertThatThrownBy(() -> allocations.clear(ihab, f.activeModeId(), byOwner.version(), "esa"))
                .isInstanceOf(ForbiddenException.class);
        assertThat(allocations.allocations(f.workspaceId())).containsExactly(byOwner);
    }

    @Test
    void a_stale_version_is_refused_and_changes_nothing() {
        Fixture f = fixtures.create("Alloc stale", 0);
        ReadModels.Allocation seen = allocations.set(f.elementId(), f.activeModeId(), 4_000.0, null, "nasa");
        ReadModels.Allocation first = allocations.set(f.elementId(), f.activeModeId(), 4_500.0, seen.version(),
                "jaxa");

        StaleEditException late = catchThrowableOfType(StaleEditException.class,
                () -> allocations.set(f.elementId(), f.activeModeId(), 3_000.0, seen.version(), "esa"));
        assertThat(late.kind()).isEqualTo(WorkspaceChanged.Kind.ALLOCATION);
        assertThat(late.lastEditedBy()).isEqualTo("jaxa");
        assertThat(late.currentVersion()).isEqualTo(first.version());
        // Believing there is none, a first allocation does not overwrite the one set meanwhile.
        assertThatThrownBy(() -> allocations.set(f.elementId(), f.activeModeId(), 3_000.0, null, "esa"))
                .isInstanceOf(StaleEditException.class);
        assertThatThrownBy(() -> allocations.clear(f.elementId(), f.activeModeId(), seen.version(), "esa"))
                .isInstanceOf(StaleEditException.class);
        assertThat(allocations.allocations(f.workspaceId())).containsExactly(first);

        allocations.clear(f.elementId(), f.activeModeId(), first.version(), "nasa");
        assertThatThrownBy(() -> allocations.set(f.elementId(), f.activeModeId(), 3_000.0, first.version(), "esa"))
                .as("a change of an allocation cleared meanwhile").isInstanceOf(StaleEditException.class);
        assertThat(allocations.allocations(f.workspaceId())).isEmpty();
    }

    @Test
    void bad_values_and_foreign_modes_are_refused_naming_the_field() {
        Fixture f = fixtures.create("Alloc rules", 0);
        Fixture other = fixtures.create("Alloc rules other", 0);

        InvalidInputException negative = catchThrowableOfType(InvalidInputException.class,
                () -> allocations.set(f.elementId(), f.activeModeId(), -5.0, null, "nasa"));
        assertThat(negative.violations()).containsExactly(new InvalidInputException.FieldViolation("allocationW",
                "Power allocation must be between 0 and 10000000 W (was -5)"));
        InvalidInputException missing = catchThrowableOfType(InvalidInputException.class,
                () -> allocations.set(f.elementId(), f.activeModeId(), null, null, "nasa"));
        assertThat(missing.violations()).extracting(InvalidInputException.FieldViolation::field)
                .containsExactly("allocationW");
        InvalidInputException foreign = catchThrowableOfType(InvalidInputException.class,
                () -> allocations.set(f.elementId(), other.activeModeId(), 1_000.0, null, "nasa"));
        assertThat(foreign.violations()).extracting(InvalidInputException.FieldViolation::field)
                .containsExactly("modeId");
        assertThatThrownBy(() -> allocations.set(-1, f.activeModeId(), 1_000.0, null, "nasa"))
                .isInstanceOf(NotFoundException.class);
        assertThat(allocations.allocations(f.workspaceId())).isEmpty();
    }

    @Test
    void removing_a_mode_or_an_element_removes_its_allocations() {
        Fixture f = fixtures.create("Alloc cascade", 0);
        long spare = structure.addMode(f.workspaceId(), "Spare", "", 2, TestWorkspaces.SEEDER);
        allocations.set(f.elementId(), spare, 1_000.0, null, "nasa");
        ReadModels.Allocation kept = allocations.set(f.elementId(), f.activeModeId(), 2_000.0, null, "nasa");
        long modeVersion = workspaces.snapshot(f.workspaceId()).mode(spare).version();

        structure.deleteMode(spare, modeVersion, "nasa");
        assertThat(allocations.allocations(f.workspaceId())).containsExactly(kept);

        long arm = structure.addElement(f.workspaceId(), "Canadarm3", ElementKind.CANADARM3, "CSA", "nasa");
        allocations.set(arm, f.activeModeId(), 500.0, null, "nasa");
        structure.deleteElement(arm, workspaces.snapshot(f.workspaceId()).element(arm).version(), "nasa");
        assertThat(allocations.allocations(f.workspaceId())).containsExactly(kept);
    }

    @Test
    void saved_allocations_reach_subscribers_refused_ones_do_not() throws InterruptedException {
        Fixture f = fixtures.create("Alloc events", 0);
        BlockingQueue<WorkspaceChanged> events = new LinkedBlockingQueue<>();
        WorkspaceBroadcaster.Subscription subscription = broadcaster.subscribe(f.workspaceId(), events::add);
        try {
            ReadModels.Allocation a = allocations.set(f.elementId(), f.activeModeId(), 2_500.0, null, "nasa");
            assertThat(events.poll(3, TimeUnit.SECONDS)).isEqualTo(new WorkspaceChanged(f.workspaceId(),
                    WorkspaceChanged.Kind.ALLOCATION, a.id(), WorkspaceChanged.Change.ADDED, "nasa",
                    "set the power allocation of HALO in Crewed to 2.500 kW"));

            assertThatThrownBy(() -> allocations.set(f.elementId(), f.activeModeId(), 1e9, a.version(), "nasa"))
                    .isInstanceOf(InvalidInputException.class);
            assertThat(events.poll(500, TimeUnit.MILLISECONDS)).as("event after a refused edit").isNull();
        } finally {
            subscription.cancel();
        }
    }
}
