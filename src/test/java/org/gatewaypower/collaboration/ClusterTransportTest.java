package org.gatewaypower.collaboration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.gatewaypower.workspace.WorkspaceChanged;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The messages between nodes and how a node reads them, without a database. */
class ClusterTransportTest {

    private static ClusterTransport transport(String enabled, String url, String node) {
        return new ClusterTransport(enabled, node, "gateway_power", url, "u", "p",
                new DriverManagerDataSource(url), Runnable::run, Clock.systemUTC());
    }

    private static WorkspaceChanged change(int i) {
        return new WorkspaceChanged(7, WorkspaceChanged.Kind.LOAD_ITEM, 100 + i, WorkspaceChanged.Change.CHANGED,
                "esa", "changed load L" + i);
    }

    @Test
    void on_for_postgresql_off_for_h2_unless_configured() {
        assertThat(transport("auto", "jdbc:h2:mem:x", "a").enabled()).isFalse();
        assertThat(transport("false", "jdbc:postgresql://h/db", "a").enabled()).isFalse();
        assertThat(transport("true", "jdbc:h2:mem:x", "a").enabled()).isTrue();
        assertThat(transport("auto", "jdbc:h2:mem:x", "").nodeId()).as("a generated node id").isNotBlank();
        assertThatThrownBy(() -> transport("maybe", "jdbc:h2:mem:x", "a"))
                .hasMessageContaining("gateway.cluster.enabled must be auto, true or false");
        assertThatThrownBy(() -> new ClusterTransport("auto", "a", "Bad-Channel", "jdbc:h2:mem:x", "", "", null,
                Runnable::run, Clock.systemUTC())).hasMessageContaining("gateway.cluster.channel");
    }

    @Test
    void a_remote_transaction_is_handed_on_once_whole_and_our_own_is_ignored() {
        ClusterTransport b = transport("false", "jdbc:h2:mem:x", "node-b");
        List<ClusterTransport.Committed> heard = new ArrayList<>();
        b.onChanges(heard::add);
        for (int i = 0; i < 3; i++) {
            b.handle(ClusterMessages.encode(ClusterMessages.Change.of("node-a", "41", i, 3, change(i), 1_000)));
            if (i < 2) {
                assertThat(heard).as("not before the transaction's last change").isEmpty();
            }
        }
        b.handle(ClusterMessages.encode(ClusterMessages.Change.of("node-b", "1", 0, 1, change(9), 2_000)));
        assertThat(heard).singleElement().satisfies(c -> {
            assertThat(c.node()).isEqualTo("node-a");
            assertThat(c.committedMillis()).isEqualTo(1_000);
            assertThat(c.changes()).containsExactly(change(0), change(1), change(2));
        });
    }

    @Test
    void unreadable_or_unknown_messages_are_ignored_and_an_unknown_kind_refreshes() {
        ClusterTransport b = transport("false", "jdbc:h2:mem:x", "node-b");
        List<ClusterTransport.Committed> heard = new ArrayList<>();
        List<String> refreshed = new ArrayList<>();
        b.onChanges(heard::add);
        b.onReconnect(() -> refreshed.add("all"));
        b.handle("not json");
        b.handle("{\"type\":\"from-the-future\",\"node\":\"node-c\"}");
        b.handle(ClusterMessages.encode(ClusterMessages.Change.of("node-a", "1", 0, 1, change(1), 1))
                .replace("LOAD_ITEM", "WORMHOLE"));
        assertThat(heard).isEmpty();
        assertThat(refreshed).containsExactly("all");
    }

    @Test
    void payloads_stay_well_under_postgresqls_8000_bytes() {
        String huge = "é".repeat(5_000);
        String text = ClusterMessages.encode(ClusterMessages.Change.of("node-a", "1", 0, 1,
                new WorkspaceChanged(1, WorkspaceChanged.Kind.LOAD_ITEM, 1, WorkspaceChanged.Change.ADDED, "esa",
                        huge), 1));
        assertThat(text.getBytes(StandardCharsets.UTF_8).length).isLessThan(ClusterMessages.MAX_PAYLOAD);
        List<PresenceService.Present> crowd = IntStream.range(0, 30).mapToObj(i -> new PresenceService.Present(
                "user" + i, "User " + i, "ESA", List.of(new PresenceService.Focus("load:" + i, "load L" + i)))).toList();
        String presence = ClusterMessages.presence("node-a", 1, crowd, 1);
        assertThat(ClusterMessages.decode(presence)).isEqualTo(ClusterMessages.Presence.of("node-a", 1, crowd, 1));

        List<PresenceService.Present> throng = IntStream.range(0, 400).mapToObj(i -> new PresenceService.Present(
                "user" + i, "User " + i, "ESA", List.of(new PresenceService.Focus("load:" + i, "load L" + i)))).toList();
        String shortened = ClusterMessages.presence("node-a", 1, throng, 1);
        assertThat(shortened.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(ClusterMessages.MAX_PAYLOAD);
        ClusterMessages.Presence read = (ClusterMessages.Presence) ClusterMessages.decode(shortened);
        assertThat(read.users()).isNotEmpty().allSatisfy(p -> assertThat(p.foci()).isEmpty());
        assertThat(read.users().get(0).username()).isEqualTo("user0");
    }
}
