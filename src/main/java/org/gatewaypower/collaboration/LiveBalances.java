package org.gatewaypower.collaboration;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.gatewaypower.analysis.BalanceReport;
import org.gatewaypower.analysis.BalanceService;
import org.gatewaypower.workspace.Operations;
import org.gatewaypower.workspace.OperationsService;
import org.gatewaypower.workspace.ReadModels;
import org.gatewaypower.workspace.WorkspaceChanged;
import org.gatewaypower.workspace.WorkspaceService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The workspace as each committed transaction left it, with its standard balance (end of life, the design
 * case as saved), computed once per node and transaction and handed to every open view of the workspace on
 * this node: with N open views an edit costs one analysis run here, not N.
 *
 * <p>Transactions of this node and of the other nodes alike (see {@link WorkspaceBroadcaster}) are read and
 * analysed one after the other per workspace, on the application's task executor; each subscriber then
 * gets the update on its own queue, in commit order, so a slow browser delays no other. A view that shows
 * other settings (beginning of life) computes its own balance from the update's snapshot.
 *
 * <p>When the cluster connection was lost, every watched workspace gets an update without changes (a
 * catch-up): something may have changed unseen, so the views show the workspace as now saved.
 */
@Service
public class LiveBalances {

    private static final Logger log = LoggerFactory.getLogger(LiveBalances.class);

    /**
     * A workspace after a committed transaction.
     *
     * @param changes   the transaction's changes of this workspace, in order; empty for a catch-up
     * @param snapshot  the workspace as read after the commit
     * @param timeline  its operations timeline, read with the snapshot
     * @param report    the standard balance of the snapshot, or null when it cannot be computed
     * @param failure   why it cannot be computed (the analysis' message), or null
     * @param committed when the transaction committed (epoch ms, the saving node's clock; catch-up: when the
     *                  connection came back)
     * @param node      the node that saved the changes
     */
    public record LiveUpdate(long workspaceId, List<WorkspaceChanged> changes, ReadModels.WorkspaceSnapshot snapshot,
                             List<Operations.OperationPhase> timeline, BalanceReport report, String failure,
                             long committed, String node) {

        public LiveUpdate {
            changes = List.copyOf(changes);
        }

        /** True when no changes are known and the workspace is shown again as a precaution. */
        public boolean catchUp() {
            return changes.isEmpty();
        }
    }

    private final WorkspaceService workspaces;
    private final OperationsService operations;
    private final BalanceService balances;
    private final Executor executor;
    private final ClusterTransport cluster;
    private final Clock clock;
    private final Map<Long, Watched> watched = new ConcurrentHashMap<>();
    private final AtomicLong runs = new AtomicLong();

    public LiveBalances(WorkspaceBroadcaster broadcaster, WorkspaceService workspaces, OperationsService operations,
                        BalanceService balances, Executor tasks, ClusterTransport cluster, Clock clock) {
        this.clock = clock;
        this.workspaces = workspaces;
        this.operations = operations;
        this.balances = balances;
        this.executor = tasks;
        this.cluster = cluster;
        broadcaster.onTransaction(this::committed);
        broadcaster.onCatchUp(this::catchUp);
    }

    /** One watched workspace: its subscribers and the queue its updates are computed on. */
    private final class Watched {
        final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
        final SerialQueue queue = new SerialQueue(executor);
    }

    private final class Subscriber {
        final Consumer<LiveUpdate> consumer;
        final SerialQueue queue = new SerialQueue(executor);

        Subscriber(Consumer<LiveUpdate> consumer) {
            this.consumer = consumer;
        }
    }

    /**
     * Calls {@code listener} after every committed transaction that changed the workspace, on any node,
     * until the subscription is cancelled.
     */
    public WorkspaceBroadcaster.Subscription subscribe(long workspaceId, Consumer<LiveUpdate> listener) {
        Subscriber s = new Subscriber(listener);
        synchronized (watched) {
            watched.computeIfAbsent(workspaceId, k -> new Watched()).subscribers.add(s);
        }
        return () -> {
            synchronized (watched) {
                Watched w = watched.get(workspaceId);
                if (w != null) {
                    w.subscribers.remove(s);
                    if (w.subscribers.isEmpty()) {
                        watched.remove(workspaceId, w);
                    }
                }
            }
        };
    }

    /** How many balances this node computed for live updates since it started. */
    public long analysisRuns() {
        return runs.get();
    }

    private void committed(ClusterTransport.Committed committed) {
        Map<Long, List<WorkspaceChanged>> byWorkspace = new LinkedHashMap<>();
        committed.changes().forEach(c -> byWorkspace.computeIfAbsent(c.workspaceId(), k -> new ArrayList<>()).add(c));
        byWorkspace.forEach((workspaceId, changes) -> {
            Watched w = watched.get(workspaceId);
            if (w != null) {
                w.queue.add(() -> update(workspaceId, w, changes, committed.committedMillis(), committed.node()));
            }
        });
    }

    private void catchUp() {
        long now = clock.millis();
        watched.forEach((workspaceId, w) ->
                w.queue.add(() -> update(workspaceId, w, List.of(), now, cluster.nodeId())));
    }

    /**
     * Reads and analyses the workspace once and hands the result to every subscriber. Read here, on the
     * queue, rather than at the commit: a remote node's commit is only known here, and reading late at most
     * shows a newer state, never an older one.
     */
    private void update(long workspaceId, Watched w, List<WorkspaceChanged> changes, long committed, String node) {
        if (w.subscribers.isEmpty()) {
            return;
        }
        ReadModels.WorkspaceSnapshot snapshot;
        List<Operations.OperationPhase> timeline;
        try {
            snapshot = workspaces.snapshot(workspaceId);
            timeline = operations.phases(workspaceId);
        } catch (RuntimeException ex) {
            log.warn("Workspace {} could not be read after a change: {}", workspaceId, ex.toString());
            return;
        }
        BalanceReport report = null;
        String failure = null;
        try {
            runs.incrementAndGet();
            report = balances.balance(snapshot, timeline);
        } catch (RuntimeException ex) {
            failure = ex.getMessage();
        }
        LiveUpdate update = new LiveUpdate(workspaceId, changes, snapshot, timeline, report, failure, committed, node);
        for (Subscriber s : w.subscribers) {
            s.queue.add(() -> s.consumer.accept(update));
        }
    }
}
