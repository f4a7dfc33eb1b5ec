package org.gatewaypower.ui.eclipse;

import static org.gatewaypower.ui.eclipse.EclipseFormats.bodyName;
import static org.gatewaypower.ui.eclipse.EclipseFormats.iso;

import java.util.Locale;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.theme.lumo.LumoUtility.Border;
import com.vaadin.flow.theme.lumo.LumoUtility.BorderRadius;
import com.vaadin.flow.theme.lumo.LumoUtility.Display;
import com.vaadin.flow.theme.lumo.LumoUtility.FontSize;
import com.vaadin.flow.theme.lumo.LumoUtility.FontWeight;
import com.vaadin.flow.theme.lumo.LumoUtility.Gap;
import com.vaadin.flow.theme.lumo.LumoUtility.Margin;
import com.vaadin.flow.theme.lumo.LumoUtility.Padding;
import com.vaadin.flow.theme.lumo.LumoUtility.TextAlignment;
import com.vaadin.flow.theme.lumo.LumoUtility.TextColor;
import com.vaadin.flow.theme.lumo.LumoUtility.TextTransform;

import org.gatewaypower.analysis.EclipseService;
import org.gatewaypower.physics.eclipse.EclipseStatistics;
import org.gatewaypower.physics.eclipse.Occulter;

/** Three cards side by side: Earth-shadow and Moon-shadow statistics, and the worst eclipse of the span. */
final class EclipseStatisticsCards extends FlexLayout {

    private final Div earthStats = card("eclipse-stats-earth");
    private final Div moonStats = card("eclipse-stats-moon");
    private final Div worst = card("eclipse-worst");

    EclipseStatisticsCards() {
        add(earthStats, moonStats, worst);
        setFlexWrap(FlexWrap.WRAP);
        addClassName(Gap.SMALL);
        setWidthFull();
    }

    void show(EclipseService.Catalogue cat) {
        for (EclipseStatistics s : cat.statistics()) {
            fillStats(s.body() == Occulter.EARTH ? earthStats : moonStats, s);
        }
        fillWorst(cat.worst());
    }

    private static void fillStats(Div box, EclipseStatistics s) {
        box.removeAll();
        box.add(cardTitle(bodyName(s.body()) + " shadow"));
        Div table = new Div();
        // gp-stats-table (styles/gateway.css): two columns as wide as their content, which no utility sets.
        table.addClassNames("gp-stats-table", Display.GRID, Gap.Column.MEDIUM, FontSize.SMALL);
        boolean any = s.completeCount() > 0;
        int cut = s.count() - s.completeCount();
        row(table, "Eclipses", String.format(Locale.US, "%d (%.1f per year)", s.count(), s.countPerYear())
                + (cut > 0 ? ", " + cut + " cut by the span's edge" : ""));
        // Durations come from complete passes only: a pass cut by the span's edge is as long as the span lets it be.
        row(table, "Duration min / median / max", any ? String.format(Locale.US, "%.1f / %.1f / %.1f min",
                s.minDurationS() / 60, s.medianDurationS() / 60, s.maxDurationS() / 60)
                : s.count() > 0 ? "no complete pass in the span" : "—");
        row(table, "Total in shadow", String.format(Locale.US, "%.2f h", s.totalShadowS() / 3600));
        row(table, "Total in umbra", String.format(Locale.US, "%.2f h", s.totalUmbraS() / 3600));
        box.add(table);
    }

    private void fillWorst(EclipseService.Eclipse e) {
        worst.removeAll();
        worst.add(cardTitle("Worst eclipse (most sunlight lost)"));
        Span value = new Span(e == null ? "no complete pass in the span"
                : String.format(Locale.US, "%.1f min", e.durationSeconds() / 60));
        value.addClassNames(Display.BLOCK, FontSize.XLARGE, FontWeight.SEMIBOLD);
        Span detail = new Span(e == null ? "" : bodyName(e.body()) + " shadow · starts " + iso(e.start())
                + (e.umbraStart() == null ? " · penumbral only" : "")
                + String.format(Locale.US, " · %.1f min of full Sun lost", e.lostSunSeconds() / 60));
        detail.addClassNames(Display.BLOCK, FontSize.SMALL);
        worst.add(value, detail);
    }

    private static void row(Div table, String label, String value) {
        Span l = new Span(label);
        l.addClassName(TextColor.SECONDARY);
        Span v = new Span(value);
        v.addClassNames(FontWeight.SEMIBOLD, TextAlignment.RIGHT);
        table.add(l, v);
    }

    private static Span cardTitle(String text) {
        Span t = new Span(text);
        // gp-card-title (styles/gateway.css) adds the letter spacing, for which Lumo has no utility.
        t.addClassNames("gp-card-title", Display.BLOCK, FontSize.XSMALL, TextColor.SECONDARY,
                TextTransform.UPPERCASE, Margin.Bottom.XSMALL);
        return t;
    }

    private static Div card(String id) {
        Div card = new Div();
        card.setId(id);
        // gp-card (styles/gateway.css) sets the cards' shared width, for which Lumo has no utility.
        card.addClassNames("gp-card", Border.ALL, BorderRadius.MEDIUM, Padding.Vertical.SMALL,
                Padding.Horizontal.MEDIUM);
        return card;
    }
}
