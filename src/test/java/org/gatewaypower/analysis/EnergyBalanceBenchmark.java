package org.gatewaypower.analysis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.gatewaypower.physics.energy.EnergyBalanceRun;
import org.gatewaypower.physics.energy.EnergyBalanceSimulator;
import org.gatewaypower.physics.energy.PowerState;
import org.gatewaypower.physics.energy.SunlightTimeline;
import org.gatewaypower.physics.load.LoadPriority;
import org.gatewaypower.physics.load.MaturityClass;
import org.gatewaypower.workspace.AnalysisTimeline;
import org.gatewaypower.workspace.Bus;
import org.gatewaypower.workspace.ElementKind;
import org.gatewaypower.workspace.ReadModels;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The workspace energy balance at the sizes issue 4 sets targets for, single-threaded, with the
 * eclipse timelines prepared once (they are cached by {@link EclipseService} in the app): the 59-day
 * standard analysis a load edit triggers (MEV and CBE runs, BOL run, sizing of 6 modes), one year
 * at 60-s output resolution, and a 15-year end-of-life run. 300 load items in 6 modes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-XX:ActiveProcessorCount=1"})
public class EnergyBalanceBenchmark {

    private ReadModels.WorkspaceSnapshot workspace;
    /** The same workspace with a visiting vehicle of 10 items docked three times in the 59 days. */
    private ReadModels.WorkspaceSnapshot visited;
    private VisitPlan visits;
    private SunlightTimeline cycle59d;
    private SunlightTimeline year;
    private SunlightTimeline fifteenYears;
    private double periodS;
    private org.gatewaypower.physics.energy.EnergyBalanceInput yearInput;
    private org.gatewaypower.physics.energy.EnergyBalanceInput fifteenYearInput;
    /** The complete passes of the 15-year mission, placed on its illumination. */
    private List<EclipseCoverage.MissionPass> missionPasses;

    @Setup
    public void setUp() {
        EclipseService eclipses = new EclipseService();
        Instant start = Instant.parse("2027-01-01T00:00:00Z");
        cycle59d = eclipses.illumination(start, start, start.plusSeconds(59 * 86_400));
        year = eclipses.illumination(start, start, start.plusSeconds(365 * 86_400));
        fifteenYears = eclipses.illumination(start, start, start.plusSeconds((long) (15 * 365.25 * 86_400)));
        periodS = eclipses.orbitPeriodS();
        workspace = workspace(300);
        BalanceReport probe = BalanceCalculator.calculate(workspace, cycle59d, "bench", periodS);
        if (probe.battery() == null || probe.sizing().stream().anyMatch(m -> m.maxExtraLoadW() <= 0)) {
            // Every mode must pass its checks, so that the sizing search runs in full and is measured.
            throw new IllegalStateException("benchmark workspace must pass its checks in every mode: " + probe.checks());
        }
        visited = withVisits(workspace, start);
        visits = VisitPlan.of(visited.dockings(), start, cycle59d.durationS());
        yearInput = input(year);
        fifteenYearInput = input(fifteenYears);
        Instant end = start.plusSeconds((long) (15 * 365.25 * 86_400));
        missionPasses = eclipses.catalogue(start, start, end).eclipses().stream()
                .filter(EclipseService.Eclipse::complete)
                .map(e -> new EclipseCoverage.MissionPass(MissionEclipses.pass(e),
                        MissionEclipses.seconds(start, e.start())))
                .toList();
    }

    /**
     * What an edit costs since the design eclipse comes from the mission: the standard analysis plus the
     * eclipse coverage over every complete pass of 15 years (the mission's illumination indexed per call, as
     * the service does).
     */
    @Benchmark
    public BalanceReport standardAnalysisWithMissionCoverage() {
        BalanceReport r = BalanceCalculator.calculate(workspace, cycle59d, "bench", periodS);
        EclipseCoverage.Coverage c = EclipseCoverage.coverage(workspace,
                new org.gatewaypower.physics.energy.TimelineWindows(fifteenYears), missionPasses, periodS);
        return r.withMission(null, c.lifeCase());
    }

    @Benchmark
    public BalanceReport standardAnalysis59Days() {
        return BalanceCalculator.calculate(workspace, cycle59d, "bench", periodS);
    }

    /** The standard analysis with three dockings: their schedule and one more MEV run per docking (without it). */
    @Benchmark
    public BalanceReport standardAnalysis59DaysWithThreeDockings() {
        return BalanceCalculator.calculate(visited, cycle59d, "bench", periodS, List.of(), visits);
    }

    @Benchmark
    public List<PowerState> oneYearAt60Seconds() {
        EnergyBalanceRun run = EnergyBalanceSimulator.run(yearInput);
        return run.sampleEvery(60);
    }

    @Benchmark
    public EnergyBalanceRun fifteenYearEndOfLife() {
        return EnergyBalanceSimulator.run(fifteenYearInput);
    }

    private org.gatewaypower.physics.energy.EnergyBalanceInput input(SunlightTimeline t) {
        double load = 18_000;
        return new org.gatewaypower.physics.energy.EnergyBalanceInput(t,
                List.of(new org.gatewaypower.physics.energy.SolarArraySpec("w", 68_000, 0.0075, 0.9)), 15,
                org.gatewaypower.physics.energy.BatteryBank.of(List.of(new org.gatewaypower.physics.energy.BatterySpec(
                        "b", 100 * 3.6e6, 0.3, 1.0, 0.95, 0.95, 20_000, 40_000, 1.0))),
                org.gatewaypower.physics.energy.LoadSchedule.constant(
                        new org.gatewaypower.physics.energy.LoadLevel(load * 0.5, load * 0.3, load * 0.2)));
    }

    /** {@code ws} with an Orion element of 10 items (2 kW MEV in all) docked three times, exporting 1 kW. */
    static ReadModels.WorkspaceSnapshot withVisits(ReadModels.WorkspaceSnapshot ws, Instant start) {
        List<ReadModels.Element> elements = new ArrayList<>(ws.elements());
        elements.add(new ReadModels.Element(2, "Orion", ElementKind.ORION, 1, "NASA", 0));
        List<ReadModels.LoadItem> loads = new ArrayList<>(ws.loads());
        Map<Long, Double> duty = new HashMap<>();
        ws.modes().forEach(m -> duty.put(m.id(), 1.0));
        for (int i = 0; i < 10; i++) {
            loads.add(new ReadModels.LoadItem(10_000 + i, 2, "Orion " + i, "Avionics", Bus.V120, 1, 0, 190, 250, duty,
                    null, MaturityClass.OFF_THE_SHELF, LoadPriority.ESSENTIAL, 0, Instant.EPOCH, "bench"));
        }
        List<ReadModels.Docking> dockings = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            Instant from = start.plusSeconds((5 + 18L * k) * 86_400);
            dockings.add(new ReadModels.Docking(k + 1, 2, "Orion", from, from.plusSeconds(10 * 86_400), 1_000, null,
                    0, Instant.EPOCH, "bench"));
        }
        return new ReadModels.WorkspaceSnapshot(ws.id(), ws.name(), ws.description(), ws.version(), ws.teams(),
                elements, ws.modes(), loads, ws.batteries(), ws.arrays(), ws.designCase(), ws.allocations(),
                ws.converters(), ws.ports(), dockings);
    }

    /** A workspace of {@code items} loads over 6 modes, one PPE-like element with arrays and a battery. */
    static ReadModels.WorkspaceSnapshot workspace(int items) {
        List<ReadModels.Mode> modes = new ArrayList<>();
        for (int m = 0; m < 6; m++) {
            modes.add(new ReadModels.Mode(m + 1, "Mode " + m, "", m, 0));
        }
        List<ReadModels.LoadItem> loads = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            Map<Long, Double> duty = new HashMap<>();
            for (ReadModels.Mode m : modes) {
                duty.put(m.id(), ((i + m.id()) % 10) / 10.0);
            }
            // One item in ten is a heater on all the time in eclipse, so the run has distinct shadow levels.
            loads.add(new ReadModels.LoadItem(i + 1, 1, "Load " + i, "Thermal", Bus.V120, 1, 10, 40 + i % 30,
                    80 + i % 30, duty, i % 10 == 0 ? 1.0 : null, MaturityClass.values()[i % 3], LoadPriority.values()[i % 3], 0, Instant.EPOCH,
                    "bench"));
        }
        ReadModels.DesignCase dc = new ReadModels.DesignCase(1, 1, 6.5624 * 86_400, 90 * 60, 15, AnalysisTimeline.EPHEMERIS,
                Instant.parse("2027-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"), 59, 0,
                org.gatewaypower.physics.load.MarginPolicy.ESA_SYSTEM, 24_000, Instant.parse("2027-01-01T00:00:00Z"),
                Instant.parse("2042-01-01T00:00:00Z"), org.gatewaypower.workspace.DesignEclipseSource.HAND, null,
                org.gatewaypower.physics.load.EclipseShedding.NONE, 0, Instant.EPOCH, "bench");
        return new ReadModels.WorkspaceSnapshot(1, "bench", "", 0, List.of(),
                List.of(new ReadModels.Element(1, "PPE", ElementKind.PPE, 1, "NASA", 0)), modes, loads,
                List.of(new ReadModels.Battery(1, 1, "b", 100 * 3.6e6, 0.3, 1.0, 0.95, 0.95, 20_000, 40_000, 1.0, 0.02,
                        0, Instant.EPOCH, "bench", "NASA")),
                List.of(new ReadModels.SolarArray(1, 1, "w", 68_000, 0.0075, 0.9, 0, 0, 0, 0, Instant.EPOCH, "bench", "NASA")), dc);
    }
}
