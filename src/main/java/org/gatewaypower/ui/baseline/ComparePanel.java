package org.gatewaypower.ui.baseline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Future;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;

import org.gatewaypower.baseline.BaselineService;
import org.gatewaypower.baseline.Baselines;
import org.gatewaypower.baseline.Comparison;
import org.gatewaypower.ui.component.FieldErrors;
import org.gatewaypower.ui.component.Headings;
import org.gatewaypower.workspace.InvalidInputException;
import org.springframework.core.task.AsyncTaskExecutor;

/**
 * Compares two sides (a baseline, the current workspace or, for a variant, its parent) and shows the
 * comparison. Comparisons of long spans take seconds: they run on the application's task executor, off the
 * request thread, with progress shown and a Cancel button.
 */
final class ComparePanel extends VerticalLayout {

    private final BaselineService baselines;
    private final AsyncTaskExecutor tasks;
    private final long workspaceId;
    private final String me;
    private final Select<String> sideA = new Select<>();
    private final Select<String> sideB = new Select<>();
    private final Button compare = new Button("Compare");
    private final ProgressBar progress = new ProgressBar();
    private final Button cancel = new Button("Cancel");
    private final FieldErrors errors = new FieldErrors("compare-errors", "Cannot compare:");
    private final ComparisonPanel comparison = new ComparisonPanel();
    private final Map<String, String> sideLabels = new LinkedHashMap<>();
    private Future<?> comparing;

    ComparePanel(BaselineService baselines, AsyncTaskExecutor tasks, long workspaceId, String me) {
        this.baselines = baselines;
        this.tasks = tasks;
        this.workspaceId = workspaceId;
        this.me = me;
        setPadding(false);
        setWidthFull();
        sideA.setId("compare-a");
        sideA.setLabel("Side A");
        sideB.setId("compare-b");
        sideB.setLabel("Side B");
        sideA.setItemLabelGenerator(s -> sideLabels.getOrDefault(s, s));
        sideB.setItemLabelGenerator(s -> sideLabels.getOrDefault(s, s));
        sideA.setWidth("18rem");
        sideB.setWidth("18rem");
        errors.register("a", sideA);
        errors.register("b", sideB);
        compare.setId("compare-button");
        compare.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        compare.addClickListener(e -> compare());
        progress.setIndeterminate(true);
        progress.setWidth("8rem");
        progress.setVisible(false);
        cancel.setId("compare-cancel");
        cancel.setVisible(false);
        cancel.addClickListener(e -> {
            if (comparing != null) {
                comparing.cancel(true);
            }
        });
        HorizontalLayout controls = new HorizontalLayout(sideA, sideB, compare, progress, cancel);
        controls.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(Headings.section("Compare"), controls, errors.area(), comparison);
    }

    /**
     * Offers the current workspace, its parent (for a variant) and {@code list}'s baselines as sides; a side
     * still offered stays chosen, else A is the latest baseline (or the parent, or current) and B current.
     */
    void setSides(List<Baselines.Baseline> list, boolean variant) {
        sideLabels.clear();
        sideLabels.put(BaselineService.CURRENT, "Current");
        if (variant) {
            sideLabels.put(BaselineService.PARENT, "Parent (current)");
        }
        for (Baselines.Baseline b : list) {
            sideLabels.put(BaselineService.BASELINE_PREFIX + b.id(), "Baseline " + b.name());
        }
        String a = sideA.getValue();
        String b = sideB.getValue();
        List<String> sides = new ArrayList<>(sideLabels.keySet());
        sideA.setItems(sides);
        sideB.setItems(sides);
        String defaultA = !list.isEmpty() ? BaselineService.BASELINE_PREFIX + list.get(list.size() - 1).id()
                : variant ? BaselineService.PARENT : BaselineService.CURRENT;
        sideA.setValue(a != null && sides.contains(a) ? a : defaultA);
        sideB.setValue(b != null && sides.contains(b) ? b : BaselineService.CURRENT);
    }

    /** Makes {@code baseline} side A, as after freezing it: the next comparison shows what changed since. */
    void compareFrom(Baselines.Baseline baseline) {
        sideA.setValue(BaselineService.BASELINE_PREFIX + baseline.id());
    }

    /**
     * Compares in the background: over a span of years the ranking re-runs the analysis once per change and
     * takes seconds. Progress shows meanwhile, and Cancel stops it (the service checks between changes).
     */
    private void compare() {
        errors.clear();
        UI ui = UI.getCurrent();
        String a = sideA.getValue();
        String b = sideB.getValue();
        setComparing(true);
        comparing = tasks.submit(() -> {
            try {
                Comparison c = baselines.compare(workspaceId, a, b, me);
                ui.access(() -> {
                    setComparing(false);
                    comparison.show(c);
                });
            } catch (RuntimeException ex) {
                ui.access(() -> {
                    setComparing(false);
                    if (ex instanceof InvalidInputException invalid) {
                        errors.show(invalid);
                    } else {
                        errors.showText(ex instanceof CancellationException ? "Comparison cancelled."
                                : ex.getMessage());
                    }
                });
            }
        });
    }

    private void setComparing(boolean running) {
        compare.setEnabled(!running);
        progress.setVisible(running);
        cancel.setVisible(running);
        if (!running) {
            comparing = null;
        }
    }
}
