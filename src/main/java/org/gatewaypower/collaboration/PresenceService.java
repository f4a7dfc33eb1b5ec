package org.gatewaypower.collaboration;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import jakarta.annotation.PreDestroy;

/**
 * Who has which workspace open and what each of them is editing, in memory (presence is not worth a
 * database row: it ends with the browser tab). One user with several tabs is listed once, with what
 * each tab edits.
 *
 * <p>In a cluster ({@link ClusterTransport}) each node announces its own users of a workspace whenever they
 * change and again every {@code gateway.cluster.presence-heartbeat} (10 s), and lists the other nodes' users
 * beside its own. A node's users are dropped when it has not announced them for
 * {@code gateway.cluster.presence-expiry} (30 s): that is how a dead node's users vanish.
 *
 * <p>Listeners get the whole list after every change, off the caller's thread (on the application's task
 * executor, one notification at a time) and in the order of the changes, so a slow browser never delays
 * the one that joined or focused something.
 */
@Service
public class PresenceService {

    private static final Logger log = LoggerFactory.getLogger(PresenceService.class);

    /**
     * Something a user edits.
     *
     * @param key   stable identity of the edited thing ("load:42", "battery:7", "design-case")
     * @param label what it is in words ("load PPE avionics")
     */
    public record Focus(String key, String label) {
    }

    /**
     * One user present in a workspace.
     *
     * @param username    the account
     * @param displayName the account's display name
     * @param teamCode    the user's partner team, or null
     * @param foci        what the user's open tabs edit, without repeats (empty when nothing)
     */
    public record Present(String username, String displayName, String teamCode, List<Focus> foci) {
        public Present {
            foci = List.copyOf(foci);
        }
    }

    /** One open view of a workspace; pass it back to {@link #focus} and {@link #leave}. */
    public static final class Handle {
        private final long workspaceId;
        private final String username;
        private final String displayName;
        private final String teamCode;
        private final long order;
        private Focus focus;

        private Handle(long workspaceId, String username, String displayName, String teamCode, long order) {
            this.workspaceId = workspaceId;
            this.username = username;
            this.displayName = displayName;
            this.teamCode = teamCode;
            this.order = order;
        }

        public long workspaceId() {
            return workspaceId;
        }
    }

    /** Another node's users of one workspace, as last announced, and when that announcement arrived (ms). */
    private record Remote(List<Present> users, long heardMillis) {
    }

    private final Executor notifier;
    private final Map<Long, List<Handle>> open = new HashMap<>();
    private final Map<Long, List<Consumer<List<Present>>>> listeners = new HashMap<>();
    /** Other nodes' users by workspace and node; empty without a cluster. */
    private final Map<Long, Map<String, Remote>> remote = new HashMap<>();
    private final ClusterTransport cluster;
    private final Clock clock;
    private final long expiryMillis;
    private long joins;

    /**
     * A single node's presence. Notifies on {@code tasks} (the application's task executor) one notification
     * at a time, in the order of the changes, so that listeners never see an older list after a newer one.
     */
    public PresenceService(Executor tasks) {
        this(tasks, null, Clock.systemUTC(), Duration.ofSeconds(30), Duration.ofSeconds(10));
    }

    /**
     * @param cluster   carries presence to and from the other nodes when it is enabled
     * @param expiry    how long another node's users stay listed without a new announcement
     * @param heartbeat how often this node announces its users again; well below {@code expiry}
     */
    @Autowired
    public PresenceService(Executor tasks, ClusterTransport cluster, Clock clock,
                           @Value("${gateway.cluster.presence-expiry:30s}") Duration expiry,
                           @Value("${gateway.cluster.presence-heartbeat:10s}") Duration heartbeat) {
        if (cluster != null && cluster.enabled() && heartbeat.compareTo(expiry) >= 0) {
            throw new IllegalArgumentException("gateway.cluster.presence-heartbeat (" + heartbeat
                    + ") must be shorter than gateway.cluster.presence-expiry (" + expiry + ")");
        }
        this.notifier = new SerialQueue(tasks)::add;
        this.cluster = cluster != null && cluster.enabled() ? cluster : null;
        this.clock = clock;
        this.expiryMillis = expiry.toMillis();
        if (this.cluster != null) {
            this.cluster.onPresence(this::heard);
            this.cluster.every(heartbeat, this::announceAll);
            this.cluster.every(Duration.ofMillis(Math.max(100, Math.min(1000, expiry.toMillis() / 10))),
                    this::expire);
        }
    }

    /** Records that {@code username} opened the workspace; every listener of the workspace hears of it. */
    public Handle join(long workspaceId, String username, String displayName, String teamCode) {
        synchronized (this) {
            Handle h = new Handle(workspaceId, username, displayName == null ? username : displayName, teamCode,
                    joins++);
            open.computeIfAbsent(workspaceId, k -> new ArrayList<>()).add(h);
            changed(workspaceId);
            announce(workspaceId);
            return h;
        }
    }

    /** Records what the view of {@code handle} edits now; null means nothing. */
    public void focus(Handle handle, Focus what) {
        synchronized (this) {
            List<Handle> handles = open.get(handle.workspaceId);
            if (handles == null || !handles.contains(handle) || java.util.Objects.equals(handle.focus, what)) {
                return;
            }
            handle.focus = what;
            changed(handle.workspaceId);
            announce(handle.workspaceId);
        }
    }

    /** Records that the view of {@code handle} closed; leaving twice is harmless. */
    public void leave(Handle handle) {
        synchronized (this) {
            List<Handle> handles = open.get(handle.workspaceId);
            if (handles == null || !handles.remove(handle)) {
                return;
            }
            if (handles.isEmpty()) {
                open.remove(handle.workspaceId);
            }
            changed(handle.workspaceId);
            announce(handle.workspaceId);
        }
    }

    /**
     * Calls {@code listener} with the present users now and after every change until the subscription
     * is cancelled.
     */
    public WorkspaceBroadcaster.Subscription subscribe(long workspaceId, Consumer<List<Present>> listener) {
        synchronized (this) {
            listeners.computeIfAbsent(workspaceId, k -> new CopyOnWriteArrayList<>()).add(listener);
            List<Present> now = present(workspaceId);
            notifier.execute(() -> deliver(listener, now));
        }
        return () -> {
            synchronized (this) {
                List<Consumer<List<Present>>> list = listeners.get(workspaceId);
                if (list != null) {
                    list.remove(listener);
                    if (list.isEmpty()) {
                        listeners.remove(workspaceId);
                    }
                }
            }
        };
    }

    /**
     * The users present in a workspace: this node's ordered by who came first, then those only on other
     * nodes. A user on several nodes is listed once, with what all their tabs edit.
     */
    public synchronized List<Present> present(long workspaceId) {
        Map<String, Present> byUser = new LinkedHashMap<>();
        local(workspaceId).forEach(p -> byUser.put(p.username(), p));
        new java.util.TreeMap<>(remote.getOrDefault(workspaceId, Map.of())).values().forEach(r -> r.users().forEach(
                p -> byUser.merge(p.username(), p, (mine, theirs) -> new Present(mine.username(),
                        mine.displayName(), mine.teamCode(), java.util.stream.Stream.concat(mine.foci().stream(),
                        theirs.foci().stream()).distinct().toList()))));
        return List.copyOf(byUser.values());
    }

    /** This node's users of a workspace, ordered by who came first; call it holding this object's lock. */
    private List<Present> local(long workspaceId) {
        Map<String, List<Handle>> byUser = new LinkedHashMap<>();
        open.getOrDefault(workspaceId, List.of()).stream().sorted(Comparator.comparingLong(h -> h.order))
                .forEach(h -> byUser.computeIfAbsent(h.username, k -> new ArrayList<>()).add(h));
        List<Present> out = new ArrayList<>();
        byUser.forEach((user, handles) -> {
            Handle first = handles.get(0);
            List<Focus> foci = handles.stream().map(h -> h.focus).filter(java.util.Objects::nonNull).distinct()
                    .toList();
            out.add(new Present(user, first.displayName, first.teamCode, foci));
        });
        return out;
    }

    // ---------------------------------------------------------------- other nodes

    /**
     * Tells the other nodes this node's users of the workspace; queued with the notifications, so the
     * announcements leave in the order of the changes. Call it holding this object's lock.
     */
    private void announce(long workspaceId) {
        if (cluster != null) {
            List<Present> mine = local(workspaceId);
            notifier.execute(() -> cluster.publishPresence(workspaceId, mine));
        }
    }

    /** The heartbeat: every workspace with users here is announced again. */
    private synchronized void announceAll() {
        open.keySet().forEach(this::announce);
    }

    /** Another node's announcement replaces what it said before about that workspace. */
    private synchronized void heard(ClusterMessages.Presence p) {
        Map<String, Remote> nodes = remote.computeIfAbsent(p.workspace(), k -> new HashMap<>());
        Remote before = nodes.put(p.node(), new Remote(p.users(), clock.millis()));
        if (p.users().isEmpty()) {
            nodes.remove(p.node());
            if (nodes.isEmpty()) {
                remote.remove(p.workspace());
            }
        }
        if (before == null ? !p.users().isEmpty() : !before.users().equals(p.users())) {
            changed(p.workspace());
        }
    }

    /** Drops the users of nodes that have not announced them within the expiry. */
    synchronized void expire() {
        long oldest = clock.millis() - expiryMillis;
        for (java.util.Iterator<Map.Entry<Long, Map<String, Remote>>> it = remote.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Long, Map<String, Remote>> e = it.next();
            if (e.getValue().values().removeIf(r -> r.heardMillis() < oldest)) {
                if (e.getValue().isEmpty()) {
                    it.remove();
                }
                changed(e.getKey());
            }
        }
    }

    /** On a graceful stop this node's users leave at once on the other nodes, without waiting for the expiry. */
    @PreDestroy
    synchronized void farewell() {
        if (cluster != null) {
            open.keySet().forEach(ws -> cluster.publishPresence(ws, List.of()));
        }
    }

    /** Must be called holding this object's lock, so that the snapshots queue in the order of the changes. */
    private void changed(long workspaceId) {
        List<Consumer<List<Present>>> list = listeners.get(workspaceId);
        if (list == null || list.isEmpty()) {
            return;
        }
        List<Present> now = present(workspaceId);
        List<Consumer<List<Present>>> targets = List.copyOf(list);
        notifier.execute(() -> targets.forEach(l -> deliver(l, now)));
    }

    private static void deliver(Consumer<List<Present>> listener, List<Present> now) {
        try {
            listener.accept(now);
        } catch (RuntimeException ex) {
            log.warn("A presence listener failed", ex);
        }
    }
}
