package org.gatewaypower.analysis;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HeavyWorkTest {

    private final ExecutorService pool = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void a_user_runs_one_long_computation_at_a_time() throws Exception {
        HeavyWork heavy = new HeavyWork(2, 4, 5);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<String> first = pool.submit(() -> heavy.run("esa", "a scan", () -> {
            started.countDown();
            await(release);
            return "done";
        }));
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        assertThatThrownBy(() -> heavy.run("esa", "a second scan", () -> "no"))
                .isInstanceOf(TooBusyException.class).hasMessageContaining("already have a long computation");
        assertThat(heavy.run("jaxa", "another user's scan", () -> "yes")).isEqualTo("yes");
        release.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("done");
        assertThat(heavy.run("esa", "the next scan", () -> "again")).isEqualTo("again");
    }

    @Test
    void the_node_runs_its_share_queues_a_few_and_refuses_the_rest_at_once() throws Exception {
        HeavyWork heavy = new HeavyWork(1, 1, 5);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<String> running = pool.submit(() -> heavy.run("nasa", "a scan", () -> {
            started.countDown();
            await(release);
            return "first";
        }));
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        Future<String> queued = pool.submit(() -> heavy.run("esa", "a scan", () -> "second"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (heavy.waiting() < 1 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(heavy.running()).isEqualTo(1);
        assertThat(heavy.waiting()).isEqualTo(1);

        assertThatThrownBy(() -> heavy.run("csa", "a third scan", () -> "no"))
                .isInstanceOfSatisfying(TooBusyException.class, e -> {
                    assertThat(e.getMessage()).contains("1 long computation with 1 more waiting");
                    assertThat(e.retryAfterSeconds()).isPositive();
                });
        release.countDown();
        assertThat(running.get(5, TimeUnit.SECONDS)).isEqualTo("first");
        assertThat(queued.get(5, TimeUnit.SECONDS)).isEqualTo("second");
        assertThat(heavy.running()).isZero();
    }

    @Test
    void a_computation_that_waits_too_long_is_refused_and_frees_its_user() throws Exception {
        HeavyWork heavy = new HeavyWork(1, 4, 1);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        pool.submit(() -> heavy.run("nasa", "a scan", () -> {
            started.countDown();
            await(release);
            return null;
        }));
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        assertThatThrownBy(() -> heavy.run("esa", "a scan", () -> "no")).isInstanceOf(TooBusyException.class)
                .hasMessageContaining("stayed busy");
        release.countDown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (heavy.running() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(heavy.run("esa", "a scan", () -> "now")).isEqualTo("now");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
