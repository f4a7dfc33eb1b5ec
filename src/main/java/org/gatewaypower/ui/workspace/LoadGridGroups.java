package org.gatewaypower.ui.workspace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.data.provider.hierarchy.TreeData;
import com.vaadin.flow.data.provider.hierarchy.TreeDataProvider;

/**
 * The power equipment list grouped by element: one heading row per element that has loads, its loads under it in
 * the list's order, each heading with the subtotal of its loads shown (after the filter). Headings are expanded
 * unless the user collapsed them; a collapsed heading stays collapsed when the list is rebuilt after an edit.
 * The tree's filter shows a heading while any of its loads passes (the in-memory tree provider keeps a parent whose
 * descendants match), so the filter's predicate says no to headings themselves.
 */
final class LoadGridGroups {

    private final TreeGrid<LoadRow> grid;
    private final TreeData<LoadRow> data = new TreeData<>();
    private final TreeDataProvider<LoadRow> provider = new TreeDataProvider<>(data);
    /** The elements in the order their headings are listed (the workspace's order, by id). */
    private final Supplier<List<Long>> elementOrder;
    /** One heading per element id, kept across rebuilds so that the grid's expanded state follows it. */
    private final Map<Long, LoadRow> headings = new HashMap<>();
    private final Set<Long> collapsed = new HashSet<>();

    LoadGridGroups(TreeGrid<LoadRow> grid, Supplier<List<Long>> elementOrder) {
        this.grid = grid;
        this.elementOrder = elementOrder;
        grid.setDataProvider(provider);
        grid.addCollapseListener(e -> e.getItems().forEach(h -> collapsed.add(h.getElementId())));
        grid.addExpandListener(e -> e.getItems().forEach(h -> collapsed.remove(h.getElementId())));
    }

    TreeDataProvider<LoadRow> provider() {
        return provider;
    }

    /**
     * Lays {@code rows} out under their elements' headings again (after rows were added, removed or moved to
     * another element) and redraws the list.
     */
    void rebuild(List<LoadRow> rows) {
        Map<Long, List<LoadRow>> byElement = new LinkedHashMap<>();
        elementOrder.get().forEach(id -> byElement.put(id, new ArrayList<>()));
        for (LoadRow r : rows) {
            // A row of an element this view does not know yet (the snapshot lags) is listed under its id anyway.
            byElement.computeIfAbsent(r.getElementId(), id -> new ArrayList<>()).add(r);
        }
        data.clear();
        List<LoadRow> open = new ArrayList<>();
        byElement.forEach((elementId, children) -> {
            if (children.isEmpty()) {
                return;
            }
            LoadRow heading = headings.computeIfAbsent(elementId, LoadRow::heading);
            data.addItem(null, heading);
            data.addItems(heading, children);
            if (!collapsed.contains(elementId)) {
                open.add(heading);
            }
        });
        provider.refreshAll();
        grid.expand(open);
    }

    /**
     * Gives each heading the subtotal of its element's rows in {@code shown}.
     *
     * @param redraw whether changed headings may be redrawn now (not while a row is being edited: the redraw
     *               waits for the editor to close)
     * @return whether a heading changed
     */
    boolean subtotals(List<LoadRow> shown, List<Long> modeIds, boolean redraw) {
        Map<Long, List<LoadRow>> byElement = new HashMap<>();
        shown.forEach(r -> byElement.computeIfAbsent(r.getElementId(), id -> new ArrayList<>()).add(r));
        boolean any = false;
        for (LoadRow heading : headings.values()) {
            List<LoadRow> mine = byElement.getOrDefault(heading.getElementId(), List.of());
            if (heading.setSubtotal(LoadTotals.of(mine, modeIds), mine.size())) {
                any = true;
                if (redraw && data.contains(heading)) {
                    provider.refreshItem(heading);
                }
            }
        }
        return any;
    }

    /** Opens a closed heading and closes an open one (Enter on a heading row). */
    void toggle(LoadRow heading) {
        // The grid's expand and collapse listeners keep the collapsed set.
        if (grid.isExpanded(heading)) {
            grid.collapse(heading);
        } else {
            grid.expand(heading);
        }
    }

    /** Opens the heading of {@code row}'s element, so that the row can be shown and edited. */
    void reveal(LoadRow row) {
        LoadRow heading = headings.get(row.getElementId());
        if (heading != null && !grid.isExpanded(heading)) {
            grid.expand(heading);
        }
    }
}
