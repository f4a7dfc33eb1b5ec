package org.gatewaypower.ui.workspace;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.theme.lumo.LumoUtility;

import org.gatewaypower.analysis.BalanceReport;
import org.gatewaypower.analysis.Visit;
import org.gatewaypower.units.Units;

/**
 * The visiting vehicles of a calendar run under the results: per docking its window, the MEV draw it puts on the
 * station, its export and what it does to the run's minimum state of charge (with against without it).
 */
final class VisitsNote extends Div {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    VisitsNote() {
        setId("result-visits");
        addClassNames(LumoUtility.FontSize.XSMALL, LumoUtility.TextColor.SECONDARY);
    }

    void show(BalanceReport r) {
        List<Visit> visits = r.visits();
        setVisible(!visits.isEmpty());
        setText(visits.isEmpty() ? "" : "Visiting vehicles: " + String.join("; ", visits.stream()
                .map(VisitsNote::line).toList()));
    }

    static String line(Visit v) {
        String window = v.vehicleName() + " " + DAY.format(v.from()) + " to " + DAY.format(v.to()) + " UTC";
        if (!v.inRun()) {
            return window + " (outside the run, not counted)";
        }
        String effect = v.minSocEffectPoints() == null ? ""
                : ", minimum SOC " + Units.percent(v.minSocWith()) + " with, " + Units.percent(v.minSocWithout())
                        + " without (" + Units.pointsDelta(v.minSocWith() - v.minSocWithout()) + ")";
        return window + ": draws " + Units.kw(v.mevAverageW()) + " (peak " + Units.kw(v.mevPeakW()) + "), exports "
                + Units.kw(v.exportW()) + effect;
    }
}
