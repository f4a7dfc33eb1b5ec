package org.gatewaypower.collaboration;

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
import org.springframework.stereotype.Service;

/**
 * Who has which workspace open and what each of them is editing, in memory (presence is not worth a
 * database row: it ends with the browser tab). One user with several tabs is listed once, with what
 * each tab edits.
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

    private final Executor notifier;
    private final Map<Long, List<Handle>> open = new HashMap<>();
    private final Map<Long, List<Consumer<List<Present>>>> listeners = new HashMap<>();
    private long joins;

    /**
     * Notifies on {@code tasks} (the application's task executor) one notification at a time, in the order of
     * the changes, so that listeners never see an older list after a newer one.
     */
    public PresenceService(Executor tasks) {
        this.notifier = new SerialQueue(tasks)::add;
    }

    /** Records that {@code username} opened the workspace; every listener of the workspace hears of it. */
    public Handle join(long workspaceId, String username, String displayName, String teamCode) {
        synchronized (this) {
            Handle h = new Handle(workspaceId, username, displayName == null ? username : displayName, teamCode,
                    joins++);
            open.computeIfAbsent(workspaceId, k -> new ArrayList<>()).add(h);
            changed(workspaceId);
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

    /** The users present in a workspace, ordered by who came first. */
    public synchronized List<Present> present(long workspaceId) {
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
        return List.copyOf(out);
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
