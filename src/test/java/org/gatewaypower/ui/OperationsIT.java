package org.gatewaypower.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.time.Instant;

import org.gatewaypower.SpringTestBase;
import org.gatewaypower.workspace.Operations.OperationPhase;
import org.gatewaypower.workspace.Operations.OperationPhaseDraft;
import org.gatewaypower.workspace.OperationsService;
import org.gatewaypower.workspace.PhaseKind;
import org.gatewaypower.workspace.TestWorkspaces;
import org.gatewaypower.workspace.TestWorkspaces.Fixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The operations timeline in a real browser: a phase added in the form appears in the list and in the
 * Gantt chart; an overlapping phase is refused with the service's message on the field and nothing
 * is saved; a phase saved elsewhere shows up without a reload.
 */
class OperationsIT extends SpringTestBase {

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces fixtures;

    @Autowired
    OperationsService operations;

    private BrowserSession browser;
    private Fixture f;

    @BeforeEach
    void openTheTimeline() throws Exception {
        assumeTrue(BrowserSession.available(), "Debian chromium and chromium-driver are needed (see .ci/run)");
        f = fixtures.create("Ops UI", 1);
        browser = new BrowserSession("http://localhost:" + port).signIn("nasa", "gateway");
        browser.open("/workspace/" + f.workspaceId());
        WebElement tab = browser.waitFor(d -> d.findElements(By.cssSelector("vaadin-tab")).stream()
                .filter(t -> t.getText().trim().equals("Timeline")).findFirst().orElse(null));
        click(tab);
        browser.waitFor(d -> d.findElement(By.cssSelector("#ops-gantt[data-rendered]")));
    }

    @AfterEach
    void close(org.junit.jupiter.api.TestInfo test) throws Exception {
        if (browser != null) {
            String name = test.getTestMethod().map(java.lang.reflect.Method::getName).orElse("test");
            browser.screenshot("operations-" + name);
            browser.close();
        }
    }

    @Test
    void a_phase_added_in_the_form_appears_in_the_list_and_the_gantt_chart() {
        String renderedBefore = browser.driver().findElement(By.id("ops-gantt")).getDomAttribute("data-rendered");

        fill("Artemis IV crew stay", "Crewed stay", "Crewed", "2027-03-01T00:00", "2027-03-31T00:00");
        click("ops-save");

        browser.cell("ops-grid", "Artemis IV crew stay");
        assertThat(browser.gridShows("ops-grid", "30.00")).as("duration in days").isTrue();
        assertThat(browser.gridShows("ops-grid", "2027-03-01 00:00")).isTrue();
        browser.waitFor(Duration.ofSeconds(30), d -> {
            String rendered = d.findElement(By.id("ops-gantt")).getDomAttribute("data-rendered");
            return rendered != null && !rendered.equals(renderedBefore);
        });
        String option = (String) browser.script("return document.getElementById('ops-gantt').option;");
        assertThat(option).contains("Artemis IV crew stay").contains("Crewed stay")
                .contains(String.valueOf(Instant.parse("2027-03-01T00:00:00Z").toEpochMilli()));
        assertThat(operations.phases(f.workspaceId())).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(PhaseKind.CREWED);
            assertThat(p.modeId()).isEqualTo(f.activeModeId());
            assertThat(p.end()).isEqualTo(Instant.parse("2027-03-31T00:00:00Z"));
            assertThat(p.updatedBy()).isEqualTo("nasa");
        });
    }

    @Test
    void an_overlapping_phase_is_refused_on_its_field_and_nothing_is_saved() {
        operations.create(f.workspaceId(), new OperationPhaseDraft("Quiescent", PhaseKind.UNCREWED,
                f.otherModeId(), Instant.parse("2027-03-01T00:00:00Z"), Instant.parse("2027-04-01T00:00:00Z")),
                "esa");
        browser.cell("ops-grid", "Quiescent");

        click("ops-new");
        fill("EVA 1", "EVA", "Crewed", "2027-03-20T06:00", "2027-03-20T14:00");
        click("ops-save");

        String message = browser.waitFor(d -> {
            String text = d.findElement(By.id("ops-errors")).getText();
            return text.isBlank() ? null : text;
        });
        assertThat(message).contains("Not saved").contains("Overlaps phase 'Quiescent'");
        WebElement start = browser.driver().findElement(By.id("ops-start"));
        assertThat(start.getDomAttribute("invalid")).as("start field marked invalid").isNotNull();
        assertThat(operations.phases(f.workspaceId())).extracting(OperationPhase::name).containsExactly("Quiescent");
    }

    @Test
    void a_stale_phase_save_opens_the_conflict_dialog_and_apply_mine_saves_over_the_current_version() {
        OperationPhase quiet = operations.create(f.workspaceId(), new OperationPhaseDraft("Quiescent",
                PhaseKind.UNCREWED, f.otherModeId(), Instant.parse("2027-07-01T00:00:00Z"),
                Instant.parse("2027-08-01T00:00:00Z")), "esa");
        click(browser.cell("ops-grid", "Quiescent"));
        browser.waitFor(d -> "Quiescent".equals(browser.driver().findElement(By.cssSelector("#ops-name input"))
                .getDomProperty("value")));
        browser.type("ops-name", "Quiescent, reduced heaters");
        // Leaving the field commits the typing to the server: the form now holds an unsaved edit.
        browser.driver().findElement(By.cssSelector("#ops-name input")).sendKeys(org.openqa.selenium.Keys.TAB);
        browser.waitForServer();

        operations.update(quiet.id(), quiet.version(), new OperationPhaseDraft("Quiescent", PhaseKind.UNCREWED,
                f.otherModeId(), quiet.start(), Instant.parse("2027-08-15T00:00:00Z")), "esa");
        click("ops-save");

        WebElement dialog = browser.waitFor(d -> d.findElement(By.id("conflict-summary")));
        assertThat(dialog.getText()).contains("esa saved phase Quiescent");
        assertThat(browser.displayed("conflict-row-name")).isTrue();
        assertThat(browser.displayed("conflict-row-end")).isTrue();
        assertThat(browser.displayed("conflict-row-start")).as("unchanged fields are not listed").isFalse();
        click("conflict-apply-mine");

        browser.waitFor(d -> operations.phase(quiet.id()).name().equals("Quiescent, reduced heaters"));
        OperationPhase saved = operations.phase(quiet.id());
        assertThat(saved.end()).as("my end, applied over theirs").isEqualTo(quiet.end());
        assertThat(saved.updatedBy()).isEqualTo("nasa");
        assertThat(saved.version()).isEqualTo(quiet.version() + 2);
    }

    @Test
    void phases_saved_by_someone_else_appear_without_reload() throws Exception {
        save("Quiescent", PhaseKind.UNCREWED, f.otherModeId(), "2027-04-01T00:00:00Z", "2027-05-01T00:00:00Z");
        save("Artemis IV: Orion docked", PhaseKind.ORION_DOCKED, f.activeModeId(), "2027-05-01T00:00:00Z",
                "2027-05-31T00:00:00Z");
        save("EVA 1", PhaseKind.EVA, f.activeModeId(), "2027-05-31T00:00:00Z", "2027-05-31T08:00:00Z");
        save("SEP orbit maintenance", PhaseKind.SEP_BURN, f.otherModeId(), "2027-06-02T00:00:00Z",
                "2027-06-04T00:00:00Z");

        browser.cell("ops-grid", "SEP orbit maintenance");
        assertThat(browser.gridShows("ops-grid", "EVA 1")).isTrue();
        assertThat(browser.gridShows("ops-grid", "0.33")).as("EVA duration in days").isTrue();
        String option = browser.waitFor(d -> {
            String o = (String) browser.script("return document.getElementById('ops-gantt').option;");
            return o != null && o.contains("SEP orbit maintenance") ? o : null;
        });
        assertThat(option).contains("Artemis IV: Orion docked").contains("Orion docked").contains("SEP burn");
        browser.script("document.getElementById('ops-gantt').scrollIntoView({block: 'start'});");
        Thread.sleep(4500);
        browser.screenshot("operations-timeline");
    }

    private void save(String name, PhaseKind kind, long modeId, String start, String end) {
        operations.create(f.workspaceId(), new OperationPhaseDraft(name, kind, modeId, Instant.parse(start),
                Instant.parse(end)), "esa");
    }

    private void click(String id) {
        click(browser.driver().findElement(By.id(id)));
    }

    /**
     * Clicks an element after scrolling it to the middle of the window; when a notification card still
     * covers it (they fade after a few seconds), the click goes to the element directly.
     */
    private void click(WebElement e) {
        browser.script("arguments[0].scrollIntoView({block: 'center'});", e);
        try {
            e.click();
        } catch (org.openqa.selenium.ElementClickInterceptedException covered) {
            browser.script("arguments[0].click();", e);
        }
    }

    /** Fills the form; dates as the picker's value, yyyy-MM-ddTHH:mm in UTC. */
    private void fill(String name, String kind, String mode, String start, String end) {
        browser.type("ops-name", name);
        browser.choose("ops-kind", kind);
        browser.choose("ops-mode", mode);
        browser.setDateTime("ops-start", start);
        browser.setDateTime("ops-end", end);
    }
}
