package org.gatewaypower.collaboration;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import org.gatewaypower.workspace.WorkspaceChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Fans saved workspace changes out to everyone who has the workspace open, on this node and, through
 * {@link ClusterTransport}, on the other nodes of a cluster.
 *
 * <p>Listeners run after the commit (so they never see data that could still roll back) and on the
 * application's task executor (so a slow browser never delays the saving user's transaction). A change
 * saved on another node reaches them the same way, when its NOTIFY arrives.
 */
@Service
public class WorkspaceBroadcaster {

    /** A handle that stops a subscription. */
    @FunctionalInterface
    public interface Subscription {
        void cancel();
    }

    private final Map<Long, List<Listener>> listeners = new ConcurrentHashMap<>();
    /** This module's own listeners of whole transactions (the per-node balance), in the order of commits. */
    private final List<Consumer<ClusterTransport.Committed>> transactionListeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> catchUpListeners = new CopyOnWriteArrayList<>();
    private final Executor executor;
    private final ClusterTransport cluster;
    private final Clock clock;
    /** The changes of the transaction running on this thread, collected until it commits. */
    private final ThreadLocal<List<WorkspaceChanged>> transactionChanges = new ThreadLocal<>();

    /**
     * @param tasks   the application's task executor ({@code spring.task.execution.*})
     * @param cluster the other nodes' changes come from it, ours go to it
     */
    public WorkspaceBroadcaster(Executor tasks, ClusterTransport cluster, Clock clock) {
        this.executor = tasks;
        this.clock = clock;
        this.cluster = cluster;
        cluster.onChanges(this::dispatch);
        cluster.onReconnect(() -> catchUpListeners.forEach(Runnable::run));
    }

    /** Calls {@code listener} for every change saved in the workspace until the subscription is cancelled. */
    public Subscription subscribe(long workspaceId, Consumer<WorkspaceChanged> listener) {
        Listener l = new Listener(listener);
        listeners.computeIfAbsent(workspaceId, k -> new CopyOnWriteArrayList<>()).add(l);
        return () -> {
            List<Listener> list = listeners.get(workspaceId);
            if (list != null) {
                list.remove(l);
            }
        };
    }

    /**
     * Calls {@code listener} with each committed transaction's changes (all workspaces, this node's and the
     * others'), on the committing thread or the cluster's listening thread: it must hand work on quickly.
     */
    void onTransaction(Consumer<ClusterTransport.Committed> listener) {
        transactionListeners.add(listener);
    }

    /** Calls {@code listener} when changes may have been missed (the cluster connection was lost). */
    void onCatchUp(Runnable listener) {
        catchUpListeners.add(listener);
    }

    /**
     * Collects the changes of one transaction (an import saves many rows in one): they go to the other nodes
     * with NOTIFY just before the commit (see {@link ClusterTransport#publishInTransaction}) and to this
     * node's listeners after it.
     */
    @EventListener
    void on(WorkspaceChanged event) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            cluster.publishInTransaction(List.of(event));
            dispatch(new ClusterTransport.Committed(List.of(event), clock.millis(), cluster.nodeId()));
            return;
        }
        List<WorkspaceChanged> changes = transactionChanges.get();
        if (changes == null) {
            List<WorkspaceChanged> fresh = new ArrayList<>();
            transactionChanges.set(fresh);
            changes = fresh;
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    cluster.publishInTransaction(List.copyOf(fresh));
                }

                @Override
                public void afterCommit() {
                    dispatch(new ClusterTransport.Committed(List.copyOf(fresh), clock.millis(),
                            cluster.nodeId()));
                }

                @Override
                public void afterCompletion(int status) {
                    transactionChanges.remove();
                }
            });
        }
        changes.add(event);
    }

    private void dispatch(ClusterTransport.Committed committed) {
        for (WorkspaceChanged event : committed.changes()) {
            List<Listener> list = listeners.get(event.workspaceId());
            if (list != null) {
                list.forEach(l -> l.deliver(event));
            }
        }
        transactionListeners.forEach(l -> l.accept(committed));
    }

    /**
     * One subscriber: its events are delivered one at a time, in commit order, so a browser never
     * applies an older state after a newer one; different subscribers proceed in parallel.
     */
    private final class Listener {
        private final Consumer<WorkspaceChanged> consumer;
        private final SerialQueue queue = new SerialQueue(executor);

        Listener(Consumer<WorkspaceChanged> consumer) {
            this.consumer = consumer;
        }

        void deliver(WorkspaceChanged event) {
            queue.add(() -> consumer.accept(event));
        }
    }
}
