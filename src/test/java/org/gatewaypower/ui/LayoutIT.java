package org.gatewaypower.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.gatewaypower.SpringTestBase;
import org.gatewaypower.baseline.BaselineService;
import org.gatewaypower.baseline.Baselines;
import org.gatewaypower.baseline.Comparison;
import org.gatewaypower.physics.load.LoadPriority;
import org.gatewaypower.physics.load.MaturityClass;
import org.gatewaypower.ui.baseline.DisplayUnits;
import org.gatewaypower.units.Units;
import org.gatewaypower.workspace.Bus;
import org.gatewaypower.workspace.Drafts;
import org.gatewaypower.workspace.EquipmentService;
import org.gatewaypower.workspace.ReadModels;
import org.gatewaypower.workspace.TestWorkspaces;
import org.gatewaypower.workspace.WorkspaceService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The workspace page on the two screens engineers use, 1366 × 768 and 1920 × 1080, as ESA's editor on the demo
 * workspace: it fails when a key panel overflows or a key figure is off-screen. Without scrolling: the verdict and
 * the minimum state of charge; the grid's name, operating power and analysed-mode duty columns whole, clear of the
 * frozen action column; every tab of the sheet; the header's links clear of the presence avatars; no horizontal
 * scroll bar on the page; the list grouped by element, the first element's heading row with its sums. The chart
 * starts within a short scroll of the results pane. The baselines page's ranking fits and reads whole at both sizes.
 *
 * <p>Screenshots land in {@code target/screenshots/}; with {@code -Dgateway.readme-screenshots=true} they also
 * replace the README's ({@code docs/screenshots/}).
 */
class LayoutIT extends SpringTestBase {

    @LocalServerPort
    int port;

    @Autowired
    WorkspaceService workspaces;

    @Autowired
    TestWorkspaces fixtures;

    @Autowired
    EquipmentService equipment;

    @Autowired
    BaselineService baselines;

    private BrowserSession esa;

    @BeforeEach
    void open() throws Exception {
        assumeTrue(BrowserSession.available(), "Debian chromium and chromium-driver are needed (see .ci/run)");
        esa = new BrowserSession("http://localhost:" + port).signIn("esa", "gateway");
    }

    @AfterEach
    void close() {
        if (esa != null) {
            esa.close();
        }
    }

    @ParameterizedTest(name = "{0} × {1}")
    @CsvSource({"1366, 768", "1920, 1080"})
    void key_figures_and_key_columns_fit_the_screen(int width, int height) throws Exception {
        esa.viewport(width, height);
        ReadModels.WorkspaceSnapshot demo = workspaces.snapshot(TestWorkspaces.demo(workspaces).id());
        esa.open("/workspace/" + demo.id());
        esa.text("result-min-soc");
        esa.waitFor(d -> Boolean.TRUE.equals(esa.script(
                "return !!document.querySelector('#load-grid vaadin-grid-cell-content .gp-wrap-header');")));
        esa.waitForServer();

        Map<String, Object> page = measure();

        assertThat(number(page, "scrollWidth")).as("page width (no horizontal scroll bar)")
                .isLessThanOrEqualTo(width);
        assertThat(number(page, "resultsOverflow")).as("results pane's content wider than the pane (px)")
                .isLessThanOrEqualTo(1);
        for (String id : List.of("verdict-badge", "result-min-soc", "eclipses-link", "baselines-link", "report-pdf")) {
            assertThat(inViewport(page, id, width, height)).as(id + " on screen without scrolling").isTrue();
        }
        assertThat(overlap(page, "presence", "eclipses-link")).as("avatars clear of the Eclipses link").isFalse();

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> tabs = (List<Map<String, Object>>) page.get("tabs");
        Map<String, Object> bar = rect(page, "tabBar");
        assertThat(tabs).hasSizeGreaterThanOrEqualTo(7);
        for (Map<String, Object> tab : tabs) {
            assertThat(number(tab, "right")).as("tab " + tab.get("text") + " visible beside the others")
                    .isLessThanOrEqualTo(number(bar, "right") + 1);
        }

        Map<String, Object> grid = rect(page, "grid");
        double actionsLeft = number(page, "actionsLeft");
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> headers = (Map<String, Map<String, Object>>) page.get("headers");
        assertThat(headers).containsKeys("Name", "Operating W", "analysed");
        headers.forEach((name, r) -> {
            assertThat(number(r, "left")).as(name + " header starts inside the grid")
                    .isGreaterThanOrEqualTo(number(grid, "left") - 1);
            assertThat(number(r, "right")).as(name + " header ends before the row actions")
                    .isLessThanOrEqualTo(actionsLeft + 1);
        });
        assertThat(number(page, "firstRowTop")).as("the first load row above the fold").isLessThan(height - 120);

        // Grouped by element: the first element's heading row is on screen with its sums (quantity, operating kW).
        long firstElement = demo.loads().stream().mapToLong(ReadModels.LoadItem::elementId).min().orElseThrow();
        List<ReadModels.LoadItem> itsLoads = demo.loads().stream().filter(l -> l.elementId() == firstElement).toList();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> groups = (List<Map<String, Object>>) page.get("groups");
        assertThat(groups).as("element heading rows").isNotEmpty();
        Map<String, Object> first = groups.get(0);
        assertThat(first.get("id")).isEqualTo("load-group-" + firstElement);
        assertThat(inViewport(page, "groups", 0, width, height)).as("the first element's heading on screen").isTrue();
        assertThat(number(first, "left")).as("heading inside the grid").isGreaterThanOrEqualTo(number(grid, "left"));
        assertThat((List<Object>) first.get("texts")).as("the heading row's sums").contains(
                String.valueOf(itsLoads.stream().mapToInt(ReadModels.LoadItem::quantity).sum()),
                Units.kw(itsLoads.stream().mapToDouble(l -> l.quantity() * l.operatingPowerW()).sum()));
        assertThat(number(page, "chartTop")).as("the chart within a short scroll of the results")
                .isLessThan(height * 1.25);

        esa.screenshot("layout-" + width + "x" + height);
        if (Boolean.getBoolean("gateway.readme-screenshots")) {
            Path docs = Files.createDirectories(Path.of("docs", "screenshots"));
            Files.copy(Path.of("target", "screenshots", "layout-" + width + "x" + height + ".png"),
                    docs.resolve("workspace-" + width + "x" + height + ".png"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * The baselines page's ranking at a battery floor (no array power, the battery starting at its floor): the
     * minimum state of charge cannot move, so the ranking must read by the energy lost. At both sizes its columns
     * fit without a scroll bar, its headers read whole, the first change shows its lost energy in kWh and an
     * unsigned "0.00 pp" for the minimum state of charge.
     */
    @ParameterizedTest(name = "{0} × {1}")
    @CsvSource({"1366, 768", "1920, 1080"})
    void the_baseline_ranking_at_the_floor_fits_and_reads_by_the_energy_lost(int width, int height) throws Exception {
        TestWorkspaces.Fixture f = fixtures.create("Layout floor", 0);
        ReadModels.WorkspaceSnapshot ws = workspaces.snapshot(f.workspaceId());
        ReadModels.Battery battery = ws.batteries().get(0);
        equipment.updateBattery(battery.id(), battery.version(), TestWorkspaces.withStateOfCharge(
                TestWorkspaces.draft(battery), 0.30, 1.0, 0.30), TestWorkspaces.SEEDER);
        ReadModels.SolarArray array = ws.arrays().get(0);
        equipment.updateArray(array.id(), array.version(), new Drafts.SolarArrayDraft(array.name(), 0.0,
                array.degradationPerYear(), array.pathEfficiency()), TestWorkspaces.SEEDER);
        Map<Long, Double> always = Map.of(f.activeModeId(), 1.0);
        ReadModels.LoadItem heater = equipment.createLoad(f.workspaceId(), new Drafts.LoadItemDraft(f.elementId(),
                "Heater", "Thermal", Bus.V120, 1, 0.0, 100.0, 100.0, always, MaturityClass.MODIFIED,
                LoadPriority.CRITICAL), TestWorkspaces.SEEDER);
        baselines.create(f.workspaceId(), "Floor", "At the floor", TestWorkspaces.SEEDER);
        equipment.updateLoad(heater.id(), heater.version(), TestWorkspaces.withPowers(TestWorkspaces.draft(heater),
                0.0, 300.0, 300.0), TestWorkspaces.SEEDER);
        equipment.createLoad(f.workspaceId(), new Drafts.LoadItemDraft(f.elementId(), "Camera", "Science", Bus.V28, 1,
                0.0, 1_000.0, 1_000.0, always, MaturityClass.OFF_THE_SHELF, LoadPriority.DEFERRABLE),
                TestWorkspaces.SEEDER);
        Comparison expected = baselines.compare(f.workspaceId(),
                "baseline:" + baselines.baselines(f.workspaceId()).get(0).id(), "current", "admin");
        String firstLost = DisplayUnits.delta(Baselines.J, expected.ranking().get(0).shortfallDeltaJ());
        assertThat(firstLost).as("the first change loses energy at the floor").startsWith("+");

        try (BrowserSession admin = new BrowserSession("http://localhost:" + port).signIn("admin", "gateway")) {
            admin.viewport(width, height);
            admin.open("/workspace/" + f.workspaceId() + "/baselines");
            admin.waitFor(d -> d.findElement(By.id("compare-button"))).click();
            admin.waitFor(Duration.ofSeconds(60), d -> admin.gridShows("ranking-grid", firstLost) ? true : null);
            admin.script("document.getElementById('ranking-note').scrollIntoView();");
            @SuppressWarnings("unchecked")
            Map<String, Object> r = (Map<String, Object>) admin.script("""
                    const g = document.getElementById('ranking-grid');
                    const cell = s => { const c = s.assignedNodes()[0]; return c ? c.textContent.trim() : ''; };
                    const headers = [...g.shadowRoot.querySelectorAll('thead th slot')].map(s => s.assignedNodes()[0])
                      .filter(c => c).map(c => ({text: c.textContent.trim(),
                        cut: c.scrollWidth > c.clientWidth + 1 || c.firstElementChild
                          && c.firstElementChild.scrollWidth > c.clientWidth + 1}));
                    const rows = [...g.shadowRoot.querySelectorAll('tbody tr')].map(tr =>
                      [...tr.querySelectorAll('td slot')].map(cell)).filter(r => r.some(t => t));
                    return {page: document.documentElement.scrollWidth, overflow: g.scrollWidth - g.clientWidth,
                      headers: headers, rows: rows};
                    """);
            assertThat(number(r, "page")).as("page width (no horizontal scroll bar)").isLessThanOrEqualTo(width);
            assertThat(number(r, "overflow")).as("ranking wider than its grid (px)").isLessThanOrEqualTo(1);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> headers = (List<Map<String, Object>>) r.get("headers");
            assertThat(headers).extracting(h -> h.get("text")).contains("Lost at floor Δ (unserved + shed)",
                    "Min SOC Δ", "Power margin Δ");
            assertThat(headers).allSatisfy(h -> assertThat(h.get("cut")).as("header %s cut", h.get("text"))
                    .isEqualTo(false));
            @SuppressWarnings("unchecked")
            List<List<String>> rows = (List<List<String>>) r.get("rows");
            assertThat(rows.get(0)).as("the first change: ranked by its lost energy, the SOC unmoved")
                    .contains("1", "Camera · " + ws.elements().get(0).name(), firstLost, "0.00 pp");
            assertThat(rows).noneMatch(row -> row.contains("+0.00 pp"));
            admin.screenshot("layout-ranking-" + width + "x" + height);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> measure() {
        return (Map<String, Object>) esa.script("""
                const r = e => { if (!e) return null; const b = e.getBoundingClientRect();
                  return {left: b.left, right: b.right, top: b.top, bottom: b.bottom}; };
                const out = {scrollWidth: document.documentElement.scrollWidth};
                const pane = document.getElementById('results-pane');
                out.resultsOverflow = pane.scrollWidth - pane.clientWidth;
                for (const id of ['verdict-badge', 'result-min-soc', 'eclipses-link', 'baselines-link', 'report-pdf',
                    'presence']) { out[id] = r(document.getElementById(id)); }
                const grid = document.getElementById('load-grid');
                out.grid = r(grid);
                const tabs = [...document.querySelectorAll('vaadin-tab')].filter(t => t.offsetParent !== null);
                out.tabBar = r(tabs[0].parentElement);
                out.tabs = tabs.map(t => Object.assign(r(t), {text: t.textContent.trim()}));
                out.headers = {};
                for (const h of grid.querySelectorAll('vaadin-grid-cell-content .gp-wrap-header')) {
                  const text = h.textContent.trim();
                  const key = text.includes('analysed') ? 'analysed' : text;
                  if (['Name', 'Operating W', 'analysed'].includes(key)) { out.headers[key] = r(h); }
                }
                const history = [...grid.querySelectorAll('vaadin-button[id^="history-open-load-item-"]')]
                  .filter(b => b.offsetParent !== null);
                out.actionsLeft = history.length ? Math.min(...history.map(b => b.getBoundingClientRect().left))
                  : out.grid.right;
                const nameCells = [...grid.querySelectorAll('vaadin-grid-cell-content')]
                  .filter(c => c.closest('vaadin-grid-cell-content') && c.textContent.trim().length > 0
                    && c.getBoundingClientRect().top > out.headers['Name'].bottom);
                out.firstRowTop = nameCells.length ? Math.min(...nameCells.map(c => c.getBoundingClientRect().top))
                  : 1e9;
                out.chartTop = r(document.getElementById('balance-chart')).top;
                out.groups = [...grid.querySelectorAll('[id^="load-group-"]')].filter(h => h.offsetParent !== null)
                  .map(h => { const slot = h.closest('vaadin-grid-cell-content').getAttribute('slot');
                    const row = grid.shadowRoot.querySelector('slot[name="' + slot + '"]').closest('tr');
                    const texts = [...row.querySelectorAll('slot')].map(s => s.assignedNodes()[0])
                      .map(c => c ? c.textContent.trim() : '');
                    return Object.assign(r(h), {id: h.id, texts: texts}); })
                  .sort((a, b) => a.top - b.top);
                return out;
                """);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> rect(Map<String, Object> page, String key) {
        Object r = page.get(key);
        assertThat(r).as(key + " on the page").isNotNull();
        return (Map<String, Object>) r;
    }

    @SuppressWarnings("unchecked")
    private static boolean inViewport(Map<String, Object> page, String list, int index, int width, int height) {
        return inViewport(((List<Map<String, Object>>) page.get(list)).get(index), width, height);
    }

    private static boolean inViewport(Map<String, Object> page, String id, int width, int height) {
        return inViewport(rect(page, id), width, height);
    }

    private static boolean inViewport(Map<String, Object> r, int width, int height) {
        return number(r, "left") >= 0 && number(r, "top") >= 0 && number(r, "right") <= width
                && number(r, "bottom") <= height;
    }

    private static boolean overlap(Map<String, Object> page, String a, String b) {
        Map<String, Object> x = rect(page, a);
        Map<String, Object> y = rect(page, b);
        return number(x, "left") < number(y, "right") && number(y, "left") < number(x, "right")
                && number(x, "top") < number(y, "bottom") && number(y, "top") < number(x, "bottom");
    }

    private static double number(Map<String, Object> map, String key) {
        return ((Number) map.get(key)).doubleValue();
    }
}
