package org.gatewaypower.collaboration;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs its tasks one at a time, in the order they were added, on a shared executor: work for one
 * subscriber (or one workspace) stays in order while different queues proceed in parallel.
 */
final class SerialQueue {

    private static final Logger log = LoggerFactory.getLogger(SerialQueue.class);

    private final Executor executor;
    private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
    private boolean running;

    SerialQueue(Executor executor) {
        this.executor = executor;
    }

    synchronized void add(Runnable task) {
        queue.add(task);
        if (!running) {
            running = true;
            executor.execute(this::drain);
        }
    }

    private void drain() {
        while (true) {
            Runnable next;
            synchronized (this) {
                next = queue.poll();
                if (next == null) {
                    running = false;
                    return;
                }
            }
            try {
                next.run();
            } catch (RuntimeException ex) {
                log.warn("A queued collaboration task failed", ex);
            }
        }
    }
}
