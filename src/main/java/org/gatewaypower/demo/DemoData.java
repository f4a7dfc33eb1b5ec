package org.gatewaypower.demo;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.gatewaypower.physics.load.LoadPriority;
import org.gatewaypower.physics.load.MaturityClass;
import org.gatewaypower.security.AccountService;
import org.gatewaypower.physics.load.EclipseShedding;
import org.gatewaypower.workspace.AllocationService;
import org.gatewaypower.workspace.AnalysisTimeline;
import org.gatewaypower.workspace.Bus;
import org.gatewaypower.workspace.DesignCaseService;
import org.gatewaypower.workspace.DockingService;
import org.gatewaypower.workspace.DesignEclipseSource;
import org.gatewaypower.workspace.Drafts;
import org.gatewaypower.workspace.ElementKind;
import org.gatewaypower.workspace.EquipmentService;
import org.gatewaypower.workspace.MembershipService;
import org.gatewaypower.workspace.NetworkService;
import org.gatewaypower.workspace.Operations;
import org.gatewaypower.workspace.OperationsService;
import org.gatewaypower.workspace.PhaseKind;
import org.gatewaypower.workspace.ReadModels;
import org.gatewaypower.workspace.StructureService;
import org.gatewaypower.workspace.WorkspaceRole;
import org.gatewaypower.workspace.WorkspaceService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds the "Gateway demo" workspace and the demo accounts on a database that has neither.
 *
 * <p>The real module loads of the Gateway are not public: every load, battery and array value here is
 * an illustrative placeholder shaped by the public facts of docs/domain/station.md §1 (60 kW-class PPE
 * arrays sized for &gt; 55 kW at end of life, JAXA lithium-ion batteries in HALO and I-Hab, 3 × 12 kW
 * AEPS thrusters, the 9:2 NRHO period of 6.5624 d and Moon-shadow passes under 90 min). The UI labels
 * the workspace as illustrative.
 */
@Component
@org.springframework.core.annotation.Order(10)
@ConditionalOnProperty(name = "gateway.demo.enabled", havingValue = "true")
class DemoData implements ApplicationRunner {

    static final String WORKSPACE = "Gateway demo";
    static final String DEMO_PASSWORD = "gateway";
    /** The demo is built by the demo administrator, through the same access rules as any user. */
    private static final String SEEDER = "admin";
    private static final double KWH = org.gatewaypower.units.Units.J_PER_KWH;
    /** Beginning of life. */
    static final java.time.Instant BOL = java.time.Instant.parse("2027-01-01T00:00:00Z");
    /**
     * Start of the 59-day ephemeris span: the first crewed visit (Orion arrives 2027-02-10), with the first two
     * Moon passes of the demo's phase (2027-03-01 and 03-14).
     */
    static final java.time.Instant SPAN_START = java.time.Instant.parse("2027-02-10T00:00:00Z");
    /** End of the 15-year mission. */
    static final java.time.Instant MISSION_END = java.time.Instant.parse("2042-01-01T00:00:00Z");
    /** The eclipse-favourable perilune epoch (see the design case below). */
    static final java.time.Instant PERILUNE = java.time.Instant.parse("2027-01-01T06:15:00Z");
    private static final List<String> MODES = List.of("Uncrewed", "Crewed", "Orion docked", "EVA", "SEP thrusting",
            "Safe");

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final WorkspaceService workspaces;
    private final MembershipService membership;
    private final StructureService structure;
    private final EquipmentService equipment;
    private final DesignCaseService designCases;
    private final OperationsService operations;
    private final DockingService dockings;
    private final AccountService accounts;
    private final TransactionTemplate transaction;
    private final AllocationService allocations;
    private final NetworkService network;

    DemoData(WorkspaceService workspaces, MembershipService membership, StructureService structure,
             EquipmentService equipment, DesignCaseService designCases, OperationsService operations,
             AccountService accounts, PlatformTransactionManager transactions, AllocationService allocations,
             DockingService dockings, NetworkService network) {
        this.dockings = dockings;
        this.workspaces = workspaces;
        this.membership = membership;
        this.structure = structure;
        this.equipment = equipment;
        this.designCases = designCases;
        this.operations = operations;
        this.accounts = accounts;
        this.transaction = new TransactionTemplate(transactions);
        this.allocations = allocations;
        this.network = network;
    }

    @Override
    public void run(ApplicationArguments args) {
        seedAccounts();
        if (workspaces.listWorkspaces().stream().noneMatch(w -> w.name().equals(WORKSPACE))) {
            // One transaction: a start interrupted half-way leaves no half-seeded workspace behind.
            transaction.executeWithoutResult(status -> seedWorkspace());
            log.info("Seeded the demo workspace '{}'", WORKSPACE);
        }
        workspaces.listWorkspaces().stream().filter(w -> w.name().equals(WORKSPACE)).findFirst()
                .ifPresent(w -> seedMembers(w.id()));
    }

    /**
     * The demo's members: NASA integrates the station and owns the workspace; every other partner edits
     * what its team owns; the observer reads. Seeded also into a demo workspace made before membership
     * existed.
     */
    private void seedMembers(long ws) {
        if (membership.members(ws).stream().anyMatch(m -> !m.username().equals(SEEDER))) {
            return;
        }
        membership.setMember(ws, "nasa", WorkspaceRole.OWNER, SEEDER);
        for (String editor : List.of("jaxa", "esa", "csa", "mbrsc")) {
            membership.setMember(ws, editor, WorkspaceRole.EDITOR, SEEDER);
        }
        membership.setMember(ws, "observer", WorkspaceRole.VIEWER, SEEDER);
    }

    private void seedAccounts() {
        account("admin", "Administrator", null, true);
        account("nasa", "NASA power team", "NASA", false);
        account("jaxa", "JAXA power team", "JAXA", false);
        account("esa", "ESA power team", "ESA", false);
        account("csa", "CSA power team", "CSA", false);
        account("mbrsc", "MBRSC power team", "MBRSC", false);
        account("observer", "ESA reviewer (read only)", "ESA", false);
    }

    private void account(String username, String name, String team, boolean admin) {
        if (!accounts.exists(username)) {
            accounts.createDemoAccount(username, name, DEMO_PASSWORD, team, admin);
        }
    }

    private void seedWorkspace() {
        long ws = workspaces.createWorkspace(WORKSPACE,
                "Illustrative power budget of the Lunar Gateway in its 9:2 NRHO: PPE arrays and batteries, HALO, "
                        + "I-Hab, Lunar View, the airlock, Canadarm3, a docked Orion and a logistics module. Values are "
                        + "placeholders, not flight data.",
                new LinkedHashSet<>(List.of("NASA", "JAXA", "ESA", "CSA", "MBRSC")), SEEDER);
        Map<String, Long> modes = new HashMap<>();
        String[] descriptions = {
                "Station unoccupied, systems in quiescent operation",
                "Crew aboard HALO and I-Hab",
                "Crewed, with Orion docked and drawing station power",
                "Crewed, extravehicular activity through the airlock",
                "PPE solar electric propulsion firing (orbit maintenance or transfer)",
                "Contingency: essential and critical loads only"};
        for (int i = 0; i < MODES.size(); i++) {
            modes.put(MODES.get(i), structure.addMode(ws, MODES.get(i), descriptions[i], i, SEEDER));
        }

        long ppe = structure.addElement(ws, "PPE", ElementKind.PPE, "NASA", SEEDER);
        long halo = structure.addElement(ws, "HALO", ElementKind.HALO, "NASA", SEEDER);
        long ihab = structure.addElement(ws, "I-Hab", ElementKind.I_HAB, "ESA", SEEDER);
        long view = structure.addElement(ws, "Lunar View", ElementKind.LUNAR_VIEW, "ESA", SEEDER);
        long airlock = structure.addElement(ws, "Crew and Science Airlock", ElementKind.AIRLOCK, "MBRSC", SEEDER);
        long arm = structure.addElement(ws, "Canadarm3", ElementKind.CANADARM3, "CSA", SEEDER);
        long orion = structure.addElement(ws, "Orion (docked)", ElementKind.ORION, "NASA", SEEDER);
        long logistics = structure.addElement(ws, "Logistics module", ElementKind.LOGISTICS, "NASA", SEEDER);

        // 2 roll-out wings, 68 kW at 1 AU and beginning of life: about 55 kW at the bus after 15 years.
        equipment.addArray(ppe, new Drafts.SolarArrayDraft("ROSA wing port", 34_000.0, 0.0075, 0.90), SEEDER);
        equipment.addArray(ppe, new Drafts.SolarArrayDraft("ROSA wing starboard", 34_000.0, 0.0075, 0.90), SEEDER);

        battery(ppe, "PPE Li-ion battery", null, 30, 6_000, 12_000, 0.96);
        // JAXA supplies the HALO and I-Hab batteries: JAXA owns them inside NASA's and ESA's modules.
        battery(halo, "HALO battery A (JAXA)", "JAXA", 25, 5_000, 10_000, 0.95);
        battery(halo, "HALO battery B (JAXA)", "JAXA", 25, 5_000, 10_000, 0.95);
        battery(ihab, "I-Hab battery (JAXA)", "JAXA", 20, 4_000, 8_000, 0.95);

        seedNetwork(ws, ppe, halo, ihab, view, airlock, arm, orion);
        // The berthed logistics module hangs on HALO too (illustrative limit).
        port(ws, "HALO–Logistics berthing port", halo, logistics, 3_000);

        Seeder s = new Seeder(ws, modes);
        // The PPE passes at most 24 kW to the rest of the stack (docs/domain/station.md, PPE), judged on the
        // coincident peak of each mode: the duties keep it under that in every mode, as an operations plan would (the
        // arm stowed while Orion is docked; science, galley and Orion's own loads off during an EVA; refuelling
        // only uncrewed), the largest being 23.5 kW with Orion docked.
        // duty cycles in the order Uncrewed, Crewed, Orion docked, EVA, SEP thrusting, Safe
        s.load(ppe, "AEPS Hall thruster string", "Propulsion", Bus.V120, 3, 50, 12_000, 12_500,
                MaturityClass.MODIFIED, LoadPriority.DEFERRABLE, 0, 0, 0, 0, 1, 0);
        s.load(ppe, "PPE avionics", "Avionics", Bus.V28, 1, 300, 650, 800,
                MaturityClass.OFF_THE_SHELF, LoadPriority.CRITICAL, 1, 1, 1, 1, 1, 1);
        s.load(ppe, "PPE thermal control", "Thermal", Bus.V120, 1, 400, 1_500, 2_200,
                MaturityClass.MODIFIED, LoadPriority.CRITICAL, 0.6, 0.6, 0.6, 0.6, 0.8, 0.7);
        s.load(ppe, "Ka/S-band communications", "Communications", Bus.V28, 1, 150, 600, 750,
                MaturityClass.OFF_THE_SHELF, LoadPriority.ESSENTIAL, 0.5, 0.8, 0.8, 1, 0.5, 1);
        s.heater(0.6, ppe, "Xenon feed system heaters", "Propulsion", Bus.V28, 2, 0, 120, 150,
                MaturityClass.MODIFIED, LoadPriority.ESSENTIAL, 0.3, 0.3, 0.3, 0.3, 1, 0.3);

        s.load(halo, "PMAD converters and switchgear", "Power", Bus.V120, 1, 400, 900, 1_100,
                MaturityClass.NEW_DESIGN, LoadPriority.CRITICAL, 1, 1, 1, 1, 1, 1);
        s.load(halo, "Air revitalisation and CO2 removal", "ECLSS", Bus.V120, 1, 200, 1_800, 2_400,
                MaturityClass.MODIFIED, LoadPriority.CRITICAL, 0.1, 1, 1, 1, 0.2, 0.1);
        s.load(halo, "HALO avionics and data handling", "Avionics", Bus.V28, 1, 350, 700, 900,
                MaturityClass.OFF_THE_SHELF, LoadPriority.CRITICAL, 1, 1, 1, 1, 1, 1);
        s.load(halo, "Thermal control loop pumps", "Thermal", Bus.V120, 2, 100, 450, 600,
                MaturityClass.MODIFIED, LoadPriority.CRITICAL, 0.5, 1, 1, 1, 0.5, 0.5);
        s.load(halo, "HALO communications", "Communications", Bus.V28, 1, 200, 800, 1_000,
                MaturityClass.NEW_DESIGN, LoadPriority.ESSENTIAL, 0.3, 0.8, 0.9, 1, 0.3, 1);
        s.load(halo, "Cabin lighting", "Crew systems", Bus.V28, 12, 0, 25, 30,
                MaturityClass.OFF_THE_SHELF, LoadPriority.DEFERRABLE, 0, 0.7, 0.7, 0.7, 0, 0);
        s.load(halo, "Crew laptops", "Crew systems", Bus.V28, 4, 5, 80, 100,
                MaturityClass.OFF_THE_SHELF, LoadPriority.DEFERRABLE, 0, 0.5, 0.5, 0.2, 0, 0);

        s.load(ihab, "Water recovery (JAXA)", "ECLSS", Bus.V120, 1, 150, 1_600, 2_000,
                MaturityClass.NEW_DESIGN, LoadPriority.ESSENTIAL, 0, 0.6, 0.6, 0.4, 0, 0);
        s.heater(0.9, ihab, "Cabin heaters", "Thermal", Bus.V120, 4, 0, 300, 300,
                MaturityClass.MODIFIED, LoadPriority.ESSENTIAL, 0.4, 0.5, 0.5, 0.5, 0.4, 0.6);
        s.load(ihab, "Galley", "Crew systems", Bus.V120, 1, 20, 900, 1_000,
                MaturityClass.NEW_DESIGN, LoadPriority.DEFERRABLE, 0, 0.15, 0.15, 0, 0, 0);
        s.load(ihab, "Science rack", "Science", Bus.V120, 2, 60, 900, 1_100,
                MaturityClass.NEW_DESIGN, LoadPriority.DEFERRABLE, 0.2, 0.8, 0.6, 0, 0, 0);
        s.load(ihab, "I-Hab avionics", "Avionics", Bus.V28, 1, 250, 500, 650,
                MaturityClass.MODIFIED, LoadPriority.CRITICAL, 1, 1, 1, 1, 1, 1);

        s.load(view, "Refuelling pumps and valves", "Propulsion", Bus.V120, 1, 20, 1_500, 2_200,
                MaturityClass.NEW_DESIGN, LoadPriority.DEFERRABLE, 0.05, 0, 0, 0, 0, 0);
        s.heater(1.0, view, "Window heaters", "Thermal", Bus.V28, 2, 0, 150, 150,
                MaturityClass.MODIFIED, LoadPriority.ESSENTIAL, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5);
        s.load(view, "Lunar View avionics", "Avionics", Bus.V28, 1, 150, 300, 400,
                MaturityClass.MODIFIED, LoadPriority.CRITICAL, 1, 1, 1, 1, 1, 1);

        s.load(airlock, "Depressurisation pump", "EVA", Bus.V120, 1, 0, 2_500, 2_800,
                MaturityClass.NEW_DESIGN, LoadPriority.DEFERRABLE, 0, 0, 0, 0.1, 0, 0);
        s.load(airlock, "EVA suit charging and servicing", "EVA", Bus.V28, 2, 0, 400, 450,
                MaturityClass.NEW_DESIGN, LoadPriority.ESSENTIAL, 0, 0.1, 0, 0.8, 0, 0);
        s.load(airlock, "Airlock avionics and lighting", "Avionics", Bus.V28, 1, 120, 350, 450,
                MaturityClass.MODIFIED, LoadPriority.ESSENTIAL, 1, 1, 1, 1, 1, 1);
        s.heater(0.9, airlock, "Airlock heaters", "Thermal", Bus.V120, 2, 0, 200, 200,
                MaturityClass.MODIFIED, LoadPriority.ESSENTIAL, 0.5, 0.4, 0.4, 0.3, 0.5, 0.6);

        s.load(arm, "Arm joint drives", "Robotics", Bus.V120, 7, 10, 250, 350,
                MaturityClass.NEW_DESIGN, LoadPriority.DEFERRABLE, 0.1, 0.2, 0, 0.4, 0, 0);
        s.load(arm, "Arm avionics and cameras", "Robotics", Bus.V28, 1, 150, 450, 500,
                MaturityClass.NEW_DESIGN, LoadPriority.ESSENTIAL, 0.5, 0.6, 0.7, 0.9, 0.3, 0.3);
        s.heater(1.0, arm, "Arm survival heaters", "Thermal", Bus.V28, 4, 0, 120, 120,
                MaturityClass.MODIFIED, LoadPriority.CRITICAL, 0.6, 0.6, 0.6, 0.6, 0.6, 0.7);

        s.load(orion, "Orion quiescent avionics", "Avionics", Bus.V120, 1, 0, 1_800, 2_200,
                MaturityClass.MODIFIED, LoadPriority.ESSENTIAL, 0, 0, 1, 0, 0, 0);
        s.load(orion, "Orion cabin ventilation and thermal", "Thermal", Bus.V120, 1, 0, 1_200, 1_500,
                MaturityClass.MODIFIED, LoadPriority.ESSENTIAL, 0, 0, 0.8, 0, 0, 0);
        // Illustrative: a logistics module berthed after the crew leaves, kept warm and ventilated in the uncrewed
        // modes; it is not aboard during the Orion visit (Crewed, Orion docked, EVA), hence duty 0 there.
        s.load(logistics, "Logistics module heaters and fans", "Thermal", Bus.V120, 1, 0, 400, 500,
                MaturityClass.MODIFIED, LoadPriority.ESSENTIAL, 1, 0, 0, 0, 1, 1);

        // Hand-sizing case: one 9:2 NRHO revolution (2/9 of a synodic month), arrays at 15 years (end of life),
        // with the design eclipse taken from the orbit: the longest pass of the 15-year mission at the demo's
        // phase. That phase, perilune 2027-01-01T06:15Z, is the eclipse-favourable one: a phase scan over the
        // mission (72 phases, then 7.5-min steps around the best) finds there the shortest longest pass, an
        // 85.4-min Earth-shadow pass, and Moon passes of at most 73.6 min; the phase of 00:00Z would meet a
        // 252.9-min Earth pass on 2033-06-13. The 90 min typed by hand is only the fallback. Deferrable loads
        // (lighting, laptops, galley, science, arm drives, refuelling) are switched off for every eclipse.
        designCases.createDesignCase(ws, new Drafts.DesignCaseDraft(modes.get("Orion docked"), 6.5624 * 86_400,
                90 * 60.0, 15.0, AnalysisTimeline.DESIGN_CASE, PERILUNE, SPAN_START, 59.0, null, null, null, BOL,
                MISSION_END, DesignEclipseSource.WORST_SPAN, null, EclipseShedding.DEFERRABLE), SEEDER);

        // Illustrative power allocations (kW, orbit average; placeholders, not programme figures), in the order PPE,
        // HALO, I-Hab, Lunar View, airlock, Canadarm3, Orion (the logistics module last, where it is aboard): each
        // element's MEV plus a reserve. I-Hab is the tight one with Orion docked (MEV about 3.96 kW of 4.1 kW), so a
        // heavier I-Hab load there fails its check.
        allocate(modes.get("Uncrewed"), List.of(ppe, halo, ihab, view, airlock, arm, logistics), 3.0, 3.5, 2.0, 0.7,
                0.7, 1.0, 0.5);
        allocate(modes.get("Crewed"), List.of(ppe, halo, ihab, view, airlock, arm), 3.0, 6.5, 4.6, 0.6, 0.75, 1.3);
        allocate(modes.get("Orion docked"), List.of(ppe, halo, ihab, view, airlock, arm, orion), 3.0, 6.5, 4.1, 0.7,
                0.75, 1.0, 3.2);

        // An illustrative first crewed visit: it sets the mode whenever the analysis runs on the ephemeris orbit.
        phase(ws, "Uncrewed before the visit", PhaseKind.UNCREWED, modes.get("Uncrewed"), "2027-01-01T00:00:00Z",
                "2027-02-10T00:00:00Z");
        phase(ws, "Orion arrival and docking", PhaseKind.ORION_DOCKED, modes.get("Orion docked"),
                "2027-02-10T00:00:00Z", "2027-02-14T00:00:00Z");
        phase(ws, "Crewed stay", PhaseKind.CREWED, modes.get("Crewed"), "2027-02-14T00:00:00Z", "2027-02-27T00:00:00Z");
        phase(ws, "EVA", PhaseKind.EVA, modes.get("EVA"), "2027-02-27T00:00:00Z", "2027-02-27T08:00:00Z");
        phase(ws, "Crewed stay, Orion docked", PhaseKind.ORION_DOCKED, modes.get("Orion docked"),
                "2027-02-27T08:00:00Z", "2027-03-05T00:00:00Z");
        phase(ws, "Uncrewed after the visit", PhaseKind.UNCREWED, modes.get("Uncrewed"), "2027-03-05T00:00:00Z",
                "2027-06-01T00:00:00Z");

        // Visiting vehicles, illustrative values: Orion docked through the visit's phases, exporting 2 kW of its own
        // arrays' power; a logistics module berthed for six months after it, exporting nothing.
        docking(ws, orion, "2027-02-10T00:00:00Z", "2027-03-05T00:00:00Z", 2_000,
                "Illustrative: first crewed visit, Orion's arrays export 2 kW");
        docking(ws, logistics, "2027-03-05T00:00:00Z", "2027-09-01T00:00:00Z", 0,
                "Illustrative: six-month logistics stay");
    }

    private void docking(long ws, long vehicle, String start, String end, double exportW, String note) {
        dockings.create(ws, new DockingService.DockingDraft(vehicle, java.time.Instant.parse(start),
                java.time.Instant.parse(end), exportW, note), SEEDER);
    }

    /** Sets each element's allocation in the mode, in kW in the order of {@code elements}. */
    private void allocate(long mode, List<Long> elements, double... kw) {
        for (int i = 0; i < elements.size(); i++) {
            allocations.set(elements.get(i), mode, kw[i] * 1000, null, SEEDER);
        }
    }

    /**
     * An illustrative power network: the PPE's 120 V bus feeds HALO through one 24 kW port, HALO the other modules
     * and the docked Orion; every element with 28 V loads has its own DC-DC converters (efficiencies 0.92 to 0.95,
     * ratings with room above their coincident peaks). Values are placeholders, not programme data.
     */
    private void seedNetwork(long ws, long ppe, long halo, long ihab, long view, long airlock, long arm, long orion) {
        port(ws, "PPE–HALO interface", ppe, halo, 24_000);
        port(ws, "HALO–I-Hab port", halo, ihab, 12_000);
        port(ws, "HALO–Airlock port", halo, airlock, 8_000);
        port(ws, "HALO–Lunar View port", halo, view, 8_000);
        port(ws, "HALO–Canadarm3 interface", halo, arm, 6_000);
        port(ws, "HALO–Orion docking port", halo, orion, 6_000);
        converter(ws, ppe, "PPE 28 V converter", 0.94, 3_000);
        converter(ws, halo, "HALO 28 V converter A", 0.93, 2_500);
        converter(ws, halo, "HALO 28 V converter B", 0.93, 2_500);
        converter(ws, ihab, "I-Hab 28 V converter", 0.92, 1_500);
        converter(ws, view, "Lunar View 28 V converter", 0.93, 1_500);
        converter(ws, airlock, "Airlock 28 V converter", 0.95, 2_500);
        converter(ws, arm, "Canadarm3 28 V converter", 0.92, 1_500);
    }

    private void port(long ws, String name, long from, long to, double limitW) {
        network.addPort(ws, new NetworkService.PortDraft(name, from, to, limitW), SEEDER);
    }

    private void converter(long ws, long element, String name, double efficiency, double ratingW) {
        network.addConverter(ws, new NetworkService.ConverterDraft(element, name, efficiency, ratingW), SEEDER);
    }

    private void phase(long ws, String name, PhaseKind kind, long modeId, String start, String end) {
        operations.create(ws, new Operations.OperationPhaseDraft(name, kind, modeId, java.time.Instant.parse(start),
                java.time.Instant.parse(end)), SEEDER);
    }

    private void battery(long element, String name, String ownerTeam, double capacityKwh, double chargeW,
                         double dischargeW, double efficiency) {
        equipment.addBattery(element, new Drafts.BatteryDraft(name, capacityKwh * KWH, 0.30, 1.0, efficiency,
                efficiency, chargeW, dischargeW, 1.0), ownerTeam, SEEDER);
    }

    /** Adds load items with one duty cycle per mode, in the order of {@link #MODES}. */
    private final class Seeder {
        private final long workspace;
        private final Map<String, Long> modes;

        Seeder(long workspace, Map<String, Long> modes) {
            this.workspace = workspace;
            this.modes = modes;
        }

        ReadModels.LoadItem load(long element, String name, String subsystem, Bus bus, int quantity, double standbyW,
                            double operatingW, double peakW, MaturityClass maturity, LoadPriority priority,
                            double... duties) {
            return create(null, element, name, subsystem, bus, quantity, standbyW, operatingW, peakW, maturity,
                    priority, duties);
        }

        /**
         * A thermostat-controlled heater: it works harder in the shadow, where the structure cools, so it has
         * a duty cycle in eclipse ({@code shadowDuty}) beside its sunlit one per mode.
         */
        ReadModels.LoadItem heater(double shadowDuty, long element, String name, String subsystem, Bus bus, int quantity,
                              double standbyW, double operatingW, double peakW, MaturityClass maturity,
                              LoadPriority priority, double... duties) {
            return create(shadowDuty, element, name, subsystem, bus, quantity, standbyW, operatingW, peakW, maturity,
                    priority, duties);
        }

        private ReadModels.LoadItem create(Double shadowDuty, long element, String name, String subsystem, Bus bus,
                                      int quantity, double standbyW, double operatingW, double peakW,
                                      MaturityClass maturity, LoadPriority priority, double... duties) {
            Map<Long, Double> duty = new HashMap<>();
            for (int i = 0; i < MODES.size(); i++) {
                duty.put(modes.get(MODES.get(i)), duties[i]);
            }
            return equipment.createLoad(workspace, new Drafts.LoadItemDraft(element, name, subsystem, bus, quantity,
                    standbyW, operatingW, peakW, duty, shadowDuty, maturity, priority), SEEDER);
        }
    }
}
