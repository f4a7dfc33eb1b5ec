package org.gatewaypower.bench;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.gatewaypower.physics.eclipse.EclipseEvent;
import org.gatewaypower.physics.eclipse.EclipseFinder;
import org.gatewaypower.physics.eclipse.StationGeometry;
import org.gatewaypower.physics.orbit.GatewayOrbit;
import org.gatewaypower.physics.time.TimeScales;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The eclipse catalogue of the 9:2 NRHO, single-threaded. {@code catalogueFromScratch} includes
 * everything a new orbit phase or span costs (Moon and Sun series at the interpolation nodes, station
 * placement, rate calibration, the event search); {@code findOnly} the event search on a prepared
 * geometry. The corrected periodic orbit (~25 ms, once per JVM) is shared.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-XX:ActiveProcessorCount=1"})
public class EclipseBenchmark {

    @Param({"59", "3652.5"})
    public double spanDays;

    private double start;
    private double end;
    private StationGeometry geometry;
    private EclipseFinder finder;

    @Setup
    public void setUp() {
        start = TimeScales.ttSecondsSinceJ2000(Instant.parse("2027-01-01T00:00:00Z"));
        end = start + spanDays * 86_400;
        GatewayOrbit.nineToTwo();
        geometry = StationGeometry.over(GatewayOrbit.nineToTwo(), start, start, end);
        finder = EclipseFinder.calibrated(geometry, start, geometry.trajectory().periodS(), 30);
    }

    @Benchmark
    public List<EclipseEvent> catalogueFromScratch() {
        StationGeometry g = StationGeometry.over(GatewayOrbit.nineToTwo(), start, start, end);
        EclipseFinder f = EclipseFinder.calibrated(g, start, g.trajectory().periodS(), 30);
        return f.find(start, end);
    }

    @Benchmark
    public List<EclipseEvent> findOnly() {
        return finder.find(start, end);
    }
}
