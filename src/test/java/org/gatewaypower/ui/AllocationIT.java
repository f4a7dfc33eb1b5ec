package org.gatewaypower.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.List;

import org.gatewaypower.SpringTestBase;
import org.gatewaypower.workspace.AllocationService;
import org.gatewaypower.workspace.MembershipService;
import org.gatewaypower.workspace.ReadModels;
import org.gatewaypower.workspace.TestWorkspaces;
import org.gatewaypower.workspace.WorkspaceRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Two browsers on the element budget: the owner (nasa) lowers HALO's allocation below its MEV on the Elements tab;
 * an ESA editor, who sees the budget read only, watches HALO's check turn from PASS to FAIL without reloading, and
 * NASA, whose element it is, gets the notice addressed to its team.
 */
class AllocationIT extends SpringTestBase {

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces fixtures;

    @Autowired
    MembershipService membership;

    @Autowired
    AllocationService allocations;

    private BrowserSession nasa;
    private BrowserSession esa;

    @AfterEach
    void close() throws java.io.IOException {
        for (BrowserSession b : new BrowserSession[] {nasa, esa}) {
            if (b != null) {
                b.screenshot("allocation-" + (b == nasa ? "nasa" : "esa"));
                b.close();
            }
        }
    }

    @Test
    void an_owner_lowers_an_allocation_and_another_browser_sees_the_check_fail_without_reload() throws Exception {
        assumeTrue(BrowserSession.available(), "Debian chromium and chromium-driver are needed (see .ci/run)");
        // One load on HALO (NASA): MEV 605 W in Crewed, the analysed mode; allocated 700 W, 95 W to spare.
        TestWorkspaces.Fixture f = fixtures.create("Alloc IT", 1);
        membership.setMember(f.workspaceId(), "esa", WorkspaceRole.EDITOR, TestWorkspaces.SEEDER);
        allocations.set(f.elementId(), f.activeModeId(), 700.0, null, "nasa");
        String base = "http://localhost:" + port;
        nasa = new BrowserSession(base).signIn("nasa", "gateway");
        esa = new BrowserSession(base).signIn("esa", "gateway");
        for (BrowserSession b : List.of(nasa, esa)) {
            b.open("/workspace/" + f.workspaceId());
            b.text("result-min-soc");
            b.tab("Elements");
        }
        String check = "#element-budget .budget-check[data-element='" + f.elementId() + "']";
        String before = esa.waitFor(d -> passed(d, check));
        assertThat(before).isEqualTo("true");
        assertThat(esa.displayed("allocation-read-only")).isTrue();
        assertThat(esa.displayed("allocation-edit-" + f.elementId())).as("no edit button for an editor").isFalse();

        nasa.click("allocation-edit-" + f.elementId());
        nasa.type("allocation-value", "0.5");
        nasa.click("allocation-save");

        String after = esa.waitFor(Duration.ofSeconds(30), d -> "false".equals(passed(d, check))
                ? d.findElement(By.cssSelector(check)).getText() : null);
        assertThat(after).contains("FAIL");
        assertThat(esa.text("allocation-summary")).contains("Allocated in Crewed: 0.50 kW");
        ReadModels.Allocation saved = allocations.allocations(f.workspaceId()).get(0);
        assertThat(saved.allocationW()).isEqualTo(500.0);
        assertThat(saved.updatedBy()).isEqualTo("nasa");
        String notice = nasa.waitFor(Duration.ofSeconds(30), d -> d.findElements(By.cssSelector(".allocation-notice"))
                .stream().map(WebElement::getText).filter(t -> !t.isBlank()).findFirst().orElse(null));
        assertThat(notice).contains("Your team's element HALO over its power allocation in Crewed");
    }

    /** The check's data-passed attribute, or null while it is not rendered. */
    private static String passed(WebDriver d, String css) {
        return d.findElements(By.cssSelector(css)).stream().findFirst().map(e -> e.getDomAttribute("data-passed"))
                .orElse(null);
    }
}
