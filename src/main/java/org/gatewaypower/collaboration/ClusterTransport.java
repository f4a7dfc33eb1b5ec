package org.gatewaypower.collaboration;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.gatewaypower.workspace.WorkspaceChanged;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Carries saved changes and presence between app nodes that share one PostgreSQL database, through
 * PostgreSQL itself (NOTIFY / LISTEN on one channel), so a cluster needs no message broker.
 *
 * <p>On by default when the datasource is PostgreSQL ({@code gateway.cluster.enabled=auto}); {@code true} or
 * {@code false} overrides. Off (H2, a single node) it sends nothing and starts nothing.
 *
 * <p>Each node holds one dedicated connection outside the pool, on which it LISTENs, and one thread (a
 * long task on the application's executor) that waits for notifications ({@code PGConnection.getNotifications})
 * at most {@value #POLL_MILLIS} ms at a time, hands them to the handlers and runs the periodic work (presence
 * heartbeats and expiry) between waits. When the connection fails the thread reconnects (1 s, 2 s, … up to
 * 10 s apart) and, once listening again, calls the reconnect handlers: notifications sent while it was
 * away are lost to it, so every watched workspace is treated as changed.
 *
 * <p>A node ignores its own messages: its local listeners already heard of its changes in memory.
 */
@Component
public class ClusterTransport implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ClusterTransport.class);
    private static final Pattern CHANNEL = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    /** Longest wait for a notification before the periodic work runs, in milliseconds. */
    static final int POLL_MILLIS = 500;
    /** A connection idle this long is probed with a query, so a silently dead one is noticed (ms). */
    private static final long PROBE_IDLE_MILLIS = 15_000;

    /** A committed transaction's changes, from this node or another. */
    record Committed(List<WorkspaceChanged> changes, long committedMillis, String node) {
    }

    /** Work run every {@code period} on the listening thread (or during reconnect waits). */
    private record Periodic(Runnable task, long periodMillis, AtomicLong due) {
    }

    private final boolean enabled;
    private final String nodeId;
    private final String channel;
    private final String url;
    private final String username;
    private final String password;
    private final JdbcTemplate jdbc;
    private final Executor executor;
    private final Clock clock;
    private final AtomicLong transactions = new AtomicLong();
    private final List<Consumer<Committed>> changeHandlers = new CopyOnWriteArrayList<>();
    private final List<Consumer<ClusterMessages.Presence>> presenceHandlers = new CopyOnWriteArrayList<>();
    private final List<Runnable> reconnectHandlers = new CopyOnWriteArrayList<>();
    private final List<Periodic> periodic = new CopyOnWriteArrayList<>();
    /** Changes of a transaction whose last notification has not arrived yet, by transaction key. */
    private final Map<String, List<ClusterMessages.Change>> partial = new HashMap<>();
    private volatile boolean running;
    private volatile boolean halted;
    private volatile Connection listening;

    /**
     * @param enabled  "auto" (on for a PostgreSQL datasource), "true" or "false"
     * @param nodeId   this node's name in messages and logs ({@code GATEWAY_NODE_ID}); blank: host name and a
     *                 random suffix
     * @param channel  the NOTIFY channel; nodes of one deployment must agree, deployments sharing a database
     *                 must not
     */
    public ClusterTransport(@Value("${gateway.cluster.enabled:auto}") String enabled,
                            @Value("${gateway.cluster.node-id:}") String nodeId,
                            @Value("${gateway.cluster.channel:gateway_power}") String channel,
                            @Value("${spring.datasource.url:}") String url,
                            @Value("${spring.datasource.username:}") String username,
                            @Value("${spring.datasource.password:}") String password,
                            DataSource dataSource, Executor tasks, Clock clock) {
        this.enabled = switch (enabled.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "auto" -> url.startsWith("jdbc:postgresql:");
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(
                    "gateway.cluster.enabled must be auto, true or false, not \"" + enabled + "\"");
        };
        if (!CHANNEL.matcher(channel).matches()) {
            throw new IllegalArgumentException("gateway.cluster.channel must be a lower-case SQL name "
                    + "(letters, digits, _; at most 63), not \"" + channel + "\"");
        }
        this.nodeId = nodeId.isBlank() ? defaultNodeId() : nodeId.trim();
        this.channel = channel;
        this.url = url;
        this.username = username;
        this.password = password;
        this.jdbc = this.enabled ? new JdbcTemplate(dataSource) : null;
        this.executor = tasks;
        this.clock = clock;
        if (this.enabled) {
            log.info("Cluster transport on: node {} on PostgreSQL channel {}", this.nodeId, channel);
        } else {
            log.info("Cluster transport off (single node {})", this.nodeId);
        }
    }

    private static String defaultNodeId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException ex) {
            host = "node";
        }
        return host + "-" + UUID.randomUUID().toString().substring(0, 6);
    }

    public boolean enabled() {
        return enabled;
    }

    public String nodeId() {
        return nodeId;
    }

    void onChanges(Consumer<Committed> handler) {
        changeHandlers.add(handler);
    }

    void onPresence(Consumer<ClusterMessages.Presence> handler) {
        presenceHandlers.add(handler);
    }

    void onReconnect(Runnable handler) {
        reconnectHandlers.add(handler);
    }

    /** Runs {@code task} about every {@code period} while the transport runs (on its thread). */
    void every(Duration period, Runnable task) {
        periodic.add(new Periodic(task, period.toMillis(), new AtomicLong(clock.millis() + period.toMillis())));
    }

    /**
     * Sends a transaction's changes with NOTIFY on the transaction's own connection; call it in the
     * transaction, before its commit. PostgreSQL delivers the notifications when, and only if, the
     * transaction commits: no other node hears of a change that rolled back, and no committed change goes
     * unannounced because this node died between its commit and a later NOTIFY. The price is one short
     * statement per change inside the saving transaction.
     */
    void publishInTransaction(List<WorkspaceChanged> changes) {
        if (!enabled || halted || changes.isEmpty()) {
            return;
        }
        String tx = Long.toString(transactions.incrementAndGet());
        long now = clock.millis();
        for (int i = 0; i < changes.size(); i++) {
            notify(ClusterMessages.Change.of(nodeId, tx, i, changes.size(), changes.get(i), now));
        }
    }

    /** Sends this node's users present in a workspace, on a pooled connection of its own (no transaction). */
    void publishPresence(long workspaceId, List<PresenceService.Present> users) {
        if (!enabled || halted) {
            return;
        }
        try {
            jdbc.query("select pg_notify(?, ?)", rs -> null, channel,
                    ClusterMessages.presence(nodeId, workspaceId, users, clock.millis()));
        } catch (RuntimeException ex) {
            // Presence is repeated every heartbeat: a lost announcement heals within one period.
            log.warn("Node {} could not announce presence in workspace {}: {}", nodeId, workspaceId, ex.toString());
        }
    }

    private void notify(Object message) {
        jdbc.query("select pg_notify(?, ?)", rs -> null, channel, ClusterMessages.encode(message));
    }

    // ---------------------------------------------------------------- listening

    @Override
    public void start() {
        if (enabled && !running) {
            running = true;
            executor.execute(this::listenLoop);
        }
    }

    @Override
    public void stop() {
        running = false;
        closeListening();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Stops listening and sending at once, without a word to the other nodes, as a killed node would: tests
     * use it to check that the other nodes forget this node's users on their own.
     */
    void halt() {
        halted = true;
        stop();
    }

    /** True while the dedicated connection is listening. */
    boolean listening() {
        return listening != null;
    }

    private void closeListening() {
        Connection c = listening;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing to stop: nothing else to do
            }
        }
    }

    /**
     * A new connection outside the pool, to the application's database, named "gateway-power {@code purpose}
     * {@code node}" in {@code pg_stat_activity}.
     */
    Connection connect(String purpose) throws SQLException {
        java.util.Properties p = new java.util.Properties();
        p.setProperty("user", username);
        p.setProperty("password", password);
        p.setProperty("ApplicationName", "gateway-power " + purpose + " " + nodeId);
        return DriverManager.getConnection(url, p);
    }

    private void listenLoop() {
        long backoff = 1000;
        boolean listenedBefore = false;
        while (running) {
            try (Connection c = connect("listen")) {
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + channel);
                }
                listening = c;
                log.info("Node {} listening on channel {}", nodeId, channel);
                backoff = 1000;
                if (listenedBefore) {
                    synchronized (partial) {
                        partial.clear();
                    }
                    reconnectHandlers.forEach(ClusterTransport::runSafely);
                }
                listenedBefore = true;
                receive(c);
            } catch (SQLException | RuntimeException ex) {
                if (running) {
                    log.warn("Node {} lost its listening connection ({}); reconnecting in {} ms", nodeId,
                            ex.toString(), backoff);
                }
            } finally {
                listening = null;
            }
            waitTicking(backoff);
            backoff = Math.min(10_000, backoff * 2);
        }
        log.info("Node {} stopped listening", nodeId);
    }

    private void receive(Connection c) throws SQLException {
        PGConnection pg = c.unwrap(PGConnection.class);
        long lastHeard = clock.millis();
        while (running) {
            PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
            if (notifications != null && notifications.length > 0) {
                lastHeard = clock.millis();
                for (PGNotification n : notifications) {
                    handle(n.getParameter());
                }
            } else if (clock.millis() - lastHeard > PROBE_IDLE_MILLIS) {
                try (Statement s = c.createStatement()) {
                    s.execute("select 1");
                }
                lastHeard = clock.millis();
            }
            tick();
        }
    }

    private void waitTicking(long millis) {
        long end = clock.millis() + millis;
        while (running && clock.millis() < end) {
            tick();
            try {
                Thread.sleep(Math.min(POLL_MILLIS, Math.max(1, end - clock.millis())));
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }

    private void tick() {
        long now = clock.millis();
        for (Periodic p : periodic) {
            if (now >= p.due().get()) {
                p.due().set(now + p.periodMillis());
                runSafely(p.task());
            }
        }
    }

    /** Handles one notification; package-private so tests can feed payloads without a database. */
    void handle(String payload) {
        Object message;
        try {
            message = ClusterMessages.decode(payload);
        } catch (RuntimeException ex) {
            log.warn("Node {} ignored an unreadable cluster message: {}", nodeId, ex.toString());
            return;
        }
        switch (message) {
            case ClusterMessages.Change change when !change.node().equals(nodeId) -> collect(change);
            case ClusterMessages.Presence presence when !presence.node().equals(nodeId) ->
                    presenceHandlers.forEach(h -> runSafely(() -> h.accept(presence)));
            case null, default -> {
                // our own message, or a type a newer node sends: nothing to do
            }
        }
    }

    /** Regroups a transaction's changes; hands them on when its last one arrived. */
    private void collect(ClusterMessages.Change change) {
        List<ClusterMessages.Change> all;
        String key = change.node() + "/" + change.tx();
        synchronized (partial) {
            all = partial.computeIfAbsent(key, k -> new ArrayList<>());
            all.add(change);
            if (all.size() < change.count()) {
                return;
            }
            partial.remove(key);
        }
        List<WorkspaceChanged> events = new ArrayList<>();
        try {
            all.forEach(c -> events.add(c.event()));
        } catch (IllegalArgumentException ex) {
            // A kind this node does not know yet (a rolling upgrade): refresh everything instead.
            log.warn("Node {} got a change it cannot read from node {}: {}; refreshing", nodeId, change.node(),
                    ex.toString());
            reconnectHandlers.forEach(ClusterTransport::runSafely);
            return;
        }
        Committed committed = new Committed(List.copyOf(events), change.committed(), change.node());
        changeHandlers.forEach(h -> runSafely(() -> h.accept(committed)));
    }

    private static void runSafely(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException ex) {
            log.warn("A cluster handler failed", ex);
        }
    }
}
