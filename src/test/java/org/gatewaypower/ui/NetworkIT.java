package org.gatewaypower.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Map;

import org.gatewaypower.SpringTestBase;
import org.gatewaypower.physics.load.LoadPriority;
import org.gatewaypower.physics.load.MaturityClass;
import org.gatewaypower.workspace.Bus;
import org.gatewaypower.workspace.Drafts.LoadItemDraft;
import org.gatewaypower.workspace.EquipmentService;
import org.gatewaypower.workspace.NetworkService;
import org.gatewaypower.workspace.TestWorkspaces;
import org.gatewaypower.workspace.TestWorkspaces.Fixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Network tab in two browsers: an owner changes a converter's efficiency and rating in the form; the other
 * browser, open on the same tab, sees the converter loss and the "Converter ratings" check move without a reload.
 * The workspace: HALO with a 2 kW off-the-shelf 28 V load at duty 1 (2100 W MEV) through one converter, first
 * 0.94 and 3 kW (loss 2100 / 0.94 − 2100 = 134 W, within rating), then 0.90 and 2 kW (loss 233 W, over rating).
 */
class NetworkIT extends SpringTestBase {

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces fixtures;

    @Autowired
    EquipmentService equipment;

    @Autowired
    NetworkService network;

    private BrowserSession owner;
    private BrowserSession other;

    @BeforeEach
    void needsBrowser() {
        assumeTrue(BrowserSession.available(), "Debian chromium and chromium-driver are needed (see .ci/run)");
    }

    @AfterEach
    void close() throws Exception {
        if (owner != null) {
            owner.screenshot("network-owner");
            owner.close();
        }
        if (other != null) {
            other.close();
        }
    }

    @Test
    void an_efficiency_edited_in_one_browser_moves_the_loss_and_the_check_in_the_other() throws Exception {
        Fixture f = fixtures.create("Network UI", 0);
        equipment.createLoad(f.workspaceId(), new LoadItemDraft(f.elementId(), "Avionics", "Avionics", Bus.V28, 1,
                0.0, 2000.0, 2000.0, Map.of(f.activeModeId(), 1.0), null, MaturityClass.OFF_THE_SHELF,
                LoadPriority.CRITICAL), "nasa");
        network.addConverter(f.workspaceId(), new NetworkService.ConverterDraft(f.elementId(), "HALO DCU", 0.94,
                3000.0), "nasa");

        other = open("esa", f);
        other.waitFor(d -> d.findElement(By.id("net-summary")).getText().contains("converter loss 134 W"));
        assertThat(other.text("net-converter-check")).startsWith("Converter ratings: PASS");
        owner = open("nasa", f);

        org.openqa.selenium.WebElement row = owner.cell("net-converters", "HALO DCU");
        owner.script("arguments[0].scrollIntoView({block: 'center'})", row);
        row.click();
        owner.waitFor(d -> "94".equals(owner.value("net-conv-efficiency")));
        owner.type("net-conv-efficiency", "90");
        owner.type("net-conv-rating", "2");
        owner.click("net-conv-save");

        other.waitFor(d -> d.findElement(By.id("net-summary")).getText().contains("converter loss 233 W"));
        other.waitFor(d -> d.findElement(By.id("net-converter-check")).getText()
                .startsWith("Converter ratings: FAIL"));
        assertThat(other.text("net-converter-check")).contains("HALO DCU on HALO 2.10 kW of 2.00 kW");
        assertThat(other.gridShows("net-converters", "90.0 %")).isTrue();
        String option = (String) other.script("return document.getElementById('net-diagram').option;");
        assertThat(option).contains("\"type\":\"graph\"").contains("HALO DCU 2.10 kW / 2.00 kW");
    }

    private BrowserSession open(String user, Fixture f) throws Exception {
        BrowserSession b = new BrowserSession("http://localhost:" + port).signIn(user, "gateway");
        b.open("/workspace/" + f.workspaceId());
        b.tab("Network");
        b.waitFor(d -> d.findElement(By.id("net-converters")));
        return b;
    }
}
