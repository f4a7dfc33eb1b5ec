package org.gatewaypower.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.gatewaypower.SpringTestBase;
import org.gatewaypower.security.AccountService;
import org.gatewaypower.workspace.EquipmentService;
import org.gatewaypower.workspace.ReadModels;
import org.gatewaypower.workspace.WorkspaceService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A sample of the access matrix in a real browser, on the demo workspace: a viewer cannot edit
 * anything; an ESA editor edits ESA's loads but sees the JAXA-owned I-Hab battery read-only with its
 * owner named (and the API refuses it with 403); an administrator creates an account.
 */
class AccessIT extends SpringTestBase {

    @LocalServerPort
    int port;
    @Autowired
    WorkspaceService workspaces;

    @Autowired
    EquipmentService equipment;
    @Autowired
    AccountService accounts;
    @Autowired
    TestRestTemplate rest;

    private BrowserSession browser;
    private long workspaceId;
    private ReadModels.WorkspaceSnapshot demo;

    @BeforeEach
    void findDemo() {
        assumeTrue(BrowserSession.available(), "Debian chromium and chromium-driver are needed (see .ci/run)");
        workspaceId = workspaces.listWorkspaces().stream().filter(w -> w.name().equals("Gateway demo")).findFirst()
                .orElseThrow().id();
        demo = workspaces.snapshot(workspaceId);
    }

    @AfterEach
    void close(org.junit.jupiter.api.TestInfo test) throws Exception {
        if (browser != null) {
            browser.screenshot(test.getTestMethod().map(java.lang.reflect.Method::getName).orElse("access"));
            browser.close();
        }
    }

    @Test
    void a_viewer_sees_everything_and_can_edit_nothing() throws Exception {
        browser = new BrowserSession("http://localhost:" + port).signIn("observer", "gateway");
        browser.open("/workspace/" + workspaceId);
        assertThat(browser.text("my-role")).isEqualTo("Viewer · ESA");
        assertThat(browser.text("result-min-soc")).endsWith("%");

        ReadModels.LoadItem heater = loadIn("I-Hab");
        browser.scrollToLoad(demo, heater.id());
        browser.doubleClick(browser.cell("load-grid", heater.name()));
        browser.waitFor(d -> browser.text("load-remote-notice").contains("you are a viewer"));
        assertThat(browser.displayed("load-editor-operatingPowerW")).as("the row editor opened").isFalse();
        assertThat(browser.displayed("add-load")).isFalse();
        assertThat(browser.displayed("load-edit-hint")).as("how to edit, to someone who may edit nothing").isFalse();
        assertThat(browser.displayed("load-filter-mine")).as("my team's loads, with none").isFalse();
        assertThat(browser.driver().findElements(By.cssSelector("vaadin-button[id^='add-load-']"))).isEmpty();
        browser.click("design-case-summary");
        assertThat(browser.displayed("design-save")).isFalse();
        assertThat(browser.text("design-read-only")).contains("you are a viewer");

        openTab("Batteries");
        for (ReadModels.Battery b : demo.batteries()) {
            assertThat(browser.text("battery-" + b.id() + "-read-only")).contains("you are a viewer");
            assertThat(browser.displayed("battery-" + b.id() + "-save")).isFalse();
        }

        // The phase form shows the selected phase only: nothing to type into that could not be saved.
        openTab("Timeline");
        WebElement phaseName = browser.waitFor(d -> d.findElement(By.id("ops-name")));
        assertThat(phaseName.getDomProperty("readonly")).isEqualTo("true");
        assertThat(browser.displayed("ops-new")).isFalse();
        assertThat(browser.displayed("ops-save")).isFalse();
        assertThat(workspaces.snapshot(workspaceId).loads()).isEqualTo(demo.loads());
    }

    @Test
    void an_esa_editor_edits_esa_loads_but_not_the_jaxa_owned_battery() throws Exception {
        ReadModels.Battery ihabBattery = demo.batteries().stream().filter(b -> b.name().equals("I-Hab battery (JAXA)"))
                .findFirst().orElseThrow();
        browser = new BrowserSession("http://localhost:" + port).signIn("esa", "gateway");
        browser.open("/workspace/" + workspaceId);
        assertThat(browser.text("my-role")).isEqualTo("Editor · ESA");

        openTab("Batteries");
        String note = browser.text("battery-" + ihabBattery.id() + "-read-only");
        assertThat(note).contains("owned by JAXA").contains("only JAXA editors and workspace owners");
        assertThat(browser.displayed("battery-" + ihabBattery.id() + "-save")).isFalse();
        WebElement capacity = browser.driver().findElement(By.cssSelector("#battery-" + ihabBattery.id()
                + "-capacityJ"));
        assertThat(capacity.getAttribute("readonly")).isNotNull();

        ResponseEntity<String> refused = rest.withBasicAuth("esa", "gateway").exchange("/api/v1/workspaces/"
                + workspaceId + "/batteries/" + ihabBattery.id(), HttpMethod.PUT, json(Map.of("version",
                ihabBattery.version(), "name", ihabBattery.name(), "capacityJ", 1.0e8, "minStateOfCharge", 0.3,
                "maxStateOfCharge", 1.0, "chargeEfficiency", 0.95, "dischargeEfficiency", 0.95, "maxChargePowerW",
                4_000.0, "maxDischargePowerW", 8_000.0, "initialStateOfCharge", 1.0)), String.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused.getBody()).contains("owned by JAXA");
        assertThat(workspaces.snapshot(workspaceId).batteries()).contains(ihabBattery);

        openTab("Loads");
        ReadModels.LoadItem nasaLoad = loadIn("PPE");
        browser.scrollToLoad(demo, nasaLoad.id());
        browser.doubleClick(browser.cell("load-grid", nasaLoad.name()));
        browser.waitFor(d -> browser.text("load-remote-notice").contains("owned by NASA"));
        assertThat(browser.displayed("load-editor-operatingPowerW")).isFalse();

        ReadModels.LoadItem esaLoad = loadIn("I-Hab");
        browser.scrollToLoad(demo, esaLoad.id());
        browser.doubleClick(browser.cell("load-grid", esaLoad.name()));
        browser.waitFor(d -> browser.displayed("load-editor-operatingPowerW"));
        // Below the stored value, so the peak power (at least the operating power) stays valid.
        long newPower = (long) esaLoad.operatingPowerW() - 7;
        browser.typeAndEnter("load-editor-operatingPowerW", String.valueOf(newPower));
        browser.waitFor(Duration.ofSeconds(30), d -> equipment.load(esaLoad.id()).operatingPowerW() == newPower);
        assertThat(equipment.load(esaLoad.id()).updatedBy()).isEqualTo("esa");
    }

    @Test
    void an_administrator_creates_an_account_on_the_administration_page() throws Exception {
        String username = "reviewer-" + UUID.randomUUID().toString().substring(0, 8);
        browser = new BrowserSession("http://localhost:" + port).signIn("admin", "gateway");
        browser.open("/admin");
        browser.type("new-user-username", username);
        browser.type("new-user-name", "Design reviewer");
        browser.type("new-user-password", "short");
        browser.driver().findElement(By.id("new-user-create")).click();
        browser.waitFor(d -> !d.findElements(By.xpath("//*[contains(text(),'Password must be at least 12')]"))
                .isEmpty());
        assertThat(accounts.exists(username)).isFalse();

        browser.type("new-user-password", "a review of the power budget");
        browser.driver().findElement(By.id("new-user-create")).click();
        browser.waitFor(d -> browser.gridShows("admin-users", username));
        assertThat(accounts.find(username)).hasValueSatisfying(a -> assertThat(a.displayName())
                .isEqualTo("Design reviewer"));
    }

    @Test
    void a_non_administrator_cannot_open_the_administration_page() throws Exception {
        browser = new BrowserSession("http://localhost:" + port).signIn("nasa", "gateway");
        assertThat(browser.displayed("admin-link")).isFalse();
        browser.open("/admin");
        browser.waitFor(d -> d.findElements(By.id("new-user-create")).isEmpty()
                && d.getPageSource().contains("Could not navigate"));
    }

    private void openTab(String label) {
        browser.tab(label);
    }

    private ReadModels.LoadItem loadIn(String elementName) {
        long element = demo.elements().stream().filter(e -> e.name().equals(elementName)).findFirst().orElseThrow()
                .id();
        return demo.loads().stream().filter(l -> l.elementId() == element).findFirst().orElseThrow();
    }

    private static HttpEntity<String> json(Map<String, Object> body) throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(new tools.jackson.databind.ObjectMapper().writeValueAsString(body), headers);
    }
}
