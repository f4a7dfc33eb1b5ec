package org.gatewaypower.collaboration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;

import org.gatewaypower.workspace.WorkspaceChanged;
import org.junit.jupiter.api.Test;

/** The words of a notice for one change, and for the many changes of one save (an import). */
class ImpactBatchTest {

    private static WorkspaceChanged added(int i) {
        return new WorkspaceChanged(1, WorkspaceChanged.Kind.LOAD_ITEM, i, WorkspaceChanged.Change.ADDED, "esa",
                "added load L" + i);
    }

    @Test
    void one_change_is_described_by_itself() {
        assertThat(ImpactMonitor.describe(List.of(added(1)))).isEqualTo("added load L1");
    }

    @Test
    void many_changes_are_counted_with_examples() {
        List<WorkspaceChanged> batch = IntStream.rangeClosed(1, 13).mapToObj(ImpactBatchTest::added).toList();
        assertThat(ImpactMonitor.describe(batch))
                .isEqualTo("made 13 changes (added load L1, added load L2, added load L3 and 10 more)");
        assertThat(ImpactMonitor.describe(batch.subList(0, 2))).isEqualTo("made 2 changes (added load L1, added load L2)");
    }
}
