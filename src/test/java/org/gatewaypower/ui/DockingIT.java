package org.gatewaypower.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.gatewaypower.physics.load.LoadPriority;
import org.gatewaypower.physics.load.MaturityClass;
import org.gatewaypower.workspace.AnalysisTimeline;
import org.gatewaypower.workspace.Bus;
import org.gatewaypower.workspace.DesignCaseService;
import org.gatewaypower.workspace.DockingService;
import org.gatewaypower.workspace.Drafts;
import org.gatewaypower.workspace.ElementKind;
import org.gatewaypower.workspace.EquipmentService;
import org.gatewaypower.workspace.ReadModels;
import org.gatewaypower.workspace.StructureService;
import org.gatewaypower.workspace.TestWorkspaces;
import org.gatewaypower.workspace.WorkspaceService;
import org.gatewaypower.SpringTestBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Visiting vehicles in two real browsers: an owner adds Orion's docking on the Timeline tab; a colleague's browser
 * shows it in the Gantt chart and the run's visiting-vehicle figures without a reload.
 */
class DockingIT extends SpringTestBase {

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces fixtures;

    @Autowired
    WorkspaceService workspaces;

    @Autowired
    StructureService structure;

    @Autowired
    EquipmentService equipment;

    @Autowired
    DesignCaseService designCases;

    @Autowired
    DockingService dockings;

    @Autowired
    org.gatewaypower.workspace.MembershipService membership;

    private BrowserSession nasa;
    private BrowserSession esa;

    @AfterEach
    void close() throws Exception {
        for (BrowserSession b : new BrowserSession[] {nasa, esa}) {
            if (b != null) {
                b.screenshot("docking-" + (b == nasa ? "nasa" : "esa"));
                b.close();
            }
        }
    }

    @Test
    void a_docking_added_by_the_owner_appears_in_the_other_browsers_gantt_chart_and_visits() throws Exception {
        assumeTrue(BrowserSession.available(), "Debian chromium and chromium-driver are needed (see .ci/run)");
        TestWorkspaces.Fixture f = fixtures.create("Docking UI", 1);
        long orion = structure.addElement(f.workspaceId(), "Orion", ElementKind.ORION, "NASA", TestWorkspaces.SEEDER);
        equipment.createLoad(f.workspaceId(), new Drafts.LoadItemDraft(orion, "Orion cabin", "ECLSS", Bus.V120, 1,
                100.0, 1_000.0, 1_200.0, Map.of(f.activeModeId(), 1.0), MaturityClass.MODIFIED,
                LoadPriority.ESSENTIAL), TestWorkspaces.SEEDER);
        ReadModels.DesignCase dc = workspaces.snapshot(f.workspaceId()).designCase();
        Instant from = Instant.parse("2027-04-01T00:00:00Z");
        designCases.updateDesignCase(f.workspaceId(), dc.version(), new Drafts.DesignCaseDraft(dc.activeModeId(),
                dc.orbitPeriodS(), dc.eclipseDurationS(), dc.arrayAgeYears(), AnalysisTimeline.EPHEMERIS,
                Instant.parse("2027-01-01T00:00:00Z"), from, 10.0), "nasa");

        String base = "http://localhost:" + port;
        nasa = new BrowserSession(base).signIn("nasa", "gateway");
        esa = new BrowserSession(base).signIn("esa", "gateway");
        nasa.open("/workspace/" + f.workspaceId());
        esa.open("/workspace/" + f.workspaceId());
        esa.text("result-min-soc");
        esa.tab("Timeline");
        esa.waitFor(d -> d.findElement(By.cssSelector("#ops-gantt[data-rendered]")));
        nasa.tab("Timeline");

        nasa.choose("dock-vehicle", "Orion");
        nasa.setDateTime("dock-start", "2027-04-03T00:00");
        nasa.setDateTime("dock-end", "2027-04-06T00:00");
        nasa.type("dock-export", "2");
        nasa.click("dock-save");

        nasa.cell("dock-grid", "Orion");
        String option = esa.waitFor(Duration.ofSeconds(30), d -> {
            String o = (String) esa.script("return document.getElementById('ops-gantt').option;");
            return o != null && o.contains("Docked: Orion") ? o : null;
        });
        assertThat(option).contains("exports 2.00 kW")
                .contains(String.valueOf(Instant.parse("2027-04-03T00:00:00Z").toEpochMilli()));
        String visits = esa.waitFor(Duration.ofSeconds(30), d -> {
            String t = d.findElement(By.id("result-visits")).getText();
            return t.contains("Orion") ? t : null;
        });
        assertThat(visits).contains("2027-04-03 00:00 to 2027-04-06 00:00 UTC").contains("exports 2.00 kW")
                .contains("minimum SOC");
        assertThat(esa.gridShows("dock-grid", "Orion")).isTrue();
        assertThat(dockings.dockings(f.workspaceId())).singleElement().satisfies(d -> {
            assertThat(d.exportW()).isEqualTo(2_000.0);
            assertThat(d.updatedBy()).isEqualTo("nasa");
        });
    }

    @Test
    void an_editor_sees_the_dockings_read_only_without_edit_buttons() throws Exception {
        assumeTrue(BrowserSession.available(), "Debian chromium and chromium-driver are needed (see .ci/run)");
        TestWorkspaces.Fixture f = fixtures.create("Docking read only", 0);
        long orion = structure.addElement(f.workspaceId(), "Orion", ElementKind.ORION, "NASA", TestWorkspaces.SEEDER);
        dockings.create(f.workspaceId(), new DockingService.DockingDraft(orion, Instant.parse("2027-04-03T00:00:00Z"),
                Instant.parse("2027-04-06T00:00:00Z"), 0.0, null), "nasa");
        membership.setMember(f.workspaceId(), "esa", org.gatewaypower.workspace.WorkspaceRole.EDITOR,
                TestWorkspaces.SEEDER);

        esa = new BrowserSession("http://localhost:" + port).signIn("esa", "gateway");
        esa.open("/workspace/" + f.workspaceId());
        esa.tab("Timeline");
        esa.cell("dock-grid", "Orion");

        assertThat(esa.text("dock-status")).contains("Read only");
        assertThat(esa.displayed("dock-save")).isFalse();
        assertThat(esa.displayed("dock-delete")).isFalse();
        assertThat(esa.displayed("dock-new")).isFalse();
    }
}
