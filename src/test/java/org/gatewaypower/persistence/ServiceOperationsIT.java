package org.gatewaypower.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Operating the real application on its embedded file database, in its own JVM: JSON (ECS) logs carry the
 * user and workspace of each request; an administrator's online backup, taken while the app runs, restores
 * into a fresh data directory on which the app starts and finds the saved data (and nothing saved after the
 * backup); a save in flight when SIGTERM arrives completes and is in the database, while new requests are
 * refused.
 */
class ServiceOperationsIT {

    private static final String NASA = "Basic " + base64("nasa:gateway");
    private static final String ADMIN = "Basic " + base64("admin:gateway");

    private final ObjectMapper json = JsonMapper.builder().build();

    @Test
    void logs_backup_restore_and_graceful_shutdown() throws Exception {
        Path dir = Files.createTempDirectory("gp-operations");
        AppProcess app = new AppProcess(dir, AppProcess.freePort());
        AppProcess restored = null;
        try {
            app.start("--logging.structured.format.console=ecs",
                    "--logging.level.org.gatewaypower.operations.RequestLogContext=DEBUG",
                    "--gateway.backup-dir=" + dir.resolve("backups"),
                    // The default 30 s, stretched for a loaded test machine: the save must finish within it.
                    "--spring.lifecycle.timeout-per-shutdown-phase=120s");
            String name = "Backed up " + UUID.randomUUID();
            long ws = post(app, NASA, "/api/v1/workspaces", "{\"name\":\"" + name + "\",\"teamCodes\":[\"NASA\"]}", 201)
                    .get("id").asLong();
            post(app, NASA, "/api/v1/workspaces/" + ws + "/modes", "{\"name\":\"Before backup\"}", 201);
            ecsLineOf(app, "POST /api/v1/workspaces/" + ws + "/modes 201", ws);

            JsonNode backup = post(app, ADMIN, "/api/v1/admin/backups", "", 201);
            Path zip = dir.resolve("backups").resolve(backup.get("fileName").asString());
            assertThat(backup.get("fileName").asString()).matches("gateway-power-\\d{8}-\\d{6}Z\\.zip");
            assertThat(Files.size(zip)).isEqualTo(backup.get("sizeBytes").asLong()).isPositive();
            post(app, NASA, "/api/v1/workspaces/" + ws + "/modes", "{\"name\":\"After backup\"}", 201);

            inFlightSaveCompletesOnSigterm(app, ws);
            assertThat(modes(dir.resolve("data"), ws)).containsExactlyInAnyOrder("Before backup", "After backup",
                    "In flight");

            // Restore as the README says: unzip into an empty data directory, start on it.
            Path fresh = Files.createTempDirectory("gp-restored");
            unzip(zip, fresh.resolve("data"));
            restored = new AppProcess(fresh, AppProcess.freePort()).start();
            HttpResponse<String> got = restored.send(HttpRequest.newBuilder(restored.uri("/api/v1/workspaces/" + ws))
                    .header("Authorization", NASA).GET().build());
            assertThat(got.statusCode()).as(got.body()).isEqualTo(200);
            JsonNode snapshot = json.readTree(got.body());
            assertThat(snapshot.get("name").asString()).isEqualTo(name);
            List<String> restoredModes = new ArrayList<>();
            snapshot.get("modes").forEach(m -> restoredModes.add(m.get("name").asString()));
            assertThat(restoredModes).containsExactly("Before backup");
        } finally {
            app.stop();
            if (restored != null) {
                restored.stop();
            }
        }
    }

    /**
     * Sends a save's headers and half its body, lets SIGTERM arrive while the server waits for the rest, checks
     * that a new request is refused meanwhile, then sends the rest: the save answers 201 and the JVM ends after it.
     */
    private void inFlightSaveCompletesOnSigterm(AppProcess app, long ws) throws Exception {
        byte[] body = "{\"name\":\"In flight\"}".getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("localhost", app.port())) {
            socket.setSoTimeout(120_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/workspaces/" + ws + "/modes HTTP/1.1\r\nHost: localhost:" + app.port()
                    + "\r\nAuthorization: " + NASA + "\r\nContent-Type: application/json\r\nContent-Length: "
                    + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, 5);
            out.flush();
            // The request is in the server's hands (its filters run) once the server counts it as active.
            waitFor("the save to be in progress", () -> activeSaves(app) >= 1);

            app.process().destroy();
            waitFor("the graceful shutdown to begin", () -> logContains(app, "Commencing graceful shutdown"));
            try {
                HttpResponse<String> late = app.send(HttpRequest.newBuilder(app.uri("/api/v1/me"))
                        .timeout(Duration.ofSeconds(5)).header("Authorization", NASA).GET().build());
                assertThat(late.statusCode()).as("a request after shutdown began").isEqualTo(503);
            } catch (IOException refused) {
                // refused or unanswered at the network layer: refused cleanly as well
            }

            out.write(body, 5, body.length - 5);
            out.flush();
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            assertThat(status).as("the in-flight save's answer").startsWith("HTTP/1.1 201");
        }
        assertThat(app.process().waitFor(120, TimeUnit.SECONDS)).as("the app ends after its last request").isTrue();
        assertThat(logContains(app, "Graceful shutdown complete")).as(app.tail()).isTrue();
    }

    /** Requests being served now, as the server's own metrics count them (less the scrape itself). */
    private static int activeSaves(AppProcess app) {
        try {
            HttpResponse<String> r = app.send(HttpRequest.newBuilder(app.uri("/actuator/prometheus"))
                    .header("Authorization", ADMIN).GET().build());
            return r.body().lines()
                    .filter(l -> l.startsWith("http_server_requests_active_seconds_count{")
                            && l.contains("method=\"POST\""))
                    .mapToInt(l -> (int) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** The ECS JSON line of a request: it names the user and the workspace as fields. */
    private void ecsLineOf(AppProcess app, String request, long ws) throws Exception {
        waitFor("the request's log line", () -> logContains(app, request));
        JsonNode line = Files.readAllLines(app.log()).stream().filter(l -> l.contains(request))
                .map(json::readTree).findFirst().orElseThrow();
        assertThat(line.get("log").get("level").asString()).isEqualTo("DEBUG");
        assertThat(line.get("user").asString()).isEqualTo("nasa");
        assertThat(line.get("workspace").asString()).isEqualTo(Long.toString(ws));
        assertThat(line.get("@timestamp").asString()).isNotBlank();
    }

    /** The names of the workspace's modes, read from the database file of a stopped app. */
    private static List<String> modes(Path data, long ws) throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + data.resolve("gateway-power"), "sa", "");
             PreparedStatement s = c.prepareStatement("select name from operating_mode where workspace_id = ?")) {
            s.setLong(1, ws);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    names.add(r.getString(1));
                }
            }
        }
        return names;
    }

    private static void unzip(Path zip, Path into) throws IOException {
        Files.createDirectories(into);
        try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
            for (ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
                Path target = into.resolve(e.getName()).normalize();
                assertThat(target.startsWith(into)).isTrue();
                Files.copy(z, target);
            }
        }
    }

    private JsonNode post(AppProcess app, String auth, String path, String body, int status) throws Exception {
        HttpResponse<String> r = app.send(HttpRequest.newBuilder(app.uri(path)).header("Authorization", auth)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return json.readTree(r.body());
    }

    private static boolean logContains(AppProcess app, String text) {
        try {
            return Files.readString(app.log()).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    /** Polls for up to 60 s (a loaded 2-core machine is slow to log and to shut down). */
    private static void waitFor(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("Waited 60 s for " + what);
            }
            Thread.sleep(100);
        }
    }

    private static String base64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
