package org.gatewaypower.collaboration;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.gatewaypower.Application;
import org.gatewaypower.workspace.EquipmentService;
import org.gatewaypower.workspace.ReadModels;
import org.gatewaypower.workspace.TestWorkspaces;
import org.gatewaypower.workspace.WorkspaceChanged;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Two app nodes on one PostgreSQL database, as two application contexts in this JVM: they start together
 * on an empty schema (the migrations and the start-up tasks run once), a change saved on node A reaches
 * node B's open views with its balance, an impact notice reaches B's subscriber once, B catches up after
 * losing its listening connection, and when A dies its users vanish from B's presence within the expiry.
 *
 * <p>Runs when GATEWAY_TEST_POSTGRES_URL names a database (as PostgresIT); it works in a fresh schema of its
 * own, dropped at the end, and on a NOTIFY channel of its own, so other tests on that database are unaffected.
 */
@EnabledIfEnvironmentVariable(named = "GATEWAY_TEST_POSTGRES_URL", matches = ".+")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodePostgresIT {

    private static final String URL = System.getenv("GATEWAY_TEST_POSTGRES_URL");
    private static final String USER = envOr("GATEWAY_TEST_POSTGRES_USER", "gatewaypower");
    private static final String PASS = envOr("GATEWAY_TEST_POSTGRES_PASS", "gatewaypower");
    private static final String SUFFIX = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private static final String SCHEMA = "gp_nodes_" + SUFFIX;
    private static final Duration EXPIRY = Duration.ofSeconds(6);
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static ConfigurableApplicationContext a;
    private static ConfigurableApplicationContext b;
    /** A workspace whose edits on node A mark "node B has heard everything before this" (see settle). */
    private static TestWorkspaces.Fixture marker;

    private static String envOr(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    private static String schemaUrl() {
        return URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA;
    }

    /**
     * One node: the application's configuration on the given database (its schema in the URL's
     * currentSchema), a NOTIFY channel of the test's own and the given presence expiry (heartbeat a quarter
     * of it). Test resources apply, so the demo is seeded and the fixtures' administrator exists.
     */
    static ConfigurableApplicationContext node(String id, String schemaUrl, String user, String password,
                                               String channel, Duration expiry) {
        return new SpringApplicationBuilder(Application.class, TestWorkspaces.class).run(
                "--spring.datasource.url=" + schemaUrl,
                "--spring.datasource.username=" + user,
                "--spring.datasource.password=" + password,
                "--spring.flyway.schemas=" + schemaUrl.substring(schemaUrl.indexOf("currentSchema=") + 14),
                "--gateway.cluster.node-id=" + id,
                "--gateway.cluster.channel=" + channel,
                "--gateway.cluster.presence-expiry=" + expiry.toMillis() + "ms",
                "--gateway.cluster.presence-heartbeat=" + expiry.dividedBy(4).toMillis() + "ms",
                "--server.port=0",
                "--spring.jmx.enabled=false",
                "--spring.main.banner-mode=off");
    }

    @BeforeAll
    static void twoNodesStartTogetherOnAnEmptySchema() throws Exception {
        sql("create schema " + SCHEMA);
        String channel = "gp_test_" + SUFFIX;
        CompletableFuture<ConfigurableApplicationContext> startA =
                CompletableFuture.supplyAsync(() -> node("node-a", schemaUrl(), USER, PASS, channel, EXPIRY));
        CompletableFuture<ConfigurableApplicationContext> startB =
                CompletableFuture.supplyAsync(() -> node("node-b", schemaUrl(), USER, PASS, channel, EXPIRY));
        a = startA.get(10, TimeUnit.MINUTES);
        b = startB.get(10, TimeUnit.MINUTES);
        await("both nodes listening", () -> a.getBean(ClusterTransport.class).listening()
                && b.getBean(ClusterTransport.class).listening());
        marker = a.getBean(TestWorkspaces.class).create("Marker", 1);
    }

    /**
     * Waits until node B has handed on every change node A committed so far: PostgreSQL delivers
     * notifications in commit order and node B hands each on before reading the next, so once B hears of an
     * edit made now, the earlier ones (a fixture's creation) reached B's subscribers already and later
     * subscribers see only what follows.
     */
    private static void settle() throws InterruptedException {
        BlockingQueue<WorkspaceChanged> heard = new LinkedBlockingQueue<>();
        WorkspaceBroadcaster.Subscription s = b.getBean(WorkspaceBroadcaster.class).subscribe(marker.workspaceId(),
                heard::add);
        try {
            long loadId = marker.loadIds().get(0);
            setOperating(loadId, a.getBean(EquipmentService.class).load(loadId).operatingPowerW() + 1, "esa");
            long end = System.nanoTime() + WAIT.toNanos();
            WorkspaceChanged e;
            do {
                e = heard.poll(Math.max(1, end - System.nanoTime()), TimeUnit.NANOSECONDS);
                assertThat(e).as("node B hears the marker edit").isNotNull();
            } while (e.change() != WorkspaceChanged.Change.CHANGED);
        } finally {
            s.cancel();
        }
    }

    @AfterAll
    static void stopNodes() throws SQLException {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
        sql("drop schema if exists " + SCHEMA + " cascade");
    }

    private static void sql(String statement) throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, USER, PASS); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private static long count(String query) throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, USER, PASS); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Polls {@code condition} until it holds or {@link #WAIT} passed; robust on a slow, shared machine. */
    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited %s for: %s", WAIT, what).isLessThan(end);
            Thread.sleep(50);
        }
    }

    /** A fixture workspace made on node A, once node B has heard all of its making. */
    private static TestWorkspaces.Fixture settledFixture(String prefix, int loads) throws InterruptedException {
        TestWorkspaces.Fixture f = a.getBean(TestWorkspaces.class).create(prefix, loads);
        settle();
        return f;
    }

    /** Saves a load's operating power (W) on node A, as {@code actor}, based on its current version. */
    private static ReadModels.LoadItem setOperating(long loadId, double watts, String actor) {
        EquipmentService equipment = a.getBean(EquipmentService.class);
        ReadModels.LoadItem load = equipment.load(loadId);
        return equipment.updateLoad(loadId, load.version(),
                TestWorkspaces.withOperating(TestWorkspaces.draft(load), watts), actor);
    }

    @Test
    @Order(1)
    void both_nodes_started_and_migrations_and_seed_ran_once() throws Exception {
        assertThat(a.isActive()).isTrue();
        assertThat(b.isActive()).isTrue();
        assertThat(a.getBean(ClusterTransport.class).enabled()).as("on by itself on PostgreSQL").isTrue();
        int migrations = new PathMatchingResourcePatternResolver().getResources("classpath:db/migration/V*.sql").length;
        assertThat(count("select count(*) from " + SCHEMA + ".flyway_schema_history where success and version is not null"))
                .as("each version applied once").isEqualTo(migrations);
        assertThat(count("select count(distinct version) from " + SCHEMA + ".flyway_schema_history"))
                .isEqualTo(migrations);
        assertThat(count("select count(*) from " + SCHEMA + ".workspace where name = 'Gateway demo'"))
                .as("the demo seeded by one node only").isEqualTo(1);
    }

    @Test
    @Order(2)
    void a_load_saved_on_node_a_reaches_node_b_with_its_balance_once() throws Exception {
        TestWorkspaces.Fixture f = settledFixture("Two nodes", 2);
        BlockingQueue<WorkspaceChanged> onA = new LinkedBlockingQueue<>();
        BlockingQueue<WorkspaceChanged> onB = new LinkedBlockingQueue<>();
        BlockingQueue<LiveBalances.LiveUpdate> liveB = new LinkedBlockingQueue<>();
        List<WorkspaceBroadcaster.Subscription> subs = new ArrayList<>(List.of(
                a.getBean(WorkspaceBroadcaster.class).subscribe(f.workspaceId(), onA::add),
                b.getBean(WorkspaceBroadcaster.class).subscribe(f.workspaceId(), onB::add),
                b.getBean(LiveBalances.class).subscribe(f.workspaceId(), liveB::add)));
        try {
            ReadModels.LoadItem load = a.getBean(EquipmentService.class).load(f.loadIds().get(0));
            setOperating(load.id(), 650.0, "esa");

            WorkspaceChanged seen = onB.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(seen).as("node B hears of node A's save").isEqualTo(new WorkspaceChanged(f.workspaceId(),
                    WorkspaceChanged.Kind.LOAD_ITEM, load.id(), WorkspaceChanged.Change.CHANGED, "esa",
                    "changed load " + load.name()));
            LiveBalances.LiveUpdate update = liveB.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(update).isNotNull();
            assertThat(update.node()).isEqualTo("node-a");
            assertThat(update.changes()).containsExactly(seen);
            assertThat(update.snapshot().loads()).filteredOn(l -> l.id() == load.id()).singleElement()
                    .extracting(ReadModels.LoadItem::operatingPowerW).isEqualTo(650.0);
            assertThat(update.report()).isNotNull();

            // A second save: both nodes get both, each once (node A ignores the echo of its own NOTIFY).
            setOperating(load.id(), 660.0, "esa");
            assertThat(onB.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isNotNull();
            assertThat(liveB.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isNotNull();
            await("node A's own two deliveries", () -> onA.size() >= 2);
            assertThat(onA).hasSize(2);
            assertThat(onB).isEmpty();
            assertThat(liveB).isEmpty();
        } finally {
            subs.forEach(WorkspaceBroadcaster.Subscription::cancel);
        }
    }

    @Test
    @Order(3)
    void an_impact_notice_of_a_change_on_a_reaches_node_b_once() throws Exception {
        TestWorkspaces.Fixture f = settledFixture("Two node impact", 3);
        BlockingQueue<ImpactNoticed> notices = new LinkedBlockingQueue<>();
        BlockingQueue<LiveBalances.LiveUpdate> liveB = new LinkedBlockingQueue<>();
        WorkspaceBroadcaster.Subscription s = b.getBean(ImpactMonitor.class).subscribe(f.workspaceId(), notices::add);
        WorkspaceBroadcaster.Subscription l = b.getBean(LiveBalances.class).subscribe(f.workspaceId(), liveB::add);
        try {
            EquipmentService equipment = a.getBean(EquipmentService.class);
            ReadModels.LoadItem load = equipment.load(f.loadIds().get(0));
            ReadModels.LoadItem big = equipment.updateLoad(load.id(), load.version(),
                    TestWorkspaces.withPowers(TestWorkspaces.draft(load), 50.0, 4_000.0, 6_000.0), "nasa");
            ImpactNoticed notice = notices.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(notice).as("the notice on node B").isNotNull();
            assertThat(notice.actor()).isEqualTo("nasa");
            assertThat(notice.description()).isEqualTo("changed load " + load.name());
            assertThat(notice.figures()).extracting(ImpactNoticed.FigureChange::name)
                    .contains("minimum state of charge");

            // A tiny change after it: when node B has analysed it, no second notice of the big one came.
            setOperating(big.id(), big.operatingPowerW() + 1, "nasa");
            assertThat(liveB.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isNotNull();
            assertThat(liveB.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isNotNull();
            assertThat(notices.poll(2, TimeUnit.SECONDS)).as("one notice per change").isNull();
        } finally {
            s.cancel();
            l.cancel();
        }
    }

    @Test
    @Order(4)
    void node_b_catches_up_after_losing_its_listening_connection() throws Exception {
        TestWorkspaces.Fixture f = settledFixture("Catch-up", 1);
        BlockingQueue<LiveBalances.LiveUpdate> liveB = new LinkedBlockingQueue<>();
        WorkspaceBroadcaster.Subscription l = b.getBean(LiveBalances.class).subscribe(f.workspaceId(), liveB::add);
        try {
            assertThat(count("select count(pg_terminate_backend(pid)) from pg_stat_activity"
                    + " where application_name = 'gateway-power listen node-b'")).isEqualTo(1);
            LiveBalances.LiveUpdate catchUp = liveB.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(catchUp).as("a catch-up refresh after the reconnect").isNotNull();
            assertThat(catchUp.catchUp()).isTrue();
            assertThat(catchUp.report()).isNotNull();

            long loadId = f.loadIds().get(0);
            setOperating(loadId, 640.0, "esa");
            LiveBalances.LiveUpdate after = liveB.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(after).as("changes flow again after the reconnect").isNotNull();
            assertThat(after.changes()).extracting(WorkspaceChanged::entityId).containsExactly(loadId);
        } finally {
            l.cancel();
        }
    }

    @Test
    @Order(5)
    void presence_on_a_is_seen_on_b_and_vanishes_within_the_expiry_when_a_dies() throws Exception {
        TestWorkspaces.Fixture f = a.getBean(TestWorkspaces.class).create("Presence", 1);
        PresenceService presenceA = a.getBean(PresenceService.class);
        PresenceService presenceB = b.getBean(PresenceService.class);
        PresenceService.Handle esa = presenceA.join(f.workspaceId(), "esa", "ESA power team", "ESA");
        PresenceService.Handle jaxa = presenceB.join(f.workspaceId(), "jaxa", "JAXA power team", "JAXA");
        await("ESA on node A seen on node B", () -> presenceB.present(f.workspaceId()).stream()
                .anyMatch(p -> p.username().equals("esa")));
        presenceA.focus(esa, new PresenceService.Focus("load:1", "load Load 0"));
        await("ESA's focus seen on node B", () -> presenceB.present(f.workspaceId()).stream()
                .anyMatch(p -> p.username().equals("esa") && !p.foci().isEmpty()));
        await("JAXA on node B seen on node A", () -> presenceA.present(f.workspaceId()).stream()
                .anyMatch(p -> p.username().equals("jaxa")));

        // Heartbeats keep ESA listed on node B past the expiry while node A lives.
        Thread.sleep(EXPIRY.toMillis() * 2);
        assertThat(presenceB.present(f.workspaceId())).extracting(PresenceService.Present::username)
                .contains("esa", "jaxa");

        long died = System.nanoTime();
        a.getBean(ClusterTransport.class).halt();
        await("ESA gone from node B after node A died", () -> presenceB.present(f.workspaceId()).stream()
                .noneMatch(p -> p.username().equals("esa")));
        Duration vanished = Duration.ofNanos(System.nanoTime() - died);
        assertThat(vanished).as("within the expiry and one sweep").isLessThan(EXPIRY.plusSeconds(10));
        assertThat(presenceB.present(f.workspaceId())).extracting(PresenceService.Present::username)
                .containsExactly("jaxa");
        presenceB.leave(jaxa);
    }
}
