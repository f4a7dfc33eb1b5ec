package org.gatewaypower.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import org.gatewaypower.SpringTestBase;
import org.gatewaypower.analysis.EclipseService;
import org.gatewaypower.physics.eclipse.EclipseStatistics;
import org.gatewaypower.physics.eclipse.Occulter;
import org.gatewaypower.workspace.DesignCaseService;
import org.gatewaypower.workspace.ReadModels;
import org.gatewaypower.workspace.WorkspaceService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A power engineer opens the eclipses of the demo workspace from its page: the statistics, the
 * longest eclipse, both charts and the catalogue match what the eclipse service computes, and the
 * catalogue downloads as CSV. A span that breaks a rule is explained and the results stay.
 */
class EclipseViewIT extends SpringTestBase {

    private static final Duration COMPUTE_TIMEOUT = Duration.ofSeconds(60);

    @LocalServerPort
    int port;

    @Autowired
    WorkspaceService workspaces;

    @Autowired
    org.gatewaypower.workspace.TestWorkspaces fixtures;

    @Autowired
    DesignCaseService designCases;

    @Autowired
    EclipseService eclipses;

    private BrowserSession browser;
    private long workspaceId;

    @BeforeEach
    void openBrowser() throws Exception {
        assumeTrue(BrowserSession.available(), "Debian chromium and chromium-driver are needed (see .ci/run)");
        workspaceId = workspaces.listWorkspaces().stream().filter(w -> w.name().equals("Gateway demo")).findFirst()
                .orElseThrow().id();
        browser = new BrowserSession("http://localhost:" + port).signIn("jaxa", "gateway");
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void the_eclipse_page_shows_what_the_service_computes_and_keeps_it_when_the_span_breaks_a_rule() throws Exception {
        ReadModels.DesignCase dc = workspaces.snapshot(workspaceId).designCase();
        Instant to = dc.spanStart().plusMillis(Math.round(dc.spanDays() * 86_400_000));
        EclipseService.Catalogue expected = eclipses.catalogue(dc.periluneEpoch(), dc.spanStart(), to);
        assertThat(expected.eclipses()).as("the demo span has eclipses to show").isNotEmpty();
        String firstStart = iso(expected.eclipses().get(0).start());

        browser.open("/workspace/" + workspaceId);
        browser.text("result-min-soc");
        browser.screenshot("eclipse-workspace-header");
        browser.waitFor(d -> d.findElement(By.id("eclipses-link"))).click();
        browser.waitFor(COMPUTE_TIMEOUT, d -> browser.gridShows("eclipse-grid", firstStart));

        EclipseStatistics moon = stats(expected, Occulter.MOON);
        EclipseStatistics earth = stats(expected, Occulter.EARTH);
        assertThat(browser.text("eclipse-stats-moon")).containsIgnoringCase("Moon shadow")
                .contains(String.format(Locale.US, "%d (%.1f per year)", moon.count(), moon.countPerYear()))
                .contains(String.format(Locale.US, "%.2f h", moon.totalShadowS() / 3600))
                .contains("Total in umbra");
        assertThat(browser.text("eclipse-stats-earth")).containsIgnoringCase("Earth shadow")
                .contains(String.format(Locale.US, "%d (%.1f per year)", earth.count(), earth.countPerYear()))
                .contains("Duration min / median / max");
        assertThat(browser.text("eclipse-worst"))
                .contains(String.format(Locale.US, "%.1f min", expected.worst().durationSeconds() / 60))
                .contains(iso(expected.worst().start()));
        browser.waitFor(COMPUTE_TIMEOUT, d -> d.findElement(By.cssSelector("#lit-fraction-chart[data-rendered]")));
        browser.waitFor(COMPUTE_TIMEOUT, d -> d.findElement(By.cssSelector("#phase-scan-chart[data-rendered]")));
        assertThat(browser.text("phase-best")).contains("Best phase").contains("perilune epoch");
        assertThat(browser.driver().findElements(By.cssSelector("#eclipse-grid vaadin-grid-sorter"))).hasSize(7);

        String href = browser.waitFor(d -> d.findElement(By.id("eclipse-csv")).getAttribute("href"));
        assertThat(href).isNotBlank();
        String csv = (String) ((JavascriptExecutor) browser.driver()).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0]).then(r => r.text()).then(done, e => done('failed: ' + e));", href);
        String[] lines = csv.strip().split("\n");
        assertThat(lines[0]).isEqualTo("body,start,end,umbraStart,umbraEnd,durationSeconds,minLitFraction");
        assertThat(lines).hasSize(expected.eclipses().size() + 1);
        assertThat(lines[1]).startsWith(expected.eclipses().get(0).body().name() + ","
                + expected.eclipses().get(0).start().truncatedTo(ChronoUnit.MILLIS));

        browser.screenshot("eclipse-page");
        browser.script("document.getElementById(arguments[0]).scrollIntoView()", "eclipse-grid");
        browser.screenshot("eclipse-page-catalogue");
        browser.script("document.getElementById(arguments[0]).scrollIntoView()", "phase-scan-chart");
        browser.screenshot("eclipse-page-phase-scan");

        browser.script("document.getElementById(arguments[0]).scrollIntoView()", "eclipse-compute");
        browser.typeAndEnter("eclipse-span-days", "0");
        browser.waitFor(d -> d.findElement(By.id("eclipse-compute"))).click();
        String message = browser.waitFor(COMPUTE_TIMEOUT, d -> {
            String s = d.findElement(By.id("eclipse-errors")).getText();
            return s.contains("to must be after from") ? s : null;
        });
        assertThat(message).contains("Span (days)");
        browser.waitFor(d -> d.findElement(By.cssSelector("#eclipse-span-days[invalid]")));
        browser.waitFor(d -> d.findElement(By.id("eclipse-compute")).isEnabled());
        assertThat(browser.gridShows("eclipse-grid", firstStart)).isTrue();
        assertThat(browser.text("eclipse-stats-moon"))
                .contains(String.format(Locale.US, "%d (%.1f per year)", moon.count(), moon.countPerYear()));
        browser.screenshot("eclipse-page-error");

        browser.typeAndEnter("eclipse-span-days", "365");
        browser.waitFor(d -> d.findElement(By.id("eclipse-compute"))).click();
        browser.waitFor(COMPUTE_TIMEOUT, d -> d.findElement(By.id("eclipse-status")).getText().contains("+ 365 days"));
        EclipseStatistics yearEarth = stats(eclipses.catalogue(dc.periluneEpoch(), dc.spanStart(),
                dc.spanStart().plus(Duration.ofDays(365))), Occulter.EARTH);
        assertThat(browser.displayed("eclipse-errors")).isFalse();
        assertThat(browser.text("eclipse-stats-earth"))
                .contains(String.format(Locale.US, "%d (%.1f per year)", yearEarth.count(), yearEarth.countPerYear()));
        browser.screenshot("eclipse-page-year");
    }

    @Test
    void an_owner_picks_a_pass_as_the_design_eclipse_and_the_workspace_analyses_it() throws Exception {
        browser.close();
        browser = new BrowserSession("http://localhost:" + port).signIn("nasa", "gateway");
        org.gatewaypower.workspace.TestWorkspaces.Fixture f = fixtures.create("pick", 1);
        // 120 days from 2027-01-01 hold complete Moon passes at the fixture's phase
        ReadModels.DesignCase before = workspaces.snapshot(f.workspaceId()).designCase();
        ReadModels.DesignCase dc = designCases.updateDesignCase(f.workspaceId(), before.version(),
                new org.gatewaypower.workspace.Drafts.DesignCaseDraft(before.activeModeId(), before.orbitPeriodS(),
                        before.eclipseDurationS(), before.arrayAgeYears(), before.timeline(), before.periluneEpoch(),
                        before.spanStart(), 120.0), "nasa");
        EclipseService.Catalogue cat = eclipses.catalogue(dc.periluneEpoch(), dc.spanStart(),
                dc.spanStart().plusMillis(Math.round(dc.spanDays() * 86_400_000)));
        EclipseService.Eclipse longest = cat.eclipses().stream().filter(EclipseService.Eclipse::complete)
                .max(java.util.Comparator.comparingDouble(EclipseService.Eclipse::durationSeconds)).orElseThrow();

        browser.open("/workspace/" + f.workspaceId() + "/eclipses");
        browser.waitFor(COMPUTE_TIMEOUT, d -> browser.gridShows("eclipse-grid", iso(longest.start())));
        org.openqa.selenium.WebElement use = browser.waitFor(d -> d.findElement(By.cssSelector(
                "#eclipse-grid vaadin-button[data-start='" + longest.start() + "']")));
        browser.script("arguments[0].scrollIntoView({block: 'center'})", use);
        browser.waitFor(d -> use.isDisplayed() ? use : null).click();
        browser.waitFor(d -> workspaces.snapshot(f.workspaceId()).designCase().eclipseSource()
                == org.gatewaypower.workspace.DesignEclipseSource.PICKED);
        ReadModels.DesignCase picked = workspaces.snapshot(f.workspaceId()).designCase();
        assertThat(picked.pickedEclipseStart()).isEqualTo(longest.start().truncatedTo(ChronoUnit.MILLIS));
        assertThat(picked.eclipseDurationS()).isEqualTo(longest.durationSeconds());

        browser.open("/workspace/" + f.workspaceId());
        browser.click("design-case-summary");
        String note = browser.waitFor(d -> {
            String s = d.findElement(By.id("design-eclipse-source")).getText();
            return s.contains("Pass picked on the Eclipses page") ? s : null;
        });
        assertThat(note).contains(String.format(Locale.US, "%.1f min", longest.durationSeconds() / 60))
                .contains(longest.start().toString().substring(0, 10));
        browser.screenshot("eclipse-picked-design-case");
    }

    @Test
    void a_member_who_does_not_own_the_workspace_is_not_offered_the_pick() {
        browser.open("/workspace/" + workspaceId + "/eclipses");
        browser.waitFor(COMPUTE_TIMEOUT, d -> d.findElement(By.id("eclipse-status")).getText().contains("Showing"));
        assertThat(browser.driver().findElements(By.cssSelector("#eclipse-grid vaadin-button"))).isEmpty();
    }

    private static EclipseStatistics stats(EclipseService.Catalogue c, Occulter body) {
        return c.statistics().stream().filter(s -> s.body() == body).findFirst().orElseThrow();
    }

    private static String iso(Instant t) {
        return DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.SECONDS));
    }
}
