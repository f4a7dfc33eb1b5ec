package org.gatewaypower.report;

import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfAction;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfOutline;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;

import org.gatewaypower.analysis.BalanceReport;
import org.gatewaypower.analysis.EclipseService;
import org.gatewaypower.physics.eclipse.EclipseStatistics;
import org.gatewaypower.physics.energy.EnergyLedger;
import org.gatewaypower.physics.energy.SunlightTimeline;
import org.gatewaypower.workspace.AnalysisTimeline;
import org.gatewaypower.units.Units;
import org.gatewaypower.workspace.ReadModels;

/**
 * Lays out one report with OpenPDF: A4, portrait except the per-element tables (landscape, for the
 * duty column of every mode), a footer with who generated it, when, and the page number.
 */
final class ReportDocument {

    private static final String FONT = "DejaVuSansCondensed.ttf";
    private static final String FONT_BOLD = "DejaVuSansCondensed-Bold.ttf";
    private static final byte[] REGULAR = resource(FONT);
    private static final byte[] BOLD = resource(FONT_BOLD);

    private static final float MARGIN = 42;
    private static final float FOOTER_SPACE = 60;
    private static final Color INK = new Color(0x21, 0x21, 0x21);
    private static final Color MUTED = new Color(0x61, 0x61, 0x61);
    private static final Color RULE = new Color(0xBD, 0xBD, 0xBD);
    private static final Color HEADER_FILL = new Color(0xEC, 0xEF, 0xF1);
    private static final Color TOTAL_FILL = new Color(0xF5, 0xF5, 0xF5);
    private static final Color PASS = new Color(0x1B, 0x5E, 0x20);
    private static final Color FAIL = new Color(0xB7, 0x1C, 0x1C);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final ReportService.ReportContent c;
    private final Font title;
    private final Font h1;
    private final Font h2;
    private final Font body;
    private final Font small;
    private final Font smallBold;
    private final Font muted;
    private final Font cell;
    private final Font cellBold;
    private final Font cellHead;
    private final java.awt.Font chartFont;
    private final BaseFont regular;
    private PdfWriter writer;

    ReportDocument(ReportService.ReportContent content) {
        this.c = content;
        try {
            regular = BaseFont.createFont(FONT, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, REGULAR, null);
            BaseFont bold = BaseFont.createFont(FONT_BOLD, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, BOLD, null);
            chartFont = java.awt.Font.createFont(java.awt.Font.TRUETYPE_FONT, new java.io.ByteArrayInputStream(REGULAR));
            title = new Font(bold, 24, Font.NORMAL, INK);
            h1 = new Font(bold, 15, Font.NORMAL, INK);
            h2 = new Font(bold, 11, Font.NORMAL, INK);
            body = new Font(regular, 9.5f, Font.NORMAL, INK);
            small = new Font(regular, 8, Font.NORMAL, INK);
            smallBold = new Font(bold, 8, Font.NORMAL, INK);
            muted = new Font(regular, 8, Font.NORMAL, MUTED);
            cell = new Font(regular, 7.5f, Font.NORMAL, INK);
            cellBold = new Font(bold, 7.5f, Font.NORMAL, INK);
            cellHead = new Font(bold, 7.5f, Font.NORMAL, INK);
        } catch (IOException | java.awt.FontFormatException ex) {
            throw new IllegalStateException("Report fonts cannot be read", ex);
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = ReportDocument.class.getResourceAsStream(name)) {
            return Objects.requireNonNull(in, name).readAllBytes();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    void write(OutputStream out) {
        Document doc = new Document(PageSize.A4, MARGIN, MARGIN, MARGIN, FOOTER_SPACE);
        try {
            writer = PdfWriter.getInstance(doc, out);
            writer.setCloseStream(false);
            writer.setPageEvent(new Footer());
            doc.addTitle("Power budget report: " + c.workspace().name());
            doc.addAuthor(c.requestedBy().label());
            doc.addSubject(c.edition());
            doc.addCreator("Gateway Power");
            doc.open();
            cover(doc);
            doc.newPage();
            summary(doc);
            doc.newPage();
            charts(doc);
            eclipseStatistics(doc);
            doc.setPageSize(PageSize.A4.rotate());
            doc.newPage();
            elements(doc, writer);
            doc.setPageSize(PageSize.A4);
            doc.newPage();
            assumptions(doc);
            doc.close();
        } catch (DocumentException ex) {
            throw new IllegalStateException("The report could not be laid out: " + ex.getMessage(), ex);
        }
    }

    // ---------------------------------------------------------------- sections

    private void cover(Document doc) {
        ReadModels.WorkspaceSnapshot ws = c.workspace();
        doc.add(spaced(new Paragraph("Gateway Power · power budget report", muted), 60, 6));
        doc.add(spaced(new Paragraph(ws.name(), title), 0, 8));
        if (ws.description() != null && !ws.description().isBlank()) {
            doc.add(spaced(new Paragraph(ws.description(), body), 0, 14));
        }
        PdfPTable facts = table(new float[] {1.3f, 4});
        fact(facts, "Reported", c.edition());
        fact(facts, "Generated", STAMP.format(c.generatedAt()));
        fact(facts, "Requested by", c.requestedBy().label());
        fact(facts, "Partner teams", String.join(", ", ws.teams().stream().map(t -> t.name() + " (" + t.code() + ")")
                .toList()));
        fact(facts, "Contents", ws.elements().size() + " elements, " + ws.modes().size() + " operating modes, "
                + ws.loads().size() + " load items, " + ws.batteries().size() + " batteries, " + ws.arrays().size()
                + " solar arrays");
        ReadModels.DesignCase dc = ws.designCase();
        if (dc != null) {
            fact(facts, "Analysis case", ws.mode(dc.activeModeId()).name() + " mode; "
                    + (dc.timeline() == AnalysisTimeline.EPHEMERIS ? "ephemeris orbit from " + DAY.format(dc.spanStart())
                    + " UTC over " + Units.number("%.1f d", dc.spanDays())
                    : "design orbit (" + Units.hours(dc.orbitPeriodS()) + " period, "
                    + Units.minutes(dc.eclipseDurationS()) + " eclipse)") + "; array age "
                    + Units.number("%.1f years", dc.arrayAgeYears()) + "; " + dc.marginPolicy().label());
        }
        fact(facts, "Verdict", c.balance() == null ? "no analysis case: no energy balance"
                : c.balance().allChecksPass() ? "PASS: every check passes in every life case ("
                        + String.join(", ", c.balance().lifeCases().stream().map(BalanceReport.LifeCase::name).toList())
                        + ")"
                : "FAIL in " + String.join("; ", c.balance().failingCases()) + ": " + String.join(", ",
                        c.balance().failingChecks().stream().map(x -> x.caseName() + " " + x.name()).toList()));
        doc.add(facts);

        doc.add(heading("Authors", h2, 22));
        doc.add(spaced(new Paragraph("The last editor of every load item, battery, solar array and the analysis case.",
                muted), 0, 4));
        PdfPTable authors = table(new float[] {2.6f, 1, 1, 1, 1, 1.2f});
        head(authors, "Author", "Team", "Load items", "Batteries", "Solar arrays", "Analysis case");
        for (ReportService.ReportContent.Author a : c.authors()) {
            text(authors, a.person().displayName() + " (" + a.person().username() + ")");
            text(authors, a.person().teamCode() == null ? "—" : a.person().teamCode());
            num(authors, String.valueOf(a.loads()));
            num(authors, String.valueOf(a.batteries()));
            num(authors, String.valueOf(a.arrays()));
            num(authors, a.designCases() == 0 ? "—" : "yes");
        }
        doc.add(authors);

        doc.add(heading("Contents", h2, 22));
        List<String> sections = List.of("1  Summary and checks (end of life), beginning and end of life",
                "2  State of charge and power over the run", "3  Eclipses",
                "4  Operating modes and elements: loads, batteries and solar arrays",
                "5  Assumptions and limits of the models");
        for (String s : sections) {
            doc.add(new Paragraph(s, body));
        }
    }

    private void summary(Document doc) {
        doc.add(heading("1  Summary and checks", h1, 0));
        BalanceReport r = c.balance();
        if (r == null) {
            doc.add(new Paragraph("This workspace has no analysis case, so there is no energy balance to report.", body));
            return;
        }
        doc.add(spaced(new Paragraph("Standard analysis at end of life: energy balance on the " + r.illumination()
                + " · " + r.eclipseCount() + (r.eclipseCount() == 1 ? " eclipse" : " eclipses") + ", longest "
                + Units.minutes(r.longestEclipseS()) + " · span " + Units.hours(r.spanS()) + " · mode "
                + r.modeName() + " · array age " + Units.number("%.1f years", r.arrayAgeYears()), muted), 0, 6));

        PdfPTable figures = table(new float[] {1.6f, 1.1f, 4.2f});
        head(figures, "Figure", "Value", "Detail");
        BalanceReport.BatteryResult b = r.battery();
        if (b != null) {
            figure(figures, "Minimum state of charge", Units.percent(b.minStateOfCharge()), "MEV loads · CBE "
                    + Units.percent(b.minStateOfChargeCbe()) + " · floor " + Units.percent(b.minStateOfChargeLimit())
                    + " · " + r.whereMinimum());
            figure(figures, "Max depth of discharge", Units.percent(b.maxDepthOfDischarge()),
                    "limit " + Units.percent(b.maxDepthOfDischargeLimit()));
            figure(figures, "Energy drawn in eclipse", Units.kwh(b.eclipseEnergyDrawnJ()), "of "
                    + Units.kwh(b.capacityJ()) + " · recharge "
                    + (b.rechargeTimeS() == null ? "not within orbit" : Units.hours(b.rechargeTimeS())));
            figure(figures, "Unserved energy", Units.kwh(b.ledger().unservedJ()),
                    "shed " + Units.kwh(b.ledger().shedJ()) + " · off in eclipse by policy "
                            + Units.kwh(b.ledger().offInEclipseJ()) + " · curtailed "
                            + Units.kwh(b.ledger().curtailedJ()));
            figure(figures, "Battery bank", Units.kwh(b.capacityJ()), "state of charge window "
                    + Units.percent(b.minStateOfChargeLimit()) + " – " + Units.percent(b.maxStateOfChargeLimit())
                    + " · start " + Units.percent(b.initialStateOfCharge()) + " · end "
                    + Units.percent(b.finalStateOfCharge()) + " · orbits not closing " + b.orbitsNotClosing());
        } else {
            figure(figures, "Minimum state of charge", "—", "no battery in this workspace");
        }
        figure(figures, "Orbit-average load", Units.kw(r.mevAverageLoadW()), "MEV · CBE " + Units.kw(r.cbeAverageLoadW()));
        figure(figures, "Peak load", Units.kw(r.mevPeakLoadW()), "MEV · CBE " + Units.kw(r.cbePeakLoadW()));
        figure(figures, "Array power at bus", Units.kw(r.sunlitGenerationW()), "sunlit · orbit average "
                + Units.kw(r.orbitAverageGenerationW()) + " · rated at 1 AU, BOL " + Units.kw(r.arrayRatedPowerW()));
        figure(figures, "Sustainable load", Units.kw(r.sustainableLoadW()),
                "largest constant load the arrays sustain over the orbit");
        figure(figures, "Power margin", Units.percent(r.powerMargin()), "sustainable " + Units.kw(r.sustainableLoadW())
                + " · need ≥ " + Units.percent(r.requiredMargin()) + " (" + r.marginPolicy() + ") · allocation "
                + Units.kw(r.allocationW()));
        figure(figures, "Power transfer", Units.kw(r.transferDemandW()), "coincident MEV peak of the elements"
                + " without arrays (orbit average " + Units.kw(r.transferAverageW()) + ") · the power element"
                + " passes on up to " + Units.kw(r.transferLimitW()));
        BalanceReport.Mission m = r.mission();
        if (m != null) {
            BalanceReport.Pass p = m.designPass();
            figure(figures, "Design eclipse", Units.minutes(m.designEclipseS()), m.source()
                    + (p == null ? "" : " (" + p.body() + " pass of " + STAMP.format(p.start()) + ")")
                    + " · mission " + STAMP.format(m.from()) + " – " + STAMP.format(m.to()) + " · eclipse coverage: "
                    + m.passesJudged() + " complete passes, " + m.failingPasses().size() + " breaking a rule"
                    + (m.notes().isEmpty() ? "" : " · " + String.join(" ", m.notes())));
        }
        doc.add(figures);

        Paragraph checksHeading = heading("Checks", h2, 12);
        PdfPTable checks = table(new float[] {0.7f, 1.5f, 2.6f, 3.4f});
        head(checks, "Result", "Check", "Figures", "Rule");
        // The failing checks of every life case first (each naming its case), then the passing ones shown.
        List<BalanceReport.Check> rows = new java.util.ArrayList<>(r.failingChecks());
        r.checks().stream().filter(BalanceReport.Check::passed).forEach(rows::add);
        for (BalanceReport.Check k : rows) {
            PdfPCell verdict = cell(k.passed() ? "PASS" : "FAIL",
                    new Font(cellBold.getBaseFont(), cellBold.getSize(), Font.NORMAL, Color.WHITE));
            verdict.setBackgroundColor(k.passed() ? PASS : FAIL);
            verdict.setHorizontalAlignment(Element.ALIGN_CENTER);
            checks.addCell(verdict);
            checks.addCell(cell(k.name() + " (" + k.caseName() + ")", cellBold));
            text(checks, k.figures());
            text(checks, k.rule());
        }
        together(doc, checksHeading, checks);

        Paragraph lifeHeading = heading("Beginning and end of life", h2, 12);
        PdfPTable life = table(new float[] {1.3f, 0.9f, 1, 1, 0.9f, 0.9f, 1.1f, 0.8f});
        head(life, "Life", "Array age (y)", "Array at bus", "Sustainable", "Margin", "Min SOC", "Shed + unserved",
                "Checks");
        for (BalanceReport.LifeCase l : r.lifeCases()) {
            text(life, l.name());
            num(life, Units.number("%.1f", l.arrayAgeYears()));
            num(life, Units.kw(l.sunlitGenerationW()));
            num(life, Units.kw(l.sustainableLoadW()));
            num(life, Units.percent(l.powerMargin()));
            num(life, Units.percent(l.minStateOfCharge()));
            num(life, Units.kwh(l.shedJ() + l.unservedJ()));
            text(life, l.allChecksPass() ? "all pass" : "fails: " + String.join(", ", l.checks().stream()
                    .filter(x -> !x.passed()).map(BalanceReport.Check::name).toList()));
        }
        together(doc, lifeHeading, life);
        if (m != null && !m.failingPasses().isEmpty()) {
            Paragraph passesHeading = heading("Eclipses of the mission that break a rule", h2, 12);
            PdfPTable passes = table(new float[] {1.6f, 0.7f, 0.8f, 0.8f, 3.2f});
            head(passes, "Start (UTC)", "Shadow of", "Duration", "Min SOC", "Broken");
            for (BalanceReport.CoveredPass f : m.failingPasses()) {
                text(passes, STAMP.format(f.pass().start()));
                text(passes, f.pass().body());
                num(passes, Units.minutes(f.pass().durationS()));
                num(passes, Units.percent(f.minStateOfCharge()));
                text(passes, String.join(", ", f.broken()));
            }
            together(doc, passesHeading, passes);
        }

        Paragraph sizingHeading = heading("Source-driven sizing at end of life", h2, 12);
        PdfPTable sizing = table(new float[] {2, 1.2f, 2.4f});
        head(sizing, "Operating mode", "MEV load", "Room for extra load (all checks pass)");
        for (BalanceReport.ModeSizing ms : r.sizing()) {
            text(sizing, ms.modeName());
            num(sizing, Units.kw(ms.mevAverageW()));
            num(sizing, Units.kw(ms.maxExtraLoadW()));
        }
        if (b == null) {
            together(doc, sizingHeading, sizing);
        } else {
            // The two closing notes go with the sizing table: alone they would be a page of two lines.
            together(doc, sizingHeading, sizing, shedding(b), ledger(b.ledger()));
        }
    }

    /** The loads shed in the MEV run, in one paragraph of small print. */
    private Paragraph shedding(BalanceReport.BatteryResult b) {
        return spaced(new Paragraph(b.shedding().isEmpty() ? "No load shed." : "Shed loads: "
                + String.join("; ", b.shedding().stream().map(x -> String.format(Locale.US,
                "%s %s %.2f–%.2f h, %s (up to %s)", x.priority().label().toLowerCase(Locale.ROOT),
                x.cause().label(), x.startS() / 3600,
                x.endS() / 3600, Units.kwh(x.energyJ()), Units.kw(x.maxPowerW()))).toList()), small), 8, 0);
    }

    /** Where every joule of the MEV run went, in one paragraph of small print. */
    private Paragraph ledger(EnergyLedger l) {
        return spaced(new Paragraph("Energy ledger over the run (MEV): arrays available " + Units.kwh(l.availableJ())
                + " = delivered to loads " + Units.kwh(l.deliveredJ()) + " + stored change "
                + Units.kwh(l.storedChangeJ()) + " + losses " + Units.kwh(l.lossesJ()) + " (path "
                + Units.kwh(l.pathLossJ()) + ", battery " + Units.kwh(l.chargeLossJ() + l.dischargeLossJ())
                + ") + curtailed " + Units.kwh(l.curtailedJ()) + "; unserved " + Units.kwh(l.unservedJ())
                + "; closure error " + String.format(Locale.US, "%.1e", l.relativeClosureError()), muted), 4, 0);
    }

    /**
     * Adds a heading with what follows it (a table, its notes) as one block, which moves whole to the next
     * page when it does not fit on this one: no page ends with a lone heading or holds a table's last row.
     * A block taller than a page splits between its parts, as the parts alone would.
     */
    private static void together(Document doc, Element... parts) {
        PdfPTable block = new PdfPTable(1);
        block.setWidthPercentage(100);
        block.setKeepTogether(true);
        for (Element part : parts) {
            PdfPCell cell = new PdfPCell();
            cell.setBorder(Rectangle.NO_BORDER);
            cell.setPadding(0);
            cell.addElement(part);
            block.addCell(cell);
        }
        doc.add(block);
    }

    private void charts(Document doc) {
        doc.add(heading("2  State of charge and power over the run", h1, 0));
        BalanceReport r = c.balance();
        if (r == null) {
            doc.add(new Paragraph("No analysis case: no run to chart.", body));
            return;
        }
        doc.add(spaced(new Paragraph("Exact event states of the end-of-life run with MEV loads, on the "
                + r.illumination() + ". Shaded bands are eclipses.", muted), 0, 6));
        chart(doc, ChartImages.stateOfCharge(r, chartFont), "Figure 1 · State of charge (%) with the state-of-charge "
                + "floor (dashed).");
        chart(doc, ChartImages.power(r, chartFont), "Figure 2 · Array generation at the bus, MEV load and battery "
                + "power (kW; positive while charging).");
        double[] window = deepestEclipseWindow(r);
        if (window != null) {
            doc.newPage();
            doc.add(heading("The eclipse of the lowest state of charge", h2, 0));
            doc.add(spaced(new Paragraph("The same run from " + Units.hours(window[0]) + " to "
                    + Units.hours(window[1]) + ": the eclipse in which the state of charge is lowest and the "
                    + "recharge after it.", muted), 0, 6));
            chart(doc, ChartImages.stateOfCharge(r, chartFont, window[0], window[1]), "Figure 3 · State of charge (%) "
                    + "through the eclipse of the lowest state of charge.");
            chart(doc, ChartImages.power(r, chartFont, window[0], window[1]), "Figure 4 · Generation, MEV load and "
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

    private void chart(Document doc, byte[] png, String caption) {
        try {
            Image image = Image.getInstance(png);
            float width = doc.getPageSize().getWidth() - 2 * MARGIN;
            image.scaleToFit(width, width * ChartImages.HEIGHT / ChartImages.WIDTH);
            image.setAlignment(Element.ALIGN_CENTER);
            doc.add(image);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        doc.add(spaced(new Paragraph(caption, muted), 2, 10));
    }

    private void eclipseStatistics(Document doc) {
        doc.add(heading("3  Eclipses", h1, 8));
        ReadModels.DesignCase dc = c.workspace().designCase();
        if (dc == null) {
            doc.add(new Paragraph("No analysis case: no orbit.", body));
            return;
        }
        BalanceReport r = c.balance();
        if (c.catalogue() == null) {
            doc.add(new Paragraph("The analysis runs on the hand-sizing design orbit: one eclipse of full umbra per "
                    + "orbit, then sunlight, at 1 AU.", body));
            PdfPTable t = table(new float[] {2, 3});
            fact(t, "Orbit period", Units.hours(dc.orbitPeriodS()) + " (" + Units.number("%.4f d",
                    dc.orbitPeriodS() / 86_400) + ")");
            fact(t, "Eclipse duration", Units.minutes(dc.eclipseDurationS()));
            fact(t, "Sunlit share of the orbit", Units.percent(1 - dc.eclipseDurationS() / dc.orbitPeriodS()));
            doc.add(spaced(t, 6, 0));
            return;
        }
        EclipseService.Catalogue cat = c.catalogue();
        doc.add(new Paragraph("The analysis runs on the 9:2 NRHO placed with the ephemerides from "
                + STAMP.format(cat.orbitCase().from()) + " to " + STAMP.format(cat.orbitCase().to())
                + ", perilune epoch " + STAMP.format(cat.orbitCase().perilune()) + ". Passes cut by the span's "
                + "edges count but are left out of the durations.", body));
        PdfPTable t = table(new float[] {1, 0.8f, 0.8f, 1, 1, 1, 1.1f, 1.1f});
        head(t, "Shadow of", "Passes", "Per year", "Shortest", "Median", "Longest", "Total shadow", "Total umbra");
        for (EclipseStatistics s : cat.statistics()) {
            text(t, s.body().name().charAt(0) + s.body().name().substring(1).toLowerCase(Locale.ROOT));
            num(t, String.valueOf(s.count()));
            num(t, Units.number("%.1f", s.countPerYear()));
            boolean any = s.completeCount() > 0;
            num(t, any ? Units.minutes(s.minDurationS()) : "no complete pass");
            num(t, any ? Units.minutes(s.medianDurationS()) : "—");
            num(t, any ? Units.minutes(s.maxDurationS()) : "—");
            num(t, Units.hours(s.totalShadowS()));
            num(t, Units.hours(s.totalUmbraS()));
        }
        doc.add(spaced(t, 6, 0));
        EclipseService.Eclipse w = cat.worst();
        if (w != null) {
            doc.add(spaced(new Paragraph("Worst eclipse (most sunlight taken away): "
                    + w.body().name().toLowerCase(Locale.ROOT) + " shadow from " + STAMP.format(w.start()) + ", "
                    + Units.minutes(w.durationSeconds()) + " long, lowest lit fraction "
                    + Units.percent(w.minLitFraction()) + ", sunlight lost " + Units.minutes(w.lostSunSeconds())
                    + ". In the energy-balance run: " + r.eclipseCount() + " passes, longest "
                    + Units.minutes(r.longestEclipseS()) + ".", small), 6, 0));
        }
    }

    private void elements(Document doc, PdfWriter writer) {
        ReadModels.WorkspaceSnapshot ws = c.workspace();
        BalanceReport r = c.balance();
        doc.add(heading("4  Operating modes and elements", h1, 0));
        if (r != null) {
            doc.add(heading("Orbit-average MEV load per element and operating mode (kW)", h2, 4));
            float[] widths = new float[ws.modes().size() + 1];
            widths[0] = 2.2f;
            java.util.Arrays.fill(widths, 1, widths.length, 1);
            PdfPTable matrix = table(widths);
            List<String> heads = new ArrayList<>(List.of("Element (owner)"));
            ws.modes().forEach(m -> heads.add(m.name() + (m.id() == r.modeId() ? " (analysis)" : "")));
            head(matrix, heads.toArray(String[]::new));
            double[] totals = new double[ws.modes().size()];
            for (BalanceReport.ElementLoad el : r.elementLoads()) {
                ReadModels.Element e = ws.element(el.elementId());
                text(matrix, e.name() + " (" + e.ownerTeamCode() + ")");
                for (int i = 0; i < ws.modes().size(); i++) {
                    double w = el.mevByModeW().getOrDefault(ws.modes().get(i).id(), 0.0);
                    totals[i] += w;
                    num(matrix, Units.number("%,.2f", w / 1000));
                }
            }
            total(matrix, "Total");
            for (double w : totals) {
                total(matrix, Units.number("%,.2f", w / 1000));
            }
            doc.add(matrix);
        }
        for (ReadModels.Element e : ws.elements()) {
            // Keep an element's heading with the start of its table.
            if (writer.getVerticalPosition(false) - doc.bottom() < 110) {
                doc.newPage();
            }
            element(doc, ws, e, r);
        }
    }

    private void element(Document doc, ReadModels.WorkspaceSnapshot ws, ReadModels.Element e, BalanceReport r) {
        String kind = e.kind().label().equalsIgnoreCase(e.name()) ? "" : " · " + e.kind().label();
        doc.add(heading(e.name() + kind + " · owner " + e.ownerTeamCode(), h2, 14));
        List<ReadModels.LoadItem> loads = ws.loads().stream().filter(l -> l.elementId() == e.id()).toList();
        List<ReadModels.Mode> modes = ws.modes();
        if (loads.isEmpty()) {
            doc.add(new Paragraph("No load items.", small));
        } else {
            float[] widths = new float[10 + modes.size()];
            float[] fixed = {2.6f, 1.6f, 0.7f, 0.5f, 1.1f, 1.1f, 1.1f, 1.7f, 1};
            System.arraycopy(fixed, 0, widths, 0, fixed.length);
            java.util.Arrays.fill(widths, fixed.length, widths.length, 1.1f);
            PdfPTable t = table(widths);
            List<String> heads = new ArrayList<>(List.of("Load item", "Subsystem", "Bus", "Qty", "Standby W",
                    "Operating W", "Peak W", "Maturity (contingency)", "Priority"));
            modes.forEach(m -> heads.add("Duty % " + m.name()));
            heads.add("Duty % in eclipse (= as in sunlight)");
            head(t, heads.toArray(String[]::new));
            double standby = 0;
            double operating = 0;
            double peak = 0;
            int quantity = 0;
            for (ReadModels.LoadItem l : loads) {
                text(t, l.name());
                text(t, l.subsystem());
                text(t, l.bus().label().replace(' ', '\u00A0'));
                num(t, String.valueOf(l.quantity()));
                num(t, Units.watts(l.standbyPowerW()));
                num(t, Units.watts(l.operatingPowerW()));
                num(t, Units.watts(l.peakPowerW()));
                text(t, l.maturity().label() + " (" + Math.round(100 * l.maturity().contingency()) + "\u00A0%)");
                text(t, l.priority().label());
                for (ReadModels.Mode m : modes) {
                    num(t, Units.number("%.0f", 100 * l.duty(m.id())));
                }
                // "=" when the item keeps its sunlit duty in eclipse.
                num(t, l.shadowDuty() == null ? "=" : Units.number("%.0f", 100 * l.shadowDuty()));
                quantity += l.quantity();
                standby += l.quantity() * l.standbyPowerW();
                operating += l.quantity() * l.operatingPowerW();
                peak += l.quantity() * l.peakPowerW();
            }
            PdfPCell label = cell("Element total (" + loads.size() + " items; powers × quantity)", cellBold);
            label.setColspan(3);
            label.setBackgroundColor(TOTAL_FILL);
            t.addCell(label);
            total(t, String.valueOf(quantity));
            total(t, Units.watts(standby));
            total(t, Units.watts(operating));
            total(t, Units.watts(peak));
            PdfPCell avg = cell("Orbit-average MEV load (kW)", cellBold);
            avg.setColspan(2);
            avg.setBackgroundColor(TOTAL_FILL);
            avg.setHorizontalAlignment(Element.ALIGN_RIGHT);
            t.addCell(avg);
            Map<Long, Double> byMode = r == null ? Map.of() : r.elementLoads().stream()
                    .filter(x -> x.elementId() == e.id()).findFirst().map(BalanceReport.ElementLoad::mevByModeW)
                    .orElse(Map.of());
            for (ReadModels.Mode m : modes) {
                total(t, byMode.containsKey(m.id()) ? Units.number("%,.2f", byMode.get(m.id()) / 1000) : "—");
            }
            total(t, "");
            doc.add(t);
        }
        List<ReadModels.Battery> batteries = ws.batteries().stream().filter(b -> b.elementId() == e.id()).toList();
        if (!batteries.isEmpty()) {
            PdfPTable t = table(new float[] {2.2f, 0.8f, 1, 1, 1, 1, 1, 1, 1, 1, 1});
            head(t, "Battery", "Owner", "Capacity", "SOC floor", "SOC ceiling", "Initial SOC", "Charge eff.",
                    "Discharge eff.", "Max charge", "Max discharge", "Fade per year");
            for (ReadModels.Battery b : batteries) {
                text(t, b.name());
                text(t, b.ownerTeamCode());
                num(t, Units.kwh(b.capacityJ()));
                num(t, Units.percent(b.minStateOfCharge()));
                num(t, Units.percent(b.maxStateOfCharge()));
                num(t, Units.percent(b.initialStateOfCharge()));
                num(t, Units.percent(b.chargeEfficiency()));
                num(t, Units.percent(b.dischargeEfficiency()));
                num(t, Units.kw(b.maxChargePowerW()));
                num(t, Units.kw(b.maxDischargePowerW()));
                num(t, Units.number("%.2f %%", 100 * b.capacityFadePerYear()));
            }
            t.setKeepTogether(true);
            doc.add(spaced(t, 6, 0));
        }
        List<ReadModels.SolarArray> arrays = ws.arrays().stream().filter(a -> a.elementId() == e.id()).toList();
        if (!arrays.isEmpty()) {
            PdfPTable t = table(new float[] {2.2f, 0.8f, 1, 1.1f, 1.1f, 1, 1.2f, 1.2f});
            head(t, "Solar array", "Owner", "Rated (1 AU, BOL)", "Degradation per year", "Path efficiency",
                    "Incidence", "Temperature coefficient", "Temperature offset");
            for (ReadModels.SolarArray a : arrays) {
                text(t, a.name());
                text(t, a.ownerTeamCode());
                num(t, Units.kw(a.ratedPowerW()));
                num(t, Units.number("%.2f %%", 100 * a.degradationPerYear()));
                num(t, Units.percent(a.pathEfficiency()));
                num(t, Units.number("%.1f°", a.incidenceDeg()));
                num(t, Units.number("%.3f %%/K", 100 * a.temperatureCoefficientPerK()));
                num(t, Units.number("%.1f K", a.temperatureOffsetK()));
            }
            t.setKeepTogether(true);
            doc.add(spaced(t, 6, 0));
        }
    }

    private void assumptions(Document doc) {
        doc.add(heading("5  Assumptions and limits of the models", h1, 0));
        doc.add(spaced(new Paragraph("What each model behind the figures assumes, and where it stops. Wording from "
                + "the documentation of the named classes.", muted), 0, 4));
        for (Assumptions.Model m : Assumptions.MODELS) {
            Paragraph p = new Paragraph();
            p.add(new Chunk(m.title(), h2));
            p.add(new Chunk("   " + m.source(), muted));
            doc.add(spaced(p, 10, 2));
            com.lowagie.text.List list = new com.lowagie.text.List(false, 10);
            list.setListSymbol(new Chunk("•", body));
            for (String item : m.items()) {
                com.lowagie.text.ListItem li = new com.lowagie.text.ListItem(item, body);
                li.setSpacingAfter(2);
                list.add(li);
            }
            doc.add(list);
        }
    }

    // ---------------------------------------------------------------- building blocks

    private static Paragraph spaced(Paragraph p, float before, float after) {
        p.setSpacingBefore(before);
        p.setSpacingAfter(after);
        return p;
    }

    private static PdfPTable spaced(PdfPTable t, float before, float after) {
        t.setSpacingBefore(before);
        t.setSpacingAfter(after);
        return t;
    }

    private Paragraph heading(String text, Font font, float before) {
        Paragraph p = new Paragraph(text, font);
        if (font == h1) {
            // Each numbered section is a bookmark, so a reviewer jumps straight to it.
            Chunk anchor = new Chunk("", font);
            anchor.setLocalDestination(text);
            p.add(0, anchor);
            new PdfOutline(writer.getRootOutline(), PdfAction.gotoLocalPage(text, false), text);
        }
        p.setSpacingBefore(before);
        p.setSpacingAfter(6);
        p.setKeepTogether(true);
        return p;
    }

    private PdfPTable table(float[] widths) {
        PdfPTable t = new PdfPTable(widths);
        t.setWidthPercentage(100);
        t.setHeaderRows(0);
        // Without it a table starts on the baseline of the heading above and cuts its descenders.
        t.setSpacingBefore(4);
        t.setSpacingAfter(4);
        return t;
    }

    private void head(PdfPTable t, String... heads) {
        for (String h : heads) {
            PdfPCell cell = cell(h, cellHead);
            cell.setBackgroundColor(HEADER_FILL);
            t.addCell(cell);
        }
        t.setHeaderRows(1);
    }

    private PdfPCell cell(String text, Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(text == null ? "" : text, font));
        cell.setBorderColor(RULE);
        cell.setBorderWidth(0.5f);
        cell.setPaddingTop(2.5f);
        cell.setPaddingBottom(3.5f);
        cell.setPaddingLeft(3);
        cell.setPaddingRight(3);
        return cell;
    }

    private void text(PdfPTable t, String text) {
        t.addCell(cell(text, cell));
    }

    private void num(PdfPTable t, String text) {
        PdfPCell cell = cell(text, this.cell);
        cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
        t.addCell(cell);
    }

    private void total(PdfPTable t, String text) {
        PdfPCell cell = cell(text, cellBold);
        cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
        cell.setBackgroundColor(TOTAL_FILL);
        t.addCell(cell);
    }

    private void fact(PdfPTable t, String name, String value) {
        PdfPCell n = cell(name, smallBold);
        n.setBorder(Rectangle.BOTTOM);
        PdfPCell v = cell(value, small);
        v.setBorder(Rectangle.BOTTOM);
        t.addCell(n);
        t.addCell(v);
    }

    private void figure(PdfPTable t, String name, String value, String detail) {
        t.addCell(cell(name, cell));
        PdfPCell v = cell(value, cellBold);
        v.setHorizontalAlignment(Element.ALIGN_RIGHT);
        t.addCell(v);
        t.addCell(cell(detail, cell));
    }

    /** Footer of every page: who generated the report and when, the workspace, page n of m. */
    private final class Footer extends PdfPageEventHelper {
        private PdfTemplate pages;

        @Override
        public void onOpenDocument(PdfWriter writer, Document document) {
            pages = writer.getDirectContent().createTemplate(30, 14);
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            Rectangle page = writer.getPageSize();
            PdfContentByte cb = writer.getDirectContent();
            float y = 30;
            cb.saveState();
            cb.setColorStroke(RULE);
            cb.setLineWidth(0.5f);
            cb.moveTo(MARGIN, y + 12);
            cb.lineTo(page.getWidth() - MARGIN, y + 12);
            cb.stroke();
            cb.restoreState();
            String generated = "Generated by Gateway Power " + STAMP.format(c.generatedAt()) + " for "
                    + c.requestedBy().label();
            ColumnText.showTextAligned(cb, Element.ALIGN_LEFT, new Phrase(generated, muted), MARGIN, y, 0);
            String pageOf = " · page " + writer.getPageNumber() + " of ";
            // The workspace name takes what room the other two leave, shortened if it must be.
            float room = page.getWidth() - 2 * MARGIN - 16 - 24 - width(generated) - width(pageOf);
            String name = c.workspace().name();
            if (width(name) > room) {
                while (name.length() > 1 && width(name + "…") > room) {
                    name = name.substring(0, name.length() - 1);
                }
                name = name.strip() + "…";
            }
            String left = name + pageOf;
            float right = page.getWidth() - MARGIN - 16;
            ColumnText.showTextAligned(cb, Element.ALIGN_RIGHT, new Phrase(left, muted), right, y, 0);
            // The trailing space is dropped when the phrase is set: leave it as a gap before the total.
            cb.addTemplate(pages, right + 2.5f, y - 3);
        }

        private float width(String text) {
            return muted.getBaseFont().getWidthPoint(text, muted.getSize());
        }

        @Override
        public void onCloseDocument(PdfWriter writer, Document document) {
            ColumnText.showTextAligned(pages, Element.ALIGN_LEFT,
                    new Phrase(String.valueOf(writer.getPageNumber() - 1), muted), 0, 3, 0);
        }
    }
}
