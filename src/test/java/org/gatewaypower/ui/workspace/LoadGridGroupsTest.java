package org.gatewaypower.ui.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.data.provider.hierarchy.HierarchicalQuery;

import org.gatewaypower.physics.load.LoadPriority;
import org.gatewaypower.physics.load.MaturityClass;
import org.gatewaypower.workspace.Bus;
import org.gatewaypower.workspace.ElementKind;
import org.gatewaypower.workspace.ReadModels;
import org.gatewaypower.workspace.WorkspaceRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The power equipment list grouped by element: which headings show, in which order, with which rows and
 * subtotals, under the filter and "my team's loads", and that a heading the user closed stays closed.
 */
class LoadGridGroupsTest {

    private static final long PPE = 1;
    private static final long HALO = 2;
    private static final long I_HAB = 3;
    private static final long MODE = 7;

    private final TreeGrid<LoadRow> grid = new TreeGrid<>();
    private final LoadRowAccess access = new LoadRowAccess(List.of(
            new ReadModels.Element(I_HAB, "I-Hab", ElementKind.I_HAB, 3, "ESA", 0),
            new ReadModels.Element(PPE, "PPE", ElementKind.PPE, 1, "NASA", 0),
            new ReadModels.Element(HALO, "HALO", ElementKind.HALO, 1, "NASA", 0)));
    private final LoadGridGroups groups = new LoadGridGroups(grid, access::elementIds);
    private static long ids;
    private LoadRow thrusters;
    private LoadRow habHeaters;
    private LoadRow habRack;

    @BeforeEach
    void rows() {
        // 3 thrusters, 12,000 W operating, 50 W standby, 25 % of the time on.
        thrusters = row(PPE, "AEPS thrusters", 3, 50.0, 12_000.0, 25.0);
        // 4 heaters of 300 W, half the time on; 2 racks of 900 W, always on.
        habHeaters = row(I_HAB, "Cabin heaters", 4, 0.0, 300.0, 50.0);
        habRack = row(I_HAB, "Science rack", 2, 20.0, 900.0, 100.0);
        // Listed with the I-Hab rows first: the grid orders the headings by element, the rows as listed.
        groups.rebuild(List.of(habHeaters, thrusters, habRack));
    }

    @Test
    void one_heading_per_element_with_loads_in_element_order_and_the_rows_under_it() {
        List<LoadRow> headings = roots();
        assertThat(headings).extracting(LoadRow::getElementId).containsExactly(PPE, I_HAB);
        assertThat(headings).allMatch(LoadRow::isHeading).noneMatch(LoadRow::isNew);
        assertThat(children(headings.get(0))).containsExactly(thrusters);
        assertThat(children(headings.get(1))).containsExactly(habHeaters, habRack);
        assertThat(headings).allMatch(grid::isExpanded);
    }

    @Test
    void a_heading_carries_the_sum_of_its_rows_shown() {
        groups.subtotals(List.of(habHeaters, thrusters, habRack), List.of(MODE), false);

        LoadRow hab = roots().get(1);
        assertThat(hab.getLines()).isEqualTo(2);
        assertThat(hab.getSubtotal().quantity()).isEqualTo(6);
        assertThat(hab.getSubtotal().operatingW()).isCloseTo(4 * 300 + 2 * 900, within(1e-9));
        // 4 × 300 W × 0.5 + 2 × 900 W × 1.0 = 600 W + 1,800 W
        assertThat(hab.getSubtotal().averageW().get(MODE)).isCloseTo(2_400, within(1e-9));
        // 3 × (50 W × 0.75 + 12,000 W × 0.25) = 9,112.5 W
        assertThat(roots().get(0).getSubtotal().averageW().get(MODE)).isCloseTo(9_112.5, within(1e-9));

        // The filter leaves the racks out: the heading says so, and a second pass changes nothing.
        assertThat(groups.subtotals(List.of(habHeaters, thrusters), List.of(MODE), false)).isTrue();
        assertThat(hab.getLines()).isEqualTo(1);
        assertThat(hab.getSubtotal().operatingW()).isCloseTo(1_200, within(1e-9));
        assertThat(groups.subtotals(List.of(habHeaters, thrusters), List.of(MODE), false)).isFalse();
    }

    @Test
    void the_filter_keeps_a_heading_while_one_of_its_rows_passes() {
        groups.provider().setFilter(access.filter("rack", false)::test);
        assertThat(roots()).extracting(LoadRow::getElementId).containsExactly(I_HAB);
        assertThat(children(roots().get(0))).containsExactly(habRack);

        // The element's name matches every row of it.
        groups.provider().setFilter(access.filter("ppe", false)::test);
        assertThat(roots()).extracting(LoadRow::getElementId).containsExactly(PPE);

        groups.provider().setFilter(access.filter("nothing like it", false)::test);
        assertThat(roots()).isEmpty();
    }

    @Test
    void my_teams_loads_show_only_the_elements_the_user_may_edit() {
        access.setPermissions(new ReadModels.Permissions("esa", "ESA", WorkspaceRole.EDITOR, false, false,
                Set.of(I_HAB), Set.of(), Set.of()));
        groups.provider().setFilter(access.filter("", true)::test);
        assertThat(roots()).extracting(LoadRow::getElementId).containsExactly(I_HAB);
        assertThat(children(roots().get(0))).containsExactly(habHeaters, habRack);
    }

    @Test
    void a_heading_the_user_closed_stays_closed_when_the_list_is_laid_out_again() {
        LoadRow ppe = roots().get(0);
        grid.collapse(ppe);
        LoadRow moved = row(HALO, "Moved to HALO", 1, 0.0, 10.0, 0.0);

        groups.rebuild(List.of(habHeaters, thrusters, habRack, moved));

        assertThat(roots()).extracting(LoadRow::getElementId).containsExactly(PPE, HALO, I_HAB);
        assertThat(roots().get(0)).isSameAs(ppe);
        assertThat(grid.isExpanded(ppe)).isFalse();
        assertThat(grid.isExpanded(roots().get(1))).as("a new element's heading opens").isTrue();

        groups.toggle(ppe);
        groups.rebuild(List.of(habHeaters, thrusters, habRack, moved));
        assertThat(grid.isExpanded(ppe)).isTrue();
    }

    @Test
    void revealing_a_row_opens_its_closed_heading() {
        LoadRow hab = roots().get(1);
        grid.collapse(hab);
        groups.reveal(habRack);
        assertThat(grid.isExpanded(hab)).isTrue();
    }

    private List<LoadRow> roots() {
        return children(null);
    }

    private List<LoadRow> children(LoadRow parent) {
        return groups.provider().fetchChildren(new HierarchicalQuery<>(null, parent)).toList();
    }

    /** A saved load (a new, unsaved one passes every filter: the user is typing it). */
    private static LoadRow row(long elementId, String name, int quantity, double standbyW, double operatingW,
                               double dutyPercent) {
        return LoadRow.of(new ReadModels.LoadItem(++ids, elementId, name, "Thermal", Bus.V120, quantity, standbyW,
                operatingW, operatingW, Map.of(MODE, dutyPercent / 100), null, MaturityClass.OFF_THE_SHELF,
                LoadPriority.ESSENTIAL, 0, Instant.EPOCH, "test"));
    }
}
