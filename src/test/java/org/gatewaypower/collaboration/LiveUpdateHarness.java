package org.gatewaypower.collaboration;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.gatewaypower.Application;
import org.gatewaypower.workspace.EquipmentService;
import org.gatewaypower.workspace.ReadModels;
import org.gatewaypower.workspace.TestWorkspaces;
import org.gatewaypower.workspace.WorkspaceService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Measures live updates, server side: with {@value #VIEWS} open views of the demo workspace on a node, the
 * time from an edit's commit until the last view was handed the new balance (one analysis for all), and,
 * on PostgreSQL, the same on a second node (commit on node A → views on node B).
 *
 * <p>Run after {@code ./mvnw test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * -Dmdep.includeScope=test}:
 * <pre>
 * java -cp "target/test-classes:target/classes:$(cat target/cp.txt)" org.gatewaypower.collaboration.LiveUpdateHarness
 * java -cp ... org.gatewaypower.collaboration.LiveUpdateHarness jdbc:postgresql://localhost:5432/DB [user] [password]
 * </pre>
 * Without arguments one node on the tests' in-memory H2; with a PostgreSQL URL two nodes on a fresh schema of
 * that database (dropped at the end). {@value #WARM_UP} edits warm up, {@value #EDITS} are measured. Times
 * come from one machine's clock (epoch ms), so they resolve to 1 ms.
 */
public final class LiveUpdateHarness {

    static final int VIEWS = 20;
    static final int WARM_UP = 5;
    static final int EDITS = 30;

    private LiveUpdateHarness() {
    }

    /** Open views on one node: each edit's delay until the last of them was handed its update (ms). */
    private static final class Views {
        final List<Long> delays = Collections.synchronizedList(new ArrayList<>());
        final AtomicReference<CountDownLatch> pending = new AtomicReference<>(new CountDownLatch(0));
        final AtomicLong lastHanded = new AtomicLong();

        Views(LiveBalances live, long workspaceId) {
            for (int i = 0; i < VIEWS; i++) {
                live.subscribe(workspaceId, u -> {
                    if (u.report() == null) {
                        throw new IllegalStateException("no balance: " + u.failure());
                    }
                    lastHanded.accumulateAndGet(System.currentTimeMillis() - u.committed(), Math::max);
                    pending.get().countDown();
                });
            }
        }

        void expect() {
            lastHanded.set(0);
            pending.set(new CountDownLatch(VIEWS));
        }

        void await(boolean record) throws InterruptedException {
            if (!pending.get().await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the views were not all updated within 60 s");
            }
            if (record) {
                delays.add(lastHanded.get());
            }
        }
    }

    public static void main(String[] args) throws Exception {
        String url = args.length > 0 ? args[0] : null;
        String user = args.length > 1 ? args[1] : "gatewaypower";
        String pass = args.length > 2 ? args[2] : "gatewaypower";
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String schema = "gp_bench_" + suffix;
        ConfigurableApplicationContext a;
        ConfigurableApplicationContext b = null;
        if (url == null) {
            a = new SpringApplicationBuilder(Application.class, TestWorkspaces.class).run("--server.port=0",
                    "--spring.main.banner-mode=off", "--logging.level.root=WARN");
        } else {
            try (Connection c = DriverManager.getConnection(url, user, pass); Statement s = c.createStatement()) {
                s.execute("create schema " + schema);
            }
            String schemaUrl = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
            a = TwoNodePostgresIT.node("bench-a", schemaUrl, user, pass, "gp_bench_" + suffix, Duration.ofSeconds(30));
            b = TwoNodePostgresIT.node("bench-b", schemaUrl, user, pass, "gp_bench_" + suffix, Duration.ofSeconds(30));
        }
        try {
            ReadModels.WorkspaceSnapshot demo = TestWorkspaces.demo(a.getBean(WorkspaceService.class));
            System.out.printf("demo workspace: %d load items, %d views per node%n", demo.loads().size(), VIEWS);
            Views onA = new Views(a.getBean(LiveBalances.class), demo.id());
            Views onB = b == null ? null : new Views(b.getBean(LiveBalances.class), demo.id());
            EquipmentService equipment = a.getBean(EquipmentService.class);
            long loadId = demo.loads().get(0).id();
            for (int i = 0; i < WARM_UP + EDITS; i++) {
                ReadModels.LoadItem load = equipment.load(loadId);
                onA.expect();
                if (onB != null) {
                    onB.expect();
                }
                equipment.updateLoad(loadId, load.version(), TestWorkspaces.withOperating(TestWorkspaces.draft(load),
                        load.operatingPowerW() + (i % 2 == 0 ? 1 : -1)), "nasa");
                onA.await(i >= WARM_UP);
                if (onB != null) {
                    onB.await(i >= WARM_UP);
                }
            }
            report("same node: commit → last of " + VIEWS + " views handed the new balance", onA.delays);
            if (onB != null) {
                report("cross node: commit on A → last of " + VIEWS + " views on B handed the new balance", onB.delays);
            }
        } finally {
            a.close();
            if (b != null) {
                b.close();
                try (Connection c = DriverManager.getConnection(url, user, pass); Statement s = c.createStatement()) {
                    s.execute("drop schema " + schema + " cascade");
                }
            }
        }
    }

    private static void report(String what, List<Long> delays) {
        List<Long> sorted = new ArrayList<>(delays);
        Collections.sort(sorted);
        long median = sorted.get(sorted.size() / 2);
        long p95 = sorted.get((int) Math.ceil(0.95 * sorted.size()) - 1);
        System.out.printf(Locale.ROOT, "%s: median %d ms, p95 %d ms, max %d ms (%d edits)%n", what, median, p95,
                sorted.get(sorted.size() - 1), sorted.size());
    }
}
