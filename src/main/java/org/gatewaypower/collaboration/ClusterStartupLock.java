package org.gatewaypower.collaboration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;

/**
 * Lets the nodes of a cluster run their start-up tasks (the first administrator, the demo seed) one node at
 * a time. Those tasks look before they write ("no demo workspace yet? seed it"), and two nodes started
 * together on an empty database would both look, both write, and one would fail on a unique key and not
 * start. Flyway already serialises the migrations with its own lock; this one covers what runs after them.
 *
 * <p>It takes a PostgreSQL session advisory lock on a connection of its own before the first start-up task
 * and closes that connection (which frees the lock) when the application is ready, or when it fails or
 * stops; a node that dies while holding it frees it with its connection. Without a cluster it does nothing.
 */
@Component
class ClusterStartupLock implements ApplicationRunner, Ordered {

    private static final Logger log = LoggerFactory.getLogger(ClusterStartupLock.class);
    /** The advisory lock's key: any fixed number the application uses for nothing else ("GPstart"). */
    static final long KEY = 0x4750_7374_6172_74L;

    private final ClusterTransport cluster;
    private Connection held;

    ClusterStartupLock(ClusterTransport cluster) {
        this.cluster = cluster;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public void run(ApplicationArguments args) throws SQLException {
        if (!cluster.enabled()) {
            return;
        }
        Connection c = cluster.connect("start-up");
        try (PreparedStatement s = c.prepareStatement("select pg_advisory_lock(?)")) {
            s.setLong(1, KEY);
            s.execute();
        } catch (SQLException ex) {
            c.close();
            throw ex;
        }
        synchronized (this) {
            held = c;
        }
        log.info("Node {} runs its start-up tasks (other nodes wait for it)", cluster.nodeId());
    }

    @EventListener(ApplicationReadyEvent.class)
    @PreDestroy
    synchronized void release() {
        if (held != null) {
            try {
                held.close();
            } catch (SQLException ex) {
                log.warn("Closing the start-up lock's connection failed: {}", ex.toString());
            }
            held = null;
        }
    }
}
