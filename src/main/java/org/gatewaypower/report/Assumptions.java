package org.gatewaypower.report;

import java.util.List;

/**
 * The assumptions and limits of each model behind the figures, for the reviewer. The wording is taken
 * from the Javadoc of the physics classes named in each section and from the README's "What it
 * computes": change it there first.
 */
final class Assumptions {

    private Assumptions() {
    }

    /** One model and what it assumes. */
    record Model(String title, String source, List<String> items) {
    }

    static final List<Model> MODELS = List.of(
            new Model("Energy balance", "physics/energy/EnergyBalanceSimulator", List.of(
                    "Event-driven energy balance of a bus with solar arrays, a battery bank and prioritised loads. "
                            + "Within a sunlight segment and a load step every power is constant, so the run steps "
                            + "exactly from event to event (segment boundaries, mode changes, the battery reaching "
                            + "its floor or ceiling): no time-step error.",
                    "Dispatch: array power at the bus serves the loads first. A surplus charges the battery up to "
                            + "its charge power limit and its ceiling; what is left is curtailed (shunted at the "
                            + "arrays, no path loss). A deficit is drawn from the battery up to its discharge power "
                            + "limit and down to its floor; what the battery cannot give is covered by shedding "
                            + "deferrable loads, then essential loads; critical loads are never shed, and what they "
                            + "still lack is unserved.",
                    "Shedding is continuous (just the power needed), an idealisation of switching whole items off. "
                            + "Curtailed, shed and unserved energy are all in the energy ledger, which closes to 1e-9.",
                    "Eclipse: wherever the lit fraction is below 1 (penumbra and umbra, from penumbra entry to "
                            + "penumbra exit) each load runs at its duty cycle in eclipse, and the design case's "
                            + "eclipse shedding policy switches the priorities it names off for the whole pass. That "
                            + "energy is planned, its own ledger term (off in eclipse), neither shed at the floor nor "
                            + "unserved; the floor rule applies on top to the loads still on.",
                    "The arrays age through the run from the array age at its start (each segment at its "
                            + "midpoint's age); the battery bank is faded to the age being judged.",
                    "Limits: no bus voltage, no converter dynamics, no battery thermal or rate effects.")),
            new Model("Loads and contingency", "physics/load/LoadItemSpec, MaturityClass", List.of(
                    "Each unit spends the fraction duty of the time at its operating power and the rest at "
                            + "standby: average = standby·(1 − duty) + operating·duty.",
                    "A load may have a duty cycle in eclipse (heaters work harder in shadow); it applies in every "
                            + "mode where the item works (duty > 0), and a load off in a mode stays off in its shadow.",
                    "Peak power is drawn only by an item that operates in the mode (duty > 0); an idle item's "
                            + "peak is its standby power. Summing peaks over items assumes every item peaks at once, "
                            + "the conservative hand-sizing assumption.",
                    "MEV = CBE plus the maturity contingency: ESA's minimum equipment-level contingencies of "
                            + "5 / 10 / 20 % for off-the-shelf / modified / new design (Uludağ & Aslan 2025, "
                            + "Aerospace 12:858).")),
            new Model("Battery bank", "physics/energy/BatterySpec, BatteryBank", List.of(
                    "Each battery is an energy store with constant charge and discharge efficiencies and power "
                            + "limits at its terminals; no voltage, temperature or rate dependence of capacity, no "
                            + "self-discharge. Its usable window is between the state-of-charge floor and ceiling.",
                    "All batteries sit in parallel on a common regulated bus and share power in proportion to "
                            + "their capacity, so they move together in state of charge. The bank's capacity, floor, "
                            + "ceiling, initial energy and power limits are sums; its efficiencies are "
                            + "capacity-weighted means.",
                    "A battery with a much smaller power limit per unit of capacity than the others would in "
                            + "reality limit earlier; that refinement is not modelled.",
                    "State of charge is stored energy divided by nameplate capacity; depth of discharge is "
                            + "1 − SOC.")),
            new Model("Solar arrays", "physics/energy/SolarArraySpec", List.of(
                    "Bus power P = P_ref · (1 AU / r)² · ν · cos⁺θ · (1 + γ·ΔT) · (1 − d)^years · η_path.",
                    "A fixed incidence angle θ over the run (≈ 0 for a Sun-tracking array in the station's "
                            + "solar-pressure-equilibrium attitude).",
                    "A constant temperature offset ΔT from the rating temperature (the short warm-up transient "
                            + "after eclipse exit is not modelled).",
                    "Degradation compounding yearly at a constant rate.")),
            new Model("Shadow model", "physics/eclipse/ShadowModel, EclipseFinder, IlluminationTimeline", List.of(
                    "Dual-cone (umbra/penumbra) shadow model of Montenbruck & Gill, Satellite Orbits §3.4: the lit "
                            + "fraction is the visible part of the solar disc (uniform disc, no limb darkening, "
                            + "spherical bodies, no atmosphere, light-time neglected).",
                    "Every penumbra and umbra entry and exit of the Earth's and the Moon's shadows is found with a "
                            + "safe-step scan and Brent refinement; a pass shorter than the scan's shortest step "
                            + "(10 s) can in principle be missed, any longer pass is found.",
                    "The illumination timeline is cut exactly at every penumbra and umbra contact: umbra is one "
                            + "segment with no sunlight at all, and penumbra is split into short segments (the lit "
                            + "fraction changes by at most 0.02 within one) carrying the exact average of the lit "
                            + "fraction over them, so no sunlight is mixed into the shadow; in sunlight segments are "
                            + "long (the only variation is the slow (1 AU / r)² term).",
                    "The design orbit is the classical hand-sizing case: one eclipse of full umbra at the start of "
                            + "the orbit, then sunlight for the rest of the period, at 1 AU.")),
            new Model("Ephemerides and time", "physics/ephemeris/MeeusMoon, MeeusSun; physics/time/TimeScales",
                    List.of(
                    "Moon: Meeus, Astronomical Algorithms ch. 47, truncated ELP-2000/82; about 10″ in longitude and "
                            + "4″ in latitude, distance good to a few km.",
                    "Sun: Meeus ch. 25, low-accuracy method, about 0.01° in longitude; geometric position (no "
                            + "aberration), so shadow axes lie about 20″ off along the ecliptic: up to about 40 s "
                            + "of eclipse timing.",
                    "Both are interpolated (cubic Hermite) over the span; the added error (tens of metres) is far "
                            + "below that of the series.",
                    "TT − UTC from the IERS leap-second table; the 2017 entry is assumed to stay in force.")),
            new Model("Orbit", "physics/orbit/GatewayOrbit, NrhoTrajectory", List.of(
                    "The 9:2 L2 southern NRHO corrected in the Earth–Moon circular restricted three-body problem; "
                            + "its period is 2/9 of a synodic month (6.5624 d).",
                    "It is placed with the Moon's ephemeris in the pulsating rotating frame, so the orbit breathes "
                            + "with the Moon's eccentricity and follows the real lunar orbit plane; the phase is "
                            + "the epoch of one perilune passage.",
                    "The real NRHO is only quasi-periodic and held near the reference by small phase-control "
                            + "burns; this placement of the periodic CR3BP solution is the standard early-design "
                            + "approximation. Solar gravity and the control burns are not modelled, so positions "
                            + "differ from an ephemeris-corrected reference trajectory by an amount not estimated "
                            + "here; perilune timing is exact by construction.")),
            new Model("Visiting vehicles", "analysis/VisitPlan; physics/energy/LoadSchedule (supply)", List.of(
                    "A vehicle element (Orion, HLS, Logistics) with dockings is aboard only inside its docking "
                            + "windows on a calendar run: its PEL loads count there at the duties of the mode the "
                            + "timeline sets, and its export is an external supply at the bus, drawn after the "
                            + "arrays, constant over the window in sunlight and eclipse alike; undrawn export stays "
                            + "with the vehicle. A vehicle without dockings counts as any element.",
                    "On the one-orbit design case (no dates) a vehicle's loads count through its mode duties and "
                            + "its export is not counted (conservative). Load figures, margin, sizing and the power "
                            + "chart's element bands are those of the mode as planned, with every element.",
                    "The docking port's transfer limit is the power network's check, not applied in the energy "
                            + "balance.")),
            new Model("Margin policy and checks", "physics/load/MarginPolicy; README \"What it computes\"", List.of(
                    "Power margin = (sustainable orbit-average power − MEV orbit-average load) / sustainable "
                            + "power, judged against the chosen policy: ESA 20 %; NASA 30 / 20 / 10 % by phase; "
                            + "JAXA 15 / 10 / 6 % (Uludağ & Aslan 2025).",
                    "The allocation left for the loads is the sustainable power less the required margin.",
                    "Checks: power margin, depth of discharge, loads served, every orbit regains its eclipse energy, "
                            + "peak load within the battery's discharge limit, power transfer to the stack.",
                    "Source-driven sizing finds by bisection the largest extra constant (critical) load with every "
                            + "check passing; it assumes the checks are monotone in load.")));
}
