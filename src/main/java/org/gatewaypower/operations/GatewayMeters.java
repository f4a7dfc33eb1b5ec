package org.gatewaypower.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.gatewaypower.analysis.HeavyWork;
import org.gatewaypower.workspace.WorkspaceChanged;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The edit rate and the queue lengths. Edits are counted after their commit, so a rolled-back save never
 * counts; the gauges are read when the registry is scraped, so they cost nothing between scrapes.
 */
@Component
class GatewayMeters {

    static final String EDITS = "gateway.edits";

    private final MeterRegistry registry;

    GatewayMeters(MeterRegistry registry, HeavyWork heavyWork,
                  @Qualifier("applicationTaskExecutor") ThreadPoolTaskExecutor tasks) {
        this.registry = registry;
        Gauge.builder("gateway.tasks.queued", tasks, ThreadPoolTaskExecutor::getQueueSize)
                .description("Tasks waiting for a thread of the application task executor (deliveries to "
                        + "browsers, impact notices, presence, page computations)")
                .baseUnit("tasks").register(registry);
        Gauge.builder("gateway.tasks.active", tasks, ThreadPoolTaskExecutor::getActiveCount)
                .description("Threads of the application task executor running a task")
                .baseUnit("threads").register(registry);
        Gauge.builder("gateway.heavy.work.waiting", heavyWork, HeavyWork::waiting)
                .description("Long computations (phase scans, multi-year analyses) waiting for a slot")
                .baseUnit("computations").register(registry);
        Gauge.builder("gateway.heavy.work.running", heavyWork, HeavyWork::running)
                .description("Long computations running")
                .baseUnit("computations").register(registry);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void committed(WorkspaceChanged event) {
        edits(event.kind(), event.change()).increment();
    }

    /** The counter of one kind of committed change (meters are cached by the registry). */
    Counter edits(WorkspaceChanged.Kind kind, WorkspaceChanged.Change change) {
        return Counter.builder(EDITS)
                .description("Changes committed to workspaces, by what changed (kind) and how (change)")
                .tag("kind", kind.name().toLowerCase(java.util.Locale.ROOT))
                .tag("change", change.name().toLowerCase(java.util.Locale.ROOT))
                .register(registry);
    }
}
