package org.gatewaypower.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.gatewaypower.analysis.BalanceService;
import org.gatewaypower.workspace.EquipmentService;
import org.gatewaypower.workspace.History;
import org.gatewaypower.workspace.HistoryService;
import org.gatewaypower.workspace.StaleEditException;
import org.gatewaypower.workspace.TestWorkspaces;
import org.gatewaypower.workspace.ReadModels;
import org.gatewaypower.workspace.WorkspaceService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * The production database option: the same Flyway migrations and Hibernate validation on PostgreSQL,
 * the demo seed, an analysis and the lost-update rule. Runs when GATEWAY_TEST_POSTGRES_URL names an
 * empty database (.ci/run sets one up); skipped otherwise.
 */
@EnabledIfEnvironmentVariable(named = "GATEWAY_TEST_POSTGRES_URL", matches = ".+")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@Import(TestWorkspaces.class)
@TestPropertySource(properties = {
        "spring.datasource.url=${GATEWAY_TEST_POSTGRES_URL}",
        "spring.datasource.username=${GATEWAY_TEST_POSTGRES_USER:gatewaypower}",
        "spring.datasource.password=${GATEWAY_TEST_POSTGRES_PASS:gatewaypower}"})
class PostgresIT {

    @Autowired
    WorkspaceService workspaces;

    @Autowired
    TestWorkspaces fixtures;

    @Autowired
    EquipmentService equipment;

    @Autowired
    BalanceService balances;

    @Autowired
    HistoryService history;

    @Test
    void migrations_validation_seed_analysis_and_optimistic_locking_work_on_postgresql() {
        ReadModels.WorkspaceSummary demo = workspaces.listWorkspaces().stream()
                .filter(w -> w.name().equals("Gateway demo")).findFirst().orElseThrow();
        assertThat(demo.loadCount()).isPositive();
        assertThat(balances.balance(demo.id()).battery().ledger().relativeClosureError()).isLessThan(1e-9);

        TestWorkspaces.Fixture f = fixtures.create("postgres", 1);
        ReadModels.LoadItem load = equipment.load(f.loadIds().get(0));
        equipment.updateLoad(load.id(), load.version(),
                TestWorkspaces.withOperating(TestWorkspaces.draft(load), 600.0), "nasa");
        assertThatThrownBy(() -> equipment.updateLoad(load.id(), load.version(),
                TestWorkspaces.withOperating(TestWorkspaces.draft(load), 700.0), "esa"))
                .isInstanceOf(StaleEditException.class);
        assertThat(equipment.load(load.id()).operatingPowerW()).isEqualTo(600.0);
        // the audit trail (V9): created and changed, by whom, old -> new; a restore is a new revision
        assertThat(history.loadHistory(load.id())).extracting(History.Entry::actor)
                .containsExactly("nasa", TestWorkspaces.SEEDER);
        assertThat(history.restoreLoad(load.id(), history.loadHistory(load.id()).get(1).revision(),
                "operatingPowerW", load.version() + 1, "nasa").operatingPowerW()).isEqualTo(500.0);
        assertThat(history.loadRevisions(load.id())).hasSize(3);
    }
}
