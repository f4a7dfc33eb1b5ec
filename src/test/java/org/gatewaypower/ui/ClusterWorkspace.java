package org.gatewaypower.ui;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.openqa.selenium.Cookie;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A small workspace made through the cluster's API (NASA owns it, ESA edits in it: one element, a battery, an
 * array and a few loads, all in view without scrolling), and what the cluster tests do with it in browsers.
 */
final class ClusterWorkspace {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    /** Two JVMs, nginx and up to three browsers share 2 cores: pages may take a while. */
    static final Duration PATIENCE = Duration.ofSeconds(30);

    private final long id;
    private final List<Long> loadIds;

    private ClusterWorkspace(long id, List<Long> loadIds) {
        this.id = id;
        this.loadIds = loadIds;
    }

    static ClusterWorkspace create(Cluster cluster, String name, int loads) throws Exception {
        String base = cluster.url();
        long ws = post(cluster, "/api/v1/workspaces", "{\"name\":\"" + name + "\",\"teamCodes\":[\"NASA\",\"ESA\"]}");
        String w = "/api/v1/workspaces/" + ws;
        assertThat(cluster.put(base, w + "/members/esa", "nasa", "{\"role\":\"EDITOR\"}").statusCode()).isEqualTo(200);
        long mode = post(cluster, w + "/modes", "{\"name\":\"Crewed\"}");
        long element = post(cluster, w + "/elements", "{\"name\":\"HALO\",\"kind\":\"HALO\",\"ownerTeamCode\":\"NASA\"}");
        post(cluster, w + "/batteries", "{\"elementId\":" + element + ",\"name\":\"Battery\",\"capacityJ\":1.08e8,"
                + "\"minStateOfCharge\":0.3,\"maxStateOfCharge\":1,\"chargeEfficiency\":0.95,\"dischargeEfficiency\":0.95,"
                + "\"maxChargePowerW\":6000,\"maxDischargePowerW\":12000,\"initialStateOfCharge\":1}");
        post(cluster, w + "/arrays", "{\"elementId\":" + element + ",\"name\":\"Wing\",\"ratedPowerW\":20000,"
                + "\"degradationPerYear\":0.0075,\"pathEfficiency\":0.9}");
        create(cluster, w + "/design-case", "{\"activeModeId\":" + mode + ",\"orbitPeriodS\":566991,"
                + "\"eclipseDurationS\":5400,\"arrayAgeYears\":15}");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < loads; i++) {
            ids.add(post(cluster, w + "/loads", "{\"elementId\":" + element + ",\"name\":\"Load " + (i + 1) + "\","
                    + "\"subsystem\":\"ECLSS\",\"bus\":\"V120\",\"quantity\":1,\"standbyPowerW\":5,"
                    + "\"operatingPowerW\":" + (100 + i) + ",\"peakPowerW\":20000,\"dutyByMode\":{\"" + mode + "\":1},"
                    + "\"maturity\":\"MODIFIED\",\"priority\":\"CRITICAL\"}"));
        }
        return new ClusterWorkspace(ws, ids);
    }

    long id() {
        return id;
    }

    String loadName(int index) {
        return "Load " + (index + 1);
    }

    String loadPath(int index) {
        return "/api/v1/workspaces/" + id + "/loads/" + loadIds.get(index);
    }

    JsonNode load(Cluster cluster, int index) throws Exception {
        return load(cluster, cluster.url(), index);
    }

    JsonNode load(Cluster cluster, String base, int index) throws Exception {
        HttpResponse<String> r = cluster.get(base, loadPath(index), "nasa");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    /** Saves a new operating power through {@code base} (the proxy or one node). */
    void changeOperatingPower(Cluster cluster, String base, String loadName, double watts) throws Exception {
        int index = Integer.parseInt(loadName.substring("Load ".length())) - 1;
        ObjectNode body = (ObjectNode) load(cluster, base, index);
        body.put("operatingPowerW", watts);
        HttpResponse<String> r = cluster.put(base, loadPath(index), "nasa", JSON.writeValueAsString(body));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    /** The minimum state of charge as the workspace page prints it, from the saved state. */
    String minSocText(Cluster cluster) throws Exception {
        HttpResponse<String> r = cluster.get(cluster.url(), "/api/v1/workspaces/" + id + "/balance", "nasa");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return String.format(Locale.US, "%.1f %%", JSON.readTree(r.body()).get("minStateOfChargePercent").asDouble());
    }

    /**
     * A browser signed in on the given node, showing the workspace. The proxy's node cookie is set before the
     * sign-in, as the node's own answers would set it, so that the test chooses the node.
     */
    static BrowserSession openOn(Cluster cluster, String node, String user, long workspaceId) throws Exception {
        BrowserSession b = new BrowserSession(cluster.url());
        try {
            b.open("/actuator/health/liveness");
            // The page's favicon request may still be on its way and bring the cookie of the node that served
            // it: set the cookie again until a request is served by the node chosen.
            b.waitFor(PATIENCE, d -> {
                d.manage().addCookie(new Cookie("gateway_node", node));
                return node.equals(servedBy(b));
            });
            try {
                b.signIn(user, "gateway", PATIENCE);
            } catch (org.openqa.selenium.TimeoutException once) {
                // Seen twice in about ten runs, only with the machine's load average above 15: the sign-in page
                // came back empty after the form was sent (cause not found yet; nginx's log now records each
                // redirect's Location). Everything judged below starts after a sign-in, so one more try.
                b.screenshot("cluster-sign-in-retried-" + node + "-" + user);
                b.signIn(user, "gateway", PATIENCE);
            }
            b.open("/workspace/" + workspaceId);
            b.waitFor(PATIENCE, d -> d.findElement(org.openqa.selenium.By.id("result-min-soc")));
            assertThat(servedBy(b)).isEqualTo(node);
            return b;
        } catch (RuntimeException | AssertionError e) {
            b.screenshot("cluster-open-" + node + "-" + user);
            b.close();
            throw e;
        }
    }

    /** The node that serves this browser's requests now (the proxy's routing, with the browser's cookies). */
    static String servedBy(BrowserSession b) {
        return (String) b.script("const x = new XMLHttpRequest(); x.open('GET', '/login', false); x.send();"
                + " return x.getResponseHeader('X-Gateway-Node');");
    }

    /**
     * Opens the row's editor by double-click. A push that re-renders the grid between the two clicks swallows
     * the double-click, so it is repeated until the editor shows.
     */
    static void openEditor(BrowserSession b, String loadName) {
        b.waitForServer();
        b.waitFor(PATIENCE, d -> {
            b.doubleClick(b.cell("load-grid", loadName));
            try {
                return b.waitFor(Duration.ofSeconds(5), x -> b.displayed("load-editor-operatingPowerW"));
            } catch (org.openqa.selenium.TimeoutException notYet) {
                return false;
            }
        });
    }

    /** Edits as a user does: double-click the row, type the operating power, Enter; waits until saved. */
    static void editOperatingPower(BrowserSession b, String loadName, double watts) {
        openEditor(b, loadName);
        b.typeAndEnter("load-editor-operatingPowerW", String.valueOf((long) watts));
        b.waitFor(PATIENCE, d -> !b.displayed("load-editor-operatingPowerW"));
    }

    private static long post(Cluster cluster, String path, String body) throws Exception {
        return create(cluster, path, body).get("id").asLong();
    }

    private static JsonNode create(Cluster cluster, String path, String body) throws Exception {
        HttpResponse<String> r = cluster.post(path, "nasa", body);
        assertThat(r.statusCode()).as("POST %s: %s", path, r.body()).isBetween(200, 201);
        return JSON.readTree(r.body());
    }
}
