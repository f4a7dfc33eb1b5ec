package org.gatewaypower.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.gatewaypower.workspace.WorkspaceChanged.Change;
import org.gatewaypower.workspace.WorkspaceChanged.Kind;
import org.gatewaypower.workspace.internal.AuditedEntity;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The plumbing every workspace edit shares, without a database: a race lost at flush time is reported
 * as the stale version it is, an edit based on an old version is refused before it writes, and what is
 * published is what the edit said.
 */
class EditSupportTest {

    private static final Instant NOW = Instant.parse("2027-03-01T12:00:00Z");
    private static final Instant SAVED = Instant.parse("2027-03-01T11:59:00Z");

    /** An entity as read at version 4, last saved by ESA. */
    private static final class Entity extends AuditedEntity {

        Entity() {
            touch("esa", SAVED);
        }

        @Override
        public Long getId() {
            return 7L;
        }

        @Override
        public long getVersion() {
            return 4;
        }
    }

    private record Refusal(WorkspaceChanged.Kind kind, Class<?> type, long id, long expectedVersion) {
    }

    /** Answers like the real one would for a row now at version 5, and remembers what it was asked. */
    private static final class RecordingStaleEdits extends StaleEdits {

        final List<Refusal> refusals = new ArrayList<>();

        RecordingStaleEdits() {
            super(new JdbcTemplate());
        }

        @Override
        public RuntimeException refused(WorkspaceChanged.Kind kind, Class<? extends AuditedEntity> type, long id,
                                        long expectedVersion) {
            refusals.add(new Refusal(kind, type, id, expectedVersion));
            return new StaleEditException(kind, id, expectedVersion, 5, "jaxa", NOW);
        }
    }

    private final List<Object> published = new ArrayList<>();
    private final RecordingStaleEdits staleEdits = new RecordingStaleEdits();
    private final EditSupport support = new EditSupport(Clock.fixed(NOW, ZoneOffset.UTC), published::add,
            staleEdits, null, null, null);

    @Test
    void a_race_lost_at_flush_time_is_refused_as_a_stale_version_naming_the_winner() {
        Entity e = new Entity();

        assertThatThrownBy(() -> support.flush(() -> {
            throw new OptimisticLockingFailureException("row was updated by another transaction");
        }, Kind.BATTERY, e, 4)).isInstanceOfSatisfying(StaleEditException.class, ex -> {
            assertThat(ex.kind()).isEqualTo(Kind.BATTERY);
            assertThat(ex.currentVersion()).isEqualTo(5);
            assertThat(ex.lastEditedBy()).isEqualTo("jaxa");
        });
        assertThat(staleEdits.refusals).containsExactly(new Refusal(WorkspaceChanged.Kind.BATTERY, Entity.class, 7, 4));
    }

    @Test
    void other_failures_of_a_write_are_not_mistaken_for_a_race() {
        DataIntegrityViolationException failure = new DataIntegrityViolationException("duplicate name");

        assertThatThrownBy(() -> support.flush(() -> {
            throw failure;
        }, Kind.LOAD_ITEM, new Entity(), 4)).isSameAs(failure);
        assertThat(staleEdits.refusals).isEmpty();
    }

    @Test
    void a_write_that_succeeds_returns_what_it_saved() {
        Entity e = new Entity();

        assertThat(support.flush(() -> e, Kind.LOAD_ITEM, e, 4)).isSameAs(e);
    }

    @Test
    void an_edit_based_on_an_older_version_is_refused_with_who_saved_the_current_one() {
        assertThatThrownBy(() -> EditSupport.requireVersion(Kind.SOLAR_ARRAY, new Entity(), 3))
                .isInstanceOfSatisfying(StaleEditException.class, ex -> {
                    assertThat(ex.kind()).isEqualTo(Kind.SOLAR_ARRAY);
                    assertThat(ex.id()).isEqualTo(7);
                    assertThat(ex.expectedVersion()).isEqualTo(3);
                    assertThat(ex.currentVersion()).isEqualTo(4);
                    assertThat(ex.lastEditedBy()).isEqualTo("esa");
                    assertThat(ex.lastEditedAt()).isEqualTo(SAVED);
                });
        EditSupport.requireVersion(Kind.SOLAR_ARRAY, new Entity(), 4);
    }

    @Test
    void the_published_event_carries_the_kind_and_change_the_edit_names() {
        support.publish(3, Kind.MEMBER, 11, Change.REMOVED, "nasa", "removed member esa");

        assertThat(published).containsExactly(new WorkspaceChanged(3, Kind.MEMBER, 11, Change.REMOVED, "nasa",
                "removed member esa"));
    }

    @Test
    void an_edit_is_stamped_with_its_actor_at_the_clock_s_time() {
        Entity e = new Entity();

        support.touch(e, "csa");

        assertThat(e.getUpdatedBy()).isEqualTo("csa");
        assertThat(e.getUpdatedAt()).isEqualTo(NOW);
    }
}
