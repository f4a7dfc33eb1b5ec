package org.gatewaypower.ui.eclipse;

import static org.gatewaypower.ui.eclipse.EclipseFormats.count;
import static org.gatewaypower.ui.eclipse.EclipseFormats.iso;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.theme.lumo.LumoUtility.FontSize;
import com.vaadin.flow.theme.lumo.LumoUtility.FontWeight;
import com.vaadin.flow.theme.lumo.LumoUtility.Margin;
import com.vaadin.flow.theme.lumo.LumoUtility.TextColor;

import org.gatewaypower.analysis.EclipseService;
import org.gatewaypower.ui.component.EChart;
import org.gatewaypower.ui.component.Headings;

/** The phase scan: Earth-shadow time and longest eclipse per perilune offset, and the best phase named. */
final class PhaseScanPanel extends VerticalLayout {

    private final EChart chart = new EChart();
    private final Div best = new Div();

    PhaseScanPanel() {
        setPadding(false);
        setWidthFull();
        chart.setId("phase-scan-chart");
        chart.setWidthFull();
        chart.setHeight("280px");
        Paragraph how = new Paragraph("Each bar re-runs the eclipse search over the same span with the perilune epoch "
                + "shifted by the offset, across one revolution. Shift the perilune epoch by the offset to pick an "
                + "eclipse-favourable phase: least time in the Earth's shadow first, then the shortest longest "
                + "eclipse.");
        how.addClassNames(Margin.NONE, FontSize.SMALL, TextColor.SECONDARY);
        best.setId("phase-best");
        best.addClassName(FontWeight.SEMIBOLD);
        VerticalLayout box = new VerticalLayout(how, chart, best);
        box.setPadding(false);
        box.setSpacing(false);
        box.setWidthFull();
        add(Headings.section("Phase scan"), box);
    }

    /** Shows a scan's chart option (built off the UI thread) and its best phase. */
    void show(String option, EclipseService.PhasePoint bestPhase) {
        chart.setOption(option);
        best.setText(bestText(bestPhase));
    }

    /** Least Earth-shadow time (to 0.01 h, as shown) first, then the shortest longest eclipse. */
    static EclipseService.PhasePoint best(List<EclipseService.PhasePoint> scan) {
        return scan.stream().min(Comparator.comparingDouble((EclipseService.PhasePoint p) ->
                        Math.round(p.earthShadowHours() * 100))
                .thenComparingDouble(EclipseService.PhasePoint::longestEclipseMinutes)).orElse(null);
    }

    static String bestText(EclipseService.PhasePoint best) {
        if (best == null) {
            return "";
        }
        return String.format(Locale.US, "Best phase: offset +%.2f h%s → perilune epoch %s: %.2f h in Earth shadow, "
                        + "longest eclipse %.1f min, %s.", best.offsetHours(),
                best.offsetHours() == 0 ? " (the phase entered)" : "", iso(best.perilune()), best.earthShadowHours(),
                best.longestEclipseMinutes(), count(best.eclipseCount(), "eclipse"));
    }
}
