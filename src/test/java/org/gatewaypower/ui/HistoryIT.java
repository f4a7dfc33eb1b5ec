package org.gatewaypower.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Locale;

import org.gatewaypower.SpringTestBase;
import org.gatewaypower.workspace.ReadModels;
import org.gatewaypower.workspace.WorkspaceService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * History in a real browser: NASA edits a load of its PPE element in the grid, opens the row's history,
 * sees who changed the operating power from what to what, restores the old value, and the grid shows
 * it again (the restore is a new change in the workspace's History tab and in the element's history). The
 * demo load ends as it began.
 */
class HistoryIT extends SpringTestBase {

    private static final String LOAD = "PPE thermal control";
    private static final String DIALOG_ENTRY = "#history-dialog-panel .history-entry";

    @LocalServerPort
    int port;

    @Autowired
    WorkspaceService workspaces;

    private BrowserSession nasa;

    @AfterEach
    void close() throws Exception {
        if (nasa != null) {
            nasa.screenshot("history");
            nasa.close();
        }
    }

    @Test
    void an_edit_shows_in_the_history_with_old_and_new_value_and_can_be_restored() throws Exception {
        assumeTrue(BrowserSession.available(), "Debian chromium and chromium-driver are needed (see .ci/run)");
        long workspaceId = workspaces.listWorkspaces().stream().filter(w -> w.name().equals("Gateway demo"))
                .findFirst().orElseThrow().id();
        ReadModels.LoadItem before = load(workspaceId);
        long oldPower = (long) before.operatingPowerW();
        long newPower = oldPower - 77;
        String oldText = String.format(Locale.US, "%,d", oldPower);
        String newText = String.format(Locale.US, "%,d", newPower);

        nasa = new BrowserSession("http://localhost:" + port).signIn("nasa", "gateway");
        nasa.open("/workspace/" + workspaceId);
        nasa.text("result-min-soc");
        nasa.scrollToLoad(workspaces.snapshot(workspaceId), load(workspaceId).id());
        nasa.doubleClick(nasa.cell("load-grid", LOAD));
        nasa.typeAndEnter("load-editor-operatingPowerW", String.valueOf(newPower));
        nasa.waitFor(d -> load(workspaceId).operatingPowerW() == newPower);
        nasa.waitFor(d -> nasa.gridShows("load-grid", newText));

        // the row's History button sits in the grid's last columns: scroll it into view, then click it
        WebElement open = nasa.waitFor(d -> d.findElement(By.id("history-open-load-item-" + before.id())));
        nasa.script("arguments[0].scrollIntoView({block: 'nearest', inline: 'center'});", open);
        nasa.waitFor(d -> open.isDisplayed() ? open : null).click();
        String change = oldText + " W → " + newText + " W";
        nasa.waitFor(d -> firstEntryText(d).contains(change));
        WebElement entry = first(nasa.driver().findElements(By.cssSelector(DIALOG_ENTRY)));
        assertThat(entry.getText()).contains("nasa").contains("changed load item").contains(LOAD)
                .contains("Operating power: " + change);

        entry.findElement(By.cssSelector(".history-restore")).click();
        nasa.waitFor(d -> load(workspaceId).operatingPowerW() == oldPower);
        nasa.waitFor(d -> firstEntryText(d)
                .contains("Operating power: " + newText + " W → " + oldText + " W"));
        nasa.driver().findElement(By.id("history-close")).click();
        nasa.waitFor(d -> cellTexts().contains(oldText) && !cellTexts().contains(newText));

        ReadModels.LoadItem after = load(workspaceId);
        assertThat(after.updatedBy()).isEqualTo("nasa");
        assertThat(after.version()).isEqualTo(before.version() + 2);

        // the workspace's History tab lists the restore as the newest change
        nasa.tab("History");
        nasa.waitFor(d -> d.findElement(By.id("history-tab")).findElements(By.cssSelector(".history-entry"))
                .stream().findFirst().map(e -> e.getText().contains(LOAD)
                        && e.getText().contains(newText + " W → " + oldText + " W")).orElse(false));

        // the PPE element's history, from the Elements tab, includes the changes of its loads
        long ppe = before.elementId();
        nasa.tab("Elements");
        nasa.waitFor(d -> d.findElement(By.id("history-open-element-" + ppe))).click();
        nasa.waitFor(d -> firstEntryText(d).contains(LOAD));
    }

    /** The texts of the load grid's cells, also of those scrolled out of view (where Selenium reads none). */
    private List<?> cellTexts() {
        return (List<?>) nasa.script("return [...document.querySelectorAll('#load-grid vaadin-grid-cell-content')]"
                + ".map(c => c.textContent.trim());");
    }

    /** The text of the open dialog's newest entry; empty while there is none. */
    private static String firstEntryText(org.openqa.selenium.WebDriver d) {
        WebElement entry = first(d.findElements(By.cssSelector(DIALOG_ENTRY)));
        return entry == null ? "" : entry.getText();
    }

    private static WebElement first(List<WebElement> elements) {
        return elements.isEmpty() ? null : elements.get(0);
    }

    private ReadModels.LoadItem load(long workspaceId) {
        return workspaces.snapshot(workspaceId).loads().stream().filter(l -> l.name().equals(LOAD)).findFirst()
                .orElseThrow();
    }
}
