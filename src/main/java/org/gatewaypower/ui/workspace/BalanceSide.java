package org.gatewaypower.ui.workspace;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.theme.lumo.LumoUtility.Overflow;
import com.vaadin.flow.theme.lumo.LumoUtility.Whitespace;
import com.vaadin.flow.theme.lumo.LumoUtility.Padding;

import org.gatewaypower.analysis.BalanceReport;
import org.gatewaypower.analysis.BalanceService;
import org.gatewaypower.collaboration.LiveBalances;
import org.gatewaypower.workspace.ReadModels;

/**
 * The right-hand side of a workspace: the life toggle, the results and the design case that sets them, scrolling
 * on its own. It computes the balance it shows: the node's shared one at end of life, its own at beginning of life.
 */
final class BalanceSide extends VerticalLayout {

    /** A balance, or why there is none. */
    record Computed(BalanceReport report, String problem) {
    }

    private final BalanceService balances;
    private final DesignCasePanel designCase;
    /** The design case folded under a one-line summary of what it sets, above the results it drives. */
    private final Span caseSummary = new Span("Design case");
    private final ResultsPanel results = new ResultsPanel();
    private final LifeToggle lifeToggle = new LifeToggle();
    /** Mirrors the life toggle for computations off the UI thread. */
    private volatile boolean showBol;

    /** @param lifeChanged runs when the user switches between end and beginning of life */
    BalanceSide(BalanceService balances, DesignCasePanel designCase, Runnable lifeChanged) {
        this.balances = balances;
        this.designCase = designCase;
        lifeToggle.addValueChangeListener(e -> {
            showBol = e.getValue() == LifeToggle.Life.BOL;
            if (e.isFromClient()) {
                lifeChanged.run();
            }
        });
        // The case's settings fold into one line at the top, so that the verdict, the figures and the chart come
        // first (they are what an edit on the left changes) and the settings are one click away, not pages below.
        caseSummary.setId("design-case-summary");
        // The summary wraps rather than widening the pane (a details summary does not wrap by itself).
        caseSummary.addClassName(Whitespace.NORMAL);
        Details caseDetails = new Details(caseSummary, designCase);
        caseDetails.setId("design-case-details");
        caseDetails.setWidthFull();
        add(lifeToggle, caseDetails, results);
        setId("results-pane");
        setPadding(false);
        addClassNames(Overflow.AUTO, Padding.Left.MEDIUM);
        setHeightFull();
    }

    /** The balance of a snapshot as this side shows it; touches no component, so any thread may run it. */
    Computed compute(ReadModels.WorkspaceSnapshot ws) {
        try {
            return new Computed(balances.balance(ws, showBol), null);
        } catch (RuntimeException ex) {
            return new Computed(null, problem(ex.getMessage()));
        }
    }

    /** The balance of a live update: the node's shared one unless this side shows beginning of life. */
    Computed compute(LiveBalances.LiveUpdate update) {
        if (showBol) {
            return compute(update.snapshot());
        }
        return update.report() != null ? new Computed(update.report(), null)
                : new Computed(null, problem(update.failure()));
    }

    /** Shows the design case as saved and the results, or the reason there are none. */
    void show(ReadModels.WorkspaceSnapshot ws, Computed computed) {
        if (ws.designCase() != null) {
            designCase.show(ws.designCase());
            ReadModels.DesignCase dc = ws.designCase();
            String mode = ws.modes().stream().filter(m -> m.id() == dc.activeModeId()).map(ReadModels.Mode::name)
                    .findFirst().orElse("no mode");
            caseSummary.setText("Design case: " + mode + " · " + dc.timeline().label() + " · "
                    + dc.marginPolicy().label());
        }
        if (computed.report() != null) {
            results.show(computed.report());
        } else {
            results.showProblem(computed.problem());
        }
    }

    private static String problem(String failure) {
        return "The energy balance cannot be computed for these settings: " + failure
                + ". Correct the design case (open it above the results).";
    }
}
