package org.gatewaypower.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;

import org.gatewaypower.SpringTestBase;
import org.gatewaypower.workspace.DockingService.DockingDraft;
import org.gatewaypower.workspace.TestWorkspaces.Fixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Visiting vehicles' dockings against the real database: owners add, change and remove them; the vehicle must be an
 * Orion, HLS or logistics element; dates, export and overlaps of one vehicle are checked naming the field; stale
 * versions are refused; the snapshot and the workspace history carry them.
 */
class DockingServiceTest extends SpringTestBase {

    private static final Instant T0 = Instant.parse("2028-09-01T00:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);

    @Autowired
    DockingService dockings;

    @Autowired
    StructureService structure;

    @Autowired
    MembershipService membership;

    @Autowired
    WorkspaceService workspaces;

    @Autowired
    HistoryService history;

    @Autowired
    TestWorkspaces fixtures;

    private static Instant day(long n) {
        return T0.plus(DAY.multipliedBy(n));
    }

    private long orion(Fixture f) {
        return structure.addElement(f.workspaceId(), "Orion", ElementKind.ORION, "NASA", TestWorkspaces.SEEDER);
    }

    @Test
    void owners_add_change_and_remove_dockings_and_the_snapshot_and_history_carry_them() {
        Fixture f = fixtures.create("Dock crud", 0);
        long orion = orion(f);
        long hls = structure.addElement(f.workspaceId(), "HLS", ElementKind.HLS, "NASA", TestWorkspaces.SEEDER);

        ReadModels.Docking late = dockings.create(f.workspaceId(),
                new DockingDraft(orion, day(30), day(51), 2_000.0, "Artemis IV"), "nasa");
        // Two vehicles may be docked at once.
        ReadModels.Docking early = dockings.create(f.workspaceId(),
                new DockingDraft(hls, day(0).plusNanos(5), day(40), 0.0, null), "esa");

        assertThat(dockings.dockings(f.workspaceId())).containsExactly(early, late);
        assertThat(late.vehicleName()).isEqualTo("Orion");
        assertThat(late.exportW()).isEqualTo(2_000.0);
        assertThat(early.start()).isEqualTo(day(0));
        assertThat(early.note()).isNull();
        assertThat(workspaces.snapshot(f.workspaceId()).dockings()).containsExactly(early, late);

        ReadModels.Docking changed = dockings.update(late.id(), late.version(),
                new DockingDraft(orion, day(30), day(60), 2_500.0, "Artemis IV, extended"), "jaxa");
        assertThat(changed.version()).isGreaterThan(late.version());
        assertThat(changed.updatedBy()).isEqualTo("jaxa");
        assertThat(dockings.docking(f.workspaceId(), late.id())).isEqualTo(changed);

        dockings.delete(early.id(), early.version(), "nasa");
        assertThat(dockings.dockings(f.workspaceId())).containsExactly(changed);
        assertThat(history.workspaceHistory(f.workspaceId())).filteredOn(e -> e.kind().equals(DockingService.KIND))
                .extracting(History.Entry::change).contains(History.ChangeType.ADDED, History.ChangeType.CHANGED,
                        History.ChangeType.REMOVED);
        assertThat(history.dockingHistory(late.id())).extracting(History.Entry::change)
                .containsExactly(History.ChangeType.CHANGED, History.ChangeType.ADDED);
        assertThat(history.dockingHistory(late.id()).get(0).changes()).extracting(History.FieldChange::field)
                .contains("end", "exportW", "note");
    }

    @Test
    void every_rule_names_its_field_and_a_refused_edit_saves_nothing() {
        Fixture f = fixtures.create("Dock rules", 0);
        long orion = orion(f);

        InvalidInputException notVehicle = catchThrowableOfType(InvalidInputException.class, () -> dockings.create(
                f.workspaceId(), new DockingDraft(f.elementId(), day(0), day(1), 0.0, null), "nasa"));
        InvalidInputException reversed = catchThrowableOfType(InvalidInputException.class, () -> dockings.create(
                f.workspaceId(), new DockingDraft(orion, day(5), day(2), 0.0, null), "nasa"));
        InvalidInputException negative = catchThrowableOfType(InvalidInputException.class, () -> dockings.create(
                f.workspaceId(), new DockingDraft(orion, day(0), day(2), -1.0, null), "nasa"));
        InvalidInputException missing = catchThrowableOfType(InvalidInputException.class, () -> dockings.create(
                f.workspaceId(), new DockingDraft(null, null, day(2), null, null), "nasa"));

        assertThat(notVehicle.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("vehicleElementId");
            assertThat(v.message()).contains("Vehicle", "Orion", "HLS", "Logistics");
        });
        assertThat(reversed.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("end");
            assertThat(v.message()).contains("End must be after start");
        });
        assertThat(negative.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("exportW");
            assertThat(v.message()).contains("Export power");
        });
        assertThat(missing.violations()).extracting(InvalidInputException.FieldViolation::field)
                .contains("vehicleElementId", "start", "exportW");
        assertThat(dockings.dockings(f.workspaceId())).isEmpty();
    }

    @Test
    void dockings_of_one_vehicle_may_touch_but_not_overlap() {
        Fixture f = fixtures.create("Dock overlap", 0);
        long orion = orion(f);
        dockings.create(f.workspaceId(), new DockingDraft(orion, day(10), day(20), 0.0, null), "nasa");

        dockings.create(f.workspaceId(), new DockingDraft(orion, day(20), day(25), 0.0, null), "nasa");
        InvalidInputException overlap = catchThrowableOfType(InvalidInputException.class, () -> dockings.create(
                f.workspaceId(), new DockingDraft(orion, day(15), day(30), 0.0, null), "nasa"));

        assertThat(overlap.violations()).extracting(InvalidInputException.FieldViolation::field).contains("start");
        assertThat(overlap.violations().get(0).message()).contains("Orion", "may not overlap");
        assertThat(dockings.dockings(f.workspaceId())).hasSize(2);
    }

    @Test
    void only_owners_edit_dockings() {
        Fixture f = fixtures.create("Dock access", 0);
        long orion = orion(f);
        membership.setMember(f.workspaceId(), "esa", WorkspaceRole.EDITOR, TestWorkspaces.SEEDER);
        membership.setMember(f.workspaceId(), "jaxa", WorkspaceRole.VIEWER, TestWorkspaces.SEEDER);
        ReadModels.Docking d = dockings.create(f.workspaceId(), new DockingDraft(orion, day(0), day(5), 0.0, null),
                "nasa");

        assertThatThrownBy(() -> dockings.create(f.workspaceId(),
                new DockingDraft(orion, day(10), day(15), 0.0, null), "esa")).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> dockings.update(d.id(), d.version(),
                new DockingDraft(orion, day(0), day(6), 0.0, null), "jaxa")).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> dockings.delete(d.id(), d.version(), "esa")).isInstanceOf(ForbiddenException.class);
        assertThat(dockings.dockings(f.workspaceId())).containsExactly(d);
    }

    @Test
    void a_stale_update_or_delete_is_refused_and_the_stored_docking_is_unchanged() {
        Fixture f = fixtures.create("Dock stale", 0);
        long orion = orion(f);
        ReadModels.Docking read = dockings.create(f.workspaceId(),
                new DockingDraft(orion, day(0), day(5), 1_000.0, null), "nasa");
        ReadModels.Docking current = dockings.update(read.id(), read.version(),
                new DockingDraft(orion, day(0), day(6), 1_000.0, null), "jaxa");

        StaleEditException update = catchThrowableOfType(StaleEditException.class, () -> dockings.update(read.id(),
                read.version(), new DockingDraft(orion, day(0), day(7), 3_000.0, null), "esa"));
        StaleEditException delete = catchThrowableOfType(StaleEditException.class,
                () -> dockings.delete(read.id(), read.version(), "esa"));

        assertThat(update.kind()).isEqualTo(WorkspaceChanged.Kind.DOCKING);
        assertThat(update.currentVersion()).isEqualTo(current.version());
        assertThat(update.lastEditedBy()).isEqualTo("jaxa");
        assertThat(delete).isNotNull();
        assertThat(dockings.dockings(f.workspaceId())).containsExactly(current);
    }

    @Test
    void a_vehicle_with_dockings_keeps_its_kind_and_removing_it_removes_its_dockings() {
        Fixture f = fixtures.create("Dock element", 0);
        long orion = orion(f);
        dockings.create(f.workspaceId(), new DockingDraft(orion, day(0), day(5), 0.0, null), "nasa");
        ReadModels.Element e = workspaces.snapshot(f.workspaceId()).element(orion);

        InvalidInputException kind = catchThrowableOfType(InvalidInputException.class, () -> structure.updateElement(
                orion, e.version(), "Orion", ElementKind.OTHER, "NASA", "nasa"));
        assertThat(kind.violations()).extracting(InvalidInputException.FieldViolation::field).containsExactly("kind");

        structure.deleteElement(orion, e.version(), "nasa");
        assertThat(dockings.dockings(f.workspaceId())).isEmpty();
    }
}
