package org.gatewaypower.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import org.gatewaypower.baseline.BaselineService;
import org.gatewaypower.baseline.Baselines;
import org.gatewaypower.baseline.Comparison;
import org.gatewaypower.baseline.VariantService;
import org.gatewaypower.workspace.EquipmentService;
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
 * Baselines and variants on PostgreSQL: the V10 tables validate, a baseline's JSON is stored and read
 * back unchanged, and a comparison and a fork work. Runs when GATEWAY_TEST_POSTGRES_URL names a
 * database (.ci/run sets one up); skipped otherwise.
 */
@EnabledIfEnvironmentVariable(named = "GATEWAY_TEST_POSTGRES_URL", matches = ".+")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@Import(TestWorkspaces.class)
@TestPropertySource(properties = {
        "spring.datasource.url=${GATEWAY_TEST_POSTGRES_URL}",
        "spring.datasource.username=${GATEWAY_TEST_POSTGRES_USER:gatewaypower}",
        "spring.datasource.password=${GATEWAY_TEST_POSTGRES_PASS:gatewaypower}"})
class BaselinePostgresIT {

    @Autowired
    WorkspaceService workspaces;

    @Autowired
    TestWorkspaces fixtures;

    @Autowired
    EquipmentService equipment;

    @Autowired
    BaselineService baselines;

    @Autowired
    VariantService variants;

    @Test
    void a_baseline_and_a_variant_are_stored_read_and_compared_on_postgresql() {
        TestWorkspaces.Fixture f = fixtures.create("postgres baseline", 2);
        ReadModels.WorkspaceSnapshot snapshot = workspaces.snapshot(f.workspaceId());
        Baselines.Baseline frozen = baselines.create(f.workspaceId(), "PDR", "on PostgreSQL", "nasa");
        ReadModels.LoadItem load = equipment.load(f.loadIds().get(0));
        equipment.updateLoad(load.id(), load.version(),
                TestWorkspaces.withOperating(TestWorkspaces.draft(load), 900.0), "nasa");

        assertThat(baselines.baseline(frozen.id())).isEqualTo(frozen);
        assertThat(frozen.inputs().workspace()).isEqualTo(snapshot);
        Comparison c = baselines.compare(f.workspaceId(), "baseline:" + frozen.id(), "current", "nasa");
        assertThat(c.changes()).singleElement().satisfies(ch -> assertThat(ch.item()).isEqualTo("Load 0 · HALO"));

        Baselines.Variant v = variants.fork(f.workspaceId(), "Rack", "nasa");
        assertThat(baselines.compare(v.workspaceId(), "parent", "current", "nasa").changes()).isEmpty();
    }
}
