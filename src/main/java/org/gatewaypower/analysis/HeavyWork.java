package org.gatewaypower.analysis;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps long computations (phase scans, eclipse searches and analyses over years, baseline comparisons of
 * long spans) from starving everyone else. Each such computation is single-threaded (a core's share at
 * most); the node runs at most {@code gateway.heavy-work.concurrent} of them at once (default: one less than
 * the cores, at least one, so that edits always have a core), queues at most
 * {@code gateway.heavy-work.queue} more for up to {@code gateway.heavy-work.wait-seconds}, and gives each
 * user one at a time. What does not fit is refused at once with {@link TooBusyException} (HTTP 429 with
 * Retry-After), which is better than a request that hangs.
 */
@Component
public class HeavyWork {

    /** Analyses, searches and comparisons over more than this span (days) count as long. */
    public static final double LONG_SPAN_DAYS = 366;

    private final Semaphore slots;
    private final int concurrent;
    private final int queueLimit;
    private final long waitSeconds;
    private final AtomicInteger waiting = new AtomicInteger();
    private final Set<String> busyUsers = ConcurrentHashMap.newKeySet();

    HeavyWork(@Value("${gateway.heavy-work.concurrent:0}") int concurrent,
              @Value("${gateway.heavy-work.queue:4}") int queueLimit,
              @Value("${gateway.heavy-work.wait-seconds:60}") long waitSeconds) {
        this.concurrent = concurrent > 0 ? concurrent
                : Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
        this.slots = new Semaphore(this.concurrent, true);
        this.queueLimit = Math.max(0, queueLimit);
        this.waitSeconds = Math.max(1, waitSeconds);
    }

    /**
     * Runs {@code work} (on the calling thread) when a slot is free.
     *
     * @param actor who asks (one computation per user at a time)
     * @param what  what it is, for the refusal ("a phase scan of 72 phases over 20 years")
     * @throws TooBusyException when the user already has one running or waiting, the queue is full, or no
     *                          slot came free in time
     */
    public <T> T run(String actor, String what, Supplier<T> work) {
        String who = actor == null ? "" : actor;
        if (!busyUsers.add(who)) {
            throw new TooBusyException("You already have a long computation running; " + what
                    + " can start when it has finished (or cancel it)", 10);
        }
        try {
            // The check and the queueing are not one atomic step: under a burst the queue may hold one or
            // two more than its limit, which bounds it all the same.
            if (slots.availablePermits() == 0 && waiting.get() >= queueLimit) {
                throw new TooBusyException("The server is running " + concurrent + " long computation"
                        + (concurrent == 1 ? "" : "s") + " with " + queueLimit + " more waiting; " + what
                        + " was not started: try again in a minute", 60);
            }
            boolean acquired;
            waiting.incrementAndGet();
            try {
                acquired = slots.tryAcquire(waitSeconds, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.util.concurrent.CancellationException(what + " was cancelled while waiting");
            } finally {
                waiting.decrementAndGet();
            }
            if (!acquired) {
                throw new TooBusyException("The server stayed busy with other long computations for "
                        + waitSeconds + " s; " + what + " was not started: try again in a minute", 60);
            }
            try {
                return work.get();
            } finally {
                slots.release();
            }
        } finally {
            busyUsers.remove(who);
        }
    }

    /** Computations running now (for operators). */
    public int running() {
        return concurrent - slots.availablePermits();
    }

    /** Computations waiting for a slot now (for operators). */
    public int waiting() {
        return Math.max(0, waiting.get());
    }
}
