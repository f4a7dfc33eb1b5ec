package org.gatewaypower.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.ObjectMapper;

import org.gatewaypower.SpringTestBase;
import org.gatewaypower.analysis.BalanceReport;
import org.gatewaypower.analysis.BalanceService;
import org.gatewaypower.baseline.Comparison.ChangeType;
import org.gatewaypower.baseline.Comparison.FieldChange;
import org.gatewaypower.baseline.Comparison.ItemChange;
import org.gatewaypower.physics.load.LoadPriority;
import org.gatewaypower.physics.load.MaturityClass;
import org.gatewaypower.workspace.Bus;
import org.gatewaypower.workspace.DesignCaseService;
import org.gatewaypower.workspace.Drafts.LoadItemDraft;
import org.gatewaypower.workspace.EquipmentService;
import org.gatewaypower.workspace.InvalidInputException;
import org.gatewaypower.workspace.NotFoundException;
import org.gatewaypower.workspace.Operations;
import org.gatewaypower.workspace.OperationsService;
import org.gatewaypower.workspace.PhaseKind;
import org.gatewaypower.workspace.TestWorkspaces;
import org.gatewaypower.workspace.TestWorkspaces.Fixture;
import org.gatewaypower.workspace.ReadModels;
import org.gatewaypower.workspace.WorkspaceService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A baseline is frozen, the workspace is changed, the two are compared: the diff lists exactly the
 * changes made, the figure deltas are the difference of the two analyses, flipped checks are flagged
 * and the changes are ranked by their own effect on the energy lost at the floor, then the minimum state of
 * charge.
 */
class BaselineServiceTest extends SpringTestBase {

    private static final String ME = TestWorkspaces.SEEDER;

    @Autowired
    BaselineService baselines;

    @Autowired
    WorkspaceService workspaces;

    @Autowired
    TestWorkspaces fixtures;

    @Autowired
    EquipmentService equipment;

    @Autowired
    DesignCaseService designCases;

    @Autowired
    BalanceService balances;

    @Autowired
    ObjectMapper json;

    @Autowired
    OperationsService operations;

    @Test
    void the_diff_lists_exactly_the_changes_made_and_the_figure_deltas_are_those_of_the_two_analyses() {
        Fixture f = fixtures.create("Baseline diff", 4);
        BalanceReport before = balances.balance(f.workspaceId());
        Baselines.Baseline frozen = baselines.create(f.workspaceId(), "PDR", "Before the changes", ME);

        ReadModels.LoadItem l0 = equipment.load(f.loadIds().get(0));
        ReadModels.LoadItem l1 = equipment.load(f.loadIds().get(1));
        ReadModels.LoadItem l3 = equipment.load(f.loadIds().get(3));
        equipment.updateLoad(l0.id(), l0.version(), TestWorkspaces.withOperating(TestWorkspaces.draft(l0), 1_500.0),
                ME);
        equipment.updateLoad(l1.id(), l1.version(), TestWorkspaces.withDuty(TestWorkspaces.draft(l1),
                Map.of(f.activeModeId(), 0.8, f.otherModeId(), 0.25)), ME);
        ReadModels.LoadItem added = equipment.createLoad(f.workspaceId(), new LoadItemDraft(f.elementId(), "Camera",
                "Science", Bus.V120, 1, 5.0, 100.0, 150.0, Map.of(f.activeModeId(), 1.0), MaturityClass.MODIFIED,
                LoadPriority.DEFERRABLE), ME);
        equipment.deleteLoad(l3.id(), l3.version(), ME);
        BalanceReport after = balances.balance(f.workspaceId());

        Comparison c = baselines.compare(f.workspaceId(), "baseline:" + frozen.id(), "current");

        assertThat(c.changes()).extracting(ItemChange::kind, ItemChange::item, ItemChange::type).containsExactly(
                org.assertj.core.groups.Tuple.tuple("load", "Load 0 · HALO", ChangeType.CHANGED),
                org.assertj.core.groups.Tuple.tuple("load", "Load 1 · HALO", ChangeType.CHANGED),
                org.assertj.core.groups.Tuple.tuple("load", "Load 3 · HALO", ChangeType.REMOVED),
                org.assertj.core.groups.Tuple.tuple("load", "Camera · HALO", ChangeType.ADDED));
        assertThat(c.changes().get(0).fields()).containsExactly(
                new FieldChange("operating power", "W", 500.0, 1_500.0, null, null));
        assertThat(c.changes().get(1).fields()).containsExactly(
                new FieldChange("duty in Crewed", "fraction", 0.5, 0.8, null, null));
        assertThat(c.changes().get(3).key()).isEqualTo("load:" + added.id());

        double expectedMinSocDelta = after.battery().minStateOfCharge() - before.battery().minStateOfCharge();
        assertThat(expectedMinSocDelta).as("the changes move the minimum state of charge").isLessThan(-1e-3);
        assertThat(c.figure("minStateOfCharge").orElseThrow().delta()).isCloseTo(expectedMinSocDelta, within(1e-9));
        assertThat(c.figure("mevAverageLoadW").orElseThrow().delta())
                .isCloseTo(after.mevAverageLoadW() - before.mevAverageLoadW(), within(1e-6));
        assertThat(c.figure("powerMargin").orElseThrow().delta())
                .isCloseTo(after.powerMargin() - before.powerMargin(), within(1e-12));
        assertThat(c.figure("maxDepthOfDischarge").orElseThrow().b())
                .isCloseTo(after.battery().maxDepthOfDischarge(), within(1e-12));
        assertThat(c.figures()).allSatisfy(d -> {
            if (d.a() != null && d.b() != null) {
                assertThat(d.delta()).isEqualTo(d.b() - d.a());
            }
        });
        // this run's checks and those of the other life cases (BOL), which the verdict counts too
        int otherCases = after.lifeCases().stream().filter(l -> !l.name().equals("EOL"))
                .mapToInt(l -> l.checks().size()).sum();
        assertThat(c.checks()).hasSize(after.checks().size() + otherCases).noneMatch(Comparison.CheckDelta::flipped);
        assertThat(c.socA()).isNotEmpty().hasSizeLessThanOrEqualTo(ResultSummaries.CURVE_POINTS);
        assertThat(c.socB()).isNotEmpty();
        assertThat(c.socB().stream().mapToDouble(Baselines.SocPoint::stateOfCharge).min().orElseThrow())
                .isCloseTo(after.battery().minStateOfCharge(), within(1e-12));

        assertThat(c.ranking()).hasSize(4).allSatisfy(i -> assertThat(i.minSocDelta()).isNotNull());
        assertThat(c.ranking()).isSortedAccordingTo(
                Comparator.comparingDouble((Comparison.Impact i) -> Math.abs(i.minSocDelta())).reversed());
        assertThat(c.ranking().get(0).item()).isEqualTo("Load 0 · HALO");
        assertThat(c.ranking().get(0).minSocDelta()).isNegative();
        assertThat(c.ranking()).filteredOn(i -> i.type() == ChangeType.REMOVED).singleElement()
                .satisfies(i -> assertThat(i.minSocDelta()).isPositive());
    }

    /**
     * A station whose battery starts at its floor and whose arrays give nothing: no load receives any energy,
     * so every load's MEV demand over the run is shed (deferrable, essential) or unserved (critical), by hand:
     * MEV = quantity × operating power × duty × (1 + contingency) × run length. The minimum state of charge
     * stays at the floor (0.30) whatever changes, so it cannot rank them; the energy lost at the floor can.
     */
    @Test
    void at_the_floor_changes_rank_by_the_energy_the_loads_lose_and_added_items_show_their_values() {
        Fixture f = fixtures.create("Baseline floor", 0);
        ReadModels.WorkspaceSnapshot ws = workspaces.snapshot(f.workspaceId());
        ReadModels.Battery battery = ws.batteries().get(0);
        equipment.updateBattery(battery.id(), battery.version(), TestWorkspaces.withStateOfCharge(
                TestWorkspaces.draft(battery), 0.30, 1.0, 0.30), ME);
        ReadModels.SolarArray array = ws.arrays().get(0);
        equipment.updateArray(array.id(), array.version(), new org.gatewaypower.workspace.Drafts.SolarArrayDraft(
                array.name(), 0.0, array.degradationPerYear(), array.pathEfficiency(), array.incidenceDeg(),
                array.temperatureCoefficientPerK(), array.temperatureOffsetK()), ME);
        Map<Long, Double> always = Map.of(f.activeModeId(), 1.0);
        ReadModels.LoadItem heater = equipment.createLoad(f.workspaceId(), new LoadItemDraft(f.elementId(), "Heater",
                "Thermal", Bus.V120, 1, 0.0, 100.0, 100.0, always, MaturityClass.MODIFIED, LoadPriority.CRITICAL), ME);
        ReadModels.LoadItem pump = equipment.createLoad(f.workspaceId(), new LoadItemDraft(f.elementId(), "Pump",
                "ECLSS", Bus.V120, 1, 0.0, 400.0, 400.0, always, MaturityClass.MODIFIED, LoadPriority.ESSENTIAL), ME);
        BalanceReport before = balances.balance(f.workspaceId());
        double run = before.spanS();
        assertThat(before.battery().minStateOfCharge()).isCloseTo(0.30, within(1e-12));
        assertThat(before.battery().ledger().unservedJ()).as("Heater: 100 W × 1.1 × run")
                .isCloseTo(110.0 * run, within(1e-6 * run));
        assertThat(before.battery().ledger().shedJ()).as("Pump: 400 W × 1.1 × run")
                .isCloseTo(440.0 * run, within(1e-6 * run));
        Baselines.Baseline frozen = baselines.create(f.workspaceId(), "Floor", "At the floor", ME);

        equipment.updateLoad(heater.id(), heater.version(), TestWorkspaces.withPowers(TestWorkspaces.draft(heater),
                0.0, 300.0, 300.0), ME);
        equipment.updateLoad(pump.id(), pump.version(), TestWorkspaces.withPowers(TestWorkspaces.draft(pump),
                0.0, 500.0, 500.0), ME);
        equipment.createLoad(f.workspaceId(), new LoadItemDraft(f.elementId(), "Camera", "Science", Bus.V28, 1, 0.0,
                1_000.0, 1_000.0, always, MaturityClass.OFF_THE_SHELF, LoadPriority.DEFERRABLE), ME);

        Comparison c = baselines.compare(f.workspaceId(), "baseline:" + frozen.id(), "current");

        // Alone: Camera 1000 W × 1.05 = +1050 W shed; Heater +200 W × 1.1 = +220 W unserved; Pump +100 W × 1.1
        // = +110 W shed; each over the whole run, and none of them moves the minimum state of charge. The added
        // Camera comes last in the changes, first in the ranking.
        assertThat(c.ranking()).extracting(Comparison.Impact::item)
                .containsExactly("Camera · HALO", "Heater · HALO", "Pump · HALO");
        assertThat(c.ranking()).extracting(Comparison.Impact::shortfallDeltaJ).satisfiesExactly(
                d -> assertThat(d).isCloseTo(1_050.0 * run, within(1e-6 * run)),
                d -> assertThat(d).isCloseTo(220.0 * run, within(1e-6 * run)),
                d -> assertThat(d).isCloseTo(110.0 * run, within(1e-6 * run)));
        assertThat(c.ranking()).allSatisfy(i -> assertThat(i.minSocDelta()).isCloseTo(0.0, within(1e-12)));
        assertThat(c.ranking().get(1).note()).startsWith("unserved + shed energy "
                + org.gatewaypower.units.Units.kwhDelta(220.0 * run) + " · min SOC +0.00 pp");

        // The compared figures: unserved 110 → 330 W × run, shed 440 → (550 + 1050) W × run, none off in eclipse.
        Comparison.FigureDelta unserved = c.figure("unservedEnergyJ").orElseThrow();
        assertThat(unserved.a()).isCloseTo(110.0 * run, within(1e-6 * run));
        assertThat(unserved.b()).isCloseTo(330.0 * run, within(1e-6 * run));
        Comparison.FigureDelta shed = c.figure("shedEnergyJ").orElseThrow();
        assertThat(shed.a()).isCloseTo(440.0 * run, within(1e-6 * run));
        assertThat(shed.b()).isCloseTo(1_600.0 * run, within(1e-6 * run));
        assertThat(shed.delta()).isCloseTo(1_160.0 * run, within(1e-6 * run));
        assertThat(c.figure("offInEclipseEnergyJ").orElseThrow().b()).isZero();

        ItemChange camera = c.changes().stream().filter(ch -> ch.type() == ChangeType.ADDED).findFirst().orElseThrow();
        assertThat(camera.fields()).contains(
                new FieldChange("operating power", "W", null, 1_000.0, null, null),
                new FieldChange("peak power", "W", null, 1_000.0, null, null),
                new FieldChange("duty in Crewed", "fraction", null, 1.0, null, null),
                new FieldChange("duty in Uncrewed", "fraction", null, 0.0, null, null),
                new FieldChange("bus", "", null, null, null, "V28"),
                new FieldChange("priority", "", null, null, null, "DEFERRABLE"));
        assertThat(camera.fields()).extracting(FieldChange::field).doesNotContain("duty cycle in eclipse");
    }

    @Test
    void two_baselines_compare_like_a_baseline_and_the_state_it_froze_and_the_design_case_and_timeline_diff() {
        Fixture f = fixtures.create("Baseline pair", 2);
        Baselines.Baseline first = baselines.create(f.workspaceId(), "SRR", "", ME);
        ReadModels.DesignCase dc = workspaces.snapshot(f.workspaceId()).designCase();
        designCases.updateDesignCase(f.workspaceId(), dc.version(),
                new org.gatewaypower.workspace.Drafts.DesignCaseDraft(dc.activeModeId(), dc.orbitPeriodS(),
                        dc.eclipseDurationS(), 10.0), ME);
        Operations.OperationPhase stay = operations.create(f.workspaceId(), new Operations.OperationPhaseDraft(
                "Artemis IV stay", PhaseKind.CREWED, f.otherModeId(), Instant.parse("2027-03-01T00:00:00Z"),
                Instant.parse("2027-03-31T00:00:00Z")), ME);
        Baselines.Baseline second = baselines.create(f.workspaceId(), "PDR", "", ME);

        Comparison pair = baselines.compare(f.workspaceId(), "baseline:" + first.id(), "baseline:" + second.id());
        Comparison now = baselines.compare(f.workspaceId(), "baseline:" + first.id(), "current");

        assertThat(pair.labelA()).isEqualTo("Baseline SRR");
        assertThat(pair.labelB()).isEqualTo("Baseline PDR");
        assertThat(pair.changes()).extracting(ItemChange::kind, ItemChange::item, ItemChange::type).containsExactly(
                org.assertj.core.groups.Tuple.tuple("design case", "Design case", ChangeType.CHANGED),
                org.assertj.core.groups.Tuple.tuple("phase", "Artemis IV stay", ChangeType.ADDED));
        assertThat(pair.changes().get(0).fields()).containsExactly(
                new FieldChange("array age", "years", 15.0, 10.0, null, null));
        assertThat(pair.changes().get(1).key()).isEqualTo("phase:" + stay.id());
        assertThat(pair.changes()).isEqualTo(now.changes());
        assertThat(pair.figures()).isEqualTo(now.figures());
        assertThat(pair.figure("sunlitGenerationW").orElseThrow().delta()).isPositive();
        assertThat(pair.ranking()).extracting(Comparison.Impact::kind).containsExactly("design case", "phase");
        assertThat(pair.ranking().get(1).minSocDelta()).as("a phase does not act on the design orbit")
                .isEqualTo(0.0);
    }

    @Test
    void a_change_big_enough_flips_a_check_and_the_flip_is_flagged() {
        Fixture f = fixtures.create("Baseline flip", 2);
        Baselines.Baseline frozen = baselines.create(f.workspaceId(), "Green", null, ME);
        assertThat(frozen.results().allChecksPass()).as("the fixture passes every check").isTrue();
        ReadModels.LoadItem l0 = equipment.load(f.loadIds().get(0));
        equipment.updateLoad(l0.id(), l0.version(), TestWorkspaces.withPowers(TestWorkspaces.draft(l0), 50.0,
                20_000.0, 20_000.0), ME);

        Comparison c = baselines.compare(f.workspaceId(), "baseline:" + frozen.id(), "current");

        assertThat(c.checks()).filteredOn(Comparison.CheckDelta::flipped).isNotEmpty()
                .allSatisfy(d -> {
                    assertThat(d.passedA()).isTrue();
                    assertThat(d.passedB()).isFalse();
                });
        assertThat(c.checks()).filteredOn(d -> !d.flipped())
                .allSatisfy(d -> assertThat(d.passedA()).isEqualTo(d.passedB()));
    }

    @Test
    void a_baseline_keeps_its_inputs_and_results_after_later_edits_and_its_json_round_trips() throws Exception {
        Fixture f = fixtures.create("Baseline frozen", 2);
        ReadModels.WorkspaceSnapshot snapshot = workspaces.snapshot(f.workspaceId());
        Baselines.Baseline frozen = baselines.create(f.workspaceId(), "CDR", "Critical design review", ME);
        ReadModels.LoadItem l0 = equipment.load(f.loadIds().get(0));
        equipment.updateLoad(l0.id(), l0.version(), TestWorkspaces.withOperating(TestWorkspaces.draft(l0), 900.0),
                ME);

        Baselines.Baseline read = baselines.baseline(frozen.id());

        assertThat(read.inputs().workspace()).isEqualTo(snapshot);
        assertThat(read.inputs().workspace().loads().get(0).dutyByMode()).containsEntry(f.activeModeId(), 0.5);
        assertThat(read).isEqualTo(frozen);
        assertThat(read.name()).isEqualTo("CDR");
        assertThat(read.description()).isEqualTo("Critical design review");
        assertThat(read.createdBy()).isEqualTo(ME);
        assertThat(baselines.baselines(f.workspaceId())).containsExactly(read);
        assertThat(read.results()).isEqualTo(baselines.analyse(new Baselines.Inputs(snapshot, List.of())));

        Baselines.Inputs roundTripped = json.readValue(json.writeValueAsString(read.inputs()), Baselines.Inputs.class);
        assertThat(roundTripped).isEqualTo(read.inputs());
        Instant updated = roundTripped.workspace().loads().get(0).updatedAt();
        assertThat(updated).isEqualTo(snapshot.loads().get(0).updatedAt());
        assertThat(json.readValue(json.writeValueAsString(read.results()), Baselines.Results.class))
                .isEqualTo(read.results());
    }

    @Test
    void baseline_names_are_required_short_and_unique_per_workspace() {
        Fixture f = fixtures.create("Baseline names", 1);
        Fixture other = fixtures.create("Baseline names other", 1);
        baselines.create(f.workspaceId(), "SRR", "", ME);

        assertThatThrownBy(() -> baselines.create(f.workspaceId(), "  ", "", ME)).isInstanceOfSatisfying(
                InvalidInputException.class, ex -> assertThat(ex.violations()).extracting(v -> v.field())
                        .containsExactly("name"));
        assertThatThrownBy(() -> baselines.create(f.workspaceId(), "x".repeat(121), "", ME)).isInstanceOfSatisfying(
                InvalidInputException.class, ex -> assertThat(ex.violations().get(0).message()).contains("120"));
        assertThatThrownBy(() -> baselines.create(f.workspaceId(), "SRR", "", ME)).isInstanceOfSatisfying(
                InvalidInputException.class, ex -> assertThat(ex.violations()).singleElement()
                        .satisfies(v -> assertThat(v.field()).isEqualTo("name"))
                        .satisfies(v -> assertThat(v.message()).contains("unique")));
        assertThat(baselines.create(other.workspaceId(), "SRR", "", ME).name()).isEqualTo("SRR");
        assertThat(baselines.baselines(f.workspaceId())).hasSize(1);
    }

    @Test
    void sides_that_are_not_current_parent_or_a_baseline_are_refused_naming_the_side() {
        Fixture f = fixtures.create("Baseline sides", 1);

        assertThatThrownBy(() -> baselines.compare(f.workspaceId(), "yesterday", "current"))
                .isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.violations())
                        .extracting(v -> v.field()).containsExactly("a"));
        assertThatThrownBy(() -> baselines.compare(f.workspaceId(), "current", "parent"))
                .isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.violations())
                        .extracting(v -> v.field()).containsExactly("b"));
        assertThatThrownBy(() -> baselines.compare(f.workspaceId(), "current", "baseline:x"))
                .isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.violations())
                        .extracting(v -> v.field()).containsExactly("b"));
        assertThatThrownBy(() -> baselines.compare(f.workspaceId(), "current", "baseline:" + Long.MAX_VALUE))
                .isInstanceOf(NotFoundException.class);
        assertThat(baselines.compare(f.workspaceId(), "current", "current").changes()).isEmpty();
    }
}
