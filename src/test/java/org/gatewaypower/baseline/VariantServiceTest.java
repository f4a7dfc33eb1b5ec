package org.gatewaypower.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.gatewaypower.SpringTestBase;
import org.gatewaypower.baseline.Comparison.ChangeType;
import org.gatewaypower.baseline.Comparison.FieldChange;
import org.gatewaypower.workspace.Drafts.LoadItemDraft;
import org.gatewaypower.workspace.Drafts.SolarArrayDraft;
import org.gatewaypower.workspace.EquipmentService;
import org.gatewaypower.workspace.InvalidInputException;
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
 * A workspace forked into a variant: everything is copied, edits to the variant leave the parent as it
 * was, and comparing the variant with its parent lists exactly the variant's edits.
 */
class VariantServiceTest extends SpringTestBase {

    private static final String ME = TestWorkspaces.SEEDER;

    @Autowired
    VariantService variants;

    @Autowired
    BaselineService baselines;

    @Autowired
    WorkspaceService workspaces;

    @Autowired
    TestWorkspaces fixtures;

    @Autowired
    EquipmentService equipment;

    @Autowired
    OperationsService operations;

    @Test
    void a_fork_copies_every_item_with_its_values_and_records_its_parent() {
        Fixture f = parentWithTimeline("Variant copy");
        ReadModels.WorkspaceSnapshot parent = workspaces.snapshot(f.workspaceId());
        List<Operations.OperationPhase> parentPhases = operations.phases(f.workspaceId());

        Baselines.Variant v = variants.fork(f.workspaceId(), "Second science rack", ME);

        assertThat(v.name()).isEqualTo("Second science rack");
        assertThat(v.workspaceName()).isEqualTo(f.name() + " — Second science rack");
        assertThat(v.parentWorkspaceId()).isEqualTo(f.workspaceId());
        assertThat(v.createdBy()).isEqualTo(ME);
        assertThat(variants.variants(f.workspaceId())).containsExactly(v);
        assertThat(variants.parent(v.workspaceId())).contains(v);
        assertThat(variants.parent(f.workspaceId())).isEmpty();

        ReadModels.WorkspaceSnapshot copy = workspaces.snapshot(v.workspaceId());
        assertThat(copy.name()).isEqualTo(v.workspaceName());
        assertThat(copy.teams()).isEqualTo(parent.teams());
        assertThat(copy.modes()).extracting(ReadModels.Mode::name, ReadModels.Mode::description, ReadModels.Mode::sortOrder)
                .isEqualTo(parent.modes().stream().map(m -> org.assertj.core.groups.Tuple.tuple(m.name(),
                        m.description(), m.sortOrder())).toList());
        assertThat(copy.elements()).extracting(ReadModels.Element::name, ReadModels.Element::kind, ReadModels.Element::ownerTeamCode)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("HALO",
                        org.gatewaypower.workspace.ElementKind.HALO, "NASA"));
        assertThat(copy.loads()).hasSize(3);
        for (int i = 0; i < 3; i++) {
            ReadModels.LoadItem p = parent.loads().get(i);
            ReadModels.LoadItem c = copy.loads().get(i);
            assertThat(c.id()).isNotEqualTo(p.id());
            assertThat(c.elementId()).isEqualTo(copy.elements().get(0).id());
            assertThat(withoutReferences(TestWorkspaces.draft(c))).isEqualTo(withoutReferences(TestWorkspaces.draft(p)));
            assertThat(dutiesByName(copy, c)).isEqualTo(dutiesByName(parent, p)).isNotEmpty();
        }
        ReadModels.Battery pb = parent.batteries().get(0);
        ReadModels.Battery cb = copy.batteries().get(0);
        assertThat(TestWorkspaces.draft(cb)).isEqualTo(TestWorkspaces.draft(pb));
        assertThat(cb.capacityFadePerYear()).isEqualTo(pb.capacityFadePerYear());
        ReadModels.SolarArray pa = parent.arrays().get(0);
        ReadModels.SolarArray ca = copy.arrays().get(0);
        assertThat(ca.ratedPowerW()).isEqualTo(pa.ratedPowerW());
        assertThat(ca.incidenceDeg()).isEqualTo(25.0).isEqualTo(pa.incidenceDeg());
        assertThat(ca.temperatureOffsetK()).isEqualTo(pa.temperatureOffsetK());
        ReadModels.DesignCase pd = parent.designCase();
        ReadModels.DesignCase cd = copy.designCase();
        assertThat(copy.mode(cd.activeModeId()).name()).isEqualTo(parent.mode(pd.activeModeId()).name());
        assertThat(List.of(cd.orbitPeriodS(), cd.eclipseDurationS(), cd.arrayAgeYears(), cd.spanDays(),
                cd.failedCapacityShare(), cd.transferLimitW())).isEqualTo(List.of(pd.orbitPeriodS(),
                pd.eclipseDurationS(), pd.arrayAgeYears(), pd.spanDays(), pd.failedCapacityShare(),
                pd.transferLimitW()));
        assertThat(List.of(cd.timeline(), cd.periluneEpoch(), cd.spanStart(), cd.marginPolicy(), cd.bolDate()))
                .isEqualTo(List.of(pd.timeline(), pd.periluneEpoch(), pd.spanStart(), pd.marginPolicy(),
                        pd.bolDate()));
        List<Operations.OperationPhase> copiedPhases = operations.phases(v.workspaceId());
        assertThat(copiedPhases).extracting(Operations.OperationPhase::name, Operations.OperationPhase::kind,
                Operations.OperationPhase::modeName, Operations.OperationPhase::start, Operations.OperationPhase::end)
                .isEqualTo(parentPhases.stream().map(p -> org.assertj.core.groups.Tuple.tuple(p.name(), p.kind(),
                        p.modeName(), p.start(), p.end())).toList()).hasSize(1);

        assertThat(baselines.compare(v.workspaceId(), "parent", "current").changes())
                .as("a fresh fork matches its parent item for item").isEmpty();
    }

    @Test
    void edits_to_a_variant_leave_its_parent_unchanged_and_the_comparison_lists_exactly_them() {
        Fixture f = parentWithTimeline("Variant edits");
        Baselines.Variant v = variants.fork(f.workspaceId(), "Hot case", ME);
        ReadModels.WorkspaceSnapshot parentBefore = workspaces.snapshot(f.workspaceId());
        List<Operations.OperationPhase> phasesBefore = operations.phases(f.workspaceId());
        ReadModels.WorkspaceSnapshot copy = workspaces.snapshot(v.workspaceId());

        ReadModels.LoadItem l1 = copy.loads().get(1);
        equipment.updateLoad(l1.id(), l1.version(), TestWorkspaces.withOperating(TestWorkspaces.draft(l1), 800.0),
                ME);
        ReadModels.LoadItem l2 = copy.loads().get(2);
        equipment.deleteLoad(l2.id(), l2.version(), ME);
        ReadModels.Battery b = copy.batteries().get(0);
        equipment.updateBattery(b.id(), b.version(), TestWorkspaces.withCapacity(TestWorkspaces.draft(b),
                40 * 3.6e6), ME);

        assertThat(workspaces.snapshot(f.workspaceId())).isEqualTo(parentBefore);
        assertThat(operations.phases(f.workspaceId())).isEqualTo(phasesBefore);

        Comparison c = baselines.compare(v.workspaceId(), "parent", "current");

        assertThat(c.changes()).extracting(Comparison.ItemChange::kind, Comparison.ItemChange::item,
                Comparison.ItemChange::type).containsExactly(
                org.assertj.core.groups.Tuple.tuple("load", "Load 1 · HALO", ChangeType.CHANGED),
                org.assertj.core.groups.Tuple.tuple("load", "Load 2 · HALO", ChangeType.REMOVED),
                org.assertj.core.groups.Tuple.tuple("battery", "Battery · HALO", ChangeType.CHANGED));
        assertThat(c.changes().get(0).fields()).containsExactly(
                new FieldChange("operating power", "W", 500.0, 800.0, null, null));
        assertThat(c.changes().get(2).fields()).containsExactly(
                new FieldChange("capacity", "J", 30 * 3.6e6, 40 * 3.6e6, null, null));
        assertThat(c.labelA()).startsWith("Parent");
        assertThat(c.ranking()).hasSize(3).allSatisfy(i -> assertThat(i.minSocDelta()).isNotNull());
        assertThat(c.ranking()).filteredOn(i -> i.kind().equals("battery")).singleElement()
                .satisfies(i -> assertThat(i.minSocDelta()).isPositive());

        Comparison reversed = baselines.compare(v.workspaceId(), "current", "parent");
        assertThat(reversed.changes()).extracting(Comparison.ItemChange::type)
                .containsExactly(ChangeType.CHANGED, ChangeType.ADDED, ChangeType.CHANGED);
        assertThat(reversed.figure("minStateOfCharge").orElseThrow().delta())
                .isEqualTo(-c.figure("minStateOfCharge").orElseThrow().delta());
    }

    @Test
    void a_variant_name_is_required_and_unique_per_parent() {
        Fixture f = fixtures.create("Variant names", 1);
        variants.fork(f.workspaceId(), "A", ME);

        assertThatThrownBy(() -> variants.fork(f.workspaceId(), " ", ME)).isInstanceOfSatisfying(
                InvalidInputException.class, ex -> assertThat(ex.violations()).extracting(v -> v.field())
                        .containsExactly("name"));
        assertThatThrownBy(() -> variants.fork(f.workspaceId(), "A", ME)).isInstanceOfSatisfying(
                InvalidInputException.class, ex -> assertThat(ex.violations()).singleElement()
                        .satisfies(v -> assertThat(v.message()).contains("unique")));
        assertThatThrownBy(() -> variants.fork(f.workspaceId(), "x".repeat(119), ME)).isInstanceOfSatisfying(
                InvalidInputException.class, ex -> assertThat(ex.violations()).extracting(v -> v.field())
                        .containsExactly("name"));
        assertThat(variants.variants(f.workspaceId())).hasSize(1);
    }

    private Fixture parentWithTimeline(String prefix) {
        Fixture f = fixtures.create(prefix, 3);
        ReadModels.SolarArray a = workspaces.snapshot(f.workspaceId()).arrays().get(0);
        equipment.updateArray(a.id(), a.version(), new SolarArrayDraft(a.name(), a.ratedPowerW(),
                a.degradationPerYear(), a.pathEfficiency(), 25.0, -0.004, 30.0), ME);
        operations.create(f.workspaceId(), new Operations.OperationPhaseDraft("Artemis IV stay", PhaseKind.CREWED,
                f.otherModeId(), Instant.parse("2027-03-01T00:00:00Z"), Instant.parse("2027-03-31T00:00:00Z")), ME);
        return f;
    }

    /** A load's own values, without the ids of its element and modes (which differ in a copy). */
    private static LoadItemDraft withoutReferences(LoadItemDraft d) {
        return new LoadItemDraft(null, d.name(), d.subsystem(), d.bus(), d.quantity(), d.standbyPowerW(),
                d.operatingPowerW(), d.peakPowerW(), Map.of(), d.maturity(), d.priority());
    }

    private static Map<String, Double> dutiesByName(ReadModels.WorkspaceSnapshot ws, ReadModels.LoadItem l) {
        return l.dutyByMode().entrySet().stream()
                .collect(Collectors.toMap(e -> ws.mode(e.getKey()).name(), Map.Entry::getValue));
    }
}
