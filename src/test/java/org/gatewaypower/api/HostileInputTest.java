package org.gatewaypower.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

import org.gatewaypower.SpringTestBase;
import org.gatewaypower.security.ApiTokenService;
import org.gatewaypower.workspace.MembershipService;
import org.gatewaypower.workspace.Operations;
import org.gatewaypower.workspace.OperationsService;
import org.gatewaypower.workspace.PhaseKind;
import org.gatewaypower.workspace.StructureService;
import org.gatewaypower.workspace.TestWorkspaces;
import org.gatewaypower.workspace.TestWorkspaces.Fixture;
import org.gatewaypower.workspace.WorkspaceRole;
import org.gatewaypower.workspace.WorkspaceService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Fuzzes every write endpoint of the API with generated hostile requests (wrong types, missing, extra and
 * null fields, negative, zero, huge and non-finite numbers, 1,001-digit numbers, fractional integers, enum
 * ordinals, overlong strings, control characters, stale versions, ids of other workspaces, malformed JSON,
 * wrong content types and methods) and asserts, for every one of them: no answer of 500 or above, no
 * answer of 2xx (each probe here must be refused; the status it must get is part of the probe), an RFC 7807
 * problem body naming the field at fault (as the client named it), and, read back through the API, the
 * workspaces, members, timeline, baselines, variants, history, accounts and teams exactly as before. Each
 * endpoint group ends with one valid request that must be accepted, so the probes are known to reach the
 * rules they aim at rather than fail for an unrelated reason.
 *
 * <p>Conflicts: a duplicate name is a broken rule of the named field (400), like every other name rule of
 * the API; 409 is kept for stale versions and for the database's safety net.
 */
class HostileInputTest extends SpringTestBase {

    private static final String API = "/api/v1";
    private static final String WS = API + "/workspaces";
    private static final String RAW = "\"__RAW__\"";
    private static final String DIGITS_1001 = "9".repeat(1001);
    private static final String ADMIN = TestWorkspaces.SEEDER;

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ObjectMapper mapper;

    @Autowired
    WorkspaceService service;

    @Autowired
    TestWorkspaces fixtures;

    @Autowired
    MembershipService membership;

    @Autowired
    StructureService structure;

    @Autowired
    OperationsService operations;

    @Autowired
    ApiTokenService tokens;

    private String nasaToken;
    private String adminToken;
    private final Map<String, Double> groupSeconds = new LinkedHashMap<>();

    /** One hostile request and what it must get. */
    record Probe(String label, HttpMethod method, String path, MediaType type, Object body, Set<Integer> statuses,
                 String field, boolean fieldPrefix, boolean admin) {
    }

    /** What the probes found. */
    private final List<String> failures = new ArrayList<>();
    private final Map<Integer, Integer> statusCounts = new TreeMap<>();
    private final Map<String, Integer> groupSizes = new LinkedHashMap<>();
    private int probes;
    private int controls;

    private Fixture f;
    private Fixture other;
    private long bareWorkspace;
    private long bareMode;
    private long phaseId;
    private long orionId;
    private String variantName;
    private String baselineName;

    // ---------------------------------------------------------------- the corpus

    @Test
    void hostile_requests_are_refused_with_problems_naming_the_field_and_change_nothing() throws Exception {
        long started = System.nanoTime();
        setUp();
        try {
            run();
        } finally {
            System.out.printf("HostileInputTest: %d probes in %d groups (+%d accepted controls), %.1f s; "
                    + "statuses %s; probes by group %s; seconds by group %s%n", probes, groupSizes.size(), controls,
                    (System.nanoTime() - started) / 1e9, statusCounts, groupSizes, groupSeconds);
            failures.stream().limit(300).forEach(x -> System.out.println("HOSTILE FAILURE " + x));
        }
        assertThat(failures).as("probes answered wrongly (of %d)", probes).isEmpty();
        if (System.getProperty("hostile.only") == null) {
            assertThat(probes).as("probes in the corpus").isGreaterThanOrEqualTo(1_500);
        }
        assertThat(statusCounts.keySet()).as("statuses").allMatch(s -> s >= 400 && s < 500);
    }

    private void run() throws Exception {

        group("workspace create", () -> workspaceCreate(), () -> post(WS, json(
                "{\"name\":\"Hostile control " + UUID.randomUUID() + "\",\"teamCodes\":[\"NASA\"]}"), false));
        group("element create", this::elementCreate, () -> post(ws("/elements"), json(
                "{\"name\":\"Control element " + shortId() + "\",\"kind\":\"HALO\",\"ownerTeamCode\":\"ESA\"}"), false));
        group("element update", this::elementUpdate, () -> put(ws("/elements/" + f.elementId()),
                json(elementBody().toString()), false));
        group("element delete", () -> deletes("/elements/" + f.elementId(), "elementId",
                version(element(f.elementId())), other.elementId()), null);
        group("mode create", this::modeCreate, () -> post(ws("/modes"), json(
                "{\"name\":\"Control mode " + shortId() + "\",\"description\":\"x\",\"sortOrder\":5}"), false));
        group("mode update", this::modeUpdate, () -> put(ws("/modes/" + f.otherModeId()), json(modeBody().toString()),
                false));
        group("mode delete", () -> deletes("/modes/" + f.otherModeId(), "modeId", version(mode(f.otherModeId())),
                other.otherModeId()), null);
        group("load create", this::loadCreate, () -> post(ws("/loads"), json(loadBody(false).toString()), false));
        group("load update", this::loadUpdate, () -> put(ws("/loads/" + load()), json(loadBody(true).toString()),
                false));
        group("load delete", () -> deletes("/loads/" + load(), "loadId", version(loadNode(load())),
                other.loadIds().get(0)), null);
        group("battery create", () -> batteryProbes(false), () -> post(ws("/batteries"),
                json(batteryBody(false).toString()), false));
        group("battery update", () -> batteryProbes(true), () -> put(ws("/batteries/" + f.batteryId()),
                json(batteryBody(true).toString()), false));
        group("battery delete", () -> deletes("/batteries/" + f.batteryId(), "batteryId",
                version(battery(f.batteryId())), other.batteryId()), null);
        group("array create", () -> arrayProbes(false), () -> post(ws("/arrays"), json(arrayBody(false).toString()),
                false));
        group("array update", () -> arrayProbes(true), () -> put(ws("/arrays/" + f.arrayId()),
                json(arrayBody(true).toString()), false));
        group("array delete", () -> deletes("/arrays/" + f.arrayId(), "arrayId", version(array(f.arrayId())),
                other.arrayId()), null);
        group("design case create", this::designCaseCreate, () -> post(WS + "/" + bareWorkspace + "/design-case",
                json("{\"activeModeId\":" + bareMode + ",\"orbitPeriodS\":566991,\"eclipseDurationS\":5400,"
                        + "\"arrayAgeYears\":15}"), false));
        group("design case update", this::designCaseUpdate, () -> put(ws("/design-case"),
                json(designCaseBody().toString()), false));
        group("operations create", () -> phaseProbes(false), () -> post(ws("/operations"), json(
                "{\"name\":\"Control\",\"kind\":\"EVA\",\"modeId\":" + f.activeModeId()
                        + ",\"start\":\"2027-03-01T00:00:00Z\",\"end\":\"2027-03-02T00:00:00Z\"}"), false));
        group("operations update", () -> phaseProbes(true), () -> put(ws("/operations/" + phaseId),
                json(phaseBody(true).toString()), false));
        group("operations delete", () -> phaseDeletes(), null);
        group("dockings create", this::dockingProbes, () -> post(ws("/dockings"), json(dockingBody().toString()),
                false));
        group("baselines", this::baselineProbes, () -> post(ws("/baselines"), json(
                "{\"name\":\"Control " + shortId() + "\",\"description\":\"d\"}"), false));
        group("variants", this::variantProbes, () -> post(ws("/variants"), json(
                "{\"name\":\"Control " + shortId() + "\"}"), false));
        group("members", this::memberProbes, () -> put(ws("/members/observer"), json("{\"role\":\"VIEWER\"}"),
                false));
        group("users", this::userProbes, () -> post(API + "/users", json("{\"username\":\"hostile" + shortId()
                .toLowerCase() + "\",\"displayName\":\"Hostile control\",\"password\":\"hostile control passphrase\","
                + "\"teamCode\":\"ESA\",\"admin\":false}"), true));
        group("teams", this::teamProbes, () -> post(API + "/teams", json("{\"code\":\"H" + shortId()
                .toUpperCase().replaceAll("[^A-Z0-9]", "") .substring(0, 6) + "\",\"name\":\"Control team\"}"), true));
        group("restores", this::restoreProbes, () -> post(API + "/loads/" + load() + "/restore", json(
                "{\"revision\":" + lastRevision() + ",\"expectedVersion\":" + version(loadNode(load())) + "}"),
                false));
        group("analysis", this::analysisProbes, () -> post(ws("/analysis"), json("{\"life\":\"EOL\","
                + "\"maxPoints\":200}"), false));
        group("spreadsheet import", this::importProbes, () -> exchange(HttpMethod.POST, ws("/elements/"
                + f.elementId() + "/import?dryRun=true"), MediaType.MULTIPART_FORM_DATA, csvUpload(
                "Name,Operating power (W)\r\nCabin fan,120\r\n"), false));
        group("archive import", this::archiveProbes, () -> exchange(HttpMethod.POST, API
                + "/workspace-archives?name=" + "Archive%20control%20" + shortId(), MediaType.APPLICATION_JSON,
                archive().getBytes(StandardCharsets.UTF_8), false));

    }

    // ---------------------------------------------------------------- groups

    private List<Probe> workspaceCreate() {
        ObjectNode valid = obj("{\"name\":\"Hostile ws\",\"description\":\"d\",\"teamCodes\":[\"NASA\"]}");
        List<Probe> list = new ArrayList<>();
        list.addAll(fields(HttpMethod.POST, WS, valid, List.of(
                text("name", 120, true, false, "\"" + f.name() + "\""),
                text("description", 2000, false, true),
                set("teamCodes"))));
        list.addAll(body(HttpMethod.POST, WS, valid));
        return list;
    }

    private List<Probe> elementCreate() {
        ObjectNode valid = obj("{\"name\":\"New element\",\"kind\":\"HALO\",\"ownerTeamCode\":\"NASA\"}");
        List<Probe> list = new ArrayList<>(fields(HttpMethod.POST, ws("/elements"), valid, List.of(
                text("name", 120, true, false, "\"HALO\"", "\"halo\""),
                enumField("kind", true, "\"halo\""),
                code("ownerTeamCode", true))));
        list.addAll(body(HttpMethod.POST, ws("/elements"), valid));
        list.add(probe("other workspace path", HttpMethod.POST, WS + "/99999999/elements", valid.toString(),
                Set.of(403, 404), null));
        return list;
    }

    private List<Probe> elementUpdate() throws Exception {
        ObjectNode valid = elementBody();
        String path = ws("/elements/" + f.elementId());
        List<Probe> list = new ArrayList<>(fields(HttpMethod.PUT, path, valid, List.of(
                text("name", 120, true, false),
                enumField("kind", true),
                code("ownerTeamCode", true))));
        list.addAll(versions(HttpMethod.PUT, path, valid));
        list.addAll(body(HttpMethod.PUT, path, valid));
        list.add(probe("element of another workspace", HttpMethod.PUT, ws("/elements/" + other.elementId()),
                valid.toString(), Set.of(404), null));
        list.add(probe("unknown element", HttpMethod.PUT, ws("/elements/99999999"), valid.toString(), Set.of(404),
                null));
        list.add(probe("PATCH", HttpMethod.PATCH, path, valid.toString(), Set.of(405), null));
        return list;
    }

    private List<Probe> modeCreate() {
        ObjectNode valid = obj("{\"name\":\"New mode\",\"description\":\"d\",\"sortOrder\":3}");
        List<Probe> list = new ArrayList<>(fields(HttpMethod.POST, ws("/modes"), valid, List.of(
                text("name", 60, true, false, "\"Crewed\"", "\"CREWED\"", "\"  Uncrewed  \""),
                text("description", 500, false, true),
                integer("sortOrder", false))));
        list.addAll(body(HttpMethod.POST, ws("/modes"), valid));
        return list;
    }

    private List<Probe> modeUpdate() throws Exception {
        ObjectNode valid = modeBody();
        String path = ws("/modes/" + f.otherModeId());
        List<Probe> list = new ArrayList<>(fields(HttpMethod.PUT, path, valid, List.of(
                text("name", 60, true, false, "\"Crewed\"", "\"crewed\""),
                text("description", 500, false, true),
                integer("sortOrder", false))));
        list.addAll(versions(HttpMethod.PUT, path, valid));
        list.addAll(body(HttpMethod.PUT, path, valid));
        list.add(probe("mode of another workspace", HttpMethod.PUT, ws("/modes/" + other.otherModeId()),
                valid.toString(), Set.of(404), null));
        return list;
    }

    private List<Probe> loadCreate() throws Exception {
        ObjectNode valid = loadBody(false);
        return loadProbes(HttpMethod.POST, ws("/loads"), valid);
    }

    private List<Probe> loadUpdate() throws Exception {
        ObjectNode valid = loadBody(true);
        String path = ws("/loads/" + load());
        List<Probe> list = loadProbes(HttpMethod.PUT, path, valid);
        list.addAll(versions(HttpMethod.PUT, path, valid));
        list.add(probe("load of another workspace", HttpMethod.PUT, ws("/loads/" + other.loadIds().get(0)),
                valid.toString(), Set.of(404), null));
        list.add(probe("load through another workspace", HttpMethod.PUT, WS + "/" + other.workspaceId() + "/loads/"
                + load(), valid.toString(), Set.of(404), null));
        list.add(probe("PATCH", HttpMethod.PATCH, path, valid.toString(), Set.of(405), null));
        return list;
    }

    private List<Probe> loadProbes(HttpMethod method, String path, ObjectNode valid) {
        String active = String.valueOf(f.activeModeId());
        List<Probe> list = new ArrayList<>(fields(method, path, valid, List.of(
                id("elementId", true, other.elementId()),
                text("name", 120, true, false),
                text("subsystem", 60, false, false),
                enumField("bus", true, "\"v120\""),
                integer("quantity", true, "0", "-1", "10001", "-2147483649"),
                number("standbyPowerW", true, "-1", "1000001"),
                number("operatingPowerW", true, "-0.001", "1e7"),
                number("peakPowerW", true, "-5", "1e6000", "100"),
                duty("dutyByMode", active, String.valueOf(other.activeModeId())),
                enumField("maturity", true, "\"modified\""),
                enumField("priority", true, "\"critical\""))));
        list.addAll(body(method, path, valid));
        return list;
    }

    private List<Probe> batteryProbes(boolean update) throws Exception {
        ObjectNode valid = batteryBody(update);
        String path = update ? ws("/batteries/" + f.batteryId()) : ws("/batteries");
        HttpMethod method = update ? HttpMethod.PUT : HttpMethod.POST;
        List<Field> specs = new ArrayList<>(List.of(
                text("name", 120, true, false),
                number("capacityJ", true, "0", "-1", "3.7e10"),
                number("minStateOfCharge", true, "-0.1", "1", "0.995"),
                number("maxStateOfCharge", true, "0", "1.01"),
                number("chargeEfficiency", true, "0", "1.5", "-1"),
                number("dischargeEfficiency", true, "0", "1.0000001"),
                number("maxChargePowerW", true, "-1", "1.1e7"),
                number("maxDischargePowerW", true, "-1", "1.1e7"),
                number("initialStateOfCharge", true, "0.1", "1.2", "-0.5"),
                number("capacityFadePerYear", false, "-0.01", "0.21")));
        if (!update) {
            specs.add(id("elementId", true, other.elementId()));
            specs.add(code("ownerTeamCode", false));
        }
        List<Probe> list = new ArrayList<>(fields(method, path, valid, specs));
        list.addAll(body(method, path, valid));
        if (update) {
            list.addAll(versions(method, path, valid));
            list.add(probe("battery of another workspace", HttpMethod.PUT, ws("/batteries/" + other.batteryId()),
                    valid.toString(), Set.of(404), null));
        }
        return list;
    }

    private List<Probe> arrayProbes(boolean update) throws Exception {
        ObjectNode valid = arrayBody(update);
        String path = update ? ws("/arrays/" + f.arrayId()) : ws("/arrays");
        HttpMethod method = update ? HttpMethod.PUT : HttpMethod.POST;
        List<Field> specs = new ArrayList<>(List.of(
                text("name", 120, true, false),
                number("ratedPowerW", true, "-1", "1.1e7"),
                number("degradationPerYear", true, "-0.01", "0.51"),
                number("pathEfficiency", true, "0", "1.01"),
                number("incidenceDeg", false, "-1", "90.5"),
                number("temperatureCoefficientPerK", false, "0.011", "-0.02"),
                number("temperatureOffsetK", false, "-151", "150.5")));
        if (!update) {
            specs.add(id("elementId", true, other.elementId()));
        }
        List<Probe> list = new ArrayList<>(fields(method, path, valid, specs));
        list.addAll(body(method, path, valid));
        if (update) {
            list.addAll(versions(method, path, valid));
            list.add(probe("array of another workspace", HttpMethod.PUT, ws("/arrays/" + other.arrayId()),
                    valid.toString(), Set.of(404), null));
        }
        return list;
    }

    private List<Probe> designCaseCreate() throws Exception {
        String path = WS + "/" + bareWorkspace + "/design-case";
        ObjectNode valid = obj("{\"activeModeId\":" + bareMode + ",\"orbitPeriodS\":566991,\"eclipseDurationS\":5400,"
                + "\"arrayAgeYears\":15,\"spanStart\":\"2027-01-01T00:00:00Z\",\"spanDays\":59}");
        List<Probe> list = new ArrayList<>(fields(HttpMethod.POST, path, valid, List.of(
                id("activeModeId", true, f.activeModeId()),
                number("orbitPeriodS", true, "59", "8640001"),
                number("eclipseDurationS", true, "-1", "566991", "600000"),
                number("arrayAgeYears", true, "-1", "50.5"),
                instant("spanStart", false, "\"2099-12-01T00:00:00Z\""),
                number("spanDays", false, "0", "0.5", "7306"))));
        list.addAll(body(HttpMethod.POST, path, valid));
        list.add(probe("second design case", HttpMethod.POST, ws("/design-case"), designCaseBody().toString(),
                Set.of(400, 409), null));
        return list;
    }

    private List<Probe> designCaseUpdate() throws Exception {
        ObjectNode valid = designCaseBody();
        String path = ws("/design-case");
        List<Probe> list = new ArrayList<>(fields(HttpMethod.PUT, path, valid, List.of(
                id("activeModeId", true, other.activeModeId()),
                number("orbitPeriodS", true, "59", "8640001"),
                number("eclipseDurationS", true, "-1", "600000"),
                number("arrayAgeYears", true, "-1", "51"),
                enumField("timeline", false, "\"ephemeris\""),
                instant("periluneEpoch", false),
                instant("spanStart", false, "\"2099-12-01T00:00:00Z\""),
                number("spanDays", false, "0", "7306"),
                number("failedCapacityShare", false, "-0.1", "0.95"),
                enumField("marginPolicy", false),
                number("transferLimitW", false, "-1", "1.1e7"),
                instant("bolDate", false))));
        list.addAll(versions(HttpMethod.PUT, path, valid));
        list.addAll(body(HttpMethod.PUT, path, valid));
        return list;
    }

    private List<Probe> phaseProbes(boolean update) throws Exception {
        ObjectNode valid = phaseBody(update);
        String path = update ? ws("/operations/" + phaseId) : ws("/operations");
        HttpMethod method = update ? HttpMethod.PUT : HttpMethod.POST;
        List<Probe> list = new ArrayList<>(fields(method, path, valid, List.of(
                text("name", 120, true, false),
                enumField("kind", true, "\"eva\""),
                id("modeId", true, other.activeModeId()),
                update ? instant("start", true) : instant("start", true, "\"2027-01-15T00:00:00Z\""),
                instant("end", true, "\"2027-04-01T00:00:00Z\"", "\"2049-01-01T00:00:00Z\""))));
        list.addAll(body(method, path, valid));
        if (update) {
            list.addAll(versions(method, path, valid));
            list.add(probe("phase through another workspace", HttpMethod.PUT, WS + "/" + other.workspaceId()
                    + "/operations/" + phaseId, valid.toString(), Set.of(404), null));
        } else {
            ObjectNode overlap = valid.deepCopy();
            overlap.put("start", "2027-01-12T00:00:00Z");
            overlap.put("end", "2027-01-14T00:00:00Z");
            list.add(probe("overlapping phase", method, path, overlap.toString(), Set.of(400), "start"));
        }
        return list;
    }

    private ObjectNode dockingBody() {
        return obj("{\"vehicleElementId\":" + orionId + ",\"start\":\"2027-05-01T00:00:00Z\","
                + "\"end\":\"2027-05-20T00:00:00Z\",\"exportW\":2000,\"note\":\"Visit\"}");
    }

    /** A docking: the vehicle must be an Orion/HLS/logistics element of this workspace (the fixture's HALO is not). */
    private List<Probe> dockingProbes() throws Exception {
        ObjectNode valid = dockingBody();
        String path = ws("/dockings");
        List<Probe> list = new ArrayList<>(fields(HttpMethod.POST, path, valid, List.of(
                id("vehicleElementId", true, other.elementId()),
                instant("start", true),
                instant("end", true, "\"2027-04-01T00:00:00Z\"", "\"2049-01-01T00:00:00Z\""),
                number("exportW", true, "100001", "1e6"),
                text("note", 500, false, true))));
        list.addAll(body(HttpMethod.POST, path, valid));
        ObjectNode notVehicle = valid.deepCopy();
        notVehicle.put("vehicleElementId", f.elementId());
        list.add(probe("element not a vehicle", HttpMethod.POST, path, notVehicle.toString(), Set.of(400),
                "vehicleElementId"));
        return list;
    }

    private List<Probe> phaseDeletes() throws Exception {
        long v = version(phaseNode());
        String path = ws("/operations/" + phaseId);
        List<Probe> list = new ArrayList<>();
        list.add(probe("no version", HttpMethod.DELETE, path, null, Set.of(400), "version"));
        for (String bad : List.of("abc", "1.5", "", DIGITS_1001, "99999999999999999999", "1e3")) {
            list.add(probe("version " + abbreviate(bad), HttpMethod.DELETE, path + "?version=" + bad, null,
                    Set.of(400), "version"));
        }
        list.add(probe("stale version", HttpMethod.DELETE, path + "?version=" + (v + 7), null, Set.of(409), null));
        list.add(probe("other workspace", HttpMethod.DELETE, WS + "/" + other.workspaceId() + "/operations/" + phaseId
                + "?version=" + v, null, Set.of(404), null));
        list.add(probe("unknown phase", HttpMethod.DELETE, ws("/operations/99999999?version=0"), null, Set.of(404),
                null));
        list.add(probe("phase id text", HttpMethod.DELETE, ws("/operations/abc?version=0"), null, Set.of(400),
                "phaseId"));
        return list;
    }

    private List<Probe> baselineProbes() {
        String path = ws("/baselines");
        ObjectNode valid = obj("{\"name\":\"Hostile baseline\",\"description\":\"d\"}");
        List<Probe> list = new ArrayList<>(fields(HttpMethod.POST, path, valid, List.of(
                text("name", 120, true, false, "\"" + baselineName + "\""),
                text("description", 2000, false, true))));
        list.addAll(body(HttpMethod.POST, path, valid));
        return list;
    }

    private List<Probe> variantProbes() {
        String path = ws("/variants");
        ObjectNode valid = obj("{\"name\":\"Hostile variant\"}");
        List<Probe> list = new ArrayList<>(fields(HttpMethod.POST, path, valid, List.of(
                text("name", 120, true, false, "\"" + variantName + "\"", "\"" + "v".repeat(100) + "\""))));
        list.addAll(body(HttpMethod.POST, path, valid));
        return list;
    }

    private List<Probe> memberProbes() {
        String path = ws("/members/observer");
        ObjectNode valid = obj("{\"role\":\"VIEWER\"}");
        List<Probe> list = new ArrayList<>(fields(HttpMethod.PUT, path, valid, List.of(
                enumField("role", true, "\"viewer\"", "\"ADMIN\""))));
        list.addAll(body(HttpMethod.PUT, path, valid));
        list.add(probe("unknown user", HttpMethod.PUT, ws("/members/nobody-here"), valid.toString(), Set.of(400),
                "username"));
        list.add(probe("overlong user", HttpMethod.PUT, ws("/members/" + "u".repeat(65)), valid.toString(),
                Set.of(400), "username"));
        list.add(probe("control character user", HttpMethod.PUT, ws("/members/ob%07server"), valid.toString(),
                Set.of(400), "username"));
        list.add(probe("remove non-member", HttpMethod.DELETE, ws("/members/nobody-here"), null, Set.of(400),
                "username"));
        list.add(probe("members of unknown workspace", HttpMethod.PUT, WS + "/99999999/members/observer",
                valid.toString(), Set.of(403, 404), null));
        return list;
    }

    private List<Probe> userProbes() {
        String path = API + "/users";
        ObjectNode valid = obj("{\"username\":\"hostile-user\",\"displayName\":\"Hostile\","
                + "\"password\":\"hostile control passphrase\","
                + "\"teamCode\":\"ESA\",\"admin\":false}");
        List<Probe> list = new ArrayList<>();
        for (Probe p : fields(HttpMethod.POST, path, valid, List.of(
                text("username", 64, true, false, "\"A\"", "\"Bad User\"", "\"nasa\"", "\"x\""),
                text("displayName", 120, false, false),
                new Field("password", Kind.SECRET, true, 72, false, List.of("\"12345\"", "\"\"", "\"     \"")),
                code("teamCode", false),
                bool("admin")))) {
            list.add(asAdmin(p));
        }
        for (Probe p : body(HttpMethod.POST, path, valid)) {
            list.add(asAdmin(p));
        }
        list.add(probe("not an administrator", HttpMethod.POST, path, valid.toString(), Set.of(403), null));
        return list;
    }

    private List<Probe> teamProbes() {
        String path = API + "/teams";
        ObjectNode valid = obj("{\"code\":\"HOSTILE\",\"name\":\"Hostile team\"}");
        List<Probe> list = new ArrayList<>();
        for (Probe p : fields(HttpMethod.POST, path, valid, List.of(
                text("code", 16, true, false, "\"NASA\"", "\"nasa\"", "\"1AB\"", "\"A B\""),
                text("name", 120, true, false)))) {
            list.add(asAdmin(p));
        }
        for (Probe p : body(HttpMethod.POST, path, valid)) {
            list.add(asAdmin(p));
        }
        list.add(probe("not an administrator", HttpMethod.POST, path, valid.toString(), Set.of(403), null));
        return list;
    }

    private List<Probe> restoreProbes() throws Exception {
        long revision = lastRevision();
        List<Probe> list = new ArrayList<>();
        Map<String, Long> targets = new LinkedHashMap<>();
        targets.put(API + "/loads/" + load() + "/restore", version(loadNode(load())));
        targets.put(API + "/batteries/" + f.batteryId() + "/restore", version(battery(f.batteryId())));
        targets.put(API + "/arrays/" + f.arrayId() + "/restore", version(array(f.arrayId())));
        targets.put(API + "/design-cases/" + f.designCaseId() + "/restore", version(snapshot().get("designCase")));
        for (Map.Entry<String, Long> t : targets.entrySet()) {
            String path = t.getKey();
            ObjectNode valid = obj("{\"revision\":" + revision + ",\"expectedVersion\":" + t.getValue() + "}");
            list.addAll(fields(HttpMethod.POST, path, valid, List.of(
                    integer("revision", true, "0", "-1", "-9223372036854775808"),
                    text("field", 200, false, false, "\"nope\"", "\"dutyByMode\""))));
            for (String rev : List.of("99999999", "9223372036854775807")) {
                list.add(probe("revision " + rev + " does not exist", HttpMethod.POST, path,
                        "{\"revision\":" + rev + ",\"expectedVersion\":" + t.getValue() + "}", Set.of(404), null));
            }
            list.add(probe("revision before it existed", HttpMethod.POST, path,
                    "{\"revision\":1,\"expectedVersion\":" + t.getValue() + "}", Set.of(404), null));
            for (String v : List.of("1.5", "\"1\"", "true", "{}", DIGITS_1001, "1e308")) {
                list.add(probe("expectedVersion " + abbreviate(v), HttpMethod.POST, path, "{\"revision\":" + revision
                        + ",\"expectedVersion\":" + v + "}", Set.of(400), "expectedVersion"));
            }
            if (!path.contains("/loads/")) {
                list.add(probe("no expectedVersion", HttpMethod.POST, path, "{\"revision\":" + revision + "}",
                        Set.of(400), "expectedVersion"));
            }
            list.add(probe("stale expectedVersion", HttpMethod.POST, path, "{\"revision\":" + revision
                    + ",\"expectedVersion\":" + (t.getValue() + 5) + "}", Set.of(409), null));
            list.addAll(body(HttpMethod.POST, path, valid));
        }
        list.add(probe("unknown load", HttpMethod.POST, API + "/loads/99999999/restore",
                "{\"revision\":" + revision + ",\"expectedVersion\":0}", Set.of(404), null));
        list.add(probe("load id text", HttpMethod.POST, API + "/loads/abc/restore",
                "{\"revision\":" + revision + ",\"expectedVersion\":0}", Set.of(400), "id"));
        return list;
    }

    private List<Probe> analysisProbes() {
        String path = ws("/analysis");
        ObjectNode valid = obj("{\"life\":\"BOL\",\"maxPoints\":200,\"spanStart\":\"2027-01-01T00:00:00Z\","
                + "\"spanDays\":3}");
        List<Probe> list = new ArrayList<>(fields(HttpMethod.POST, path, valid, List.of(
                text("life", 3, false, false, "\"MOL\"", "\"\""),
                integer("maxPoints", false, "99", "20001", "0", "-1"),
                instant("spanStart", false, "\"2099-12-31T00:00:00Z\""),
                number("spanDays", false, "0", "0.99", "7306", "-1"))));
        list.addAll(body(HttpMethod.POST, path, valid).stream().filter(p -> !"{}".equals(p.body())).toList());
        return list;
    }

    private List<Probe> importProbes() {
        String path = ws("/elements/" + f.elementId() + "/import");
        String good = "Name,Operating power (W)\r\nCabin fan,120\r\n";
        List<Probe> list = new ArrayList<>();
        list.add(new Probe("no file part", HttpMethod.POST, path + "?dryRun=false", MediaType.MULTIPART_FORM_DATA,
                form("other", "x"), Set.of(400), "file", false, false));
        list.add(new Probe("JSON instead of multipart", HttpMethod.POST, path, MediaType.APPLICATION_JSON, "{}",
                Set.of(415), null, false, false));
        list.add(new Probe("text instead of multipart", HttpMethod.POST, path, MediaType.TEXT_PLAIN, good,
                Set.of(415), null, false, false));
        list.add(new Probe("dryRun not a boolean", HttpMethod.POST, path + "?dryRun=maybe",
                MediaType.MULTIPART_FORM_DATA, csvUpload(good), Set.of(400), "dryRun", false, false));
        for (String mapping : List.of("{", "[1]", "{\"abc\":\"name\"}", "\"x\"")) {
            list.add(new Probe("mapping " + mapping, HttpMethod.POST, path + "?dryRun=false&mapping="
                    + java.net.URLEncoder.encode(mapping, StandardCharsets.UTF_8), MediaType.MULTIPART_FORM_DATA,
                    csvUpload(good), Set.of(400), "mapping", false, false));
        }
        Map<String, String> files = new LinkedHashMap<>();
        files.put("empty file", "");
        files.put("header only", "Name,Operating power (W)\r\n");
        files.put("negative power", "Name,Operating power (W)\r\nFan,-120\r\n");
        files.put("1001-digit power", "Name,Operating power (W)\r\nFan," + DIGITS_1001 + "\r\n");
        files.put("NaN power", "Name,Operating power (W)\r\nFan,NaN\r\n");
        files.put("fractional quantity", "Name,Quantity,Operating power (W)\r\nFan,2.9,120\r\n");
        files.put("overlong name", "Name,Operating power (W)\r\n" + "n".repeat(121) + ",120\r\n");
        files.put("control character name", "Name,Operating power (W)\r\nFa\u0001n,120\r\n");
        files.put("formula cell", "Name,Operating power (W)\r\nFan,=1+2\r\n");
        files.put("binary", "\u0000\u0001\u0002PNG\u0000\u0000");
        for (Map.Entry<String, String> e : files.entrySet()) {
            list.add(new Probe(e.getKey(), HttpMethod.POST, path + "?dryRun=false", MediaType.MULTIPART_FORM_DATA,
                    csvUpload(e.getValue()), Set.of(400), null, false, false));
        }
        list.add(new Probe("element of another workspace", HttpMethod.POST, WS + "/" + f.workspaceId() + "/elements/"
                + other.elementId() + "/import?dryRun=false", MediaType.MULTIPART_FORM_DATA, csvUpload(good),
                Set.of(400, 404), null, false, false));
        list.add(new Probe("element id text", HttpMethod.POST, ws("/elements/abc/import?dryRun=false"),
                MediaType.MULTIPART_FORM_DATA, csvUpload(good), Set.of(400), "elementId", false, false));
        return list;
    }

    private List<Probe> archiveProbes() throws Exception {
        String path = API + "/workspace-archives";
        String valid = archive();
        List<Probe> list = new ArrayList<>();
        for (String raw : List.of("", "{", "[]", "null", "42", "{\"format\":\"nope\"}",
                "{\"format\":\"gateway-power-workspace\",\"version\":2}")) {
            list.add(new Probe("archive " + abbreviate(raw), HttpMethod.POST, path, MediaType.APPLICATION_JSON,
                    raw.getBytes(StandardCharsets.UTF_8), Set.of(400), null, false, false));
        }
        ObjectNode tree = (ObjectNode) mapper.readTree(valid);
        Map<String, String> mutations = new LinkedHashMap<>();
        mutations.put("version 1.5", "/version=1.5");
        mutations.put("version \"1\"", "/version=\"1\"");
        mutations.put("quantity 2.9", "/workspace/loads/0/quantity=2.9");
        mutations.put("quantity 1001 digits", "/workspace/loads/0/quantity=" + DIGITS_1001);
        mutations.put("bus ordinal", "/workspace/loads/0/bus=0");
        mutations.put("kind ordinal", "/workspace/elements/0/kind=1");
        mutations.put("power huge", "/workspace/loads/0/operatingPowerW=1e308");
        mutations.put("power NaN token", "/workspace/loads/0/operatingPowerW=NaN");
        mutations.put("name taken", "/workspace/name=\"" + f.name() + "\"");
        mutations.put("name overlong", "/workspace/name=\"" + "w".repeat(121) + "\"");
        mutations.put("mode name duplicate", "/workspace/modes/1/name=\"Crewed\"");
        mutations.put("element owner unknown", "/workspace/elements/0/ownerTeamCode=\"NOPE\"");
        mutations.put("span start a number", "/workspace/designCase/spanStart=1e308");
        for (Map.Entry<String, String> m : mutations.entrySet()) {
            String[] at = m.getValue().split("=", 2);
            ObjectNode copy = tree.deepCopy();
            String pointer = at[0];
            int slash = pointer.lastIndexOf('/');
            JsonNode parent = copy.at(pointer.substring(0, slash));
            assertThat(parent.isMissingNode()).as(pointer).isFalse();
            ((ObjectNode) parent).put(pointer.substring(slash + 1), "__RAW__");
            String body = copy.toString().replace(RAW, at[1]);
            boolean ownName = m.getKey().startsWith("name ");
            list.add(new Probe("archive " + m.getKey(), HttpMethod.POST, ownName ? path : path
                    + "?name=Hostile%20archive%20" + shortId(), MediaType.APPLICATION_JSON, body.getBytes(StandardCharsets.UTF_8),
                    Set.of(400), null, false, false));
        }
        list.add(new Probe("archive as text", HttpMethod.POST, path, MediaType.TEXT_PLAIN,
                valid.getBytes(StandardCharsets.UTF_8), Set.of(415), null, false, false));
        list.add(new Probe("archive name overlong", HttpMethod.POST, path + "?name=" + "n".repeat(121),
                MediaType.APPLICATION_JSON, valid.getBytes(StandardCharsets.UTF_8), Set.of(400), "name", false, false));
        return list;
    }

    // ---------------------------------------------------------------- generators

    /** A field of a request body: its name, kind, whether it is required, and invalid values of its own. */
    record Field(String name, Kind kind, boolean required, int maxLength, boolean multiLine, List<String> invalid) {
    }

    enum Kind { TEXT, SECRET, CODE, NUMBER, INTEGER, ENUM, INSTANT, ID, DUTY, SET, BOOLEAN }

    private static Field text(String name, int max, boolean required, boolean multiLine, String... invalid) {
        return new Field(name, Kind.TEXT, required, max, multiLine, List.of(invalid));
    }

    private static Field code(String name, boolean required) {
        return new Field(name, Kind.CODE, required, 16, false, List.of("\"NOPE\"", "\"nasa\"", "\"\"",
                "\"" + "X".repeat(10_000) + "\""));
    }

    private static Field number(String name, boolean required, String... invalid) {
        return new Field(name, Kind.NUMBER, required, 0, false, List.of(invalid));
    }

    private static Field integer(String name, boolean required, String... invalid) {
        return new Field(name, Kind.INTEGER, required, 0, false, List.of(invalid));
    }

    private static Field enumField(String name, boolean required, String... invalid) {
        return new Field(name, Kind.ENUM, required, 0, false, List.of(invalid));
    }

    private static Field instant(String name, boolean required, String... invalid) {
        return new Field(name, Kind.INSTANT, required, 0, false, List.of(invalid));
    }

    private static Field id(String name, boolean required, long otherWorkspacesId) {
        return new Field(name, Kind.ID, required, 0, false, List.of(String.valueOf(otherWorkspacesId)));
    }

    private static Field duty(String name, String mode, String otherWorkspacesMode) {
        return new Field(name, Kind.DUTY, false, 0, false, List.of(
                "{\"abc\":0.5}", "{\"" + mode + "\":\"x\"}", "{\"" + mode + "\":\"0.5\"}", "{\"" + mode + "\":1.5}",
                "{\"" + mode + "\":-0.1}", "{\"" + mode + "\":null}", "{\"" + mode + "\":1e400}",
                "{\"" + mode + "\":" + DIGITS_1001 + "}", "{\"" + mode + "\":NaN}", "{\"" + mode + "\":true}",
                "{\"" + otherWorkspacesMode + "\":0.5}", "{\"99999999\":0.5}", "{\"1.5\":0.5}",
                "{\"99999999999999999999\":0.5}", "[]", "[0.5]", "\"x\"", "5"));
    }

    private static Field set(String name) {
        return new Field(name, Kind.SET, false, 0, false, List.of("[\"NOPE\"]", "\"NASA\"", "[1]", "[null]",
                "[\"\"]", "{}", "[\"NASA\",\"" + "X".repeat(5000) + "\"]", "true"));
    }

    private static Field bool(String name) {
        return new Field(name, Kind.BOOLEAN, false, 0, false, List.of("1", "0", "\"true\"", "\"yes\"", "null", "{}",
                "[]", "1.5"));
    }

    /** Probes that break one field at a time, the rest of the body valid; each must be refused naming the field. */
    private List<Probe> fields(HttpMethod method, String path, ObjectNode valid, List<Field> specs) {
        List<Probe> list = new ArrayList<>();
        for (Field s : specs) {
            List<String> values = new ArrayList<>(s.invalid());
            switch (s.kind()) {
                case TEXT, CODE, SECRET -> {
                    values.addAll(List.of("123", "1.5", "true", "{}", "[]", "[\"a\"]"));
                    if (s.kind() == Kind.SECRET) {
                        values.add("\"" + "x".repeat(s.maxLength() + 1) + "\"");
                        values.add("\"" + "x".repeat(100_000) + "\"");
                    }
                    if (s.kind() == Kind.TEXT) {
                        values.add("\"" + "x".repeat(s.maxLength() + 1) + "\"");
                        values.add("\"" + "é".repeat(s.maxLength() + 1) + "\"");
                        values.add("\"" + "x".repeat(100_000) + "\"");
                        values.add("\"a\\u0000b\"");
                        values.add("\"bell\\u0007\"");
                        values.add("\"esc\\u001b[31m\"");
                        values.add("\"del\\u007f\"");
                        values.add("\"lone \\ud800 surrogate\"");
                        if (!s.multiLine()) {
                            values.add("\"two\\nlines\"");
                            values.add("\"tab\\tinside\"");
                        }
                        if (s.required()) {
                            values.addAll(List.of("\"\"", "\"   \"", "\"\\t\\r\\n\""));
                        }
                    }
                }
                case NUMBER -> values.addAll(List.of("\"abc\"", "\"5\"", "\"NaN\"", "\"Infinity\"", "\"\"", "true",
                        "{}", "[]", "[1]", "1e308", "-1e308", "1e400", "-1e400", DIGITS_1001, "-" + DIGITS_1001,
                        "NaN", "Infinity", "-Infinity", "0x10", "+1", ".5", "1.", "01"));
                case INTEGER -> values.addAll(List.of("2.9", "1.5", "2.0", "\"2\"", "\"\"", "true", "{}", "[]",
                        "1e308", "1e3", DIGITS_1001, "99999999999999999999", "NaN", "\"abc\""));
                case ENUM -> values.addAll(List.of("0", "1", "-1", "2.5", "\"0\"", "\"1\"", "\"\"", "\"NOT_A_VALUE\"",
                        "true", "{}", "[]", "[\"A\"]", "\"" + "Z".repeat(10_000) + "\""));
                case INSTANT -> values.addAll(List.of("0", "1893456000", "1e308", "-1e308", DIGITS_1001, "\"\"",
                        "\"yesterday\"", "\"2027-13-01T00:00:00Z\"", "\"2027-01-01\"", "\"1893456000\"",
                        "\"+1000000000-12-31T23:59:59Z\"", "\"-999999999-01-01T00:00:00Z\"",
                        "\"1900-01-01T00:00:00Z\"", "\"2200-01-01T00:00:00Z\"", "true", "{}", "[2027,1,1]"));
                case ID -> values.addAll(List.of("0", "-1", "99999999", "2.5", "\"1\"", "true", "{}", "[]", "1e308",
                        DIGITS_1001, "99999999999999999999"));
                case BOOLEAN, DUTY, SET -> {
                }
            }
            for (String v : values) {
                ObjectNode body = valid.deepCopy();
                body.put(s.name(), "__RAW__");
                Set<Integer> statuses = s.kind() == Kind.ID ? Set.of(400, 404) : Set.of(400);
                list.add(new Probe(s.name() + " = " + abbreviate(v), method, path, MediaType.APPLICATION_JSON,
                        body.toString().replace(RAW, v), statuses, s.name(), s.kind() == Kind.DUTY
                        || s.kind() == Kind.SET, false));
            }
            if (s.required()) {
                ObjectNode missing = valid.deepCopy();
                missing.remove(s.name());
                list.add(probe(s.name() + " missing", method, path, missing.toString(), Set.of(400), s.name()));
                ObjectNode nulled = valid.deepCopy();
                nulled.putNull(s.name());
                list.add(probe(s.name() + " null", method, path, nulled.toString(), Set.of(400), s.name()));
                // Extra fields are ignored (clients send back what they read), and never hide the real fault.
                ObjectNode extra = missing.deepCopy();
                extra.put("unexpected", "x");
                extra.putObject("nested").put("id", 1);
                extra.put("id", 424242);
                list.add(probe(s.name() + " missing, extra fields", method, path, extra.toString(), Set.of(400),
                        s.name()));
            }
        }
        return list;
    }

    /** Bodies that are not this resource's JSON at all, and the valid body with wrong content types. */
    private List<Probe> body(HttpMethod method, String path, ObjectNode valid) {
        List<Probe> list = new ArrayList<>();
        String deep = "[".repeat(5_000) + "]".repeat(5_000);
        for (String raw : List.of("{", "}", "[]", "[" + valid + "]", "\"text\"", "42", "true", "{\"a\":}",
                "{'name':'x'}", valid + "{}", valid + "]", "{\"a\":1,}", "/* c */" + valid, deep,
                "{\"name\":\"\\uZZZZ\"}", valid.toString().substring(0, valid.toString().length() / 2))) {
            list.add(new Probe("body " + abbreviate(raw), method, path, MediaType.APPLICATION_JSON, raw, Set.of(400),
                    null, false, false));
        }
        if (method != HttpMethod.POST || !path.endsWith("/analysis")) {
            list.add(new Probe("body {}", method, path, MediaType.APPLICATION_JSON, "{}", Set.of(400), null, false,
                    false));
            list.add(new Probe("body null", method, path, MediaType.APPLICATION_JSON, "null", Set.of(400), null, false,
                    false));
            list.add(new Probe("no body", method, path, MediaType.APPLICATION_JSON, "", Set.of(400), null, false,
                    false));
        }
        for (MediaType type : List.of(MediaType.TEXT_PLAIN, MediaType.APPLICATION_XML,
                MediaType.APPLICATION_FORM_URLENCODED, MediaType.APPLICATION_OCTET_STREAM,
                MediaType.TEXT_HTML)) {
            list.add(new Probe("content type " + type, method, path, type, valid.toString()
                    .getBytes(StandardCharsets.UTF_8), Set.of(415), null, false, false));
        }
        return list;
    }

    /** Versions that are not the current one, or not a version at all. */
    private List<Probe> versions(HttpMethod method, String path, ObjectNode valid) {
        long current = valid.get("version").asLong();
        List<Probe> list = new ArrayList<>();
        for (String v : List.of("1.5", String.valueOf(current) + ".5", "\"" + current + "\"", "true", "{}", "[]",
                DIGITS_1001, "99999999999999999999", "1e308", "NaN")) {
            ObjectNode body = valid.deepCopy();
            body.put("version", "__RAW__");
            list.add(probe("version " + abbreviate(v), method, path, body.toString().replace(RAW, v), Set.of(400),
                    "version"));
        }
        ObjectNode missing = valid.deepCopy();
        missing.remove("version");
        list.add(probe("version missing", method, path, missing.toString(), Set.of(400), "version"));
        for (long stale : List.of(current + 1, current + 1000, -1L, Long.MAX_VALUE)) {
            ObjectNode body = valid.deepCopy();
            body.put("version", stale);
            list.add(probe("stale version " + stale, method, path, body.toString(), Set.of(409), null));
        }
        if (current > 0) {
            ObjectNode body = valid.deepCopy();
            body.put("version", current - 1);
            list.add(probe("stale version " + (current - 1), method, path, body.toString(), Set.of(409), null));
        }
        return list;
    }

    /** DELETE with a missing, malformed or stale version, and of another workspace's thing. */
    private List<Probe> deletes(String item, String idName, long current, long otherWorkspacesItem) {
        String path = ws(item);
        List<Probe> list = new ArrayList<>();
        list.add(probe("no version", HttpMethod.DELETE, path, null, Set.of(400), "version"));
        for (String bad : List.of("abc", "1.5", "", "%20", DIGITS_1001, "99999999999999999999", "1e3", "true")) {
            list.add(probe("version " + abbreviate(bad), HttpMethod.DELETE, path + "?version=" + bad, null,
                    Set.of(400), "version"));
        }
        for (long stale : List.of(current + 1, -1L)) {
            list.add(probe("stale version " + stale, HttpMethod.DELETE, path + "?version=" + stale, null,
                    Set.of(409), null));
        }
        String collection = item.substring(0, item.lastIndexOf('/'));
        list.add(probe("another workspace's", HttpMethod.DELETE, ws(collection + "/" + otherWorkspacesItem
                + "?version=0"), null, Set.of(404), null));
        list.add(probe("through another workspace", HttpMethod.DELETE, WS + "/" + other.workspaceId() + item
                + "?version=" + current, null, Set.of(404), null));
        list.add(probe("unknown", HttpMethod.DELETE, ws(collection + "/99999999?version=0"), null, Set.of(404),
                null));
        list.add(probe("id text", HttpMethod.DELETE, ws(collection + "/abc?version=0"), null, Set.of(400), idName));
        list.add(probe("id overflow", HttpMethod.DELETE, ws(collection + "/99999999999999999999?version=0"), null,
                Set.of(400), idName));
        return list;
    }

    private static Probe probe(String label, HttpMethod method, String path, String body, Set<Integer> statuses,
                               String field) {
        return new Probe(label, method, path, body == null ? null : MediaType.APPLICATION_JSON, body, statuses, field,
                false, false);
    }

    private static Probe asAdmin(Probe p) {
        return new Probe(p.label(), p.method(), p.path(), p.type(), p.body(), p.statuses(), p.field(),
                p.fieldPrefix(), true);
    }

    // ---------------------------------------------------------------- running a group

    private interface Probes {
        List<Probe> build() throws Exception;
    }

    private interface Control {
        ResponseEntity<String> run() throws Exception;
    }

    /**
     * Reads the state, runs the group's probes and checks each answer, reads the state again and requires
     * it unchanged, then runs the group's valid request, which must be accepted.
     */
    private void group(String name, Probes probesOf, Control control) throws Exception {
        String only = System.getProperty("hostile.only");
        if (only != null && !name.contains(only)) {
            return;
        }
        long t0 = System.nanoTime();
        List<Probe> list = probesOf.build();
        String before = state();
        for (Probe p : list) {
            check(name, p, send(p));
        }
        String after = state();
        if (!before.equals(after)) {
            failures.add(name + ": the state changed while every probe was refused:\n  before " + before
                    + "\n  after  " + after);
        }
        groupSizes.put(name, list.size());
        probes += list.size();
        if (control != null) {
            ResponseEntity<String> ok = control.run();
            controls++;
            if (!ok.getStatusCode().is2xxSuccessful()) {
                failures.add(name + ": the valid control request was refused: " + ok.getStatusCode() + " "
                        + abbreviate(ok.getBody()));
            }
        }
        groupSeconds.put(name, Math.round((System.nanoTime() - t0) / 1e8) / 10.0);
    }

    private void check(String group, Probe p, ResponseEntity<String> r) {
        int status = r.getStatusCode().value();
        statusCounts.merge(status, 1, Integer::sum);
        String where = group + " / " + p.label() + " (" + p.method() + " " + abbreviate(p.path()) + "): ";
        if (!p.statuses().contains(status)) {
            failures.add(where + "expected " + p.statuses() + " but got " + status + " " + abbreviate(r.getBody()));
            return;
        }
        MediaType type = r.getHeaders().getContentType();
        if (type == null || !type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)) {
            failures.add(where + "no problem body (Content-Type " + type + "): " + abbreviate(r.getBody()));
            return;
        }
        JsonNode problem;
        try {
            problem = mapper.readTree(r.getBody());
        } catch (Exception ex) {
            failures.add(where + "unreadable problem body " + abbreviate(r.getBody()));
            return;
        }
        if (problem.path("status").asInt() != status || problem.path("title").asString("").isBlank()
                || problem.path("detail").asString("").isBlank()) {
            failures.add(where + "incomplete problem " + abbreviate(r.getBody()));
            return;
        }
        if (status == 400) {
            JsonNode errors = problem.get("errors");
            if (errors == null || !errors.isArray() || errors.isEmpty()) {
                failures.add(where + "400 without errors naming a field: " + abbreviate(r.getBody()));
                return;
            }
            List<String> fields = new ArrayList<>();
            for (JsonNode e : errors) {
                if (e.path("field").asString("").isBlank() || e.path("message").asString("").isBlank()) {
                    failures.add(where + "an error without field or message: " + abbreviate(r.getBody()));
                    return;
                }
                fields.add(e.get("field").asString());
            }
            if (p.field() != null && fields.stream().noneMatch(x -> x.equals(p.field())
                    || (p.fieldPrefix() && x.startsWith(p.field())))) {
                failures.add(where + "expected field " + p.field() + " but the problem names " + fields + ": "
                        + abbreviate(problem.path("detail").asString()));
            }
        }
    }

    private ResponseEntity<String> send(Probe p) {
        return exchange(p.method(), p.path(), p.type(), p.body(), p.admin());
    }

    private ResponseEntity<String> exchange(HttpMethod method, String path, MediaType type, Object body,
                                            boolean admin) {
        HttpHeaders headers = new HttpHeaders();
        if (type != null) {
            headers.setContentType(type);
        }
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        // Personal API tokens (a SHA-256 look-up), not passwords: bcrypt on every one of ~3,000 requests is slow.
        headers.setBearerAuth(admin ? adminToken : nasaToken);
        return rest.exchange(java.net.URI.create(rest.getRootUri() + path), method, new HttpEntity<>(body, headers),
                String.class);
    }

    // ---------------------------------------------------------------- state, read through the API

    /** Everything the probes could touch, as the API shows it. */
    private String state() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (String path : List.of(WS, ws(""), ws("/operations"), ws("/members"), ws("/baselines"), ws("/variants"),
                ws("/history"), WS + "/" + other.workspaceId(), WS + "/" + other.workspaceId() + "/history",
                WS + "/" + bareWorkspace, API + "/teams")) {
            sb.append(path).append('=').append(get(path, false)).append('\n');
        }
        sb.append("users=").append(get(API + "/users", true));
        return sb.toString();
    }

    private String get(String path, boolean admin) {
        ResponseEntity<String> r = exchange(HttpMethod.GET, path, null, null, admin);
        assertThat(r.getStatusCode().is2xxSuccessful()).as("GET %s: %s", path, r.getBody()).isTrue();
        return r.getBody();
    }

    private JsonNode snapshot() throws Exception {
        return mapper.readTree(get(ws(""), false));
    }

    // ---------------------------------------------------------------- set-up and valid bodies

    private void setUp() throws Exception {
        nasaToken = tokens.create("hostile input test", "nasa").secret();
        adminToken = tokens.create("hostile input test", ADMIN).secret();
        f = fixtures.create("Hostile", 2);
        other = fixtures.create("Hostile other", 1);
        bareWorkspace = service.createWorkspace("Hostile bare " + UUID.randomUUID(), "", Set.of("NASA"),
                TestWorkspaces.SEEDER);
        membership.setMember(bareWorkspace, "nasa", WorkspaceRole.OWNER, TestWorkspaces.SEEDER);
        bareMode = structure.addMode(bareWorkspace, "Crewed", "", 0, TestWorkspaces.SEEDER);
        Operations.OperationPhase phase = operations.create(f.workspaceId(), new Operations.OperationPhaseDraft(
                "Crew stay", PhaseKind.CREWED, f.activeModeId(), java.time.Instant.parse("2027-01-10T00:00:00Z"),
                java.time.Instant.parse("2027-01-20T00:00:00Z")), "nasa");
        phaseId = phase.id();
        orionId = structure.addElement(f.workspaceId(), "Orion", org.gatewaypower.workspace.ElementKind.ORION, "NASA",
                TestWorkspaces.SEEDER);
        baselineName = "PDR " + shortId();
        assertThat(post(ws("/baselines"), json("{\"name\":\"" + baselineName + "\"}"), false).getStatusCode()
                .is2xxSuccessful()).isTrue();
        variantName = "V " + shortId();
        assertThat(post(ws("/variants"), json("{\"name\":\"" + variantName + "\"}"), false).getStatusCode()
                .is2xxSuccessful()).isTrue();
        assertThat(put(ws("/members/observer"), json("{\"role\":\"VIEWER\"}"), false).getStatusCode()
                .is2xxSuccessful()).isTrue();
    }

    private long load() {
        return f.loadIds().get(0);
    }

    private JsonNode loadNode(long id) throws Exception {
        for (JsonNode l : snapshot().get("loads")) {
            if (l.get("id").asLong() == id) {
                return l;
            }
        }
        throw new AssertionError("no load " + id);
    }

    private JsonNode element(long id) throws Exception {
        return find(snapshot().get("elements"), id);
    }

    private JsonNode mode(long id) throws Exception {
        return find(snapshot().get("modes"), id);
    }

    private JsonNode battery(long id) throws Exception {
        return find(snapshot().get("batteries"), id);
    }

    private JsonNode array(long id) throws Exception {
        return find(snapshot().get("arrays"), id);
    }

    private JsonNode phaseNode() throws Exception {
        return mapper.readTree(get(ws("/operations/" + phaseId), false));
    }

    private static JsonNode find(JsonNode list, long id) {
        for (JsonNode n : list) {
            if (n.get("id").asLong() == id) {
                return n;
            }
        }
        throw new AssertionError("no item " + id + " in " + list);
    }

    private static long version(JsonNode n) {
        return n.get("version").asLong();
    }

    private long lastRevision() throws Exception {
        long max = 0;
        for (JsonNode e : mapper.readTree(get(ws("/history"), false))) {
            max = Math.max(max, e.get("revision").asLong());
        }
        return max;
    }

    private ObjectNode elementBody() throws Exception {
        JsonNode e = element(f.elementId());
        return obj("{\"version\":" + version(e) + ",\"name\":\"HALO\",\"kind\":\"HALO\",\"ownerTeamCode\":\"NASA\"}");
    }

    private ObjectNode modeBody() throws Exception {
        JsonNode m = mode(f.otherModeId());
        return obj("{\"version\":" + version(m) + ",\"name\":\"Uncrewed\",\"description\":\"Nobody aboard\","
                + "\"sortOrder\":1}");
    }

    private ObjectNode loadBody(boolean update) throws Exception {
        ObjectNode body = obj("{\"elementId\":" + f.elementId() + ",\"name\":\"Fan " + (update ? "" : shortId())
                + "\",\"subsystem\":\"ECLSS\",\"bus\":\"V120\",\"quantity\":2,\"standbyPowerW\":5,"
                + "\"operatingPowerW\":120,\"peakPowerW\":150,\"dutyByMode\":{\"" + f.activeModeId() + "\":0.5},"
                + "\"maturity\":\"MODIFIED\",\"priority\":\"CRITICAL\"}");
        if (update) {
            body.put("version", version(loadNode(load())));
        }
        return body;
    }

    private ObjectNode batteryBody(boolean update) throws Exception {
        ObjectNode body = obj("{\"name\":\"Battery " + shortId() + "\",\"capacityJ\":1.08e8,\"minStateOfCharge\":0.3,"
                + "\"maxStateOfCharge\":1,\"chargeEfficiency\":0.95,\"dischargeEfficiency\":0.95,"
                + "\"maxChargePowerW\":6000,\"maxDischargePowerW\":12000,\"initialStateOfCharge\":1,"
                + "\"capacityFadePerYear\":0.02}");
        if (update) {
            body.put("version", version(battery(f.batteryId())));
        } else {
            body.put("elementId", f.elementId());
            body.put("ownerTeamCode", "NASA");
        }
        return body;
    }

    private ObjectNode arrayBody(boolean update) throws Exception {
        ObjectNode body = obj("{\"name\":\"Wing " + shortId() + "\",\"ratedPowerW\":20000,\"degradationPerYear\":0.0075,"
                + "\"pathEfficiency\":0.9,\"incidenceDeg\":10,\"temperatureCoefficientPerK\":-0.004,"
                + "\"temperatureOffsetK\":20}");
        if (update) {
            body.put("version", version(array(f.arrayId())));
        } else {
            body.put("elementId", f.elementId());
        }
        return body;
    }

    private ObjectNode designCaseBody() throws Exception {
        JsonNode dc = snapshot().get("designCase");
        ObjectNode body = mapper.createObjectNode();
        for (String field : List.of("version", "activeModeId", "orbitPeriodS", "eclipseDurationS", "arrayAgeYears",
                "timeline", "periluneEpoch", "spanStart", "spanDays", "failedCapacityShare", "marginPolicy",
                "transferLimitW", "bolDate")) {
            body.set(field, dc.get(field));
        }
        return body;
    }

    private ObjectNode phaseBody(boolean update) throws Exception {
        ObjectNode body = obj("{\"name\":\"Crew stay\",\"kind\":\"CREWED\",\"modeId\":" + f.activeModeId()
                + ",\"start\":\"" + (update ? "2027-01-10" : "2027-04-10") + "T00:00:00Z\",\"end\":\""
                + (update ? "2027-01-21" : "2027-04-20") + "T00:00:00Z\"}");
        if (update) {
            body.put("version", version(phaseNode()));
        }
        return body;
    }

    private String archive() {
        String body = get(ws("/archive.json"), false);
        assertThat(body).as("the archive is a JSON object").startsWith("{");
        return body;
    }

    private MultiValueMap<String, Object> csvUpload(String csv) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(csv.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "loads.csv";
            }
        });
        return form;
    }

    private static MultiValueMap<String, Object> form(String name, String value) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add(name, value);
        return form;
    }

    private ObjectNode obj(String json) {
        return (ObjectNode) mapper.readTree(json);
    }

    private String ws(String suffix) {
        return WS + "/" + f.workspaceId() + suffix;
    }

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    private ResponseEntity<String> post(String path, HttpEntity<String> body, boolean admin) {
        return exchange(HttpMethod.POST, path, MediaType.APPLICATION_JSON, body.getBody(), admin);
    }

    private ResponseEntity<String> put(String path, HttpEntity<String> body, boolean admin) {
        return exchange(HttpMethod.PUT, path, MediaType.APPLICATION_JSON, body.getBody(), admin);
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return "null";
        }
        String one = s.replace("\n", "\\n");
        return one.length() > 160 ? one.substring(0, 160) + "…(" + one.length() + " chars)" : one;
    }
}
