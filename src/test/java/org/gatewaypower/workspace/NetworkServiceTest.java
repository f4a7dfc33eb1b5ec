package org.gatewaypower.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

import org.gatewaypower.SpringTestBase;
import org.gatewaypower.workspace.NetworkService.ConverterDraft;
import org.gatewaypower.workspace.NetworkService.PortDraft;
import org.gatewaypower.workspace.TestWorkspaces.Fixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The power network against the real database: owners add, change and remove converters and ports, which the
 * snapshot and the history carry; editors and viewers may not; every rule names its field; a port that would close
 * a loop is refused; a stale version is refused and changes nothing; removing an element removes its network.
 */
class NetworkServiceTest extends SpringTestBase {

    @Autowired
    NetworkService network;

    @Autowired
    TestWorkspaces fixtures;

    @Autowired
    WorkspaceService workspaces;

    @Autowired
    StructureService structure;

    @Autowired
    MembershipService membership;

    @Autowired
    HistoryService history;

    private record Station(Fixture f, long ppe, long ihab) {
    }

    private Station station(String prefix) {
        Fixture f = fixtures.create(prefix, 1);
        long ppe = structure.addElement(f.workspaceId(), "PPE", ElementKind.PPE, "NASA", TestWorkspaces.SEEDER);
        long ihab = structure.addElement(f.workspaceId(), "I-Hab", ElementKind.I_HAB, "ESA", TestWorkspaces.SEEDER);
        return new Station(f, ppe, ihab);
    }

    @Test
    void owners_add_change_and_remove_converters_and_ports_and_the_snapshot_and_history_carry_them() {
        Station s = station("Net crud");
        long ws = s.f().workspaceId();
        ReadModels.Converter c = network.addConverter(ws, new ConverterDraft(s.f().elementId(), "HALO DCU-1", 0.94,
                3000.0), "nasa");
        ReadModels.Port p1 = network.addPort(ws, new PortDraft("PPE-HALO", s.ppe(), s.f().elementId(), 24_000.0),
                "esa");
        ReadModels.Port p2 = network.addPort(ws, new PortDraft("HALO-I-Hab", s.f().elementId(), s.ihab(), 12_000.0),
                "nasa");
        assertThat(c.updatedBy()).isEqualTo("nasa");
        ReadModels.WorkspaceSnapshot snap = workspaces.snapshot(ws);
        assertThat(snap.converters()).containsExactly(c);
        assertThat(snap.ports()).containsExactly(p1, p2);

        ReadModels.Converter better = network.updateConverter(c.id(), c.version(),
                new ConverterDraft(s.f().elementId(), "HALO DCU-1", 0.95, 3500.0), "esa");
        assertThat(better.version()).isGreaterThan(c.version());
        assertThat(better.efficiency()).isEqualTo(0.95);
        assertThat(network.converter(c.id())).isEqualTo(better);
        ReadModels.Port wider = network.updatePort(p2.id(), p2.version(),
                new PortDraft("HALO-I-Hab", s.ihab(), s.f().elementId(), 15_000.0), "nasa");
        assertThat(wider.fromElementId()).isEqualTo(s.ihab());
        assertThat(wider.limitW()).isEqualTo(15_000.0);

        // The history of one converter, and a restore of its efficiency to the value before the change.
        History.Entry change = history.converterHistory(c.id()).get(0);
        assertThat(change.changes()).extracting(History.FieldChange::field).containsExactlyInAnyOrder("efficiency",
                "ratingW");
        better = history.restoreConverter(c.id(), change.previousRevision(), "efficiency", better.version(), "nasa");
        assertThat(better.efficiency()).isEqualTo(0.94);
        assertThat(better.ratingW()).isEqualTo(3500.0);
        ReadModels.Port restored = history.restorePort(p2.id(), history.portHistory(p2.id()).get(0)
                .previousRevision(), "limitW", wider.version(), "nasa");
        assertThat(restored.limitW()).isEqualTo(12_000.0);
        assertThat(restored.fromElementId()).isEqualTo(s.ihab());
        wider = restored;

        network.removePort(p1.id(), p1.version(), "nasa");
        network.removeConverter(better.id(), better.version(), "nasa");
        snap = workspaces.snapshot(ws);
        assertThat(snap.converters()).isEmpty();
        assertThat(snap.ports()).containsExactly(wider);

        List<History.Entry> entries = history.workspaceHistory(ws);
        assertThat(entries).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo("converter");
            assertThat(e.changes()).anySatisfy(ch -> assertThat(ch.label()).isEqualTo("Converter efficiency"));
        });
        assertThat(entries).anySatisfy(e -> assertThat(e.kind()).isEqualTo("port"));
    }

    @Test
    void editors_and_viewers_may_not_change_the_network() {
        Station s = station("Net access");
        long ws = s.f().workspaceId();
        membership.setMember(ws, "esa", WorkspaceRole.EDITOR, TestWorkspaces.SEEDER);
        membership.setMember(ws, "jaxa", WorkspaceRole.VIEWER, TestWorkspaces.SEEDER);
        ConverterDraft draft = new ConverterDraft(s.f().elementId(), "DCU", 0.94, 3000.0);
        assertThatThrownBy(() -> network.addConverter(ws, draft, "esa")).isInstanceOf(ForbiddenException.class)
                .hasMessageContaining("only workspace owners may");
        assertThatThrownBy(() -> network.addPort(ws, new PortDraft("P", s.ppe(), s.ihab(), 1000.0), "jaxa"))
                .isInstanceOf(ForbiddenException.class);
        ReadModels.Converter c = network.addConverter(ws, draft, "nasa");
        assertThatThrownBy(() -> network.updateConverter(c.id(), c.version(), draft, "esa"))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> network.removeConverter(c.id(), c.version(), "esa"))
                .isInstanceOf(ForbiddenException.class);
        assertThat(workspaces.snapshot(ws).converters()).containsExactly(c);
    }

    @Test
    void every_rule_names_its_field_and_nothing_is_saved() {
        Station s = station("Net rules");
        long ws = s.f().workspaceId();
        Fixture other = fixtures.create("Net rules other", 0);
        InvalidInputException bad = catchThrowableOfType(InvalidInputException.class, () -> network.addConverter(ws,
                new ConverterDraft(other.elementId(), " ", 0.0, 0.0), "nasa"));
        assertThat(bad.violations()).extracting(InvalidInputException.FieldViolation::field)
                .containsExactlyInAnyOrder("name", "elementId", "efficiency", "ratingW");
        assertThat(bad.getMessage()).contains("Converter efficiency must be greater than 0 % and at most 100 %",
                "Converter rating must be greater than 0 W", "Element must be one of this workspace's elements");
        bad = catchThrowableOfType(InvalidInputException.class, () -> network.addConverter(ws,
                new ConverterDraft(s.f().elementId(), "DCU", 1.2, -5.0), "nasa"));
        assertThat(bad.getMessage()).contains("Converter efficiency must be greater than 0 % and at most 100 % (was 120 %)",
                "Converter rating must not be negative");
        bad = catchThrowableOfType(InvalidInputException.class, () -> network.addPort(ws,
                new PortDraft("Self", s.ppe(), s.ppe(), null), "nasa"));
        assertThat(bad.violations()).extracting(InvalidInputException.FieldViolation::field)
                .containsExactlyInAnyOrder("toElementId", "limitW");
        assertThat(bad.getMessage()).contains("To element must differ from From element (both were PPE)",
                "Port limit is required");
        assertThat(workspaces.snapshot(ws).converters()).isEmpty();
        assertThat(workspaces.snapshot(ws).ports()).isEmpty();
    }

    @Test
    void ports_stay_a_tree() {
        Station s = station("Net tree");
        long ws = s.f().workspaceId();
        long halo = s.f().elementId();
        network.addPort(ws, new PortDraft("PPE-HALO", s.ppe(), halo, 24_000.0), "nasa");
        ReadModels.Port hi = network.addPort(ws, new PortDraft("HALO-I-Hab", halo, s.ihab(), 12_000.0), "nasa");
        InvalidInputException loop = catchThrowableOfType(InvalidInputException.class, () -> network.addPort(ws,
                new PortDraft("I-Hab-PPE", s.ihab(), s.ppe(), 5_000.0), "nasa"));
        assertThat(loop.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("toElementId");
            assertThat(v.message()).contains("Ports must form a tree", "from I-Hab to PPE would close a loop");
        });
        // A second port between the same two elements is a loop too; moving one port's end is not.
        assertThatThrownBy(() -> network.addPort(ws, new PortDraft("Twin", s.ihab(), halo, 5_000.0), "nasa"))
                .isInstanceOf(InvalidInputException.class);
        ReadModels.Port moved = network.updatePort(hi.id(), hi.version(),
                new PortDraft("PPE-I-Hab", s.ppe(), s.ihab(), 12_000.0), "nasa");
        assertThat(moved.fromElementId()).isEqualTo(s.ppe());
        assertThat(workspaces.snapshot(ws).ports()).hasSize(2);
    }

    @Test
    void a_stale_version_is_refused_naming_who_saved_and_changes_nothing() {
        Station s = station("Net stale");
        long ws = s.f().workspaceId();
        ReadModels.Converter c = network.addConverter(ws, new ConverterDraft(s.f().elementId(), "DCU", 0.94,
                3000.0), "nasa");
        ReadModels.Converter theirs = network.updateConverter(c.id(), c.version(),
                new ConverterDraft(s.f().elementId(), "DCU", 0.92, 3000.0), "esa");
        StaleEditException stale = catchThrowableOfType(StaleEditException.class, () -> network.updateConverter(
                c.id(), c.version(), new ConverterDraft(s.f().elementId(), "DCU", 0.97, 3000.0), "nasa"));
        assertThat(stale.kind()).isEqualTo(WorkspaceChanged.Kind.CONVERTER);
        assertThat(stale.lastEditedBy()).isEqualTo("esa");
        assertThat(network.converter(c.id())).isEqualTo(theirs);
        ReadModels.Port p = network.addPort(ws, new PortDraft("P", s.ppe(), s.ihab(), 1000.0), "nasa");
        network.updatePort(p.id(), p.version(), new PortDraft("P", s.ppe(), s.ihab(), 2000.0), "esa");
        assertThatThrownBy(() -> network.removePort(p.id(), p.version(), "nasa"))
                .isInstanceOf(StaleEditException.class);
        assertThat(network.port(p.id()).limitW()).isEqualTo(2000.0);
    }

    @Test
    void removing_an_element_removes_its_converters_and_ports() {
        Station s = station("Net element");
        long ws = s.f().workspaceId();
        network.addConverter(ws, new ConverterDraft(s.ihab(), "I-Hab DCU", 0.93, 2000.0), "nasa");
        network.addPort(ws, new PortDraft("HALO-I-Hab", s.f().elementId(), s.ihab(), 12_000.0), "nasa");
        ReadModels.Port kept = network.addPort(ws, new PortDraft("PPE-HALO", s.ppe(), s.f().elementId(), 24_000.0),
                "nasa");
        long version = workspaces.snapshot(ws).element(s.ihab()).version();
        structure.deleteElement(s.ihab(), version, "nasa");
        ReadModels.WorkspaceSnapshot snap = workspaces.snapshot(ws);
        assertThat(snap.converters()).isEmpty();
        assertThat(snap.ports()).containsExactly(kept);
    }
}
