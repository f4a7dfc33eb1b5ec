package org.gatewaypower.workspace;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.gatewaypower.physics.load.LoadPriority;
import org.gatewaypower.physics.load.MaturityClass;
import org.gatewaypower.workspace.Drafts.BatteryDraft;
import org.gatewaypower.workspace.Drafts.DesignCaseDraft;
import org.gatewaypower.workspace.Drafts.LoadItemDraft;
import org.gatewaypower.workspace.Drafts.SolarArrayDraft;
import org.springframework.boot.test.context.TestComponent;

/**
 * Builds small, complete workspaces with unique names through the public workspace services, so
 * that tests never depend on (or disturb) the shared demo workspace, and turns read models back into
 * drafts for edits. A bean of the tests' context ({@code SpringTestBase} imports it), so that a test asks
 * for one fixture builder instead of every service a fixture needs.
 */
@TestComponent
public final class TestWorkspaces {

    /** Who creates the fixtures: the administrator configured for tests. */
    public static final String SEEDER = "test-fixture";
    /** The demo accounts that own every fixture workspace. */
    public static final List<String> DEMO_OWNERS = List.of("nasa", "jaxa", "esa", "csa", "mbrsc");

    /** Demo-like design orbit: one 9:2 NRHO revolution (s). */
    public static final double ORBIT_PERIOD_S = 6.5624 * 86_400;
    /** Longest eclipse of the design orbit (s). */
    public static final double ECLIPSE_S = 90 * 60.0;

    private final WorkspaceService workspaces;
    private final MembershipService membership;
    private final StructureService structure;
    private final EquipmentService equipment;
    private final DesignCaseService designCases;

    TestWorkspaces(WorkspaceService workspaces, MembershipService membership, StructureService structure,
                   EquipmentService equipment, DesignCaseService designCases) {
        this.workspaces = workspaces;
        this.membership = membership;
        this.structure = structure;
        this.equipment = equipment;
        this.designCases = designCases;
    }

    /**
     * A workspace created for one test.
     *
     * @param activeModeId the design case's mode, in which every fixture load has a non-zero duty
     * @param otherModeId  a second mode
     */
    public record Fixture(long workspaceId, String name, long activeModeId, long otherModeId, long elementId,
                          long batteryId, long arrayId, long designCaseId, List<Long> loadIds) {
    }

    /** The seeded demo workspace, as read now. */
    public static ReadModels.WorkspaceSnapshot demo(WorkspaceService service) {
        long id = service.listWorkspaces().stream().filter(w -> w.name().equals("Gateway demo")).findFirst()
                .orElseThrow().id();
        return service.snapshot(id);
    }

    /**
     * Creates a workspace with two modes, one element, a 30 kWh battery, a 20 kW array, a design case and
     * {@code loadCount} load items (operating 500 W, peak 2000 W, duty 0.5 in the active mode).
     */
    public Fixture create(String prefix, int loadCount) {
        String name = prefix + " " + UUID.randomUUID();
        long ws = workspaces.createWorkspace(name, "Created by a test", Set.of("NASA", "ESA"), SEEDER);
        // Every demo team account owns a fixture, so tests of other rules may act as any of them; the
        // access tests set up their own roles.
        for (String user : DEMO_OWNERS) {
            membership.setMember(ws, user, WorkspaceRole.OWNER, SEEDER);
        }
        long active = structure.addMode(ws, "Crewed", "Crew aboard", 0, SEEDER);
        long other = structure.addMode(ws, "Uncrewed", "Nobody aboard", 1, SEEDER);
        long element = structure.addElement(ws, "HALO", ElementKind.HALO, "NASA", SEEDER);
        ReadModels.Battery battery = equipment.addBattery(element, new BatteryDraft("Battery", 30 * 3.6e6, 0.30, 1.0,
                0.95, 0.95, 6_000.0, 12_000.0, 1.0), SEEDER);
        ReadModels.SolarArray array = equipment.addArray(element, new SolarArrayDraft("Wing", 20_000.0, 0.0075, 0.90),
                SEEDER);
        ReadModels.DesignCase dc = designCases.createDesignCase(ws, new DesignCaseDraft(active, ORBIT_PERIOD_S,
                ECLIPSE_S, 15.0), SEEDER);
        List<Long> loads = new ArrayList<>();
        for (int i = 0; i < loadCount; i++) {
            loads.add(equipment.createLoad(ws, new LoadItemDraft(element, "Load " + i, "Thermal", Bus.V120, 2, 50.0,
                    500.0, 2_000.0, Map.of(active, 0.5, other, 0.25), MaturityClass.MODIFIED,
                    LoadPriority.ESSENTIAL), SEEDER).id());
        }
        return new Fixture(ws, name, active, other, element, battery.id(), array.id(), dc.id(), List.copyOf(loads));
    }

    // ---------------------------------------------------------------- read model to draft

    public static LoadItemDraft draft(ReadModels.LoadItem l) {
        return new LoadItemDraft(l.elementId(), l.name(), l.subsystem(), l.bus(), l.quantity(), l.standbyPowerW(),
                l.operatingPowerW(), l.peakPowerW(), l.dutyByMode(), l.shadowDuty(), l.maturity(), l.priority());
    }

    public static LoadItemDraft withPowers(LoadItemDraft d, Double standbyW, Double operatingW, Double peakW) {
        return new LoadItemDraft(d.elementId(), d.name(), d.subsystem(), d.bus(), d.quantity(), standbyW, operatingW,
                peakW, d.dutyByMode(), d.shadowDuty(), d.maturity(), d.priority());
    }

    public static LoadItemDraft withOperating(LoadItemDraft d, Double operatingW) {
        return withPowers(d, d.standbyPowerW(), operatingW, d.peakPowerW());
    }

    public static LoadItemDraft withQuantity(LoadItemDraft d, Integer quantity) {
        return new LoadItemDraft(d.elementId(), d.name(), d.subsystem(), d.bus(), quantity, d.standbyPowerW(),
                d.operatingPowerW(), d.peakPowerW(), d.dutyByMode(), d.shadowDuty(), d.maturity(), d.priority());
    }

    public static LoadItemDraft withDuty(LoadItemDraft d, Map<Long, Double> dutyByMode) {
        return new LoadItemDraft(d.elementId(), d.name(), d.subsystem(), d.bus(), d.quantity(), d.standbyPowerW(),
                d.operatingPowerW(), d.peakPowerW(), dutyByMode, d.shadowDuty(), d.maturity(), d.priority());
    }

    /** The draft with another duty cycle in eclipse (null: the same as in sunlight). */
    public static LoadItemDraft withShadowDuty(LoadItemDraft d, Double shadowDuty) {
        return new LoadItemDraft(d.elementId(), d.name(), d.subsystem(), d.bus(), d.quantity(), d.standbyPowerW(),
                d.operatingPowerW(), d.peakPowerW(), d.dutyByMode(), shadowDuty, d.maturity(), d.priority());
    }

    public static BatteryDraft draft(ReadModels.Battery b) {
        return new BatteryDraft(b.name(), b.capacityJ(), b.minStateOfCharge(), b.maxStateOfCharge(),
                b.chargeEfficiency(), b.dischargeEfficiency(), b.maxChargePowerW(), b.maxDischargePowerW(),
                b.initialStateOfCharge());
    }

    public static BatteryDraft withStateOfCharge(BatteryDraft d, Double min, Double max, Double initial) {
        return new BatteryDraft(d.name(), d.capacityJ(), min, max, d.chargeEfficiency(), d.dischargeEfficiency(),
                d.maxChargePowerW(), d.maxDischargePowerW(), initial);
    }

    public static BatteryDraft withChargeEfficiency(BatteryDraft d, Double efficiency) {
        return new BatteryDraft(d.name(), d.capacityJ(), d.minStateOfCharge(), d.maxStateOfCharge(), efficiency,
                d.dischargeEfficiency(), d.maxChargePowerW(), d.maxDischargePowerW(), d.initialStateOfCharge());
    }

    public static BatteryDraft withCapacity(BatteryDraft d, Double capacityJ) {
        return new BatteryDraft(d.name(), capacityJ, d.minStateOfCharge(), d.maxStateOfCharge(),
                d.chargeEfficiency(), d.dischargeEfficiency(), d.maxChargePowerW(), d.maxDischargePowerW(),
                d.initialStateOfCharge());
    }

    public static SolarArrayDraft draft(ReadModels.SolarArray a) {
        return new SolarArrayDraft(a.name(), a.ratedPowerW(), a.degradationPerYear(), a.pathEfficiency());
    }

    public static DesignCaseDraft draft(ReadModels.DesignCase dc) {
        return new DesignCaseDraft(dc.activeModeId(), dc.orbitPeriodS(), dc.eclipseDurationS(), dc.arrayAgeYears());
    }
}
