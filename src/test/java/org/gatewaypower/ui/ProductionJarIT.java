package org.gatewaypower.ui;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The operators' contract: the production jar builds from the committed sources with no npm (the committed
 * prod.bundle is reused; the npm registry and Node's download site are pointed at a dead address), and
 * {@code java -jar} started from another directory serves the whole UI: sign-in through Chromium, the
 * workspace list with the seeded demo, readiness, and problem answers for unknown API paths.
 *
 * <p>{@link ProductionJar} builds the jar (once per test run, shared with {@code ClusterIT}) in a copy of the files
 * git would commit, so it does not touch this build's {@code target/}. Set {@code GATEWAY_TEST_PRODUCTION_JAR} to
 * test an already built jar.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProductionJarIT {

    private static final Pattern STARTED = Pattern.compile("Started Application in ([0-9.]+) seconds");

    private Path work;
    private Process app;
    private Path log;
    private String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Integer> statusesBeforeReady = new ArrayList<>();

    @BeforeAll
    void buildAndStart() throws Exception {
        assumeTrue(BrowserSession.available(), "Chromium and chromedriver are needed (apt-get install chromium chromium-driver)");
        work = Files.createTempDirectory("gp-prod-jar");
        Path jar = ProductionJar.get();
        Path runDir = Files.createDirectories(work.resolve("elsewhere"));
        Path copy = runDir.resolve("gateway-power.jar");
        Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING);

        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        base = "http://localhost:" + port;
        log = runDir.resolve("app.log");
        ProcessBuilder pb = new ProcessBuilder(javaBin(), "-jar", copy.toString(), "--server.port=" + port)
                .directory(runDir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().remove("GATEWAY_DATA_DIR");
        pb.environment().remove("SPRING_DATASOURCE_URL");
        app = pb.start();

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (true) {
            assertThat(app.isAlive()).as("the jar exited early:\n%s", tail()).isTrue();
            assertThat(System.nanoTime()).as("not ready within 120 s:\n%s", tail()).isLessThan(deadline);
            try {
                if (status("/actuator/health/readiness") == 200) {
                    break;
                }
                int api = status("/api/v1/workspaces");
                // Counted only if the app was still not ready after this answer: the app may turn ready between
                // the two requests, and then the API rightly answers (401 without credentials).
                if (status("/actuator/health/readiness") == 200) {
                    break;
                }
                statusesBeforeReady.add(api);
            } catch (IOException notListeningYet) {
                // the port is not open yet
            }
            Thread.sleep(100);
        }
    }

    @AfterAll
    void stop() throws Exception {
        if (app != null) {
            app.destroy();
            if (!app.waitFor(30, TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
        }
    }

    @Test
    void signsInThroughChromiumAndShowsTheDemoWorkspace() throws Exception {
        try (BrowserSession browser = new BrowserSession(base)) {
            browser.signIn("nasa", "gateway");
            browser.waitFor(d -> d.findElements(By.cssSelector("vaadin-grid-cell-content")).stream()
                    .anyMatch(c -> c.getText().contains("Gateway demo")));
        }
        Matcher started = STARTED.matcher(Files.readString(log));
        assertThat(started.find()).isTrue();
        System.out.println("Production jar started in " + started.group(1) + " s (Spring Boot's figure)");
    }

    @Test
    void answersNothingButServiceUnavailableBeforeItIsReady() {
        assertThat(statusesBeforeReady).allMatch(s -> s == 503);
    }

    @Test
    void servesTheDemoToTheReadmeAccountsAsSoonAsItIsReady() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/workspaces"))
                .header("Authorization", basic("nasa", "gateway")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("Gateway demo");
    }

    @Test
    void answersUnknownApiPathsWithANotFoundProblem() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/no-such-thing"))
                .header("Authorization", basic("nasa", "gateway")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(r.body()).contains("\"status\":404");
    }

    @Test
    void reportsLivenessAndReadiness() throws Exception {
        assertThat(status("/actuator/health/liveness")).isEqualTo(200);
        assertThat(status("/actuator/health/readiness")).isEqualTo(200);
    }

    private int status(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String basic(String user, String password) {
        return "Basic " + java.util.Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private String tail() {
        try {
            return ProductionJar.lastLines(Files.readString(log), 40);
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
