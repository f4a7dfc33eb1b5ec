package org.gatewaypower.ui;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.openqa.selenium.By;

import tools.jackson.databind.json.JsonMapper;

/**
 * The cluster's figures for the README (a harness, not a test: it prints, it does not judge). Starts the two-node
 * cluster as {@code ClusterIT} does, then:
 * <ol>
 * <li>live update: a browser on node 1 edits a load 20 times (typing, Enter); another browser on node 1 and one on
 * node 2 watch the minimum state of charge. Each page stamps, with the machine's clock, the moment of the Enter and
 * the moment the new figure appears (polled every 5 ms in the page), so the delay is measured without the
 * WebDriver round trips. Median and p95 for the same node and across nodes;</li>
 * <li>node loss: four API editors work through the proxy, node 1 is killed with SIGKILL; acknowledged edits lost,
 * and the time until the browser that was on node 1 shows its message and, after a new sign-in, is served by
 * node 2.</li>
 * </ol>
 * Run (after {@code ./mvnw test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * -Dmdep.includeScope=test}), with a PostgreSQL database and a production jar:
 * <pre>
 * GATEWAY_TEST_CLUSTER_POSTGRES_URL=jdbc:postgresql://localhost:5432/gp_measure GATEWAY_TEST_PRODUCTION_JAR=target/...jar \
 *   java -cp "target/test-classes:target/classes:$(cat target/cp.txt)" org.gatewaypower.ui.ClusterMeasurement
 * </pre>
 */
public final class ClusterMeasurement {

    private static final int EDITS = 20;
    private static final Duration PATIENCE = ClusterWorkspace.PATIENCE;

    /** Records in the page when the minimum state of charge changes: [time (ms since the epoch), text]. */
    private static final String WATCH_MIN_SOC = "window.__socChanges = []; let last = null;"
            + " setInterval(() => { const e = document.getElementById('result-min-soc');"
            + " const t = e ? e.textContent : null; if (t !== last) { last = t; window.__socChanges.push([Date.now(), t]); } }, 5);";
    /** Records in the page when Enter goes down in an input (capture phase: before the page's own handlers). */
    private static final String WATCH_ENTER = "window.__enters = []; document.addEventListener('keydown',"
            + " e => { if (e.key === 'Enter') window.__enters.push(Date.now()); }, true);";

    private ClusterMeasurement() {
    }

    public static void main(String[] args) throws Exception {
        String missing = Cluster.unavailable();
        if (missing != null) {
            throw new IllegalStateException(missing);
        }
        Path jar = ProductionJar.get();
        try (Cluster cluster = Cluster.start(jar)) {
            ClusterWorkspace ws = ClusterWorkspace.create(cluster, "Measurement " + System.nanoTime(), 8);
            List<Long> sameNode = new ArrayList<>();
            List<Long> crossNode = new ArrayList<>();
            try (BrowserSession editor = ClusterWorkspace.openOn(cluster, "node-1", "nasa", ws.id());
                 BrowserSession beside = ClusterWorkspace.openOn(cluster, "node-1", "esa", ws.id());
                 BrowserSession across = ClusterWorkspace.openOn(cluster, "node-2", "esa", ws.id())) {
                editor.script(WATCH_ENTER);
                beside.script(WATCH_MIN_SOC);
                across.script(WATCH_MIN_SOC);
                for (int i = 0; i < EDITS; i++) {
                    // alternating powers, each a different minimum state of charge
                    ClusterWorkspace.editOperatingPower(editor, ws.loadName(0), 1_000 + 150 * i);
                    String expected = ws.minSocText(cluster);
                    long enter = ((Number) editor.script("return window.__enters[window.__enters.length - 1];"))
                            .longValue();
                    sameNode.add(shownAt(beside, expected) - enter);
                    crossNode.add(shownAt(across, expected) - enter);
                }
            }
            System.out.printf(Locale.US, "Live update, %d edits, Enter on node 1 to the new minimum state of charge"
                            + " shown: same node median %d ms, p95 %d ms; across nodes median %d ms, p95 %d ms%n",
                    EDITS, percentile(sameNode, 50), percentile(sameNode, 95), percentile(crossNode, 50),
                    percentile(crossNode, 95));
            measureNodeLoss(cluster, ws);
        }
    }

    private static void measureNodeLoss(Cluster cluster, ClusterWorkspace ws) throws Exception {
        try (BrowserSession onNode1 = ClusterWorkspace.openOn(cluster, "node-1", "nasa", ws.id())) {
            ClusterIT.EditorsAtWork editors = new ClusterIT.EditorsAtWork(cluster, ws, JsonMapper.builder().build(),
                    4, 3);
            long killed = editors.killNodeMidway(1, 20);
            int beforeKill = editors.acknowledgedBeforeKill();
            // the user of node 1 acts (opens an editor): the page finds its session gone and says so
            onNode1.doubleClick(onNode1.cell("load-grid", ws.loadName(1)));
            onNode1.waitFor(PATIENCE, d -> d.findElements(By.cssSelector(".v-system-error")).stream()
                    .anyMatch(e -> e.isDisplayed()));
            long told = System.nanoTime();
            onNode1.driver().findElement(By.cssSelector(".v-system-error")).click();
            onNode1.waitFor(PATIENCE, d -> d.getCurrentUrl().contains("/login"));
            onNode1.signIn("nasa", "gateway", PATIENCE);
            onNode1.open("/workspace/" + ws.id());
            onNode1.text("result-min-soc");
            long served = System.nanoTime();
            System.out.printf(Locale.US, "Kill -9 of node 1 with 4 API editors: %d edits acknowledged (%d before the"
                            + " kill), %d lost; node 1's browser told after %.1f s (its next action), served by node 2"
                            + " after %.1f s (sign-in by the test included); node 1 now %s%n", editors.acknowledged(),
                    beforeKill, editors.lost().size(), (told - killed) / 1e9, (served - killed) / 1e9,
                    ClusterWorkspace.servedBy(onNode1));
        }
    }

    /** When the watching page first showed {@code text}, by its own clock (ms since the epoch). */
    private static long shownAt(BrowserSession watcher, String text) {
        Object at = watcher.waitFor(PATIENCE, d -> watcher.script("const c = window.__socChanges.filter(x => x[1] === arguments[0]);"
                + " return c.length ? c[c.length - 1][0] : null;", text));
        return ((Number) at).longValue();
    }

    private static long percentile(List<Long> values, int p) {
        List<Long> sorted = values.stream().sorted().toList();
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index));
    }
}
