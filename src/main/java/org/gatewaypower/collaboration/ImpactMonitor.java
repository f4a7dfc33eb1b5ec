package org.gatewaypower.collaboration;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import org.gatewaypower.analysis.BalanceService;
import org.gatewaypower.security.Account;
import org.gatewaypower.security.AccountService;
import org.gatewaypower.workspace.WorkspaceChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Watches the key results of the standard analysis (end of life, design case) of every workspace that
 * someone has open, and tells everyone there when a saved change moved one of them beyond its
 * threshold or flipped a check.
 *
 * <p>The analysis runs once per saved change and workspace, whatever the number of open views, after
 * the commit, on the application's task executor, one change after the other per workspace.
 */
@Service
public class ImpactMonitor {

    private static final Logger log = LoggerFactory.getLogger(ImpactMonitor.class);

    private final BalanceService balances;
    private final org.gatewaypower.workspace.WorkspaceService workspaces;
    private final org.gatewaypower.workspace.OperationsService operations;
    private final AccountService accounts;
    private final ImpactComparison comparison;
    private final Executor executor;
    private final Map<Long, Watched> watched = new ConcurrentHashMap<>();

    /**
     * @param stateOfChargeThreshold move of minimum state of charge or maximum depth of discharge worth a
     *                               notice when exceeded (dimensionless fraction)
     * @param marginThreshold        move of the power margin worth a notice when exceeded (dimensionless)
     * @param tasks                  the application's task executor ({@code spring.task.execution.*})
     */
    public ImpactMonitor(BalanceService balances, AccountService accounts,
                         org.gatewaypower.workspace.WorkspaceService workspaces,
                         org.gatewaypower.workspace.OperationsService operations,
                         @Value("${gateway.impact.state-of-charge-threshold:0.02}") double stateOfChargeThreshold,
                         @Value("${gateway.impact.margin-threshold:0.02}") double marginThreshold,
                         Executor tasks) {
        this.executor = tasks;
        this.workspaces = workspaces;
        this.operations = operations;
        this.balances = balances;
        this.accounts = accounts;
        this.comparison = new ImpactComparison(stateOfChargeThreshold, marginThreshold);
    }

    /** One watched workspace: its listeners, its last key results and its queue of changes. */
    private final class Watched {
        final List<Consumer<ImpactNoticed>> listeners = new CopyOnWriteArrayList<>();
        final SerialQueue queue = new SerialQueue(executor);
        /** Only touched by tasks of {@link #queue}, or before the first of them. */
        volatile KeyResults last;
    }

    /**
     * Calls {@code listener} for every notice of the workspace until the subscription is cancelled.
     * The first subscriber of a workspace computes its current key results here, so that the first change
     * after it has something to be compared with.
     */
    public WorkspaceBroadcaster.Subscription subscribe(long workspaceId, Consumer<ImpactNoticed> listener) {
        Watched w;
        boolean first;
        synchronized (watched) {
            first = !watched.containsKey(workspaceId);
            w = watched.computeIfAbsent(workspaceId, k -> new Watched());
            w.listeners.add(listener);
        }
        if (first) {
            KeyResults now = keyResults(workspaceId).orElse(null);
            w.queue.add(() -> {
                if (w.last == null) {
                    w.last = now;
                }
            });
        }
        return () -> {
            synchronized (watched) {
                w.listeners.remove(listener);
                if (w.listeners.isEmpty()) {
                    watched.remove(workspaceId, w);
                }
            }
        };
    }

    /** The changes of the transaction running on this thread, collected until it commits. */
    private final ThreadLocal<List<WorkspaceChanged>> transactionChanges = new ThreadLocal<>();

    /**
     * Collects the changes of one transaction (an import saves many rows in one): after its commit they
     * are analysed once, as one change, instead of crediting their joint effect to the first of them.
     * Changes of different transactions stay separate notices.
     */
    @EventListener
    void on(WorkspaceChanged event) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            schedule(List.of(event));
            return;
        }
        List<WorkspaceChanged> changes = transactionChanges.get();
        if (changes == null) {
            List<WorkspaceChanged> fresh = new java.util.ArrayList<>();
            transactionChanges.set(fresh);
            changes = fresh;
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    schedule(fresh);
                }

                @Override
                public void afterCompletion(int status) {
                    transactionChanges.remove();
                }
            });
        }
        changes.add(event);
    }

    private void schedule(List<WorkspaceChanged> changes) {
        Map<Long, List<WorkspaceChanged>> byWorkspace = new java.util.LinkedHashMap<>();
        changes.forEach(c -> byWorkspace.computeIfAbsent(c.workspaceId(), k -> new java.util.ArrayList<>()).add(c));
        byWorkspace.forEach((workspaceId, batch) -> {
            Watched w = watched.get(workspaceId);
            if (w != null) {
                List<WorkspaceChanged> copy = List.copyOf(batch);
                // The inputs as this commit left them, read now: the analysis runs later on the queue, and by
                // then the next save may have committed, which would credit both changes to this one.
                Optional<Inputs> inputs = inputs(workspaceId);
                w.queue.add(() -> recompute(w, copy, inputs));
            }
        });
    }

    /** What a batch of changes did, in words: one change's own description, or a count and examples. */
    static String describe(List<WorkspaceChanged> batch) {
        if (batch.size() == 1) {
            return batch.get(0).description();
        }
        int shown = Math.min(3, batch.size());
        String examples = String.join(", ", batch.subList(0, shown).stream().map(WorkspaceChanged::description)
                .toList());
        return "made " + batch.size() + " changes (" + examples + (batch.size() > shown ? " and "
                + (batch.size() - shown) + " more" : "") + ")";
    }

    /** A workspace's inputs and operations timeline, read together. */
    private record Inputs(org.gatewaypower.workspace.ReadModels.WorkspaceSnapshot snapshot,
                          List<org.gatewaypower.workspace.Operations.OperationPhase> timeline) {
    }

    private Optional<Inputs> inputs(long workspaceId) {
        try {
            return Optional.of(new Inputs(workspaces.snapshot(workspaceId), operations.phases(workspaceId)));
        } catch (RuntimeException ex) {
            return Optional.empty();
        }
    }

    private void recompute(Watched w, List<WorkspaceChanged> batch, Optional<Inputs> inputs) {
        if (batch.isEmpty() || w.listeners.isEmpty()) {
            return;
        }
        WorkspaceChanged event = batch.get(batch.size() - 1);
        KeyResults before = w.last;
        KeyResults after = inputs.flatMap(i -> {
            try {
                return Optional.of(KeyResults.of(balances.balance(i.snapshot(), i.timeline())));
            } catch (RuntimeException ex) {
                return Optional.empty();
            }
        }).orElse(null);
        w.last = after;
        if (before == null || after == null) {
            return;
        }
        ImpactComparison.Impact impact = comparison.compare(before, after);
        if (impact.isEmpty()) {
            return;
        }
        String team = accounts.find(event.actor()).map(Account::teamCode).orElse(null);
        ImpactNoticed notice = new ImpactNoticed(event.workspaceId(), event.actor(), team, describe(batch),
                impact.figures(), impact.flips(), after.caseName());
        for (Consumer<ImpactNoticed> l : w.listeners) {
            try {
                l.accept(notice);
            } catch (RuntimeException ex) {
                log.warn("An impact listener failed on {}", notice, ex);
            }
        }
    }

    /** The key results now, or empty when the workspace cannot be analysed as it stands. */
    private Optional<KeyResults> keyResults(long workspaceId) {
        try {
            return Optional.of(KeyResults.of(balances.balance(workspaceId)));
        } catch (RuntimeException ex) {
            return Optional.empty();
        }
    }
}
