package org.gatewaypower.collaboration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.gatewaypower.SpringTestBase;
import org.gatewaypower.analysis.BalanceService;
import org.gatewaypower.workspace.EquipmentService;
import org.gatewaypower.workspace.TestWorkspaces;
import org.gatewaypower.workspace.ReadModels;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Saved changes on a fixture workspace, watched by two open "views". */
class ImpactMonitorTest extends SpringTestBase {

    @Autowired
    ImpactMonitor monitor;

    @Autowired
    TestWorkspaces fixtures;

    @Autowired
    EquipmentService equipment;

    @Autowired
    BalanceService balances;

    @Test
    void a_big_load_change_yields_one_notice_with_before_and_after_and_a_tiny_one_none() throws Exception {
        TestWorkspaces.Fixture f = fixtures.create("Impact", 3);
        BlockingQueue<ImpactNoticed> first = new LinkedBlockingQueue<>();
        BlockingQueue<ImpactNoticed> second = new LinkedBlockingQueue<>();
        WorkspaceBroadcaster.Subscription a = monitor.subscribe(f.workspaceId(), first::add);
        WorkspaceBroadcaster.Subscription b = monitor.subscribe(f.workspaceId(), second::add);
        try {
            long loadId = f.loadIds().get(0);
            ReadModels.LoadItem load = equipment.load(loadId);
            KeyResults initial = KeyResults.of(balances.balance(f.workspaceId()));

            // A tiny change first: if it produced a notice, it would arrive before the big one's.
            ReadModels.LoadItem tiny = equipment.updateLoad(loadId, load.version(),
                    TestWorkspaces.withOperating(TestWorkspaces.draft(load), load.operatingPowerW() + 1), "nasa");
            KeyResults afterTiny = KeyResults.of(balances.balance(f.workspaceId()));
            equipment.updateLoad(loadId, tiny.version(),
                    TestWorkspaces.withPowers(TestWorkspaces.draft(tiny), 50.0, 4_000.0, 6_000.0), "nasa");
            KeyResults afterBig = KeyResults.of(balances.balance(f.workspaceId()));

            ImpactNoticed notice = first.poll(30, TimeUnit.SECONDS);
            assertThat(notice).as("a notice within 30 s").isNotNull();
            assertThat(notice.description()).isEqualTo("changed load " + load.name());
            assertThat(notice.actor()).isEqualTo("nasa");
            assertThat(notice.actorTeamCode()).isEqualTo("NASA");
            assertThat(notice.caseName()).isEqualTo("Crewed EOL");
            assertThat(Math.abs(afterTiny.minStateOfCharge() - initial.minStateOfCharge())).isLessThan(0.02);
            assertThat(notice.figures()).filteredOn(c -> c.name().equals("minimum state of charge")).singleElement()
                    .satisfies(c -> {
                        assertThat(c.before()).isEqualTo(afterTiny.minStateOfCharge());
                        assertThat(c.after()).isEqualTo(afterBig.minStateOfCharge());
                        assertThat(c.before() - c.after()).isGreaterThan(0.02);
                    });
            assertThat(notice.message()).startsWith("NASA (nasa) changed load " + load.name()
                    + ": minimum state of charge ");

            // The analysis ran once for both views: they received the same notice.
            assertThat(second.poll(30, TimeUnit.SECONDS)).isSameAs(notice);
            assertThat(first).isEmpty();
        } finally {
            a.cancel();
            b.cancel();
        }
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.gatewaypower.exchange.ImportService imports;

    @Test
    void the_rows_of_one_import_give_one_notice_for_their_joint_effect() throws Exception {
        TestWorkspaces.Fixture f = fixtures.create("Impact import", 1);
        BlockingQueue<ImpactNoticed> notices = new LinkedBlockingQueue<>();
        WorkspaceBroadcaster.Subscription s = monitor.subscribe(f.workspaceId(), notices::add);
        try {
            KeyResults before = KeyResults.of(balances.balance(f.workspaceId()));
            byte[] csv = ("Name,Operating power (kW),Peak power (kW),Duty % · Crewed\n"
                    + "Heater A,2,2,100\nHeater B,2,2,100\nHeater C,2,2,100\n").getBytes();
            imports.apply(new org.gatewaypower.exchange.ImportRequest(f.workspaceId(), f.elementId(), "heaters.csv",
                    csv, null, null), "nasa");
            KeyResults after = KeyResults.of(balances.balance(f.workspaceId()));

            ImpactNoticed notice = notices.poll(30, TimeUnit.SECONDS);
            assertThat(notice).as("a notice within 30 s").isNotNull();
            assertThat(notice.description()).startsWith("made 3 changes (added load Heater A");
            assertThat(notice.figures()).filteredOn(c -> c.name().equals("minimum state of charge")).singleElement()
                    .satisfies(c -> {
                        assertThat(c.before()).isEqualTo(before.minStateOfCharge());
                        assertThat(c.after()).isEqualTo(after.minStateOfCharge());
                    });
            assertThat(notices.poll(2, TimeUnit.SECONDS)).as("no second notice for the same import").isNull();
        } finally {
            s.cancel();
        }
    }
}
