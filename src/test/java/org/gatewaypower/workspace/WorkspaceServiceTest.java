package org.gatewaypower.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.gatewaypower.workspace.TestWorkspaces.draft;
import static org.gatewaypower.workspace.TestWorkspaces.withCapacity;
import static org.gatewaypower.workspace.TestWorkspaces.withChargeEfficiency;
import static org.gatewaypower.workspace.TestWorkspaces.withDuty;
import static org.gatewaypower.workspace.TestWorkspaces.withOperating;
import static org.gatewaypower.workspace.TestWorkspaces.withPowers;
import static org.gatewaypower.workspace.TestWorkspaces.withQuantity;
import static org.gatewaypower.workspace.TestWorkspaces.withStateOfCharge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.gatewaypower.SpringTestBase;
import org.gatewaypower.collaboration.WorkspaceBroadcaster;
import org.gatewaypower.workspace.Drafts.BatteryDraft;
import org.gatewaypower.workspace.Drafts.DesignCaseDraft;
import org.gatewaypower.workspace.Drafts.LoadItemDraft;
import org.gatewaypower.workspace.Drafts.SolarArrayDraft;
import org.gatewaypower.workspace.TestWorkspaces.Fixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The workspace service against the real database: every rule is enforced and names its field, a rejected
 * edit changes nothing, stale versions are refused instead of overwriting someone's edit (also under
 * concurrency), and saved edits reach subscribers after the commit.
 */
class WorkspaceServiceTest extends SpringTestBase {

    /** One workspace shared by the validation tests, which never change anything when they pass. */
    private static volatile Fixture validationWorkspace;

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
    WorkspaceBroadcaster broadcaster;

    private Fixture validationWorkspace() {
        if (validationWorkspace == null) {
            synchronized (WorkspaceServiceTest.class) {
                if (validationWorkspace == null) {
                    validationWorkspace = fixtures.create("Validation", 1);
                }
            }
        }
        return validationWorkspace;
    }

    // ---------------------------------------------------------------- validation

    /** An edit of a load item that breaks exactly one rule. */
    record LoadEdit(String description, BiFunction<Fixture, LoadItemDraft, LoadItemDraft> edit,
                    Function<Fixture, String> field, String rule) {
        @Override
        public String toString() {
            return description;
        }
    }

    static Stream<LoadEdit> invalidLoadEdits() {
        return Stream.of(
                new LoadEdit("negative operating power",
                        (f, d) -> withOperating(d, -5.0), f -> "operatingPowerW", "must not be negative"),
                new LoadEdit("duty cycle 1.5",
                        (f, d) -> withDuty(d, Map.of(f.activeModeId(), 1.5, f.otherModeId(), 0.25)),
                        f -> "dutyByMode." + f.activeModeId(), "must be between 0 and 1"),
                new LoadEdit("duty cycle -0.1",
                        (f, d) -> withDuty(d, Map.of(f.activeModeId(), 0.5, f.otherModeId(), -0.1)),
                        f -> "dutyByMode." + f.otherModeId(), "must be between 0 and 1"),
                new LoadEdit("peak power below operating power",
                        (f, d) -> withPowers(d, 50.0, 500.0, 400.0), f -> "peakPowerW",
                        "must be at least the operating power"),
                new LoadEdit("operating power left empty (not a number)",
                        (f, d) -> withOperating(d, null), f -> "operatingPowerW", "is required and must be a number"),
                new LoadEdit("operating power NaN",
                        (f, d) -> withOperating(d, Double.NaN), f -> "operatingPowerW", "must be a finite number"),
                new LoadEdit("quantity 0",
                        (f, d) -> withQuantity(d, 0), f -> "quantity", "must be a whole number between 1 and 10000"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidLoadEdits")
    void invalid_load_edit_is_refused_naming_the_field_and_leaves_the_item_unchanged(LoadEdit c) {
        Fixture f = validationWorkspace();
        long loadId = f.loadIds().get(0);
        ReadModels.WorkspaceSnapshot before = service.snapshot(f.workspaceId());
        ReadModels.LoadItem item = equipment.load(loadId);
        LoadItemDraft invalid = c.edit().apply(f, draft(item));

        InvalidInputException ex = catchThrowableOfType(InvalidInputException.class,
                () -> equipment.updateLoad(loadId, item.version(), invalid, "nasa"));

        assertThat(ex).as("update with %s", c).isNotNull();
        assertOnlyViolation(ex, c.field().apply(f), c.rule());
        assertThat(equipment.load(loadId)).isEqualTo(item);
        assertThat(equipment.load(loadId).version()).isEqualTo(item.version());
        assertThat(service.snapshot(f.workspaceId())).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidLoadEdits")
    void invalid_new_load_is_refused_naming_the_field_and_adds_nothing(LoadEdit c) {
        Fixture f = validationWorkspace();
        ReadModels.WorkspaceSnapshot before = service.snapshot(f.workspaceId());
        LoadItemDraft invalid = c.edit().apply(f, draft(equipment.load(f.loadIds().get(0))));

        InvalidInputException ex = catchThrowableOfType(InvalidInputException.class,
                () -> equipment.createLoad(f.workspaceId(), invalid, "nasa"));

        assertThat(ex).as("create with %s", c).isNotNull();
        assertOnlyViolation(ex, c.field().apply(f), c.rule());
        assertThat(service.snapshot(f.workspaceId())).isEqualTo(before);
    }

    /** An edit of a battery that breaks exactly one rule. */
    record BatteryEdit(String description, Function<BatteryDraft, BatteryDraft> edit, String field, String rule) {
        @Override
        public String toString() {
            return description;
        }
    }

    static Stream<BatteryEdit> invalidBatteryEdits() {
        return Stream.of(
                new BatteryEdit("minimum state of charge above the maximum",
                        d -> withStateOfCharge(d, 0.9, 0.5, 0.7), "minStateOfCharge",
                        "must be below the maximum state of charge"),
                new BatteryEdit("minimum state of charge equal to the maximum",
                        d -> withStateOfCharge(d, 0.6, 0.6, 0.6), "minStateOfCharge",
                        "must be below the maximum state of charge"),
                new BatteryEdit("charge efficiency 0",
                        d -> withChargeEfficiency(d, 0.0), "chargeEfficiency",
                        "must be greater than 0 % and at most 100 %"),
                new BatteryEdit("charge efficiency 1.2",
                        d -> withChargeEfficiency(d, 1.2), "chargeEfficiency",
                        "must be greater than 0 % and at most 100 %"),
                new BatteryEdit("initial state of charge below the minimum",
                        d -> withStateOfCharge(d, 0.3, 0.9, 0.2), "initialStateOfCharge",
                        "must lie between the minimum"),
                new BatteryEdit("initial state of charge above the maximum",
                        d -> withStateOfCharge(d, 0.3, 0.9, 0.95), "initialStateOfCharge",
                        "must lie between the minimum"),
                new BatteryEdit("capacity 0",
                        d -> withCapacity(d, 0.0), "capacityJ", "must be greater than 0"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidBatteryEdits")
    void invalid_battery_edit_is_refused_naming_the_field_and_leaves_the_battery_unchanged(BatteryEdit c) {
        Fixture f = validationWorkspace();
        ReadModels.WorkspaceSnapshot before = service.snapshot(f.workspaceId());
        ReadModels.Battery battery = battery(before, f.batteryId());

        InvalidInputException ex = catchThrowableOfType(InvalidInputException.class,
                () -> equipment.updateBattery(battery.id(), battery.version(), c.edit().apply(draft(battery)), "jaxa"));

        assertThat(ex).as("update with %s", c).isNotNull();
        assertOnlyViolation(ex, c.field(), c.rule());
        ReadModels.WorkspaceSnapshot after = service.snapshot(f.workspaceId());
        assertThat(battery(after, f.batteryId())).isEqualTo(battery);
        assertThat(battery(after, f.batteryId()).version()).isEqualTo(battery.version());
        assertThat(after).isEqualTo(before);
    }

    @Test
    void invalid_new_battery_is_refused_and_adds_nothing() {
        Fixture f = validationWorkspace();
        ReadModels.WorkspaceSnapshot before = service.snapshot(f.workspaceId());
        BatteryDraft invalid = withChargeEfficiency(draft(battery(before, f.batteryId())), 0.0);

        assertThatThrownBy(() -> equipment.addBattery(f.elementId(), invalid, "jaxa"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        ex -> assertOnlyViolation(ex, "chargeEfficiency", "must be greater than 0 %"));
        assertThat(service.snapshot(f.workspaceId())).isEqualTo(before);
    }

    @Test
    void array_path_efficiency_0_is_refused_naming_the_field_and_leaves_the_array_unchanged() {
        assertArrayEditRefused(0.0);
    }

    @Test
    void array_path_efficiency_above_1_is_refused_naming_the_field_and_leaves_the_array_unchanged() {
        assertArrayEditRefused(1.2);
    }

    private void assertArrayEditRefused(double pathEfficiency) {
        Fixture f = validationWorkspace();
        ReadModels.WorkspaceSnapshot before = service.snapshot(f.workspaceId());
        ReadModels.SolarArray array = array(before, f.arrayId());
        SolarArrayDraft invalid = new SolarArrayDraft(array.name(), array.ratedPowerW(), array.degradationPerYear(),
                pathEfficiency);

        InvalidInputException ex = catchThrowableOfType(InvalidInputException.class,
                () -> equipment.updateArray(array.id(), array.version(), invalid, "nasa"));

        assertThat(ex).isNotNull();
        assertOnlyViolation(ex, "pathEfficiency", "must be greater than 0 % and at most 100 %");
        ReadModels.WorkspaceSnapshot after = service.snapshot(f.workspaceId());
        assertThat(array(after, f.arrayId())).isEqualTo(array);
        assertThat(array(after, f.arrayId()).version()).isEqualTo(array.version());
        assertThat(after).isEqualTo(before);
    }

    @Test
    void design_case_eclipse_as_long_as_the_orbit_is_refused_and_leaves_the_design_case_unchanged() {
        assertDesignCaseEclipseRefused(0.0);
    }

    @Test
    void design_case_eclipse_longer_than_the_orbit_is_refused_and_leaves_the_design_case_unchanged() {
        assertDesignCaseEclipseRefused(3_600.0);
    }

    private void assertDesignCaseEclipseRefused(double eclipseBeyondPeriodS) {
        Fixture f = validationWorkspace();
        ReadModels.WorkspaceSnapshot before = service.snapshot(f.workspaceId());
        ReadModels.DesignCase dc = before.designCase();
        DesignCaseDraft invalid = new DesignCaseDraft(dc.activeModeId(), dc.orbitPeriodS(),
                dc.orbitPeriodS() + eclipseBeyondPeriodS, dc.arrayAgeYears());

        InvalidInputException ex = catchThrowableOfType(InvalidInputException.class,
                () -> designCases.updateDesignCase(f.workspaceId(), dc.version(), invalid, "esa"));

        assertThat(ex).isNotNull();
        assertOnlyViolation(ex, "eclipseDurationS", "must be shorter than the orbit period");
        ReadModels.WorkspaceSnapshot after = service.snapshot(f.workspaceId());
        assertThat(after.designCase()).isEqualTo(dc);
        assertThat(after.designCase().version()).isEqualTo(dc.version());
        assertThat(after).isEqualTo(before);
    }

    private static void assertOnlyViolation(InvalidInputException ex, String field, String rule) {
        assertThat(ex.violations()).as("violations of %s", ex.getMessage())
                .extracting(InvalidInputException.FieldViolation::field).containsExactly(field);
        assertThat(ex.violations().get(0).message()).contains(rule);
        assertThat(ex.getMessage()).contains(field).contains(rule);
    }

    // ---------------------------------------------------------------- lost updates

    @Test
    void second_load_edit_from_the_same_version_is_refused_and_the_first_edit_stays() {
        Fixture f = fixtures.create("Lost update load", 1);
        long loadId = f.loadIds().get(0);
        ReadModels.LoadItem readByNasa = equipment.load(loadId);
        ReadModels.LoadItem readByEsa = equipment.load(loadId);
        assertThat(readByEsa.version()).isEqualTo(readByNasa.version());
        double nasaValue = readByNasa.operatingPowerW() + 10;
        double esaValue = readByNasa.operatingPowerW() + 20;

        ReadModels.LoadItem saved = equipment.updateLoad(loadId, readByNasa.version(),
                withOperating(draft(readByNasa), nasaValue), "nasa");
        assertThat(saved.version()).isEqualTo(readByNasa.version() + 1);

        assertThatThrownBy(() -> equipment.updateLoad(loadId, readByEsa.version(),
                withOperating(draft(readByEsa), esaValue), "esa"))
                .isInstanceOfSatisfying(StaleEditException.class, ex -> {
                    assertThat(ex.kind()).isEqualTo(WorkspaceChanged.Kind.LOAD_ITEM);
                    assertThat(ex.id()).isEqualTo(loadId);
                    assertThat(ex.lastEditedBy()).isEqualTo("nasa");
                    assertThat(ex.expectedVersion()).isEqualTo(readByEsa.version());
                    assertThat(ex.currentVersion()).isEqualTo(saved.version());
                    assertThat(ex.lastEditedAt()).isNotNull();
                    assertThat(ex.getMessage()).contains("nasa");
                });

        ReadModels.LoadItem stored = equipment.load(loadId);
        assertThat(stored.operatingPowerW()).isEqualTo(nasaValue);
        assertThat(stored.version()).isEqualTo(saved.version());
        assertThat(stored.updatedBy()).isEqualTo("nasa");
    }

    @Test
    void second_battery_edit_from_the_same_version_is_refused_and_the_first_edit_stays() {
        Fixture f = fixtures.create("Lost update battery", 0);
        ReadModels.Battery readByJaxa = battery(service.snapshot(f.workspaceId()), f.batteryId());
        ReadModels.Battery readByNasa = battery(service.snapshot(f.workspaceId()), f.batteryId());
        assertThat(readByNasa.version()).isEqualTo(readByJaxa.version());
        double jaxaCapacity = readByJaxa.capacityJ() * 1.1;

        ReadModels.Battery saved = equipment.updateBattery(f.batteryId(), readByJaxa.version(),
                withCapacity(draft(readByJaxa), jaxaCapacity), "jaxa");
        assertThat(saved.version()).isEqualTo(readByJaxa.version() + 1);

        assertThatThrownBy(() -> equipment.updateBattery(f.batteryId(), readByNasa.version(),
                withCapacity(draft(readByNasa), readByNasa.capacityJ() * 0.9), "nasa"))
                .isInstanceOfSatisfying(StaleEditException.class, ex -> {
                    assertThat(ex.kind()).isEqualTo(WorkspaceChanged.Kind.BATTERY);
                    assertThat(ex.id()).isEqualTo(f.batteryId());
                    assertThat(ex.lastEditedBy()).isEqualTo("jaxa");
                    assertThat(ex.expectedVersion()).isEqualTo(readByNasa.version());
                    assertThat(ex.currentVersion()).isEqualTo(saved.version());
                });

        ReadModels.Battery stored = battery(service.snapshot(f.workspaceId()), f.batteryId());
        assertThat(stored.capacityJ()).isEqualTo(jaxaCapacity);
        assertThat(stored.version()).isEqualTo(saved.version());
        assertThat(stored.updatedBy()).isEqualTo("jaxa");
    }

    @Test
    void second_design_case_edit_from_the_same_version_is_refused_and_the_first_edit_stays() {
        Fixture f = fixtures.create("Lost update design case", 0);
        ReadModels.DesignCase readByEsa = service.snapshot(f.workspaceId()).designCase();
        ReadModels.DesignCase readByCsa = service.snapshot(f.workspaceId()).designCase();
        assertThat(readByCsa.version()).isEqualTo(readByEsa.version());
        double esaEclipse = readByEsa.eclipseDurationS() + 600;

        ReadModels.DesignCase saved = designCases.updateDesignCase(f.workspaceId(), readByEsa.version(),
                new DesignCaseDraft(readByEsa.activeModeId(), readByEsa.orbitPeriodS(), esaEclipse,
                        readByEsa.arrayAgeYears()), "esa");
        assertThat(saved.version()).isEqualTo(readByEsa.version() + 1);

        assertThatThrownBy(() -> designCases.updateDesignCase(f.workspaceId(), readByCsa.version(),
                new DesignCaseDraft(readByCsa.activeModeId(), readByCsa.orbitPeriodS(),
                        readByCsa.eclipseDurationS() - 600, readByCsa.arrayAgeYears()), "csa"))
                .isInstanceOfSatisfying(StaleEditException.class, ex -> {
                    assertThat(ex.kind()).isEqualTo(WorkspaceChanged.Kind.DESIGN_CASE);
                    assertThat(ex.id()).isEqualTo(f.designCaseId());
                    assertThat(ex.lastEditedBy()).isEqualTo("esa");
                    assertThat(ex.expectedVersion()).isEqualTo(readByCsa.version());
                    assertThat(ex.currentVersion()).isEqualTo(saved.version());
                });

        ReadModels.DesignCase stored = service.snapshot(f.workspaceId()).designCase();
        assertThat(stored.eclipseDurationS()).isEqualTo(esaEclipse);
        assertThat(stored.version()).isEqualTo(saved.version());
        assertThat(stored.updatedBy()).isEqualTo("esa");
    }

    @Test
    void stale_edit_is_refused_even_when_it_repeats_the_values_read() {
        Fixture f = fixtures.create("Stale identical", 1);
        long loadId = f.loadIds().get(0);
        ReadModels.LoadItem read = equipment.load(loadId);
        ReadModels.LoadItem saved = equipment.updateLoad(loadId, read.version(), withOperating(draft(read), 600.0),
                "nasa");

        assertThatThrownBy(() -> equipment.updateLoad(loadId, read.version(), draft(read), "esa"))
                .isInstanceOf(StaleEditException.class);
        ReadModels.LoadItem stored = equipment.load(loadId);
        assertThat(stored.version()).isEqualTo(saved.version());
        assertThat(stored.operatingPowerW()).isEqualTo(600.0);
        assertThat(stored.updatedBy()).isEqualTo("nasa");
    }

    // ---------------------------------------------------------------- concurrency

    @Test
    void concurrent_edits_of_the_same_rows_lose_no_update() throws Exception {
        Fixture f = fixtures.create("Concurrency", 3);
        List<Long> rows = f.loadIds();
        Map<Long, Long> initialVersions = new HashMap<>();
        Map<Long, Queue<ReadModels.LoadItem>> saves = new HashMap<>();
        for (long row : rows) {
            initialVersions.put(row, equipment.load(row).version());
            saves.put(row, new ConcurrentLinkedQueue<>());
        }
        // The load: 20 clients × 50 edits on a few overlapping rows, as the five demo teams.
        int threads = 20;
        int editsPerThread = 50;
        AtomicInteger stale = new AtomicInteger();
        Queue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int a = 0; a < editsPerThread; a++) {
                        long row = rows.get((thread + a) % rows.size());
                        double value = 100 + thread * 60 + a; // distinct for every attempt, below the 2 kW peak
                        try {
                            ReadModels.LoadItem read = equipment.load(row);
                            ReadModels.LoadItem saved = equipment.updateLoad(row, read.version(),
                                    withOperating(draft(read), value),
                                    TestWorkspaces.DEMO_OWNERS.get(thread % TestWorkspaces.DEMO_OWNERS.size()));
                            saves.get(row).add(saved);
                        } catch (StaleEditException ex) {
                            stale.incrementAndGet();
                        } catch (Throwable ex) {
                            unexpected.add(ex);
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : futures) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(unexpected).as("attempts that failed other than with StaleEditException: %s",
                unexpected.stream().map(ex -> ex.getClass().getName() + ": " + ex.getMessage()).distinct().toList())
                .isEmpty();
        int successes = saves.values().stream().mapToInt(Queue::size).sum();
        assertThat(successes + stale.get()).isEqualTo(threads * editsPerThread);
        assertThat(successes).isPositive();
        for (long row : rows) {
            List<ReadModels.LoadItem> saved = new ArrayList<>(saves.get(row));
            long initial = initialVersions.get(row);
            ReadModels.LoadItem stored = equipment.load(row);
            assertThat(stored.version()).as("final version of row %d", row).isEqualTo(initial + saved.size());
            assertThat(saved).extracting(ReadModels.LoadItem::version).as("versions returned by saves of row %d", row)
                    .containsExactlyInAnyOrderElementsOf(
                            LongStream.rangeClosed(initial + 1, initial + saved.size()).boxed().toList());
            if (!saved.isEmpty()) {
                ReadModels.LoadItem last = saved.stream().max(Comparator.comparingLong(ReadModels.LoadItem::version))
                        .orElseThrow();
                assertThat(stored.operatingPowerW()).isEqualTo(last.operatingPowerW());
                assertThat(stored.updatedBy()).isEqualTo(last.updatedBy());
            }
            // The audit trail accounts for every accepted change: one revision each, by whom it was made.
            List<History.Revision> changes = history.loadRevisions(row).stream()
                    .filter(r -> r.change() == History.ChangeType.CHANGED).toList();
            assertThat(changes).as("audited changes of row %d", row).hasSize(saved.size());
            assertThat(changes).extracting(History.Revision::actor)
                    .containsExactlyInAnyOrderElementsOf(saved.stream().map(ReadModels.LoadItem::updatedBy).toList());
        }
    }

    // ---------------------------------------------------------------- change events

    /** What a subscriber got, and the version it could read at that moment. */
    record Delivery(WorkspaceChanged event, long versionVisibleToListener) {
    }

    @Test
    void saved_edit_is_delivered_to_subscribers_after_the_commit() throws Exception {
        Fixture f = fixtures.create("Events saved", 1);
        long loadId = f.loadIds().get(0);
        BlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();
        WorkspaceBroadcaster.Subscription subscription = broadcaster.subscribe(f.workspaceId(),
                e -> deliveries.add(new Delivery(e, equipment.load(e.entityId()).version())));
        try {
            ReadModels.LoadItem read = equipment.load(loadId);
            ReadModels.LoadItem saved = equipment.updateLoad(loadId, read.version(), withOperating(draft(read), 700.0),
                    "nasa");

            Delivery delivery = deliveries.poll(3, TimeUnit.SECONDS);
            assertThat(delivery).as("event within 3 s").isNotNull();
            assertThat(delivery.event()).isEqualTo(new WorkspaceChanged(f.workspaceId(),
                    WorkspaceChanged.Kind.LOAD_ITEM, loadId, WorkspaceChanged.Change.CHANGED, "nasa",
                    "changed load " + read.name()));
            assertThat(delivery.versionVisibleToListener()).as("the listener sees the committed edit")
                    .isEqualTo(saved.version());
            assertThat(deliveries.poll(300, TimeUnit.MILLISECONDS)).as("exactly one event").isNull();
        } finally {
            subscription.cancel();
        }
    }

    @Test
    void refused_edits_deliver_no_event() throws Exception {
        Fixture f = fixtures.create("Events refused", 1);
        long loadId = f.loadIds().get(0);
        BlockingQueue<WorkspaceChanged> deliveries = new LinkedBlockingQueue<>();
        WorkspaceBroadcaster.Subscription subscription = broadcaster.subscribe(f.workspaceId(), deliveries::add);
        try {
            ReadModels.LoadItem read = equipment.load(loadId);
            ThrowingCallable invalid = () -> equipment.updateLoad(loadId, read.version(),
                    withOperating(draft(read), -5.0), "nasa");
            ThrowingCallable stale = () -> equipment.updateLoad(loadId, read.version() - 1,
                    withOperating(draft(read), 650.0), "nasa");
            ReadModels.Battery battery = battery(service.snapshot(f.workspaceId()), f.batteryId());
            ThrowingCallable invalidBattery = () -> equipment.updateBattery(battery.id(), battery.version(),
                    withChargeEfficiency(draft(battery), 0.0), "jaxa");

            assertThatThrownBy(invalid).isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(stale).isInstanceOf(StaleEditException.class);
            assertThatThrownBy(invalidBattery).isInstanceOf(InvalidInputException.class);
            assertThat(deliveries.poll(1, TimeUnit.SECONDS)).as("event after refused edits").isNull();

            // The subscription is live: a saved edit does arrive, and it is the only event.
            equipment.updateLoad(loadId, read.version(), withOperating(draft(read), 650.0), "nasa");
            WorkspaceChanged event = deliveries.poll(3, TimeUnit.SECONDS);
            assertThat(event).isNotNull();
            assertThat(event.entityId()).isEqualTo(loadId);
            assertThat(deliveries.poll(300, TimeUnit.MILLISECONDS)).isNull();
        } finally {
            subscription.cancel();
        }
    }

    // ---------------------------------------------------------------- helpers

    private static ReadModels.Battery battery(ReadModels.WorkspaceSnapshot ws, long id) {
        return ws.batteries().stream().filter(b -> b.id() == id).findFirst().orElseThrow();
    }

    private static ReadModels.SolarArray array(ReadModels.WorkspaceSnapshot ws, long id) {
        return ws.arrays().stream().filter(a -> a.id() == id).findFirst().orElseThrow();
    }
}
