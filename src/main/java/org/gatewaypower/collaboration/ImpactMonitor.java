package org.gatewaypower.collaboration;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.gatewaypower.analysis.BalanceService;
import org.gatewaypower.security.Account;
import org.gatewaypower.security.AccountService;
import org.gatewaypower.workspace.WorkspaceChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Watches the key results of the standard analysis (end of life, design case) of every workspace that
 * someone has open, and tells everyone there when a saved change moved one of them beyond its
 * threshold or flipped a check.
 *
 * <p>It compares the balances {@link LiveBalances} computes once per node and committed transaction (of
 * this node or another), so a notice costs no analysis of its own; each node tells its own subscribers,
 * so every browser gets one notice per change whichever node it is connected to.
 */
@Service
public class ImpactMonitor {

    private static final Logger log = LoggerFactory.getLogger(ImpactMonitor.class);

    private final BalanceService balances;
    private final LiveBalances live;
    private final AccountService accounts;
    private final ImpactComparison comparison;
    private final Map<Long, Watched> watched = new ConcurrentHashMap<>();

    /**
     * @param stateOfChargeThreshold move of minimum state of charge or maximum depth of discharge worth a
     *                               notice when exceeded (dimensionless fraction)
     * @param marginThreshold        move of the power margin worth a notice when exceeded (dimensionless)
     */
    public ImpactMonitor(BalanceService balances, AccountService accounts, LiveBalances live,
                         @Value("${gateway.impact.state-of-charge-threshold:0.02}") double stateOfChargeThreshold,
                         @Value("${gateway.impact.margin-threshold:0.02}") double marginThreshold) {
        this.balances = balances;
        this.live = live;
        this.accounts = accounts;
        this.comparison = new ImpactComparison(stateOfChargeThreshold, marginThreshold);
    }

    /** One watched workspace: its listeners, its last key results and its subscription to the live balance. */
    private static final class Watched {
        final List<Consumer<ImpactNoticed>> listeners = new CopyOnWriteArrayList<>();
        /** Only touched by the live balance's deliveries (one at a time), or before the first of them. */
        volatile KeyResults last;
        WorkspaceBroadcaster.Subscription updates;
    }

    /**
     * Calls {@code listener} for every notice of the workspace until the subscription is cancelled.
     * The first subscriber of a workspace computes its current key results here, so that the first change
     * after it has something to be compared with.
     */
    public WorkspaceBroadcaster.Subscription subscribe(long workspaceId, Consumer<ImpactNoticed> listener) {
        Watched w;
        synchronized (watched) {
            w = watched.get(workspaceId);
            if (w == null) {
                Watched fresh = new Watched();
                fresh.last = keyResults(workspaceId).orElse(null);
                fresh.updates = live.subscribe(workspaceId, u -> recompute(fresh, u));
                watched.put(workspaceId, fresh);
                w = fresh;
            }
            w.listeners.add(listener);
        }
        Watched subscribed = w;
        return () -> {
            synchronized (watched) {
                subscribed.listeners.remove(listener);
                if (subscribed.listeners.isEmpty() && watched.remove(workspaceId, subscribed)) {
                    subscribed.updates.cancel();
                }
            }
        };
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

    private void recompute(Watched w, LiveBalances.LiveUpdate update) {
        KeyResults before = w.last;
        KeyResults after = update.report() == null ? null : KeyResults.of(update.report());
        w.last = after;
        // A catch-up has no changes to credit: it only takes the figures as they now stand.
        if (before == null || after == null || update.catchUp() || w.listeners.isEmpty()) {
            return;
        }
        ImpactComparison.Impact impact = comparison.compare(before, after);
        if (impact.isEmpty()) {
            return;
        }
        List<WorkspaceChanged> batch = update.changes();
        WorkspaceChanged event = batch.get(batch.size() - 1);
        String team = accounts.find(event.actor()).map(Account::teamCode).orElse(null);
        ImpactNoticed notice = new ImpactNoticed(event.workspaceId(), event.actor(), team, describe(batch),
                impact.figures(), impact.flips(), after.caseName(), impact.elementsOver());
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
