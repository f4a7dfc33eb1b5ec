package org.gatewaypower.collaboration;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.gatewaypower.workspace.WorkspaceChanged;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Fans saved workspace changes out to everyone who has the workspace open.
 *
 * <p>Listeners run after the commit (so they never see data that could still roll back) and on the
 * application's task executor (so a slow browser never delays the saving user's transaction).
 */
@Service
public class WorkspaceBroadcaster {

    /** A handle that stops a subscription. */
    @FunctionalInterface
    public interface Subscription {
        void cancel();
    }

    private final Map<Long, List<Listener>> listeners = new ConcurrentHashMap<>();
    private final Executor executor;
    private final Timer delay;

    /**
     * @param tasks  the application's task executor ({@code spring.task.execution.*})
     * @param meters where the live-update delay is recorded, for operators
     */
    public WorkspaceBroadcaster(Executor tasks, MeterRegistry meters) {
        this.executor = tasks;
        this.delay = Timer.builder("gateway.live.update.delay")
                .description("Time from a change's commit until an open view's listener has taken it, per view")
                .register(meters);
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

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(WorkspaceChanged event) {
        List<Listener> list = listeners.get(event.workspaceId());
        if (list != null) {
            long committed = System.nanoTime();
            list.forEach(l -> l.deliver(event, committed));
        }
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

        /** @param committed when the commit was heard ({@link System#nanoTime()}) */
        void deliver(WorkspaceChanged event, long committed) {
            queue.add(() -> {
                consumer.accept(event);
                delay.record(System.nanoTime() - committed, TimeUnit.NANOSECONDS);
            });
        }
    }
}
