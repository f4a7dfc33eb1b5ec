package org.gatewaypower.ui.workspace;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.theme.lumo.LumoUtility;

import org.gatewaypower.analysis.BalanceReport;
import org.gatewaypower.analysis.ModeSizing;
import org.gatewaypower.physics.energy.EnergyLedger;
import org.gatewaypower.units.Units;
import org.gatewaypower.ui.component.EChart;

/** Figures, checks, ledger and chart of the design-case energy balance. */
final class ResultsPanel extends VerticalLayout {

    private final Div verdict = new Div();
    private final Span verdictBadge = new Span();
    private final Span verdictText = new Span();
    private final FlexLayout cards = new FlexLayout();
    private final Grid<BalanceReport.Check> checks = new Grid<>();
    private final EChart chart = new EChart();
    private final Div ledger = new Div();
    private final Span illumination = new Span();
    private final MissionNote mission = new MissionNote();
    private final Grid<BalanceReport.LifeCase> life = new Grid<>();
    private final Grid<ModeSizing> sizing = new Grid<>();
    private final Div shed = new Div();
    private final VisitsNote visits = new VisitsNote();

    ResultsPanel() {
        setPadding(false);
        cards.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        cards.addClassName(LumoUtility.Gap.SMALL);
        cards.setWidthFull();
        chart.setId("balance-chart");
        chart.setWidthFull();
        chart.setHeight("330px");
        checks.setId("checks");
        // Figures and rules are sentences an engineer reads in full: wrap them rather than cut them.
        checks.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER,
                GridVariant.LUMO_WRAP_CELL_CONTENT);
        checks.addComponentColumn(c -> {
            Span s = new Span(c.passed() ? "PASS" : "FAIL");
            s.getElement().getThemeList().add("badge " + (c.passed() ? "success" : "error"));
            return s;
        }).setHeader("").setWidth("5.5rem").setFlexGrow(0);
        checks.addColumn(BalanceReport.Check::caseName).setHeader("Case").setWidth("8rem").setFlexGrow(0);
        checks.addColumn(BalanceReport.Check::name).setHeader("Check").setWidth("11rem").setFlexGrow(0);
        checks.addColumn(BalanceReport.Check::figures).setHeader("Figures").setFlexGrow(2);
        checks.addColumn(BalanceReport.Check::rule).setHeader("Rule").setFlexGrow(3);
        checks.setAllRowsVisible(true);
        ledger.setId("ledger");
        ledger.addClassNames(LumoUtility.FontSize.XSMALL, LumoUtility.TextColor.SECONDARY);
        illumination.setId("result-illumination");
        illumination.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
        life.setId("life-cases");
        life.addThemeVariants(GridVariant.LUMO_COMPACT);
        life.addColumn(BalanceReport.LifeCase::name).setHeader("Case").setWidth("9rem").setFlexGrow(0);
        life.addColumn(l -> String.format(java.util.Locale.US, "%.1f", l.arrayAgeYears())).setHeader("Array age (y)");
        life.addColumn(l -> Units.kw(l.sunlitGenerationW())).setHeader("Array at bus");
        life.addColumn(l -> Units.kw(l.sustainableLoadW())).setHeader("Sustainable");
        life.addColumn(l -> Units.percent(l.powerMargin())).setHeader("Margin");
        life.addColumn(l -> Units.percent(l.minStateOfCharge())).setHeader("Min SOC");
        life.addColumn(l -> Units.kwh(l.shedJ() + l.unservedJ())).setHeader("Shed + unserved");
        life.addColumn(ResultsPanel::lifeVerdict).setHeader("Checks").setFlexGrow(2);
        life.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        life.setAllRowsVisible(true);
        sizing.setId("mode-sizing");
        sizing.addThemeVariants(GridVariant.LUMO_COMPACT);
        sizing.addColumn(ModeSizing::modeName).setHeader("Operating mode");
        sizing.addColumn(m -> Units.kw(m.mevAverageW())).setHeader("MEV load");
        sizing.addColumn(m -> Units.kw(m.maxExtraLoadW())).setHeader("Room for extra load (all checks pass)");
        sizing.setAllRowsVisible(true);
        shed.setId("shed-loads");
        shed.addClassName(LumoUtility.FontSize.SMALL);
        verdict.setId("verdict");
        verdictBadge.setId("verdict-badge");
        verdictText.setId("verdict-text");
        verdict.add(verdictBadge, verdictText);
        verdict.addClassNames(LumoUtility.Padding.SMALL, LumoUtility.BorderRadius.MEDIUM, LumoUtility.Display.FLEX,
                LumoUtility.AlignItems.CENTER, LumoUtility.Gap.SMALL, LumoUtility.FontSize.SMALL);
        verdict.setWidthFull();
        verdict.addClassName(LumoUtility.BoxSizing.BORDER);
        verdictBadge.addClassNames(LumoUtility.FontSize.LARGE, LumoUtility.FontWeight.BOLD);
        Span lifeNote = new Span("Each case runs the same loads and orbit. BOL: arrays new at the start of the run; "
                + "batteries, like at EOL, judged at the end of the run with their calendar fade over the span. The "
                + "results above and the BOL row show the same run.");
        lifeNote.addClassNames(LumoUtility.FontSize.XSMALL, LumoUtility.TextColor.SECONDARY);
        add(verdict, cards, chart, illumination, mission, checks, shed, visits, new com.vaadin.flow.component.html.H5(
                "Beginning and end of life"), lifeNote, life, new com.vaadin.flow.component.html.H5(
                "Source-driven sizing at end of life"), sizing, ledger);
    }

    /** Shows why there are no results, in place of them. */
    void showProblem(String problem) {
        verdict.setVisible(false);
        cards.removeAll();
        Span p = new Span(problem);
        p.setId("result-problem");
        p.addClassName(LumoUtility.TextColor.ERROR);
        cards.add(p);
        illumination.setText("");
        mission.setVisible(false);
        checks.setItems(java.util.List.of());
        life.setItems(java.util.List.of());
        sizing.setItems(java.util.List.of());
        shed.setText("");
        visits.setText("");
        chart.setOption("{}");
        ledger.setText("");
    }

    void show(BalanceReport r) {
        showVerdict(r);
        cards.removeAll();
        illumination.setText("Energy balance on the " + r.illumination() + " · " + r.eclipseCount()
                + (r.eclipseCount() == 1 ? " eclipse" : " eclipses") + ", longest " + Units.minutes(r.longestEclipseS())
                + " · span " + Units.hours(r.spanS()));
        mission.show(r.mission());
        BalanceReport.BatteryResult b = r.battery();
        if (b != null) {
            cards.add(card("result-min-soc", "Minimum state of charge", Units.percent(b.minStateOfCharge()),
                    "MEV loads · CBE " + Units.percent(b.minStateOfChargeCbe()) + " · floor "
                            + Units.percent(b.minStateOfChargeLimit()) + " · " + r.whereMinimum()));
            cards.add(card("result-max-dod", "Max depth of discharge", Units.percent(b.maxDepthOfDischarge()),
                    "limit " + Units.percent(b.maxDepthOfDischargeLimit())));
            cards.add(card("result-eclipse-energy", "Energy drawn in eclipse", Units.kwh(b.eclipseEnergyDrawnJ()),
                    "of " + Units.kwh(b.capacityJ()) + " · recharge "
                            + (r.eclipseCount() == 0 ? "no eclipse in the run"
                            : b.rechargeTimeS() == null ? "not within the run" : Units.hours(b.rechargeTimeS()))));
            cards.add(card("result-unserved", "Unserved energy", Units.kwh(b.ledger().unservedJ()),
                    "shed at floor " + Units.kwh(b.ledger().shedJ()) + " · off in eclipse by policy "
                            + Units.kwh(b.ledger().offInEclipseJ()) + " · curtailed " + Units.kwh(b.ledger().curtailedJ())));
        } else {
            cards.add(card("result-min-soc", "Minimum state of charge", "—", "no battery in this workspace"));
        }
        cards.add(card("result-avg-load", "Orbit-average load", Units.kw(r.mevAverageLoadW()),
                "MEV · CBE " + Units.kw(r.cbeAverageLoadW())));
        cards.add(card("result-peak-load", "Peak load", Units.kw(r.mevPeakLoadW()),
                "MEV · CBE " + Units.kw(r.cbePeakLoadW())));
        cards.add(card("result-generation", "Array power at bus", Units.kw(r.sunlitGenerationW()),
                "sunlit · orbit average " + Units.kw(r.orbitAverageGenerationW())));
        cards.add(card("result-margin", "Power margin", Double.isFinite(r.powerMargin())
                        ? org.gatewaypower.analysis.PercentText.beside(r.powerMargin(), r.requiredMargin()) + " %" : "—",
                "sustainable " + Units.kw(r.sustainableLoadW()) + " · need ≥ "
                        + Units.percent(r.requiredMargin()) + " · allocation " + Units.kw(r.allocationW())));
        checks.setItems(checkRows(r));
        life.setItems(r.lifeCases());
        sizing.setItems(r.sizing());
        shed.setText(b == null || b.shedding().isEmpty() ? "No load shed."
                : "Shed loads: " + String.join("; ", b.shedding().stream().map(x -> String.format(java.util.Locale.US,
                        "%s %s %.2f–%.2f h, %s (up to %s)", x.priority().label().toLowerCase(java.util.Locale.ROOT),
                        x.cause().label(), x.startS() / 3600, x.endS() / 3600, Units.kwh(x.energyJ()), Units.kw(x.maxPowerW())))
                        .toList()));
        chart.setOption(BalanceChart.option(r));
        visits.show(r);
        if (b != null) {
            EnergyLedger l = b.ledger();
            ledger.setText("Energy ledger over the orbit (MEV): arrays available " + Units.kwh(l.availableJ())
                    + (l.importedJ() > 0 ? " + docked vehicles' export drawn " + Units.kwh(l.importedJ()) : "")
                    + " = delivered to loads " + Units.kwh(l.deliveredJ()) + " + stored change "
                    + Units.kwh(l.storedChangeJ()) + " + losses " + Units.kwh(l.lossesJ()) + " (path "
                    + Units.kwh(l.pathLossJ()) + ", battery " + Units.kwh(l.chargeLossJ() + l.dischargeLossJ())
                    + ") + curtailed " + Units.kwh(l.curtailedJ()) + ". Loads asked for " + Units.kwh(l.demandJ())
                    + " = delivered " + Units.kwh(l.deliveredJ()) + " + shed at the floor " + Units.kwh(l.shedJ())
                    + " + off in eclipse by policy " + Units.kwh(l.offInEclipseJ()) + " + unserved "
                    + Units.kwh(l.unservedJ()) + "; closure error "
                    + String.format(java.util.Locale.US, "%.1e", l.relativeClosureError()));
        } else {
            ledger.setText("");
        }
    }

    /**
     * The overall verdict as a coloured banner: PASS only when every check of every life case passes;
     * otherwise the failing cases, each with its failing checks.
     */
    private void showVerdict(BalanceReport r) {
        boolean pass = r.allChecksPass();
        verdict.setVisible(true);
        verdict.removeClassNames(LumoUtility.Background.SUCCESS_10, LumoUtility.Background.ERROR_10,
                LumoUtility.TextColor.SUCCESS, LumoUtility.TextColor.ERROR);
        verdict.addClassNames(pass ? LumoUtility.Background.SUCCESS_10 : LumoUtility.Background.ERROR_10,
                pass ? LumoUtility.TextColor.SUCCESS : LumoUtility.TextColor.ERROR);
        verdictBadge.setText(r.verdict());
        verdictBadge.getElement().getThemeList().clear();
        verdictBadge.getElement().getThemeList().add("badge primary " + (pass ? "success" : "error"));
        verdictText.setText(verdictText(r));
    }

    /** The verdict in words: which cases were judged, and which fail on which checks. */
    static String verdictText(BalanceReport r) {
        java.util.List<String> judged = r.lifeCases().isEmpty()
                ? r.checks().stream().map(BalanceReport.Check::caseName).distinct().toList()
                : r.lifeCases().stream().map(BalanceReport.LifeCase::name).toList();
        if (r.allChecksPass()) {
            return "Every check passes in every case: " + String.join(" · ", judged) + ".";
        }
        java.util.Map<String, java.util.List<String>> byCase = new java.util.LinkedHashMap<>();
        r.failingCases().forEach(c -> byCase.put(c, new java.util.ArrayList<>()));
        r.failingChecks().forEach(c -> byCase.computeIfAbsent(c.caseName(), k -> new java.util.ArrayList<>())
                .add(c.name()));
        return "Fails in " + String.join("; ", byCase.entrySet().stream()
                .map(e -> e.getKey() + " (" + String.join(", ", e.getValue()) + ")").toList())
                + ". Judged: " + String.join(" · ", judged) + ".";
    }

    /** The failing checks of every case first, then the passing checks of the case shown. */
    static java.util.List<BalanceReport.Check> checkRows(BalanceReport r) {
        java.util.List<BalanceReport.Check> rows = new java.util.ArrayList<>(r.failingChecks());
        r.checks().stream().filter(BalanceReport.Check::passed).forEach(rows::add);
        return rows;
    }

    private static String lifeVerdict(BalanceReport.LifeCase l) {
        return l.allChecksPass() ? "all pass" : "fails: " + String.join(", ", l.checks().stream()
                .filter(c -> !c.passed()).map(BalanceReport.Check::name).toList());
    }

    private static Component card(String id, String title, String value, String detail) {
        Div card = new Div();
        // gp-result-card (styles/gateway.css): the cards' shared width, which no utility sets.
        card.addClassNames("gp-result-card", LumoUtility.Border.ALL, LumoUtility.BorderRadius.MEDIUM,
                LumoUtility.Padding.Vertical.XSMALL, LumoUtility.Padding.Horizontal.SMALL);
        Span t = new Span(title);
        t.addClassNames(LumoUtility.Display.BLOCK, LumoUtility.FontSize.XSMALL, LumoUtility.TextColor.SECONDARY);
        Span v = new Span(value);
        v.setId(id);
        v.addClassNames(LumoUtility.Display.BLOCK, LumoUtility.FontSize.LARGE, LumoUtility.FontWeight.SEMIBOLD);
        Span d = new Span(detail);
        d.addClassNames(LumoUtility.Display.BLOCK, LumoUtility.FontSize.XXSMALL, LumoUtility.TextColor.SECONDARY);
        card.add(t, v, d);
        return card;
    }
}
