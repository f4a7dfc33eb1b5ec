package org.gatewaypower.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

import org.gatewaypower.physics.energy.BatteryBank;
import org.gatewaypower.physics.energy.BatterySpec;
import org.gatewaypower.physics.energy.EnergyBalanceInput;
import org.gatewaypower.physics.energy.EnergyBalanceRun;
import org.gatewaypower.physics.energy.EnergyBalanceSimulator;
import org.gatewaypower.physics.energy.SolarArraySpec;
import org.gatewaypower.physics.energy.SourceCapability;
import org.gatewaypower.physics.energy.SunlightTimeline;
import org.gatewaypower.physics.load.LoadItemSpec;
import org.gatewaypower.physics.load.ModeLoad;
import org.gatewaypower.workspace.Views;

/**
 * Turns a workspace snapshot into physics inputs, runs them and judges the results. The only place
 * where workspace records meet the physics core.
 */
final class BalanceCalculator {

    private static final double WH = BatterySpec.J_PER_WH;

    private BalanceCalculator() {
    }

    /**
     * @param ws       the workspace
     * @param orbit    the illumination to run on: the design orbit or an ephemeris span
     * @param timeline a short description of that illumination, for the report
     */
    static BalanceReport calculate(Views.WorkspaceSnapshot ws, SunlightTimeline orbit, String timeline) {
        Views.DesignCase dc = ws.designCase();
        if (dc == null) {
            throw new IllegalStateException("Workspace " + ws.name() + " has no design case");
        }
        Views.Mode mode = ws.mode(dc.activeModeId());
        ModeLoad load = ModeLoad.of(ws.loads().stream()
                .map(l -> new ModeLoad.ItemAtDuty(toSpec(l), l.duty(mode.id()))).toList());
        List<SolarArraySpec> arrays = ws.arrays().stream()
                .map(a -> new SolarArraySpec(a.name(), a.ratedPowerW(), a.degradationPerYear(), a.pathEfficiency()))
                .toList();
        List<SunlightTimeline.Interval> shadows = orbit.shadowIntervals();
        double spanS = orbit.durationS();
        double longestShadow = shadows.stream().mapToDouble(SunlightTimeline.Interval::durationS).max().orElse(0);
        double rated = arrays.stream().mapToDouble(SolarArraySpec::ratedPowerW).sum();
        double sunlitBus = arrays.stream().mapToDouble(a -> a.busPowerW(dc.arrayAgeYears())).sum();
        double averageGeneration = sunlitBus * orbit.segments().stream()
                .mapToDouble(seg -> seg.durationS() * seg.relativeFlux()).sum() / spanS;

        List<BalanceReport.Check> checks = new ArrayList<>();
        if (ws.batteries().isEmpty()) {
            double margin = margin(averageGeneration, load.mevAverageW());
            checks.add(new BalanceReport.Check("Battery", "A battery bank must carry the loads through eclipse",
                    false, "no battery in the workspace"));
            checks.add(marginCheck(margin, averageGeneration, load.mevAverageW()));
            return new BalanceReport(ws.id(), mode.id(), mode.name(), timeline, spanS, shadows.size(), longestShadow,
                    dc.arrayAgeYears(), load.cbeAverageW(), load.mevAverageW(), load.cbePeakW(), load.mevPeakW(),
                    rated, sunlitBus, averageGeneration, averageGeneration, margin, null, checks, List.of(), shadows);
        }

        BatteryBank bank = BatteryBank.of(ws.batteries().stream().map(BalanceCalculator::toSpec).toList());
        EnergyBalanceInput mevInput = new EnergyBalanceInput(orbit, arrays, dc.arrayAgeYears(), bank,
                load.mevAverageW());
        EnergyBalanceRun mev = EnergyBalanceSimulator.run(mevInput);
        EnergyBalanceRun cbe = EnergyBalanceSimulator.run(mevInput.withLoadPowerW(load.cbeAverageW()));
        double sustainable = SourceCapability.sustainableLoadW(orbit, sunlitBus, bank);
        double margin = margin(sustainable, load.mevAverageW());

        Double recharge = null;
        double drawn = 0;
        SunlightTimeline.Interval eclipse = worstEclipse(shadows, mev.minimumState().timeS());
        if (eclipse != null) {
            OptionalDouble r = mev.rechargeTimeS(eclipse);
            recharge = r.isPresent() ? r.getAsDouble() : null;
            drawn = Math.max(0, mev.storedAtJ(eclipse.startS()) - mev.storedAtJ(eclipse.endS()));
        }
        BalanceReport.BatteryResult battery = new BalanceReport.BatteryResult(bank.capacityJ(),
                bank.minStateOfCharge(), bank.maxStateOfCharge(), mev.initialStateOfCharge(), mev.minStateOfCharge(),
                cbe.minStateOfCharge(), mev.minimumState().timeS(), mev.maxDepthOfDischarge(),
                1.0 - bank.minStateOfCharge(), mev.finalStateOfCharge(), drawn, recharge, mev.ledger());

        checks.add(marginCheck(margin, sustainable, load.mevAverageW()));
        boolean dodOk = !mev.reachedFloor();
        checks.add(new BalanceReport.Check("Depth of discharge",
                "Deepest discharge in the design orbit stays above the battery floor (max DoD < 1 − minimum SOC)",
                dodOk, String.format(Locale.ROOT, "max DoD %.1f %% vs limit %.1f %%", 100 * mev.maxDepthOfDischarge(),
                        100 * (1 - bank.minStateOfCharge()))));
        double unservedWh = mev.ledger().unservedJ() / WH;
        checks.add(new BalanceReport.Check("Loads served", "Unserved energy over the orbit is 0 Wh",
                unservedWh < 1e-6, String.format(Locale.ROOT, "unserved %.1f Wh", unservedWh)));
        boolean closes = mev.finalStateOfCharge() >= mev.initialStateOfCharge() - 1e-9;
        checks.add(new BalanceReport.Check("Orbit energy closes",
                "The battery regains by the end of the run the energy the eclipses removed", closes,
                String.format(Locale.ROOT, "SOC start %.1f %%, end %.1f %%%s", 100 * mev.initialStateOfCharge(),
                        100 * mev.finalStateOfCharge(), recharge == null ? ", not recharged within the run"
                                : String.format(Locale.ROOT, ", recharged %.2f h after the deepest eclipse",
                                        recharge / 3600))));
        checks.add(new BalanceReport.Check("Peak load in eclipse",
                "MEV peak load ≤ the battery bank's discharge power limit", load.mevPeakW() <= bank.maxDischargePowerW(),
                String.format(Locale.ROOT, "peak %.2f kW vs %.2f kW", load.mevPeakW() / 1000,
                        bank.maxDischargePowerW() / 1000)));
        return new BalanceReport(ws.id(), mode.id(), mode.name(), timeline, spanS, shadows.size(), longestShadow,
                dc.arrayAgeYears(), load.cbeAverageW(), load.mevAverageW(), load.cbePeakW(), load.mevPeakW(), rated,
                sunlitBus, averageGeneration, sustainable, margin, battery, checks, mev.states(), shadows);
    }

    /** The shadow interval in which (or right after which) the battery is at its lowest; null without shadow. */
    private static SunlightTimeline.Interval worstEclipse(List<SunlightTimeline.Interval> shadows, double minTimeS) {
        SunlightTimeline.Interval best = null;
        for (SunlightTimeline.Interval s : shadows) {
            if (s.startS() <= minTimeS + 1e-6) {
                best = s;
            }
        }
        return best != null ? best : shadows.isEmpty() ? null : shadows.get(0);
    }

    private static double margin(double capabilityW, double loadW) {
        return capabilityW > 0 ? (capabilityW - loadW) / capabilityW : (loadW > 0 ? Double.NEGATIVE_INFINITY : 0);
    }

    private static BalanceReport.Check marginCheck(double margin, double capabilityW, double loadW) {
        return new BalanceReport.Check("Power margin",
                "(sustainable orbit-average power − MEV orbit-average load) / sustainable ≥ 20 % (ESA system margin)",
                margin >= BalanceReport.REQUIRED_POWER_MARGIN,
                String.format(Locale.ROOT, "margin %.1f %% (sustainable %.2f kW, MEV load %.2f kW)", 100 * margin,
                        capabilityW / 1000, loadW / 1000));
    }

    private static LoadItemSpec toSpec(Views.LoadItem l) {
        return new LoadItemSpec(l.name(), l.quantity(), l.standbyPowerW(), l.operatingPowerW(), l.peakPowerW(),
                l.maturity(), l.priority());
    }

    private static BatterySpec toSpec(Views.Battery b) {
        return new BatterySpec(b.name(), b.capacityJ(), b.minStateOfCharge(), b.maxStateOfCharge(),
                b.chargeEfficiency(), b.dischargeEfficiency(), b.maxChargePowerW(), b.maxDischargePowerW(),
                b.initialStateOfCharge());
    }
}
