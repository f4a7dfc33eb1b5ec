package org.gatewaypower.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The real application in its own JVM, from the test's class path without the test classes, on the embedded
 * H2 file database under {@code <dir>/data}, its console output appended to {@code <dir>/app.log}.
 */
final class AppProcess {

    private final Path dir;
    private final int port;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;

    /** @param dir the working directory: data, log */
    AppProcess(Path dir, int port) {
        this.dir = dir;
        this.port = port;
        this.log = dir.resolve("app.log");
    }

    /**
     * Starts it with these extra arguments and waits until its readiness probe is UP (300 s at most: on a loaded
     * 2-core machine it once took 125 s).
     */
    AppProcess start(String... args) throws Exception {
        String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(p -> !p.contains("test-classes")).collect(Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", classpath, "org.gatewaypower.Application", "--server.port=" + port,
                "--gateway.data-dir=" + dir.resolve("data")));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().keySet().removeIf(k -> k.startsWith("GATEWAY_") || k.startsWith("SPRING_")
                || k.startsWith("LOGGING_"));
        process = pb.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (true) {
            if (!process.isAlive()) {
                throw new AssertionError("the app exited with " + process.exitValue() + ":\n" + tail());
            }
            assertThat(System.nanoTime()).as("not ready in 300 s:\n%s", tail()).isLessThan(deadline);
            try {
                if (send(HttpRequest.newBuilder(uri("/actuator/health/readiness")).GET().build()).statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
    }

    Process process() {
        return process;
    }

    int port() {
        return port;
    }

    Path log() {
        return log;
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Ends the JVM (SIGTERM, then SIGKILL after 30 s) if it still runs. */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    /** The last 40 lines of the log, for failure messages. */
    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
