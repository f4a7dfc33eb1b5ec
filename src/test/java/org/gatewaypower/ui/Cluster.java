package org.gatewaypower.ui;

import java.io.IOException;
import java.io.Writer;
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
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes of the production jar on one PostgreSQL database behind nginx, started and stopped by
 * {@code deploy/run-cluster.sh} exactly as the README's "Deploy: several nodes" says, on free ports and in a
 * run directory of its own. For {@code ClusterIT} and the {@code ClusterMeasurement} harness.
 */
final class Cluster implements AutoCloseable {

    /** The environment variable naming the PostgreSQL database the cluster may use (.ci/run makes one). */
    static final String DATABASE_VARIABLE = "GATEWAY_TEST_CLUSTER_POSTGRES_URL";
    static final String NGINX = "/usr/sbin/nginx";

    private final Path runDir;
    private final Map<String, String> environment;
    private final List<Integer> nodePorts;
    private final int proxyPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Cluster(Path runDir, Map<String, String> environment, List<Integer> nodePorts, int proxyPort) {
        this.runDir = runDir;
        this.environment = environment;
        this.nodePorts = nodePorts;
        this.proxyPort = proxyPort;
    }

    /** Why a cluster cannot run here, or null when it can. */
    static String unavailable() {
        if (!BrowserSession.available()) {
            return "Chromium and chromedriver are needed (apt-get install chromium chromium-driver)";
        }
        if (!Files.isExecutable(Path.of(NGINX))) {
            return "nginx is needed (apt-get install nginx)";
        }
        String url = System.getenv(DATABASE_VARIABLE);
        if (url == null || url.isBlank()) {
            return DATABASE_VARIABLE + " names no PostgreSQL database for the cluster (.ci/run creates one)";
        }
        return null;
    }

    /** Starts two nodes and nginx with {@code deploy/run-cluster.sh start}; returns when the proxy answers. */
    static Cluster start(Path jar) throws Exception {
        return start(jar, Map.of());
    }

    /**
     * As {@link #start(Path)}, with {@code nodeConfig} (property → value) in the configuration file every node
     * reads ({@code GATEWAY_NODE_CONFIG}), as an operator would configure single sign-on on a cluster.
     */
    static Cluster start(Path jar, Map<String, String> nodeConfig) throws Exception {
        Path runDir = Files.createTempDirectory("gp-cluster");
        List<Integer> ports = freePorts(3);
        Map<String, String> env = new HashMap<>(Map.of(
                "GATEWAY_JAR", jar.toString(),
                "GATEWAY_RUN_DIR", runDir.toString(),
                "GATEWAY_NODE_PORTS", ports.get(1) + " " + ports.get(2),
                "GATEWAY_PROXY_LISTEN", String.valueOf(ports.get(0)),
                "POSTGRES_URL", System.getenv(DATABASE_VARIABLE),
                "POSTGRES_USER", System.getenv().getOrDefault("GATEWAY_TEST_POSTGRES_USER", "gatewaypower"),
                "POSTGRES_PASS", System.getenv().getOrDefault("GATEWAY_TEST_POSTGRES_PASS", "gatewaypower"),
                "JAVA_HOME", System.getProperty("java.home")));
        if (!nodeConfig.isEmpty()) {
            Path file = runDir.resolve("node.properties");
            Properties properties = new Properties();
            properties.putAll(nodeConfig);
            try (Writer w = Files.newBufferedWriter(file)) {
                properties.store(w, "written by the cluster test");
            }
            env.put("GATEWAY_NODE_CONFIG", file.toString());
        }
        Cluster cluster = new Cluster(runDir, env, ports.subList(1, 3), ports.get(0));
        String out = cluster.script("start", 6);
        assertThat(out).contains("Gateway Power: http://localhost:" + ports.get(0));
        return cluster;
    }

    /** The URL users open (nginx). */
    String url() {
        return "http://localhost:" + proxyPort;
    }

    /**
     * The proxy's URL by the loopback address, for single sign-on: the test identity provider accepts redirects
     * to loopback addresses by IP only (any port).
     */
    String loopbackUrl() {
        return "http://127.0.0.1:" + proxyPort;
    }

    /** The URL of node {@code n} (1, 2) itself, past the proxy. */
    String nodeUrl(int n) {
        return "http://localhost:" + nodePorts.get(n - 1);
    }

    /** Kills node {@code n} with SIGKILL, as a power cut or the kernel's OOM killer would, and waits until it is gone. */
    void kill9(int n) throws Exception {
        long pid = Long.parseLong(Files.readString(runDir.resolve("node-" + n + ".pid")).strip());
        ProcessHandle node = ProcessHandle.of(pid).orElseThrow();
        assertThat(node.destroyForcibly()).isTrue();
        node.onExit().get(30, TimeUnit.SECONDS);
    }

    /** {@code deploy/run-cluster.sh status}: its output. */
    String status() throws Exception {
        return script("status", 1);
    }

    /** The last lines of node {@code n}'s log, for failure messages. */
    String logTail(int n) {
        try {
            return ProductionJar.lastLines(Files.readString(runDir.resolve("node-" + n + ".log")), 40);
        } catch (IOException e) {
            return "(no log)";
        }
    }

    /** POST of a JSON body with HTTP Basic through the proxy. */
    HttpResponse<String> post(String path, String user, String json) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", basic(user)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** PUT of a JSON body with HTTP Basic to {@code base} (the proxy or a node). */
    HttpResponse<String> put(String base, String path, String user, String json) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", basic(user)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** GET with HTTP Basic to {@code base} (the proxy or a node). */
    HttpResponse<String> get(String base, String path, String user) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", basic(user)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Demo accounts only: every demo account's password is "gateway". */
    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":gateway").getBytes(StandardCharsets.UTF_8));
    }

    /** Stops nginx and the nodes with {@code deploy/run-cluster.sh stop}. */
    @Override
    public void close() throws Exception {
        script("stop", 2);
    }

    private String script(String command, int minutes) throws Exception {
        Path out = Files.createTempFile(runDir, "run-cluster-" + command, ".out");
        ProcessBuilder pb = new ProcessBuilder("deploy/run-cluster.sh", command).redirectErrorStream(true)
                .redirectOutput(out.toFile());
        pb.environment().putAll(environment);
        Process p = pb.start();
        boolean finished = p.waitFor(minutes, TimeUnit.MINUTES);
        String output = Files.readString(out);
        if (!finished) {
            p.destroyForcibly();
        }
        assertThat(finished).as("run-cluster.sh %s did not finish within %d min:\n%s", command, minutes, output)
                .isTrue();
        if (!command.equals("status")) {
            assertThat(p.exitValue()).as("run-cluster.sh %s failed:\n%s\nnode-1:\n%s\nnode-2:\n%s", command, output,
                    logTail(1), logTail(2)).isZero();
        }
        return output;
    }

    private static List<Integer> freePorts(int n) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                sockets.add(new ServerSocket(0));
            }
            return sockets.stream().map(ServerSocket::getLocalPort).toList();
        } finally {
            for (ServerSocket s : sockets) {
                s.close();
            }
        }
    }
}
