package org.gatewaypower.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import org.gatewaypower.SpringTestBase;
import org.gatewaypower.workspace.internal.LoadItemEntity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The explanation of an edit that lost a race at flush time names the winner exactly (read in a
 * transaction of its own), not a guess.
 */
class StaleEditsTest extends SpringTestBase {

    @Autowired
    StaleEdits staleEdits;

    @Autowired
    TestWorkspaces fixtures;

    @Autowired
    EquipmentService equipment;

    @Test
    void names_the_current_version_its_author_and_time() {
        TestWorkspaces.Fixture f = fixtures.create("Stale edits", 1);
        long loadId = f.loadIds().get(0);
        ReadModels.LoadItem first = equipment.load(loadId);
        ReadModels.LoadItem winner = equipment.updateLoad(loadId, first.version(),
                TestWorkspaces.withOperating(TestWorkspaces.draft(first), 650.0), "esa");

        RuntimeException refused = staleEdits.refused(WorkspaceChanged.Kind.LOAD_ITEM, LoadItemEntity.class, loadId, first.version());

        assertThat(refused).isInstanceOfSatisfying(StaleEditException.class, ex -> {
            assertThat(ex.currentVersion()).isEqualTo(winner.version());
            assertThat(ex.expectedVersion()).isEqualTo(first.version());
            assertThat(ex.lastEditedBy()).isEqualTo("esa");
            assertThat(ex.lastEditedAt()).isEqualTo(equipment.load(loadId).updatedAt());
        });
    }

    @Test
    void a_removed_item_is_reported_as_not_found() {
        TestWorkspaces.Fixture f = fixtures.create("Stale edits removed", 1);
        long loadId = f.loadIds().get(0);
        ReadModels.LoadItem load = equipment.load(loadId);
        equipment.deleteLoad(loadId, load.version(), TestWorkspaces.SEEDER);

        assertThat(staleEdits.refused(WorkspaceChanged.Kind.LOAD_ITEM, LoadItemEntity.class, loadId, load.version()))
                .isInstanceOf(NotFoundException.class);
    }
}
