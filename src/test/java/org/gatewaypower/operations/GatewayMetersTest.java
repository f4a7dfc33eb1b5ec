package org.gatewaypower.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;

import org.gatewaypower.SpringTestBase;
import org.gatewaypower.analysis.BalanceService;
import org.gatewaypower.analysis.HeavyWork;
import org.gatewaypower.collaboration.WorkspaceBroadcaster;
import org.gatewaypower.workspace.EquipmentService;
import org.gatewaypower.workspace.TestWorkspaces;
import org.gatewaypower.workspace.WorkspaceChanged;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/** Each application meter moves when what it measures happens. */
class GatewayMetersTest extends SpringTestBase {

    @Autowired
    MeterRegistry registry;
    @Autowired
    TestWorkspaces fixtures;
    @Autowired
    EquipmentService equipment;
    @Autowired
    BalanceService balances;
    @Autowired
    WorkspaceBroadcaster broadcaster;
    @Autowired
    HeavyWork heavyWork;
    @Autowired
    @Qualifier("applicationTaskExecutor")
    ThreadPoolTaskExecutor tasks;
    @LocalServerPort
    int port;

    @Test
    void a_committed_edit_counts_by_kind_and_reaches_the_live_update_delay() {
        TestWorkspaces.Fixture f = fixtures.create("Meters", 1);
        double edits = edits("load_item", "changed");
        long delivered = registry.get("gateway.live.update.delay").timer().count();
        List<WorkspaceChanged> heard = new ArrayList<>();
        WorkspaceBroadcaster.Subscription s = broadcaster.subscribe(f.workspaceId(), heard::add);
        try {
            var load = equipment.load(f.loadIds().get(0));
            equipment.updateLoad(load.id(), load.version(),
                    TestWorkspaces.withOperating(TestWorkspaces.draft(load), 640.0), "nasa");
            assertThat(edits("load_item", "changed")).isEqualTo(edits + 1);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(registry.get("gateway.live.update.delay").timer().count()).isGreaterThan(delivered));
            assertThat(heard).isNotEmpty();
        } finally {
            s.cancel();
        }
    }

    @Test
    void an_analysis_is_timed() {
        TestWorkspaces.Fixture f = fixtures.create("Meters analysis", 1);
        long before = registry.get("gateway.analysis.duration").timer().count();
        balances.balance(f.workspaceId());
        balances.balance(f.workspaceId(), true);
        assertThat(registry.get("gateway.analysis.duration").timer().count()).isEqualTo(before + 2);
        assertThat(registry.get("gateway.analysis.duration").timer().totalTime(TimeUnit.NANOSECONDS)).isPositive();
    }

    @Test
    void the_task_executor_queue_is_gauged() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        int threads = tasks.getCorePoolSize();
        try {
            // Every thread busy, then two more tasks: those two wait in the queue.
            for (int i = 0; i < threads + 2; i++) {
                tasks.execute(() -> awaitQuietly(release));
            }
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                assertThat(gauge("gateway.tasks.queued")).isGreaterThanOrEqualTo(2);
                assertThat(gauge("gateway.tasks.active")).isEqualTo(threads);
            });
        } finally {
            release.countDown();
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(gauge("gateway.tasks.queued")).isZero());
    }

    @Test
    void the_heavy_work_queue_is_gauged() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<Thread> users = new ArrayList<>();
        try {
            // One user after another until one has to wait: the running ones fill every slot.
            for (int i = 0; gauge("gateway.heavy.work.waiting") == 0; i++) {
                assertThat(i).as("a computation should have had to wait").isLessThan(32);
                int started = i + 1;
                String user = "meter-user-" + i;
                users.add(Thread.ofPlatform().start(() ->
                        heavyWork.run(user, "a test computation", () -> awaitQuietly(release))));
                await().atMost(Duration.ofSeconds(20)).until(() -> heavyWork.running() + heavyWork.waiting() == started);
            }
            assertThat(gauge("gateway.heavy.work.waiting")).isEqualTo(1);
            assertThat(gauge("gateway.heavy.work.running")).isEqualTo(users.size() - 1).isPositive();
        } finally {
            release.countDown();
        }
        for (Thread t : users) {
            t.join(20_000);
        }
        assertThat(gauge("gateway.heavy.work.running")).isZero();
    }

    @Test
    void an_open_browser_page_counts_as_a_session_and_a_ui() throws Exception {
        double sessions = gauge("gateway.vaadin.sessions");
        double uis = gauge("gateway.vaadin.uis");
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(gauge("gateway.vaadin.sessions")).isEqualTo(sessions + 1);
        // The page's script then asks for its UI, as a browser does.
        HttpResponse<String> init = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/?v-r=init&location=login&query=")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(init.statusCode()).as(init.body()).isEqualTo(200);
        assertThat(gauge("gateway.vaadin.uis")).isEqualTo(uis + 1);
    }

    private double edits(String kind, String change) {
        var counter = registry.find("gateway.edits").tags("kind", kind, "change", change).counter();
        return counter == null ? 0 : counter.count();
    }

    private double gauge(String name) {
        return registry.get(name).gauge().value();
    }

    private static Object awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }
}
