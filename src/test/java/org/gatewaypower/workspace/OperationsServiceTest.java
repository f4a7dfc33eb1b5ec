package org.gatewaypower.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.gatewaypower.SpringTestBase;
import org.gatewaypower.collaboration.WorkspaceBroadcaster;
import org.gatewaypower.workspace.Operations.OperationPhase;
import org.gatewaypower.workspace.Operations.OperationPhaseDraft;
import org.gatewaypower.workspace.TestWorkspaces.Fixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The operations timeline against the real database: phases are listed by start, every rule names its
 * field, reversed and overlapping dates are refused (also under concurrency), touching phases are
 * fine, stale versions are refused, a refused edit changes nothing, and saved edits reach subscribers.
 */
class OperationsServiceTest extends SpringTestBase {

    private static final Instant T0 = Instant.parse("2027-03-01T00:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);

    @Autowired
    OperationsService operations;

    @Autowired
    TestWorkspaces fixtures;

    @Autowired
    WorkspaceBroadcaster broadcaster;

    private static OperationPhaseDraft phase(String name, PhaseKind kind, long modeId, Instant start, Instant end) {
        return new OperationPhaseDraft(name, kind, modeId, start, end);
    }

    private static Instant day(long n) {
        return T0.plus(DAY.multipliedBy(n));
    }

    // ---------------------------------------------------------------- create, list, update, delete

    @Test
    void phases_are_created_listed_by_start_changed_and_deleted() {
        Fixture f = fixtures.create("Ops crud", 0);
        OperationPhase crewed = operations.create(f.workspaceId(),
                phase("Artemis IV stay", PhaseKind.CREWED, f.activeModeId(), day(30), day(60)), "nasa");
        OperationPhase quiet = operations.create(f.workspaceId(),
                phase("Quiescent", PhaseKind.UNCREWED, f.otherModeId(), day(0), day(30)), "esa");

        assertThat(operations.phases(f.workspaceId())).containsExactly(quiet, crewed);
        assertThat(crewed.modeName()).isEqualTo("Crewed");
        assertThat(crewed.updatedBy()).isEqualTo("nasa");
        assertThat(crewed.duration()).isEqualTo(Duration.ofDays(30));
        assertThat(operations.phase(crewed.id())).isEqualTo(crewed);

        OperationPhase longer = operations.update(crewed.id(), crewed.version(),
                phase("Artemis IV stay", PhaseKind.ORION_DOCKED, f.activeModeId(), day(30), day(75)), "esa");

        assertThat(longer.version()).isGreaterThan(crewed.version());
        assertThat(longer.kind()).isEqualTo(PhaseKind.ORION_DOCKED);
        assertThat(longer.end()).isEqualTo(day(75));
        assertThat(longer.updatedBy()).isEqualTo("esa");
        assertThat(operations.phases(f.workspaceId())).containsExactly(quiet, longer);

        operations.delete(quiet.id(), quiet.version(), "nasa");

        assertThat(operations.phases(f.workspaceId())).containsExactly(longer);
        assertThatThrownBy(() -> operations.phase(quiet.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void times_are_kept_to_the_second_so_what_is_returned_is_what_is_stored() {
        Fixture f = fixtures.create("Ops seconds", 0);
        OperationPhase saved = operations.create(f.workspaceId(), phase("EVA 1", PhaseKind.EVA, f.activeModeId(),
                day(1).plusNanos(123_456_789), day(1).plusSeconds(6 * 3600).plusMillis(999)), "nasa");

        assertThat(saved.start()).isEqualTo(day(1));
        assertThat(saved.end()).isEqualTo(day(1).plusSeconds(6 * 3600));
        assertThat(operations.phases(f.workspaceId())).containsExactly(saved);
    }

    @Test
    void a_phase_may_start_exactly_when_the_previous_one_ends() {
        Fixture f = fixtures.create("Ops adjacent", 0);
        operations.create(f.workspaceId(), phase("Before", PhaseKind.UNCREWED, f.otherModeId(), day(0), day(10)),
                "nasa");
        operations.create(f.workspaceId(), phase("After", PhaseKind.CREWED, f.activeModeId(), day(20), day(30)),
                "nasa");

        OperationPhase between = operations.create(f.workspaceId(),
                phase("Between", PhaseKind.HLS_DOCKED, f.activeModeId(), day(10), day(20)), "nasa");

        assertThat(operations.phases(f.workspaceId())).extracting(OperationPhase::name)
                .containsExactly("Before", "Between", "After");
        assertThat(between.start()).isEqualTo(day(10));
    }

    // ---------------------------------------------------------------- rules

    @Test
    void reversed_dates_are_refused_naming_the_end_and_nothing_is_saved() {
        Fixture f = fixtures.create("Ops reversed", 0);

        InvalidInputException ex = catchThrowableOfType(InvalidInputException.class, () -> operations.create(
                f.workspaceId(), phase("Backwards", PhaseKind.CREWED, f.activeModeId(), day(5), day(2)), "nasa"));

        assertThat(ex).isNotNull();
        assertThat(ex.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("end");
            assertThat(v.message()).startsWith("End must be after start (was " + day(2));
        });
        assertThat(operations.phases(f.workspaceId())).isEmpty();
    }

    @Test
    void a_phase_of_zero_length_is_refused_naming_the_end() {
        Fixture f = fixtures.create("Ops zero", 0);

        InvalidInputException ex = catchThrowableOfType(InvalidInputException.class, () -> operations.create(
                f.workspaceId(), phase("Instant", PhaseKind.EVA, f.activeModeId(), day(5), day(5)), "nasa"));

        assertThat(ex.violations()).extracting(InvalidInputException.FieldViolation::field).containsExactly("end");
    }

    @Test
    void an_overlapping_phase_is_refused_naming_the_field_and_the_other_phase() {
        Fixture f = fixtures.create("Ops overlap", 0);
        operations.create(f.workspaceId(), phase("Artemis IV stay", PhaseKind.CREWED, f.activeModeId(), day(10),
                day(40)), "nasa");
        List<OperationPhase> before = operations.phases(f.workspaceId());

        InvalidInputException startInside = catchThrowableOfType(InvalidInputException.class, () -> operations
                .create(f.workspaceId(), phase("Late", PhaseKind.UNCREWED, f.otherModeId(), day(39), day(50)),
                        "esa"));
        InvalidInputException endInside = catchThrowableOfType(InvalidInputException.class, () -> operations
                .create(f.workspaceId(), phase("Early", PhaseKind.UNCREWED, f.otherModeId(), day(0), day(11)),
                        "esa"));
        InvalidInputException enclosing = catchThrowableOfType(InvalidInputException.class, () -> operations
                .create(f.workspaceId(), phase("Wide", PhaseKind.UNCREWED, f.otherModeId(), day(0), day(50)),
                        "esa"));

        String message = "Overlaps phase 'Artemis IV stay' (from " + day(10) + " to " + day(40)
                + "); phases may not overlap";
        assertThat(startInside.violations()).containsExactly(new InvalidInputException.FieldViolation("start",
                message));
        assertThat(endInside.violations()).containsExactly(new InvalidInputException.FieldViolation("end", message));
        assertThat(enclosing.violations()).containsExactly(new InvalidInputException.FieldViolation("end", message));
        assertThat(operations.phases(f.workspaceId())).isEqualTo(before);
    }

    @Test
    void moving_a_phase_onto_another_is_refused_and_leaves_both_unchanged() {
        Fixture f = fixtures.create("Ops move", 0);
        OperationPhase first = operations.create(f.workspaceId(),
                phase("First", PhaseKind.UNCREWED, f.otherModeId(), day(0), day(10)), "nasa");
        operations.create(f.workspaceId(), phase("Second", PhaseKind.CREWED, f.activeModeId(), day(10), day(20)),
                "nasa");
        List<OperationPhase> before = operations.phases(f.workspaceId());

        InvalidInputException ex = catchThrowableOfType(InvalidInputException.class, () -> operations.update(
                first.id(), first.version(), phase("First", PhaseKind.UNCREWED, f.otherModeId(), day(0), day(12)),
                "nasa"));

        assertThat(ex.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("end");
            assertThat(v.message()).contains("'Second'");
        });
        assertThat(operations.phases(f.workspaceId())).isEqualTo(before);

        // A phase does not overlap itself: shortening it is fine.
        OperationPhase shorter = operations.update(first.id(), first.version(),
                phase("First", PhaseKind.UNCREWED, f.otherModeId(), day(2), day(9)), "nasa");
        assertThat(shorter.start()).isEqualTo(day(2));
    }

    @Test
    void every_broken_rule_is_named_at_once_and_nothing_is_saved() {
        Fixture f = fixtures.create("Ops rules", 0);
        Fixture other = fixtures.create("Ops rules other", 0);

        InvalidInputException empty = catchThrowableOfType(InvalidInputException.class, () -> operations.create(
                f.workspaceId(), new OperationPhaseDraft("  ", null, null, null, null), "nasa"));
        InvalidInputException wrong = catchThrowableOfType(InvalidInputException.class, () -> operations.create(
                f.workspaceId(), phase("x".repeat(121), PhaseKind.OTHER, other.activeModeId(),
                        Instant.parse("1969-07-20T20:17:00Z"), Instant.parse("2101-01-01T00:00:00Z")), "nasa"));
        InvalidInputException tooLong = catchThrowableOfType(InvalidInputException.class, () -> operations.create(
                f.workspaceId(), phase("Decades", PhaseKind.UNCREWED, f.otherModeId(), day(0), day(7306)), "nasa"));

        assertThat(empty.violations()).extracting(InvalidInputException.FieldViolation::field)
                .containsExactlyInAnyOrder("name", "kind", "modeId", "start", "end");
        assertThat(empty.violations()).extracting(InvalidInputException.FieldViolation::message)
                .contains("Name is required", "Kind is required", "Operating mode is required", "Start is required",
                        "End is required");
        assertThat(wrong.violations()).extracting(InvalidInputException.FieldViolation::field)
                .containsExactlyInAnyOrder("name", "modeId", "start", "end");
        assertThat(wrong.getMessage()).contains("at most 120 characters").contains("one of this workspace's modes")
                .contains("between 1972-01-01 and 2100-01-01");
        assertThat(tooLong.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("end");
            assertThat(v.message()).contains("at most 20 years").contains("was 7306 days");
        });
        assertThat(operations.phases(f.workspaceId())).isEmpty();
    }

    @Test
    void a_phase_of_exactly_twenty_years_is_accepted() {
        Fixture f = fixtures.create("Ops twenty years", 0);

        OperationPhase life = operations.create(f.workspaceId(),
                phase("Design life", PhaseKind.UNCREWED, f.otherModeId(), day(0), day(7305)), "nasa");

        assertThat(life.duration()).isEqualTo(Duration.ofDays(7305));
    }

    @Test
    void unknown_workspace_and_phase_are_reported_as_not_found() {
        Fixture f = fixtures.create("Ops not found", 0);
        OperationPhaseDraft d = phase("P", PhaseKind.EVA, f.activeModeId(), day(0), day(1));

        assertThatThrownBy(() -> operations.phases(Long.MAX_VALUE)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> operations.create(Long.MAX_VALUE, d, "nasa")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> operations.update(Long.MAX_VALUE, 0, d, "nasa"))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> operations.delete(Long.MAX_VALUE, 0, "nasa")).isInstanceOf(NotFoundException.class);
    }

    // ---------------------------------------------------------------- versions and concurrency

    @Test
    void a_stale_update_or_delete_is_refused_and_the_stored_phase_is_unchanged() {
        Fixture f = fixtures.create("Ops stale", 0);
        OperationPhase read = operations.create(f.workspaceId(),
                phase("Safe mode test", PhaseKind.SAFE_MODE, f.otherModeId(), day(0), day(2)), "nasa");
        OperationPhase current = operations.update(read.id(), read.version(),
                phase("Safe mode test", PhaseKind.SAFE_MODE, f.otherModeId(), day(0), day(3)), "jaxa");

        StaleEditException update = catchThrowableOfType(StaleEditException.class, () -> operations.update(
                read.id(), read.version(), phase("Safe mode test", PhaseKind.SAFE_MODE, f.otherModeId(), day(0),
                        day(1)), "esa"));
        StaleEditException delete = catchThrowableOfType(StaleEditException.class,
                () -> operations.delete(read.id(), read.version(), "esa"));

        assertThat(update).isNotNull();
        assertThat(update.kind()).isEqualTo(WorkspaceChanged.Kind.OPERATION_PHASE);
        assertThat(update.expectedVersion()).isEqualTo(read.version());
        assertThat(update.currentVersion()).isEqualTo(current.version());
        assertThat(update.lastEditedBy()).isEqualTo("jaxa");
        assertThat(delete).isNotNull();
        assertThat(operations.phases(f.workspaceId())).containsExactly(current);
    }

    @Test
    void of_two_overlapping_phases_created_at_the_same_time_exactly_one_is_saved() throws Exception {
        Fixture f = fixtures.create("Ops race", 0);
        int writers = 4;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                int n = i;
                Callable<Boolean> create = () -> {
                    go.await();
                    try {
                        operations.create(f.workspaceId(), phase("Writer " + n, PhaseKind.CREWED, f.activeModeId(),
                                day(n), day(n + 10)), TestWorkspaces.DEMO_OWNERS.get(n % TestWorkspaces.DEMO_OWNERS.size()));
                        return true;
                    } catch (InvalidInputException ex) {
                        return false;
                    }
                };
                results.add(pool.submit(create));
            }
            go.countDown();
            int saved = 0;
            for (Future<Boolean> r : results) {
                saved += r.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }

            assertThat(saved).as("phases saved").isEqualTo(1);
            assertThat(operations.phases(f.workspaceId())).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    // ---------------------------------------------------------------- change events

    @Test
    void saved_edits_are_published_and_refused_ones_are_not() throws Exception {
        Fixture f = fixtures.create("Ops events", 0);
        BlockingQueue<WorkspaceChanged> events = new LinkedBlockingQueue<>();
        WorkspaceBroadcaster.Subscription subscription = broadcaster.subscribe(f.workspaceId(), events::add);
        try {
            OperationPhase p = operations.create(f.workspaceId(),
                    phase("SEP burn 1", PhaseKind.SEP_BURN, f.otherModeId(), day(0), day(1)), "nasa");
            assertThat(events.poll(3, TimeUnit.SECONDS)).isEqualTo(new WorkspaceChanged(f.workspaceId(),
                    WorkspaceChanged.Kind.OPERATION_PHASE, p.id(), WorkspaceChanged.Change.ADDED, "nasa",
                    "added phase SEP burn 1"));

            assertThatThrownBy(() -> operations.create(f.workspaceId(),
                    phase("Clash", PhaseKind.EVA, f.activeModeId(), day(0), day(1)), "esa"))
                    .isInstanceOf(InvalidInputException.class);
            assertThat(events.poll(500, TimeUnit.MILLISECONDS)).as("event after a refused edit").isNull();

            OperationPhase changed = operations.update(p.id(), p.version(),
                    phase("SEP burn 1", PhaseKind.SEP_BURN, f.otherModeId(), day(0), day(2)), "esa");
            assertThat(events.poll(3, TimeUnit.SECONDS)).isEqualTo(new WorkspaceChanged(f.workspaceId(),
                    WorkspaceChanged.Kind.OPERATION_PHASE, p.id(), WorkspaceChanged.Change.CHANGED, "esa",
                    "changed phase SEP burn 1"));

            operations.delete(p.id(), changed.version(), "jaxa");
            assertThat(events.poll(3, TimeUnit.SECONDS)).isEqualTo(new WorkspaceChanged(f.workspaceId(),
                    WorkspaceChanged.Kind.OPERATION_PHASE, p.id(), WorkspaceChanged.Change.REMOVED, "jaxa",
                    "removed phase SEP burn 1"));
            assertThat(events.poll(300, TimeUnit.MILLISECONDS)).as("no further event").isNull();
        } finally {
            subscription.cancel();
        }
    }
}
