package org.gatewaypower.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.gatewaypower.workspace.TestWorkspaces.SEEDER;
import static org.gatewaypower.workspace.TestWorkspaces.draft;
import static org.gatewaypower.workspace.TestWorkspaces.withCapacity;
import static org.gatewaypower.workspace.TestWorkspaces.withPowers;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.gatewaypower.SpringTestBase;
import org.gatewaypower.physics.load.MarginPolicy;
import org.gatewaypower.workspace.History.ChangeType;
import org.gatewaypower.workspace.History.Entry;
import org.gatewaypower.workspace.History.FieldChange;
import org.gatewaypower.workspace.TestWorkspaces.Fixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The audit trail through the public services: every accepted edit is one revision with who, when and
 * the changed fields old → new; restores go through the ordinary edits (validated, version-checked)
 * and are themselves new revisions.
 */
class HistoryServiceTest extends SpringTestBase {

    @Autowired
    WorkspaceService service;

    @Autowired
    TestWorkspaces fixtures;

    @Autowired
    EquipmentService equipment;

    @Autowired
    DesignCaseService designCases;

    @Autowired
    HistoryService history;

    @Autowired
    OperationsService operations;

    @Autowired
    Clock clock;

    @Test
    void a_load_history_says_who_changed_what_when_and_a_removed_load_can_be_restored() {
        Fixture f = fixtures.create("History", 1);
        long id = f.loadIds().get(0);
        ReadModels.LoadItem created = equipment.load(id);

        Instant beforeEdit = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        ReadModels.LoadItem edited = equipment.updateLoad(id, created.version(),
                withPowers(draft(created), 80.0, 650.0, 2_000.0), "nasa");
        Instant afterEdit = clock.instant();
        equipment.deleteLoad(id, edited.version(), "esa");

        List<Entry> entries = history.loadHistory(id);
        assertThat(entries).extracting(Entry::change, Entry::actor, Entry::kind, Entry::id, Entry::name)
                .containsExactly(
                        tuple(ChangeType.REMOVED, "esa", "load item", id, "Load 0"),
                        tuple(ChangeType.CHANGED, "nasa", "load item", id, "Load 0"),
                        tuple(ChangeType.ADDED, SEEDER, "load item", id, "Load 0"));
        Entry removed = entries.get(0);
        Entry changed = entries.get(1);
        Entry added = entries.get(2);
        assertThat(changed.at()).isBetween(beforeEdit, afterEdit);
        assertThat(removed.revision()).isGreaterThan(changed.revision());
        assertThat(changed.revision()).isGreaterThan(added.revision());
        assertThat(changed.previousRevision()).isEqualTo(added.revision());
        assertThat(removed.previousRevision()).isEqualTo(changed.revision());
        assertThat(added.previousRevision()).isNull();

        // only the two changed fields, old -> new, SI with their unit
        assertThat(changed.changes()).containsExactly(
                new FieldChange("standbyPowerW", "Standby power", "W", 50.0, 80.0),
                new FieldChange("operatingPowerW", "Operating power", "W", 500.0, 650.0));
        assertThat(removed.changes()).isEmpty();
        assertThat(added.changes()).extracting(FieldChange::field, FieldChange::oldValue, FieldChange::newValue)
                .contains(tuple("name", null, "Load 0"), tuple("operatingPowerW", null, 500.0),
                        tuple("dutyByMode." + f.activeModeId(), null, 0.5));
        assertThat(added.changes()).filteredOn(c -> c.field().equals("dutyByMode." + f.activeModeId()))
                .extracting(FieldChange::label, FieldChange::unit).containsExactly(tuple("Duty cycle in mode Crewed",
                        "fraction"));

        assertThat(history.loadRevisions(id)).extracting(History.Revision::revision, History.Revision::change)
                .containsExactly(tuple(added.revision(), ChangeType.ADDED),
                        tuple(changed.revision(), ChangeType.CHANGED), tuple(removed.revision(), ChangeType.REMOVED));

        // restore the removed load as it was before the removal: created anew, a new audited change
        ReadModels.LoadItem restored = history.restoreLoad(id, changed.revision(), null, null, "jaxa");
        assertThat(restored.id()).isNotEqualTo(id);
        assertThat(restored.operatingPowerW()).isEqualTo(650.0);
        assertThat(restored.standbyPowerW()).isEqualTo(80.0);
        assertThat(restored.dutyByMode()).isEqualTo(created.dutyByMode());
        assertThat(history.loadHistory(restored.id())).singleElement()
                .extracting(Entry::change, Entry::actor).containsExactly(ChangeType.ADDED, "jaxa");
    }

    @Test
    void restoring_one_field_sets_only_that_field_back_and_is_a_new_revision() {
        Fixture f = fixtures.create("History field", 1);
        long id = f.loadIds().get(0);
        ReadModels.LoadItem v0 = equipment.load(id);
        ReadModels.LoadItem v1 = equipment.updateLoad(id, v0.version(), withPowers(draft(v0), 60.0, 700.0, 2_000.0),
                "nasa");
        ReadModels.LoadItem v2 = equipment.updateLoad(id, v1.version(), withPowers(draft(v1), 70.0, 900.0, 2_000.0),
                "nasa");
        Entry first = history.loadHistory(id).get(2);
        assertThat(first.change()).isEqualTo(ChangeType.ADDED);

        // a stale version is refused like any edit, and changes nothing
        assertThatThrownBy(() -> history.restoreLoad(id, first.revision(), "operatingPowerW", v1.version(), "jaxa"))
                .isInstanceOf(StaleEditException.class);
        assertThatThrownBy(() -> history.restoreLoad(id, first.revision(), "wattage", v2.version(), "jaxa"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("field");

        ReadModels.LoadItem restored = history.restoreLoad(id, first.revision(), "operatingPowerW", v2.version(), "jaxa");
        assertThat(restored.operatingPowerW()).isEqualTo(500.0);
        assertThat(restored.standbyPowerW()).isEqualTo(70.0);
        assertThat(restored.version()).isEqualTo(v2.version() + 1);

        Entry latest = history.loadHistory(id).get(0);
        assertThat(latest.actor()).isEqualTo("jaxa");
        assertThat(latest.revision()).isGreaterThan(first.revision());
        assertThat(latest.changes()).containsExactly(
                new FieldChange("operatingPowerW", "Operating power", "W", 900.0, 500.0));
        assertThat(history.loadRevisions(id)).hasSize(4);

        // a duty cycle is a field of its own
        String duty = "dutyByMode." + f.activeModeId();
        ReadModels.LoadItem v4 = equipment.updateLoad(id, restored.version(), TestWorkspaces.withDuty(draft(restored),
                java.util.Map.of(f.activeModeId(), 0.8)), "nasa");
        Entry dutyChange = history.loadHistory(id).get(0);
        assertThat(dutyChange.changes()).extracting(FieldChange::field, FieldChange::oldValue, FieldChange::newValue)
                .containsExactlyInAnyOrder(tuple(duty, 0.5, 0.8),
                        tuple("dutyByMode." + f.otherModeId(), 0.25, null));
        ReadModels.LoadItem dutyBack = history.restoreLoad(id, dutyChange.previousRevision(), duty, v4.version(), "nasa");
        assertThat(dutyBack.dutyByMode()).containsExactlyInAnyOrderEntriesOf(java.util.Map.of(f.activeModeId(), 0.5));
    }

    @Test
    void batteries_and_the_design_case_have_history_and_restore() {
        Fixture f = fixtures.create("History battery", 0);
        ReadModels.Battery b0 = service.snapshot(f.workspaceId()).batteries().get(0);
        ReadModels.Battery b1 = equipment.updateBattery(b0.id(), b0.version(), withCapacity(draft(b0), 40 * 3.6e6),
                "nasa");
        Entry change = history.elementHistory(f.elementId()).stream()
                .filter(e -> e.kind().equals("battery") && e.change() == ChangeType.CHANGED).findFirst().orElseThrow();
        assertThat(change.actor()).isEqualTo("nasa");
        assertThat(change.changes()).containsExactly(
                new FieldChange("capacityJ", "Capacity", "J", 30 * 3.6e6, 40 * 3.6e6));
        ReadModels.Battery back = history.restoreBattery(b0.id(), change.previousRevision(), "capacityJ", b1.version(),
                "nasa");
        assertThat(back.capacityJ()).isEqualTo(30 * 3.6e6);
        assertThat(back.version()).isEqualTo(b1.version() + 1);

        ReadModels.DesignCase dc0 = service.snapshot(f.workspaceId()).designCase();
        ReadModels.DesignCase dc1 = designCases.updateDesignCase(f.workspaceId(), dc0.version(),
                new Drafts.DesignCaseDraft(dc0.activeModeId(), dc0.orbitPeriodS(), 100 * 60.0, dc0.arrayAgeYears(),
                        null, null, null, null, null, MarginPolicy.NASA_PDR, null), "esa");
        Entry dcChange = history.workspaceHistory(f.workspaceId()).get(0);
        assertThat(dcChange).extracting(Entry::kind, Entry::actor, Entry::change, Entry::name)
                .containsExactly("design case", "esa", ChangeType.CHANGED, "Design case");
        assertThat(dcChange.changes()).containsExactly(
                new FieldChange("eclipseDurationS", "Longest eclipse", "s", TestWorkspaces.ECLIPSE_S, 6000.0),
                new FieldChange("marginPolicy", "Margin policy", "", "ESA_SYSTEM", "NASA_PDR"));
        ReadModels.DesignCase whole = history.restoreDesignCase(dc0.id(), dcChange.previousRevision(), null,
                dc1.version(), "esa");
        assertThat(whole.eclipseDurationS()).isEqualTo(TestWorkspaces.ECLIPSE_S);
        assertThat(whole.marginPolicy()).isEqualTo(MarginPolicy.ESA_SYSTEM);
    }

    @Test
    void the_workspace_history_covers_everything_in_it() {
        Fixture f = fixtures.create("History workspace", 1);
        operations.create(f.workspaceId(), new Operations.OperationPhaseDraft("Crew stay", PhaseKind.CREWED,
                f.activeModeId(), Instant.parse("2027-02-01T00:00:00Z"), Instant.parse("2027-03-01T00:00:00Z")),
                "nasa");
        List<Entry> entries = history.workspaceHistory(f.workspaceId());
        assertThat(entries).filteredOn(e -> e.revision() != 0).extracting(Entry::kind).containsExactlyInAnyOrder(
                "operation phase", "load item", "design case", "solar array", "battery", "element", "operating mode",
                "operating mode", "workspace");
        // The members the fixture added are audit events (revision 0), each saying who added whom as what.
        assertThat(entries).filteredOn(e -> e.revision() == 0).isNotEmpty().allSatisfy(e -> {
            assertThat(e.kind()).isEqualTo("member");
            assertThat(e.change()).isEqualTo(ChangeType.ADDED);
            assertThat(e.changes().get(0).newValue().toString()).contains(" added ").contains(" as ");
        });
        assertThat(entries.get(0)).extracting(Entry::kind, Entry::actor, Entry::change)
                .containsExactly("operation phase", "nasa", ChangeType.ADDED);
        assertThat(entries).filteredOn(e -> e.kind().equals("workspace")).singleElement()
                .satisfies(e -> assertThat(e.changes()).contains(
                        new FieldChange("teamIds", "Partner teams", "", null, "ESA, NASA")));
        assertThat(entries).filteredOn(e -> e.kind().equals("operating mode")).extracting(Entry::actor)
                .containsOnly(TestWorkspaces.SEEDER);
        assertThatThrownBy(() -> history.workspaceHistory(-1)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void values_equal_within_1e_12_relative_are_no_change_and_are_not_recorded() {
        Fixture f = fixtures.create("History noise", 1);
        long id = f.loadIds().get(0);
        ReadModels.LoadItem created = equipment.load(id);
        ReadModels.Battery b0 = service.snapshot(f.workspaceId()).batteries().get(0);
        // 0.95 shown as 95 % and converted back: 95 / 100 · … can come back as 0.9500000000000001
        double noisy = Math.nextUp(0.95);
        assertThat(noisy).isNotEqualTo(0.95);

        ReadModels.Battery b1 = equipment.updateBattery(b0.id(), b0.version(), new Drafts.BatteryDraft(b0.name(),
                b0.capacityJ() * (1 + 4e-16), b0.minStateOfCharge(), b0.maxStateOfCharge(), noisy, noisy,
                b0.maxChargePowerW(), b0.maxDischargePowerW(), b0.initialStateOfCharge()), "nasa");
        ReadModels.LoadItem l1 = equipment.updateLoad(id, created.version(), TestWorkspaces.withDuty(draft(created),
                java.util.Map.of(f.activeModeId(), Math.nextUp(0.5), f.otherModeId(), 0.25)), "nasa");

        // the stored values stay exactly what they were
        assertThat(b1.chargeEfficiency()).isEqualTo(0.95);
        assertThat(b1.dischargeEfficiency()).isEqualTo(0.95);
        assertThat(b1.capacityJ()).isEqualTo(b0.capacityJ());
        assertThat(l1.dutyByMode().get(f.activeModeId())).isEqualTo(0.5);
        // and the history shows no change (nothing to restore), only the creations
        assertThat(history.loadHistory(id)).extracting(Entry::change).containsExactly(ChangeType.ADDED);
        assertThat(history.elementHistory(f.elementId())).filteredOn(e -> e.kind().equals(HistoryService.BATTERY))
                .extracting(Entry::change).containsExactly(ChangeType.ADDED);

        // a real change next to a noisy one lists only the real one
        ReadModels.Battery b2 = equipment.updateBattery(b0.id(), b1.version(), new Drafts.BatteryDraft(b0.name(),
                b0.capacityJ(), b0.minStateOfCharge(), b0.maxStateOfCharge(), Math.nextDown(0.95), 0.90,
                b0.maxChargePowerW(), b0.maxDischargePowerW(), b0.initialStateOfCharge()), "nasa");
        assertThat(b2.chargeEfficiency()).isEqualTo(0.95);
        assertThat(history.elementHistory(f.elementId())).filteredOn(e -> e.kind().equals(HistoryService.BATTERY))
                .first().satisfies(e -> assertThat(e.changes()).extracting(FieldChange::field)
                        .containsExactly("dischargeEfficiency"));
    }

    @Test
    void recorded_numbers_compare_within_1e_12_relative() {
        assertThat(AuditTrail.same(0.95, 0.9500000000000001)).isTrue();
        assertThat(AuditTrail.same(1e12, 1e12 * (1 + 5e-13))).isTrue();
        assertThat(AuditTrail.same(0.95, 0.9500001)).isFalse();
        assertThat(AuditTrail.same(0.0, 1e-300)).isFalse();
        assertThat(AuditTrail.same("a", "a")).isTrue();
        assertThat(AuditTrail.same(null, 0.0)).isFalse();
    }
}
