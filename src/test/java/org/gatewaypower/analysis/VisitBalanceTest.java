package org.gatewaypower.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.gatewaypower.physics.energy.SunlightSegment;
import org.gatewaypower.physics.energy.SunlightTimeline;
import org.gatewaypower.physics.load.EclipseShedding;
import org.gatewaypower.physics.load.LoadPriority;
import org.gatewaypower.physics.load.MarginPolicy;
import org.gatewaypower.physics.load.MaturityClass;
import org.gatewaypower.workspace.AnalysisTimeline;
import org.gatewaypower.workspace.Bus;
import org.gatewaypower.workspace.DesignEclipseSource;
import org.gatewaypower.workspace.ElementKind;
import org.gatewaypower.workspace.ReadModels;
import org.junit.jupiter.api.Test;

/**
 * A visiting vehicle's docking through the whole balance, worked by hand. A 4-h run wholly in shadow (so only the
 * battery and the vehicle's export carry the loads): HALO draws 4 kW MEV all the time, Orion's PEL 1 kW MEV; Orion is
 * docked from 1 h to 3 h and exports 3 kW. Battery 100 kWh, full at the start, floor 20 %, η_d = 0.95.
 *
 * <ul>
 *   <li>With the docking: 4 kW for 1 h, then 4 + 1 − 3 = 2 kW for 2 h, then 4 kW for 1 h: 12 kWh at the terminals,
 *       12 / 0.95 = 12.631579 kWh out of store; minimum SOC 87.368421 %.</li>
 *   <li>Without it: Orion is not aboard at all (its loads count only while docked): 4 kW × 4 h = 16 kWh,
 *       16.842105 kWh out of store; minimum SOC 83.157895 %.</li>
 *   <li>Effect: +4.210526 percentage points (its export exceeds its draw by 2 kW for 2 h).</li>
 *   <li>The design orbit has no dates: Orion's loads count through its mode duty everywhere and its export not at all:
 *       5 kW × 4 h = 20 kWh, 21.052632 kWh out of store; minimum SOC 78.947368 %.</li>
 * </ul>
 */
class VisitBalanceTest {

    private static final double H = 3600;
    private static final Instant T0 = Instant.parse("2028-09-01T00:00:00Z");
    private static final SunlightTimeline DARK = new SunlightTimeline(List.of(new SunlightSegment(4 * H, 0.0, 1.0)));

    private static ReadModels.WorkspaceSnapshot workspace(List<ReadModels.Docking> dockings) {
        ReadModels.Battery battery = new ReadModels.Battery(1, 1, "Bank", 100_000 * H, 0.2, 1.0, 0.95, 0.95, 20_000,
                20_000, 1.0, 0.0, 0, T0, "test", "NASA");
        ReadModels.SolarArray array = new ReadModels.SolarArray(1, 1, "Array", 20_000, 0.0, 1.0, 0, 0, 0, 0, T0, "test",
                "NASA");
        ReadModels.DesignCase dc = new ReadModels.DesignCase(1, 1, 4 * H, 4 * H, 0, AnalysisTimeline.EPHEMERIS, T0,
                T0, 4 / 24.0, 0, MarginPolicy.ESA_SYSTEM, 24_000, T0, T0.plusSeconds(365 * 86_400),
                DesignEclipseSource.HAND, null, EclipseShedding.NONE, 0, T0, "test");
        return new ReadModels.WorkspaceSnapshot(1, "visits", "", 0, List.of(),
                List.of(new ReadModels.Element(1, "HALO", ElementKind.HALO, 1, "NASA", 0),
                        new ReadModels.Element(2, "Orion", ElementKind.ORION, 1, "NASA", 0)),
                List.of(new ReadModels.Mode(1, "Crewed", "", 0, 0)),
                List.of(item(1, 1, "Avionics", 4_000), item(2, 2, "Orion cabin", 1_000)), List.of(battery),
                List.of(array), dc, List.of(), List.of(), List.of(), dockings);
    }

    /** An item whose MEV is {@code mevW} (CBE = MEV / 1.05), on all the time, critical. */
    private static ReadModels.LoadItem item(long id, long elementId, String name, double mevW) {
        double cbe = mevW / 1.05;
        return new ReadModels.LoadItem(id, elementId, name, "Test", Bus.V120, 1, cbe, cbe, cbe, Map.of(1L, 1.0), null,
                MaturityClass.OFF_THE_SHELF, LoadPriority.CRITICAL, 0, T0, "test");
    }

    private static ReadModels.Docking docking(long id, Instant from, Instant to, double exportW) {
        return new ReadModels.Docking(id, 2, "Orion", from, to, exportW, null, 0, T0, "test");
    }

    private static BalanceReport calendar(ReadModels.WorkspaceSnapshot ws) {
        return BalanceCalculator.calculate(ws, DARK, "calendar", 4 * H, List.of(),
                VisitPlan.of(ws.dockings(), T0, DARK.durationS()));
    }

    @Test
    void a_docking_feeds_its_vehicle_and_takes_its_export_only_in_its_window_and_its_effect_is_reported() {
        ReadModels.Docking orion = docking(7, T0.plusSeconds(3600), T0.plusSeconds(3 * 3600), 3_000);
        BalanceReport r = calendar(workspace(List.of(orion)));

        assertThat(r.battery().minStateOfCharge()).isCloseTo(1 - 12 / 0.95 / 100, within(1e-9));
        assertThat(r.battery().ledger().importedJ() / H).isCloseTo(3_000 * 2, within(1e-6));
        assertThat(r.visits()).singleElement().satisfies(v -> {
            assertThat(v.dockingId()).isEqualTo(7);
            assertThat(v.vehicleName()).isEqualTo("Orion");
            assertThat(v.inRun()).isTrue();
            assertThat(v.mevAverageW()).isCloseTo(1_000, within(1e-9));
            assertThat(v.mevPeakW()).isCloseTo(1_000, within(1e-9));
            assertThat(v.exportW()).isEqualTo(3_000);
            assertThat(v.minSocWith()).isCloseTo(0.87368421, within(1e-8));
            assertThat(v.minSocWithout()).isCloseTo(0.83157895, within(1e-8));
            assertThat(v.minSocEffectPoints()).isCloseTo(4.2105263, within(1e-6));
        });
    }

    @Test
    void on_the_design_orbit_a_vehicle_counts_through_its_mode_duties_and_its_export_does_not_count() {
        ReadModels.Docking orion = docking(7, T0.plusSeconds(3600), T0.plusSeconds(3 * 3600), 3_000);
        BalanceReport r = BalanceCalculator.calculate(workspace(List.of(orion)), DARK, "design orbit", 4 * H);

        assertThat(r.battery().minStateOfCharge()).isCloseTo(1 - 20 / 0.95 / 100, within(1e-9));
        assertThat(r.battery().ledger().importedJ()).isZero();
        assertThat(r.visits()).isEmpty();
    }

    @Test
    void a_vehicle_without_dockings_counts_as_before_and_a_docking_outside_the_span_is_listed_not_counted() {
        BalanceReport none = calendar(workspace(List.of()));
        BalanceReport design = BalanceCalculator.calculate(workspace(List.of()), DARK, "design orbit", 4 * H);
        assertThat(none.battery().minStateOfCharge()).isEqualTo(design.battery().minStateOfCharge());
        assertThat(none.timeline()).isEqualTo(design.timeline());

        ReadModels.Docking later = docking(8, T0.plusSeconds(86_400), T0.plusSeconds(2 * 86_400), 3_000);
        BalanceReport outside = calendar(workspace(List.of(later)));
        // Orion is not aboard during the run: 4 kW × 4 h only.
        assertThat(outside.battery().minStateOfCharge()).isCloseTo(1 - 16 / 0.95 / 100, within(1e-9));
        assertThat(outside.visits()).singleElement().satisfies(v -> {
            assertThat(v.inRun()).isFalse();
            assertThat(v.minSocEffectPoints()).isNull();
        });
        assertThat(outside.checks()).noneMatch(c -> c.name().toLowerCase().contains("visit"));
    }
}
