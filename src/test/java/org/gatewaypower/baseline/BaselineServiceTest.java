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
 * and the changes are ranked by their own effect on the minimum state of charge.
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
