package org.gatewaypower.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Image;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPTable;

import org.gatewaypower.analysis.BalanceReport;
import org.gatewaypower.analysis.EclipseService;
import org.gatewaypower.physics.eclipse.EclipseStatistics;
import org.gatewaypower.physics.energy.SunlightTimeline;
import org.gatewaypower.units.Units;
import org.gatewaypower.workspace.ReadModels;

/**
 * Sections 2 and 3 of the report: the state of charge and power charts of the run (and of its deepest eclipse),
 * and the eclipses of the orbit the analysis ran on.
 */
final class RunSections {

    private final ReportService.ReportContent c;
    private final PdfStyle style;

    RunSections(ReportService.ReportContent c, PdfStyle style) {
        this.c = c;
        this.style = style;
    }

    void charts(Document doc) {
        doc.add(style.heading("2  State of charge and power over the run", style.h1, 0));
        BalanceReport r = c.balance();
        if (r == null) {
            doc.add(new Paragraph("No analysis case: no run to chart.", style.body));
            return;
        }
        doc.add(PdfStyle.spaced(new Paragraph("Exact event states of the end-of-life run with MEV loads, on the "
                + r.illumination() + ". Shaded bands are eclipses.", style.muted), 0, 6));
        chart(doc, ChartImages.stateOfCharge(r, style.chartFont), "Figure 1 · State of charge (%) with the state-of-charge "
                + "floor (dashed).");
        chart(doc, ChartImages.power(r, style.chartFont), "Figure 2 · Array generation at the bus, MEV load and battery "
                + "power (kW; positive while charging).");
        double[] window = deepestEclipseWindow(r);
        if (window != null) {
            doc.newPage();
            doc.add(style.heading("The eclipse of the lowest state of charge", style.h2, 0));
            doc.add(PdfStyle.spaced(new Paragraph("The same run from " + Units.hours(window[0]) + " to "
                    + Units.hours(window[1]) + ": the eclipse in which the state of charge is lowest and the "
                    + "recharge after it.", style.muted), 0, 6));
            chart(doc, ChartImages.stateOfCharge(r, style.chartFont, window[0], window[1]), "Figure 3 · State of charge (%) "
                    + "through the eclipse of the lowest state of charge.");
            chart(doc, ChartImages.power(r, style.chartFont, window[0], window[1]), "Figure 4 · Generation, MEV load and "
                    + "battery power (kW) through the same eclipse.");
        }
    }

    /**
     * From before the eclipse of the lowest state of charge to after its recharge (s from the start of the
     * run); null when there is no such eclipse or it already fills much of the run's chart.
     */
    static double[] deepestEclipseWindow(BalanceReport r) {
        SunlightTimeline.Interval e = r.eclipseOfMinimum();
        if (e == null || r.timeline().isEmpty()) {
            return null;
        }
        Double recharge = r.battery().rechargeTimeS();
        double after = recharge == null ? 2 * e.durationS() : Math.max(recharge, 0.5 * e.durationS());
        double from = Math.max(0, e.startS() - 0.5 * e.durationS());
        double to = Math.min(r.spanS(), e.endS() + after + 0.5 * e.durationS());
        return to - from < 0.5 * r.spanS() ? new double[] {from, to} : null;
    }

    void chart(Document doc, byte[] png, String caption) {
        try {
            Image image = Image.getInstance(png);
            float width = doc.getPageSize().getWidth() - 2 * PdfStyle.MARGIN;
            image.scaleToFit(width, width * ChartImages.HEIGHT / ChartImages.WIDTH);
            image.setAlignment(Element.ALIGN_CENTER);
            doc.add(image);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        doc.add(PdfStyle.spaced(new Paragraph(caption, style.muted), 2, 10));
    }

    void eclipseStatistics(Document doc) {
        doc.add(style.heading("3  Eclipses", style.h1, 8));
        ReadModels.DesignCase dc = c.workspace().designCase();
        if (dc == null) {
            doc.add(new Paragraph("No analysis case: no orbit.", style.body));
            return;
        }
        BalanceReport r = c.balance();
        if (c.catalogue() == null) {
            doc.add(new Paragraph("The analysis runs on the hand-sizing design orbit: one eclipse of full umbra per "
                    + "orbit, then sunlight, at 1 AU.", style.body));
            PdfPTable t = style.table(new float[] {2, 3});
            style.fact(t, "Orbit period", Units.hours(dc.orbitPeriodS()) + " (" + Units.number("%.4f d",
                    dc.orbitPeriodS() / 86_400) + ")");
            style.fact(t, "Eclipse duration", Units.minutes(dc.eclipseDurationS()));
            style.fact(t, "Sunlit share of the orbit", Units.percent(1 - dc.eclipseDurationS() / dc.orbitPeriodS()));
            doc.add(PdfStyle.spaced(t, 6, 0));
            return;
        }
        EclipseService.Catalogue cat = c.catalogue();
        doc.add(new Paragraph("The analysis runs on the 9:2 NRHO placed with the ephemerides from "
                + PdfStyle.STAMP.format(cat.orbitCase().from()) + " to " + PdfStyle.STAMP.format(cat.orbitCase().to())
                + ", perilune epoch " + PdfStyle.STAMP.format(cat.orbitCase().perilune()) + ". Passes cut by the span's "
                + "edges count but are left out of the durations.", style.body));
        PdfPTable t = style.table(new float[] {1, 0.8f, 0.8f, 1, 1, 1, 1.1f, 1.1f});
        style.head(t, "Shadow of", "Passes", "Per year", "Shortest", "Median", "Longest", "Total shadow", "Total umbra");
        for (EclipseStatistics s : cat.statistics()) {
            style.text(t, s.body().name().charAt(0) + s.body().name().substring(1).toLowerCase(Locale.ROOT));
            style.num(t, String.valueOf(s.count()));
            style.num(t, Units.number("%.1f", s.countPerYear()));
            boolean any = s.completeCount() > 0;
            style.num(t, any ? Units.minutes(s.minDurationS()) : "no complete pass");
            style.num(t, any ? Units.minutes(s.medianDurationS()) : "—");
            style.num(t, any ? Units.minutes(s.maxDurationS()) : "—");
            style.num(t, Units.hours(s.totalShadowS()));
            style.num(t, Units.hours(s.totalUmbraS()));
        }
        doc.add(PdfStyle.spaced(t, 6, 0));
        EclipseService.Eclipse w = cat.worst();
        if (w != null) {
            doc.add(PdfStyle.spaced(new Paragraph("Worst eclipse (most sunlight taken away): "
                    + w.body().name().toLowerCase(Locale.ROOT) + " shadow from " + PdfStyle.STAMP.format(w.start()) + ", "
                    + Units.minutes(w.durationSeconds()) + " long, lowest lit fraction "
                    + Units.percent(w.minLitFraction()) + ", sunlight lost " + Units.minutes(w.lostSunSeconds())
                    + ". In the energy-balance run: " + r.eclipseCount() + " passes, longest "
                    + Units.minutes(r.longestEclipseS()) + ".", style.small), 6, 0));
        }
    }
}
