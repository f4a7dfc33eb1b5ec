package org.gatewaypower.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.gatewaypower.physics.energy.BatteryBank;
import org.gatewaypower.physics.energy.BatterySpec;
import org.gatewaypower.physics.energy.EnergyBalanceRun;
import org.gatewaypower.physics.load.MarginPolicy;
import org.gatewaypower.physics.load.ModeLoad;
import org.gatewaypower.workspace.ReadModels;

/**
 * The checks a balance run is judged by (margin, depth of discharge, loads served, orbit closure, eclipse peak),
 * each with its rule and figures in words. Split from {@link BalanceCalculator}.
 */
final class BalanceChecks {

    private BalanceChecks() {
    }

    private static final double WH = BatterySpec.J_PER_WH;

    static List<BalanceReport.Check> checks(EnergyBalanceRun mev, BatteryBank bank, double margin,
                                                    double sustainable, LoadPlan.Planned planned, Double recharge,
                                                    int openOrbits, ReadModels.DesignCase dc, boolean anyEclipse,
                                                    String caseName) {
        List<BalanceReport.Check> checks = new ArrayList<>();
        ModeLoad load = planned.orbit();
        checks.add(marginCheck(margin, sustainable, load, dc, caseName));
        double dodLimit = 1 - bank.minStateOfCharge();
        checks.add(new BalanceReport.Check("Depth of discharge",
                "Deepest discharge stays above the battery floor (max DoD < 1 − minimum SOC)", !mev.reachedFloor(),
                "max DoD " + PercentText.beside(mev.maxDepthOfDischarge(), dodLimit) + " % vs limit "
                        + PercentText.beside(dodLimit, mev.maxDepthOfDischarge()) + " %", caseName));
        double shedWh = mev.ledger().shedJ() / WH;
        double unservedWh = mev.ledger().unservedJ() / WH;
        double offWh = mev.ledger().offInEclipseJ() / WH;
        // Loads off in eclipse by policy are switched off by plan, not for want of energy: shown, never failed.
        checks.add(new BalanceReport.Check("Loads served",
                "No load shed at the battery floor and no critical load unserved over the run (0 Wh); loads off in "
                        + "eclipse by the eclipse shedding policy are planned and do not fail it",
                shedWh < 1e-6 && unservedWh < 1e-6,
                String.format(Locale.ROOT, "shed %.1f Wh, unserved %.1f Wh", shedWh, unservedWh)
                        + (offWh > 0 ? String.format(Locale.US, ", off in eclipse %,.1f Wh by policy", offWh) : ""),
                caseName));
        String recovery = !anyEclipse ? ", no eclipse in the run to recover from"
                : recharge == null ? ", not recharged within the run"
                : String.format(Locale.ROOT, ", recharged %.2f h after the deepest eclipse", recharge / 3600);
        checks.add(new BalanceReport.Check("Orbit energy closes",
                "Every orbit regains the battery energy its eclipse removed (SPACE rule)", openOrbits == 0,
                String.format(Locale.ROOT, "%d orbit(s) not closing; SOC start %.1f %%, end %.1f %%%s", openOrbits,
                        100 * mev.initialStateOfCharge(), 100 * mev.finalStateOfCharge(), recovery), caseName));
        checks.add(new BalanceReport.Check("Peak load in eclipse",
                "MEV peak load in eclipse (duty cycles in eclipse, loads off by policy left out) ≤ the battery bank's "
                        + "discharge power limit", planned.mevEclipsePeakW() <= bank.maxDischargePowerW(),
                String.format(Locale.ROOT, "peak %.2f kW vs %.2f kW", planned.mevEclipsePeakW() / 1000,
                        bank.maxDischargePowerW() / 1000), caseName));
        return checks;
    }

    /** Orbits that do not close; the last, partial window of a run is not judged. */
    static int openOrbits(EnergyBalanceRun run, double periodS) {
        return run.orbitsNotClosing(periodS).size();
    }

    /**
     * The policy's margin check: the margin is measured against the load the policy names (MEV for ESA, whose
     * 20 % system margin comes on top of the equipment's maturity contingency; CBE for NASA and JAXA, whose
     * phase margins are the growth allowance themselves), so that no margin is counted twice.
     */
    static BalanceReport.Check marginCheck(double margin, double capabilityW, ModeLoad load,
                                                   ReadModels.DesignCase dc, String caseName) {
        MarginPolicy policy = dc.marginPolicy();
        String basis = policy.basis() == MarginPolicy.Basis.MEV ? "MEV" : "CBE";
        double basisW = policy.basisLoadW(load.cbeAverageW(), load.mevAverageW());
        return new BalanceReport.Check("Power margin",
                "(sustainable orbit-average power − " + basis + " orbit-average load) / sustainable ≥ "
                        + Math.round(100 * policy.requiredMargin()) + " % (" + policy.label() + ")",
                policy.passes(capabilityW, load.cbeAverageW(), load.mevAverageW()),
                "margin " + PercentText.beside(margin, policy.requiredMargin()) + String.format(Locale.ROOT,
                        " %% (sustainable %.2f kW, %s load %.2f kW)", capabilityW / 1000, basis, basisW / 1000),
                caseName);
    }
}
