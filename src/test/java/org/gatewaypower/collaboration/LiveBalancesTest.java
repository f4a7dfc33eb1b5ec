package org.gatewaypower.collaboration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.spy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.gatewaypower.SpringTestBase;
import org.gatewaypower.analysis.BalanceService;
import org.gatewaypower.workspace.EquipmentService;
import org.gatewaypower.workspace.OperationsService;
import org.gatewaypower.workspace.ReadModels;
import org.gatewaypower.workspace.TestWorkspaces;
import org.gatewaypower.workspace.WorkspaceChanged;
import org.gatewaypower.workspace.WorkspaceService;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Compute once per node: five open views of a workspace and one saved edit cost one analysis run, and all
 * five get the same report. On H2 the cluster transport is off and a save reaches this node's views only.
 */
class LiveBalancesTest extends SpringTestBase {

    @Autowired
    WorkspaceBroadcaster broadcaster;

    @Autowired
    WorkspaceService workspaces;

    @Autowired
    OperationsService operations;

    @Autowired
    BalanceService balances;

    @Autowired
    EquipmentService equipment;

    @Autowired
    TestWorkspaces fixtures;

    @Autowired
    Executor tasks;

    @Autowired
    ClusterTransport cluster;

    /** Every balance but the beginning-of-life one ends in this method, so its calls count analysis runs. */
    private static long runs(BalanceService counted) {
        return Mockito.mockingDetails(counted).getInvocations().stream()
                .filter(i -> i.getMethod().getName().equals("balance") && i.getArguments().length == 2
                        && i.getArguments()[0] instanceof ReadModels.WorkspaceSnapshot
                        && (i.getArguments()[1] == null || i.getArguments()[1] instanceof List))
                .count();
    }

    @Test
    void five_open_views_and_one_edit_cost_one_analysis_run_and_share_its_report() throws Exception {
        assertThat(cluster.enabled()).as("H2: a single node, no cluster transport").isFalse();
        BalanceService counted = spy(balances);
        LiveBalances live = new LiveBalances(broadcaster, workspaces, operations, counted, tasks, cluster,
                Clock.systemUTC());
        TestWorkspaces.Fixture f = fixtures.create("Once", 2);
        List<BlockingQueue<LiveBalances.LiveUpdate>> views = new ArrayList<>();
        List<WorkspaceBroadcaster.Subscription> subscriptions = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            BlockingQueue<LiveBalances.LiveUpdate> view = new LinkedBlockingQueue<>();
            views.add(view);
            subscriptions.add(live.subscribe(f.workspaceId(), view::add));
        }
        try {
            ReadModels.LoadItem load = equipment.load(f.loadIds().get(0));
            equipment.updateLoad(load.id(), load.version(),
                    TestWorkspaces.withOperating(TestWorkspaces.draft(load), 777.0), "nasa");

            List<LiveBalances.LiveUpdate> got = new ArrayList<>();
            for (BlockingQueue<LiveBalances.LiveUpdate> view : views) {
                LiveBalances.LiveUpdate u = view.poll(30, TimeUnit.SECONDS);
                assertThat(u).as("every view hears of the edit within 30 s").isNotNull();
                got.add(u);
            }
            LiveBalances.LiveUpdate first = got.get(0);
            assertThat(first.changes()).singleElement().satisfies(c -> {
                assertThat(c.kind()).isEqualTo(WorkspaceChanged.Kind.LOAD_ITEM);
                assertThat(c.change()).isEqualTo(WorkspaceChanged.Change.CHANGED);
                assertThat(c.entityId()).isEqualTo(load.id());
            });
            assertThat(first.snapshot().loads()).filteredOn(l -> l.id() == load.id()).singleElement()
                    .extracting(ReadModels.LoadItem::operatingPowerW).isEqualTo(777.0);
            assertThat(first.report()).isNotNull();
            assertThat(first.report().powerMargin()).isEqualTo(balances.balance(f.workspaceId()).powerMargin());
            assertThat(got).allSatisfy(u -> assertThat(u.report()).isSameAs(first.report()));
            assertThat(runs(counted)).as("analysis runs for 5 views and 1 edit").isEqualTo(1);
            assertThat(live.analysisRuns()).isEqualTo(1);
            assertThat(views).allSatisfy(v -> assertThat(v).as("nothing more").isEmpty());
        } finally {
            subscriptions.forEach(WorkspaceBroadcaster.Subscription::cancel);
        }
    }

    @Test
    void a_workspace_nobody_watches_costs_no_run() {
        BalanceService counted = spy(balances);
        LiveBalances live = new LiveBalances(broadcaster, workspaces, operations, counted, tasks, cluster,
                Clock.systemUTC());
        TestWorkspaces.Fixture f = fixtures.create("Unwatched", 1);
        WorkspaceBroadcaster.Subscription s = live.subscribe(f.workspaceId(), u -> { });
        s.cancel();
        ReadModels.LoadItem load = equipment.load(f.loadIds().get(0));
        equipment.updateLoad(load.id(), load.version(),
                TestWorkspaces.withOperating(TestWorkspaces.draft(load), 555.0), "nasa");
        assertThat(live.analysisRuns()).isZero();
        Mockito.verify(counted, Mockito.never()).balance(any(ReadModels.WorkspaceSnapshot.class), anyList());
    }
}
