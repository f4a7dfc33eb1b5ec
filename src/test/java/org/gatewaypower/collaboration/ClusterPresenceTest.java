package org.gatewaypower.collaboration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.gatewaypower.collaboration.PresenceService.Focus;
import org.gatewaypower.collaboration.PresenceService.Present;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Presence from other nodes, without a database: announcements fed to the transport as they would arrive,
 * merged with this node's users, and dropped when a node falls silent for the expiry.
 */
class ClusterPresenceTest {

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2026-12-03T12:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final ManualClock clock = new ManualClock();
    // Enabled, but never started: nothing listens, and its announcements fail quietly (no PostgreSQL here).
    private final ClusterTransport transport = new ClusterTransport("true", "node-b", "gateway_power",
            "jdbc:h2:mem:presence", "sa", "", new DriverManagerDataSource("jdbc:h2:mem:presence", "sa", ""),
            Runnable::run, clock);
    private final PresenceService presence = new PresenceService(Runnable::run, transport, clock,
            Duration.ofSeconds(30), Duration.ofSeconds(10));

    private void announce(String node, long workspace, Present... users) {
        transport.handle(ClusterMessages.presence(node, workspace, List.of(users), clock.millis()));
    }

    @Test
    void other_nodes_users_are_listed_after_ours_and_one_user_on_two_nodes_once() {
        List<List<Present>> heard = new ArrayList<>();
        presence.subscribe(1, heard::add);
        PresenceService.Handle mine = presence.join(1, "esa", "ESA power team", "ESA");
        presence.focus(mine, new Focus("load:1", "load A"));
        announce("node-a", 1, new Present("nasa", "NASA power team", "NASA", List.of()),
                new Present("esa", "ESA power team", "ESA", List.of(new Focus("load:2", "load B"))));
        announce("node-a", 2, new Present("jaxa", "JAXA power team", "JAXA", List.of()));

        assertThat(presence.present(1)).containsExactly(
                new Present("esa", "ESA power team", "ESA", List.of(new Focus("load:1", "load A"),
                        new Focus("load:2", "load B"))),
                new Present("nasa", "NASA power team", "NASA", List.of()));
        assertThat(presence.present(2)).extracting(Present::username).containsExactly("jaxa");
        assertThat(heard.get(heard.size() - 1)).isEqualTo(presence.present(1));

        // node A says again what it said: no news for the listeners
        int before = heard.size();
        announce("node-a", 1, new Present("nasa", "NASA power team", "NASA", List.of()),
                new Present("esa", "ESA power team", "ESA", List.of(new Focus("load:2", "load B"))));
        assertThat(heard).hasSize(before);

        // node A's users of workspace 1 leave: an empty announcement
        announce("node-a", 1);
        assertThat(presence.present(1)).extracting(Present::username).containsExactly("esa");
        assertThat(heard.get(heard.size() - 1)).isEqualTo(presence.present(1));
    }

    @Test
    void a_silent_nodes_users_vanish_after_the_expiry_and_a_heartbeat_keeps_them() {
        List<List<Present>> heard = new ArrayList<>();
        presence.subscribe(1, heard::add);
        announce("node-a", 1, new Present("nasa", "NASA power team", "NASA", List.of()));
        announce("node-c", 1, new Present("csa", "CSA power team", "CSA", List.of()));

        clock.advance(Duration.ofSeconds(20));
        announce("node-c", 1, new Present("csa", "CSA power team", "CSA", List.of()));
        presence.expire();
        assertThat(presence.present(1)).extracting(Present::username).containsExactly("nasa", "csa");

        clock.advance(Duration.ofSeconds(11));
        presence.expire();
        assertThat(presence.present(1)).extracting(Present::username).as("node A silent for 31 s")
                .containsExactly("csa");
        assertThat(heard.get(heard.size() - 1)).extracting(Present::username).containsExactly("csa");

        clock.advance(Duration.ofSeconds(30));
        presence.expire();
        assertThat(presence.present(1)).isEmpty();
    }

    @Test
    void our_own_announcements_are_ignored() {
        announce("node-b", 1, new Present("ghost", "Ghost", null, List.of()));
        assertThat(presence.present(1)).isEmpty();
    }
}
