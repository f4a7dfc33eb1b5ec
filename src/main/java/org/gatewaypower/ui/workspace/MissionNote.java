package org.gatewaypower.ui.workspace;

import java.util.Locale;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.theme.lumo.LumoUtility;

import org.gatewaypower.analysis.BalanceReport;
import org.gatewaypower.units.Units;

/**
 * Where the design eclipse came from and what the mission span holds beyond it: the source and the pass,
 * warnings with their dates, and the eclipse coverage's failing passes.
 */
final class MissionNote extends Div {

    /** Failing passes listed by name; the count says how many there are. */
    private static final int LISTED = 5;

    private final Span source = new Span();
    private final Div warnings = new Div();
    private final Div failing = new Div();

    MissionNote() {
        setId("mission-note");
        addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN,
                LumoUtility.Gap.XSMALL);
        source.setId("design-eclipse-source");
        warnings.setId("design-eclipse-warnings");
        warnings.addClassNames(LumoUtility.TextColor.WARNING_CONTRAST, LumoUtility.Background.WARNING_10,
                LumoUtility.Padding.XSMALL, LumoUtility.BorderRadius.SMALL);
        failing.setId("coverage-failing");
        failing.addClassNames(LumoUtility.TextColor.ERROR);
        add(source, warnings, failing);
    }

    void show(BalanceReport.Mission m) {
        setVisible(m != null);
        if (m == null) {
            return;
        }
        BalanceReport.Pass p = m.designPass();
        source.setText("Design eclipse " + Units.minutes(m.designEclipseS()) + " · " + m.source()
                + (p == null ? "" : " (" + p.body() + " pass of " + stamp(p.start()) + ")") + " · mission span "
                + day(m.from()) + " – " + day(m.to()) + " · eclipse coverage: " + m.passesJudged() + " complete "
                + (m.passesJudged() == 1 ? "pass" : "passes") + " judged");
        warnings.removeAll();
        m.notes().forEach(n -> warnings.add(new Div(n)));
        warnings.setVisible(!m.notes().isEmpty());
        failing.removeAll();
        int shown = 0;
        for (BalanceReport.CoveredPass f : m.failingPasses()) {
            if (shown++ == LISTED) {
                failing.add(new Div("… and " + (m.failingPasses().size() - LISTED) + " more (the API and the PDF "
                        + "list every one)"));
                break;
            }
            failing.add(new Div(String.format(Locale.ROOT, "%s %s pass, %s: %s", stamp(f.pass().start()),
                    f.pass().body(), Units.minutes(f.pass().durationS()), String.join(", ", f.broken()))));
        }
        failing.setVisible(!m.failingPasses().isEmpty());
    }

    private static String stamp(java.time.Instant t) {
        return t.toString().substring(0, 16).replace('T', ' ') + " UTC";
    }

    private static String day(java.time.Instant t) {
        return t.toString().substring(0, 10);
    }
}
