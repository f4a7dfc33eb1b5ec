package org.gatewaypower.persistence;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The durability promise: a write the API acknowledged (2xx) is on disk. The real application runs on the
 * embedded default (an H2 file database) in its own JVM; eight clients make versioned edits and create loads;
 * the JVM is killed with SIGKILL in the middle of their work and restarted on the same files, three times.
 * Every acknowledged edit must be there (at its version or a later one: a write whose answer the kill cut
 * off may have committed too) and every acknowledged creation must exist.
 */
class DurabilityIT {

    private static final int CLIENTS = 8;
    private static final int ROUNDS = 3;
    private static final String AUTH = "Basic " + Base64.getEncoder()
            .encodeToString("nasa:gateway".getBytes(StandardCharsets.UTF_8));

    private final ObjectMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private String base;
    private Process app;
    private Path log;

    /** An acknowledged state of one load: its version and operating power. */
    private record Acked(long version, double operatingPowerW) {
    }

    @Test
    void every_acknowledged_write_survives_a_kill_9() throws Exception {
        Path dir = Files.createTempDirectory("gp-durability");
        int port = freePort();
        base = "http://localhost:" + port;
        start(dir, port);

        long ws = post("/api/v1/workspaces", "{\"name\":\"Durability\",\"teamCodes\":[\"NASA\"]}").get("id").asLong();
        long mode = post("/api/v1/workspaces/" + ws + "/modes", "{\"name\":\"Crewed\"}").get("id").asLong();
        long element = post("/api/v1/workspaces/" + ws + "/elements",
                "{\"name\":\"HALO\",\"kind\":\"HALO\",\"ownerTeamCode\":\"NASA\"}").get("id").asLong();
        List<Long> loads = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            loads.add(post("/api/v1/workspaces/" + ws + "/loads", loadJson(element, mode, "client " + c, 100, null))
                    .get("id").asLong());
        }

        int acknowledged = 0;
        int lost = 0;
        List<Long> latenciesMs = Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicInteger acks = new java.util.concurrent.atomic.AtomicInteger();
        for (int round = 1; round <= ROUNDS; round++) {
            Map<Long, Acked> acked = new ConcurrentHashMap<>();
            for (long id : loads) {
                JsonNode l = get("/api/v1/workspaces/" + ws + "/loads/" + id);
                acked.put(id, new Acked(l.get("version").asLong(), l.get("operatingPowerW").asDouble()));
            }
            List<Long> created = Collections.synchronizedList(new ArrayList<>());
            AtomicBoolean killed = new AtomicBoolean();
            CountDownLatch done = new CountDownLatch(CLIENTS);
            final int r = round;
            for (int c = 0; c < CLIENTS; c++) {
                final int client = c;
                Thread.ofPlatform().start(() -> {
                    try {
                        work(ws, element, mode, loads.get(client), client, r, acked, created, killed, latenciesMs, acks);
                    } finally {
                        done.countDown();
                    }
                });
            }
            Thread.sleep(4000);
            killed.set(true);
            app.destroyForcibly();
            assertThat(app.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(done.await(60, TimeUnit.SECONDS)).isTrue();

            start(dir, port);
            for (Map.Entry<Long, Acked> e : acked.entrySet()) {
                JsonNode l = get("/api/v1/workspaces/" + ws + "/loads/" + e.getKey());
                long version = l.get("version").asLong();
                boolean kept = version > e.getValue().version()
                        || version == e.getValue().version()
                        && l.get("operatingPowerW").asDouble() == e.getValue().operatingPowerW();
                if (!kept) {
                    lost++;
                }
            }
            for (long id : created) {
                HttpResponse<String> resp = send(HttpRequest.newBuilder(uri("/api/v1/workspaces/" + ws + "/loads/" + id))
                        .header("Authorization", AUTH).GET().build());
                if (resp.statusCode() != 200) {
                    lost++;
                }
            }
            acknowledged += acks.getAndSet(0);
        }
        app.destroy();
        app.waitFor(30, TimeUnit.SECONDS);

        List<Long> sorted = latenciesMs.stream().sorted().collect(Collectors.toList());
        System.out.printf("Durability: %d rounds of kill -9, %d acknowledged writes checked, %d lost; "
                        + "acknowledged edit latency p50 %d ms, p95 %d ms (8 clients, HTTP Basic)%n", ROUNDS,
                acknowledged, lost, sorted.get(sorted.size() / 2), sorted.get(sorted.size() * 95 / 100));
        assertThat(lost).as("acknowledged writes lost").isZero();
        assertThat(acknowledged).isGreaterThan(ROUNDS * CLIENTS);
    }

    private void work(long ws, long element, long mode, long load, int client, int round, Map<Long, Acked> acked,
                      List<Long> created, AtomicBoolean killed, List<Long> latenciesMs,
                      java.util.concurrent.atomic.AtomicInteger acks) {
        int n = 0;
        while (!killed.get()) {
            n++;
            try {
                long t0 = System.nanoTime();
                if (n % 4 == 0) {
                    HttpResponse<String> resp = send(HttpRequest.newBuilder(uri("/api/v1/workspaces/" + ws + "/loads"))
                            .header("Authorization", AUTH).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(loadJson(element, mode,
                                    "r" + round + " c" + client + " n" + n, 50, null))).build());
                    if (resp.statusCode() == 201) {
                        created.add(json.readTree(resp.body()).get("id").asLong());
                        acks.incrementAndGet();
                    }
                } else {
                    Acked before = acked.get(load);
                    double watts = 100 + round * 1000 + n;
                    HttpResponse<String> resp = send(HttpRequest.newBuilder(uri("/api/v1/workspaces/" + ws
                                    + "/loads/" + load)).header("Authorization", AUTH)
                            .header("Content-Type", "application/json")
                            .PUT(HttpRequest.BodyPublishers.ofString(loadJson(element, mode, "client " + client, watts,
                                    before.version()))).build());
                    if (resp.statusCode() == 200) {
                        JsonNode saved = json.readTree(resp.body());
                        acked.put(load, new Acked(saved.get("version").asLong(), saved.get("operatingPowerW").asDouble()));
                        latenciesMs.add((System.nanoTime() - t0) / 1_000_000);
                        acks.incrementAndGet();
                    }
                }
            } catch (IOException | InterruptedException | RuntimeException refusedOrKilled) {
                // the kill cuts requests off: those were never acknowledged
            }
        }
    }

    private String loadJson(long element, long mode, String name, double operatingW, Long version) {
        return "{\"elementId\":" + element + ",\"name\":\"" + name + "\",\"subsystem\":\"ECLSS\",\"bus\":\"V120\","
                + "\"quantity\":1,\"standbyPowerW\":5,\"operatingPowerW\":" + operatingW + ",\"peakPowerW\":"
                + (operatingW + 10) + ",\"dutyByMode\":{\"" + mode + "\":1},\"maturity\":\"MODIFIED\","
                + "\"priority\":\"ESSENTIAL\"" + (version == null ? "" : ",\"version\":" + version) + "}";
    }

    private void start(Path dir, int port) throws Exception {
        String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(p -> !p.contains("test-classes")).collect(Collectors.joining(File.pathSeparator));
        log = dir.resolve("app.log");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath, "org.gatewaypower.Application", "--server.port=" + port,
                "--gateway.data-dir=" + dir.resolve("data")).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().keySet().removeIf(k -> k.startsWith("GATEWAY_") || k.startsWith("SPRING_"));
        app = pb.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (true) {
            assertThat(app.isAlive()).as("the app exited:\n%s", tail()).isTrue();
            assertThat(System.nanoTime()).as("not ready in 120 s:\n%s", tail()).isLessThan(deadline);
            try {
                if (send(HttpRequest.newBuilder(uri("/actuator/health/readiness")).GET().build()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
    }

    private JsonNode post(String path, String body) throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri(path)).header("Authorization", AUTH)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return json.readTree(r.body());
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri(path)).header("Authorization", AUTH).GET().build());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
