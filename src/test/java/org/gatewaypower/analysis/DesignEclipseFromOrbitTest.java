package org.gatewaypower.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.Comparator;

import org.gatewaypower.SpringTestBase;
import org.gatewaypower.physics.eclipse.Occulter;
import org.gatewaypower.workspace.DesignCaseService;
import org.gatewaypower.workspace.DesignEclipseSource;
import org.gatewaypower.workspace.Drafts;
import org.gatewaypower.workspace.InvalidInputException;
import org.gatewaypower.workspace.TestWorkspaces;
import org.gatewaypower.workspace.ReadModels;
import org.gatewaypower.workspace.WorkspaceService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The design eclipse taken from the mission span. Reference: the orbit with perilune epoch 2027-01-01T00:00Z
 * over the ten years from 2027-01-01 holds a 252.9-min Earth-shadow pass starting 2033-06-13 (issue #12,
 * checked there with an independent engine), much longer than a hand-typed 90 min.
 */
class DesignEclipseFromOrbitTest extends SpringTestBase {

    private static final Instant BOL = Instant.parse("2027-01-01T00:00:00Z");
    private static final Instant TEN_YEARS = Instant.parse("2037-01-01T00:00:00Z");

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

    private ReadModels.DesignCase set(long ws, Instant missionEnd, DesignEclipseSource source) {
        ReadModels.DesignCase dc = workspaces.snapshot(ws).designCase();
        return designCases.updateDesignCase(ws, dc.version(), new Drafts.DesignCaseDraft(dc.activeModeId(),
                dc.orbitPeriodS(), 90 * 60.0, dc.arrayAgeYears(), dc.timeline(), BOL, dc.spanStart(), dc.spanDays(),
                dc.failedCapacityShare(), dc.marginPolicy(), dc.transferLimitW(), BOL, missionEnd, source, null,
                null), "nasa");
    }

    @Test
    void the_longest_earth_pass_of_ten_years_becomes_the_design_eclipse_with_its_date() {
        TestWorkspaces.Fixture f = fixtures.create("worst earth", 2);
        set(f.workspaceId(), TEN_YEARS, DesignEclipseSource.WORST_EARTH);

        BalanceReport r = balances.balance(f.workspaceId());

        BalanceReport.Mission m = r.mission();
        assertThat(m.from()).isEqualTo(BOL);
        assertThat(m.to()).isEqualTo(TEN_YEARS);
        assertThat(m.designEclipseS() / 60).isCloseTo(252.9, within(0.1));
        assertThat(m.designPass().body()).isEqualTo("Earth");
        assertThat(m.designPass().start().toString()).startsWith("2033-06-13");
        // the design orbit runs that pass as full shadow
        assertThat(r.longestEclipseS()).isEqualTo(m.designEclipseS());
        assertThat(m.longerPasses()).isEmpty();
    }

    @Test
    void a_hand_value_shorter_than_the_orbit_gives_a_warning_with_the_dates_and_the_coverage_case_judges_every_pass() {
        TestWorkspaces.Fixture f = fixtures.create("hand 90", 2);
        set(f.workspaceId(), TEN_YEARS, DesignEclipseSource.HAND);

        BalanceReport r = balances.balance(f.workspaceId());

        BalanceReport.Mission m = r.mission();
        assertThat(m.designEclipseS()).isEqualTo(90 * 60.0);
        assertThat(m.designPass()).isNull();
        assertThat(m.longerPasses()).isNotEmpty();
        assertThat(m.longerPasses().get(0).start().toString()).startsWith("2033-06-13");
        assertThat(m.longerPasses()).isSortedAccordingTo(
                Comparator.comparingDouble(BalanceReport.Pass::durationS).reversed());
        assertThat(m.notes()).anyMatch(n -> n.contains("longer than the design eclipse (90.0 min)")
                && n.contains("2033-06-13"));
        EclipseService.Catalogue cat = eclipses.catalogue(BOL, BOL, TEN_YEARS);
        long complete = cat.eclipses().stream().filter(EclipseService.Eclipse::complete).count();
        assertThat(m.passesJudged()).isEqualTo((int) complete);
        assertThat(r.lifeCases()).extracting(BalanceReport.LifeCase::name).last().isEqualTo("Eclipse coverage");
    }

    @Test
    void the_longest_moon_pass_is_the_longest_complete_moon_pass_of_the_catalogue() {
        TestWorkspaces.Fixture f = fixtures.create("worst moon", 1);
        set(f.workspaceId(), TEN_YEARS, DesignEclipseSource.WORST_MOON);

        BalanceReport.Mission m = balances.balance(f.workspaceId()).mission();

        double longestMoon = eclipses.catalogue(BOL, BOL, TEN_YEARS).eclipses().stream()
                .filter(e -> e.body() == Occulter.MOON && e.complete())
                .mapToDouble(EclipseService.Eclipse::durationSeconds).max().orElseThrow();
        assertThat(m.designEclipseS()).isEqualTo(longestMoon);
        assertThat(m.designPass().body()).isEqualTo("Moon");
        // the Earth pass of 2033-06-13 is longer than any Moon pass, and the warning says so
        assertThat(m.notes()).anyMatch(n -> n.contains("Earth pass of 2033-06-13"));
    }

    @Test
    void a_short_mission_without_an_earth_pass_falls_back_to_the_hand_value_and_says_so() {
        TestWorkspaces.Fixture f = fixtures.create("short", 1);
        // 20 days after 2027-01-01 hold Moon passes only (the Earth's shadow season is months away).
        set(f.workspaceId(), BOL.plusSeconds(20 * 86_400), DesignEclipseSource.WORST_EARTH);

        BalanceReport.Mission m = balances.balance(f.workspaceId()).mission();

        assertThat(m.designEclipseS()).isEqualTo(90 * 60.0);
        assertThat(m.designPass()).isNull();
        assertThat(m.notes()).anyMatch(n -> n.contains("holds no complete Earth pass"));
    }

    @Test
    void picking_a_pass_makes_it_the_design_eclipse_with_its_date() {
        TestWorkspaces.Fixture f = fixtures.create("picked", 1);
        ReadModels.DesignCase dc = set(f.workspaceId(), TEN_YEARS, DesignEclipseSource.HAND);
        EclipseService.Eclipse earth = eclipses.catalogue(BOL, BOL, TEN_YEARS).eclipses().stream()
                .filter(e -> e.start().toString().startsWith("2033-06-13")).findFirst().orElseThrow();

        ReadModels.DesignCase picked = designCases.useEclipseAsDesignCase(f.workspaceId(), dc.version(), earth.start(),
                earth.durationSeconds(), "nasa");

        assertThat(picked.eclipseSource()).isEqualTo(DesignEclipseSource.PICKED);
        assertThat(picked.pickedEclipseStart()).isEqualTo(earth.start().truncatedTo(
                java.time.temporal.ChronoUnit.MILLIS));
        assertThat(picked.eclipseDurationS()).isEqualTo(earth.durationSeconds());
        BalanceReport.Mission m = balances.balance(f.workspaceId()).mission();
        assertThat(m.designPass().start()).isEqualTo(earth.start());
        assertThat(m.source()).isEqualTo("Pass picked on the Eclipses page");
        assertThat(m.notes()).noneMatch(n -> n.contains("longer than the design eclipse"));
    }

    @Test
    void mission_dates_and_a_pick_without_its_pass_are_refused_naming_the_field() {
        TestWorkspaces.Fixture f = fixtures.create("bad mission", 1);
        ReadModels.DesignCase before = workspaces.snapshot(f.workspaceId()).designCase();

        assertThatThrownBy(() -> set(f.workspaceId(), BOL.minusSeconds(86_400), DesignEclipseSource.HAND))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).violations()).singleElement()
                        .satisfies(v -> {
                            assertThat(v.field()).isEqualTo("missionEnd");
                            assertThat(v.message()).contains("after the beginning of life");
                        }));
        assertThatThrownBy(() -> set(f.workspaceId(), Instant.parse("2048-01-01T00:00:00Z"),
                DesignEclipseSource.HAND)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("at most 20 years");
        assertThatThrownBy(() -> set(f.workspaceId(), TEN_YEARS, DesignEclipseSource.PICKED))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("pickedEclipseStart");
        // nothing saved by the refused edits
        assertThat(workspaces.snapshot(f.workspaceId()).designCase().version()).isEqualTo(before.version());
    }
}
