package org.gatewaypower.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;

import org.gatewaypower.SpringTestBase;
import org.gatewaypower.workspace.AnalysisTimeline;
import org.gatewaypower.workspace.DesignCaseService;
import org.gatewaypower.workspace.Drafts;
import org.gatewaypower.workspace.InvalidInputException;
import org.gatewaypower.workspace.TestWorkspaces;
import org.gatewaypower.workspace.ReadModels;
import org.gatewaypower.workspace.WorkspaceService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The workspace energy balance on the ephemeris orbit's real eclipses. */
class EphemerisBalanceTest extends SpringTestBase {

    @Autowired
    WorkspaceService workspaces;

    @Autowired
    TestWorkspaces fixtures;

    @Autowired
    DesignCaseService designCases;

    @Autowired
    BalanceService balances;

    @Autowired
    EclipseService eclipses;

    @Test
    void balance_runs_on_the_eclipses_of_the_chosen_span_and_its_ledger_closes() {
        TestWorkspaces.Fixture f = fixtures.create("ephemeris", 3);
        ReadModels.DesignCase dc = workspaces.snapshot(f.workspaceId()).designCase();
        Instant perilune = Instant.parse("2027-01-01T00:00:00Z");
        Instant from = Instant.parse("2027-10-01T00:00:00Z");
        designCases.updateDesignCase(f.workspaceId(), dc.version(), new Drafts.DesignCaseDraft(dc.activeModeId(),
                dc.orbitPeriodS(), dc.eclipseDurationS(), dc.arrayAgeYears(), AnalysisTimeline.EPHEMERIS, perilune,
                from, 30.0), "esa");

        BalanceReport r = balances.balance(f.workspaceId());
        EclipseService.Catalogue catalogue = eclipses.catalogue(perilune, from, from.plusSeconds(30 * 86_400));

        assertThat(r.illumination()).contains("NRHO");
        assertThat(r.spanS()).isCloseTo(30 * 86_400, within(1e-6));
        assertThat(r.eclipseCount()).isEqualTo(catalogue.eclipses().size()).isPositive();
        double longest = catalogue.eclipses().stream().mapToDouble(EclipseService.Eclipse::durationSeconds).max()
                .orElseThrow();
        assertThat(r.longestEclipseS()).isCloseTo(longest, within(1e-6));
        assertThat(r.battery().ledger().relativeClosureError()).isLessThan(1e-9);
        assertThat(r.battery().minStateOfCharge()).isLessThan(1.0).isGreaterThan(r.battery().minStateOfChargeLimit());
        assertThat(r.battery().minStateOfChargeCbe()).isGreaterThanOrEqualTo(r.battery().minStateOfCharge());
        // MEV of the fixture: 3 × 2 × (50·0.5 + 500·0.5) W × 1.10 = 1,815 W.
        assertThat(r.mevAverageLoadW()).isCloseTo(1_815, within(1e-9));
        // Average generation is below the sunlit value by the shadow's share of the span, and tracks the Sun distance.
        assertThat(r.orbitAverageGenerationW()).isLessThan(r.sunlitGenerationW() * 1.04);
    }

    @Test
    void on_the_calendar_the_arrays_age_from_the_beginning_of_life_date() {
        TestWorkspaces.Fixture f = fixtures.create("bol date", 1);
        ReadModels.DesignCase dc = workspaces.snapshot(f.workspaceId()).designCase();
        Instant from = Instant.parse("2037-01-01T00:00:00Z");
        Instant bol = from.minusSeconds((long) (10 * 365.25 * 86_400));
        designCases.updateDesignCase(f.workspaceId(), dc.version(), new Drafts.DesignCaseDraft(dc.activeModeId(),
                dc.orbitPeriodS(), dc.eclipseDurationS(), dc.arrayAgeYears(), AnalysisTimeline.EPHEMERIS, from, from,
                30.0, 0.0, dc.marginPolicy(), dc.transferLimitW(), bol), "esa");

        BalanceReport r = balances.balance(f.workspaceId());
        BalanceReport bolRun = balances.balance(workspaces.snapshot(f.workspaceId()), true);

        // 20 kW rated, path 0.90, 0.75 %/year for 10 years at the span start: 18 kW × 0.9925^10.
        assertThat(r.arrayAgeYears()).isCloseTo(10.0, within(1e-9));
        assertThat(r.sunlitGenerationW()).isCloseTo(20_000 * 0.90 * Math.pow(0.9925, 10), within(1e-6));
        assertThat(bolRun.sunlitGenerationW()).isCloseTo(20_000 * 0.90, within(1e-6));
        assertThat(bolRun.lifeCases()).extracting(BalanceReport.LifeCase::name).startsWith("BOL", "EOL");
        assertThat(bolRun.lifeCases().get(1).arrayAgeYears()).isCloseTo(10.0, within(1e-9));
    }

    @Test
    void a_span_shorter_than_one_revolution_still_computes() {
        TestWorkspaces.Fixture f = fixtures.create("short span", 1);
        ReadModels.DesignCase dc = workspaces.snapshot(f.workspaceId()).designCase();
        Instant t = Instant.parse("2027-03-01T00:00:00Z");
        designCases.updateDesignCase(f.workspaceId(), dc.version(), new Drafts.DesignCaseDraft(dc.activeModeId(),
                dc.orbitPeriodS(), dc.eclipseDurationS(), dc.arrayAgeYears(), AnalysisTimeline.EPHEMERIS, t, t, 1.0),
                "esa");

        BalanceReport r = balances.balance(f.workspaceId());

        assertThat(r.spanS()).isCloseTo(86_400, within(1e-6));
        assertThat(eclipses.catalogue(t, t, t.plusSeconds(3600)).eclipses()).isNotNull();
    }

    @Test
    void a_reversed_or_too_long_span_is_refused_naming_the_parameter() {
        Instant t = Instant.parse("2027-01-01T00:00:00Z");
        assertThatThrownBy(() -> eclipses.catalogue(t, t.plusSeconds(86_400), t))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations()).extracting(InvalidInputException.FieldViolation::field)
                                .containsExactly("to"));
        assertThatThrownBy(() -> eclipses.catalogue(t, t, t.plusSeconds(21L * 366 * 86_400)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations().get(0).message()).contains("20 years"));
        assertThatThrownBy(() -> eclipses.trajectory(t, t, t.plusSeconds(86_400), 1))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations().get(0).field()).isEqualTo("stepSeconds"));
    }
}
