package org.gatewaypower.report;

import java.awt.Color;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

import org.gatewaypower.analysis.BalanceReport;
import org.gatewaypower.analysis.ModeSizing;
import org.gatewaypower.physics.energy.EnergyLedger;
import org.gatewaypower.workspace.AnalysisTimeline;
import org.gatewaypower.units.Units;
import org.gatewaypower.workspace.ReadModels;

/**
 * Lays out one report with OpenPDF: A4, portrait except the per-element tables (landscape, for the
 * duty column of every mode), a footer with who generated it, when, and the page number.
 */
final class ReportDocument {

    private final ReportService.ReportContent c;
    private final PdfStyle style;

    ReportDocument(ReportService.ReportContent content) {
        this.c = content;
        this.style = new PdfStyle();
    }

    void write(OutputStream out) {
        Document doc = new Document(PageSize.A4, PdfStyle.MARGIN, PdfStyle.MARGIN, PdfStyle.MARGIN, PdfStyle.FOOTER_SPACE);
        try {
            PdfWriter writer = PdfWriter.getInstance(doc, out);
            style.attach(writer);
            writer.setCloseStream(false);
            writer.setPageEvent(style.footer(c));
            doc.addTitle("Power budget report: " + c.workspace().name());
            doc.addAuthor(c.requestedBy().label());
            doc.addSubject(c.edition());
            doc.addCreator("Gateway Power");
            doc.open();
            cover(doc);
            doc.newPage();
            summary(doc);
            doc.newPage();
            RunSections run = new RunSections(c, style);
            run.charts(doc);
            run.eclipseStatistics(doc);
            new VisitTable(c, style).write(doc);
            doc.setPageSize(PageSize.A4.rotate());
            doc.newPage();
            new ElementTables(c, style).elements(doc, writer);
            new NetworkSection(c, style).write(doc);
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
        doc.add(PdfStyle.spaced(new Paragraph("Gateway Power · power budget report", style.muted), 60, 6));
        doc.add(PdfStyle.spaced(new Paragraph(ws.name(), style.title), 0, 8));
        if (ws.description() != null && !ws.description().isBlank()) {
            doc.add(PdfStyle.spaced(new Paragraph(ws.description(), style.body), 0, 14));
        }
        PdfPTable facts = style.table(new float[] {1.3f, 4});
        style.fact(facts, "Reported", c.edition());
        style.fact(facts, "Generated", PdfStyle.STAMP.format(c.generatedAt()));
        style.fact(facts, "Requested by", c.requestedBy().label());
        style.fact(facts, "Partner teams", String.join(", ", ws.teams().stream().map(t -> t.name() + " (" + t.code() + ")")
                .toList()));
        style.fact(facts, "Contents", ws.elements().size() + " elements, " + ws.modes().size() + " operating modes, "
                + ws.loads().size() + " load items, " + ws.batteries().size() + " batteries, " + ws.arrays().size()
                + " solar arrays");
        ReadModels.DesignCase dc = ws.designCase();
        if (dc != null) {
            style.fact(facts, "Analysis case", ws.mode(dc.activeModeId()).name() + " mode; "
                    + (dc.timeline() == AnalysisTimeline.EPHEMERIS ? "ephemeris orbit from " + PdfStyle.DAY.format(dc.spanStart())
                    + " UTC over " + Units.number("%.1f d", dc.spanDays())
                    : "design orbit (" + Units.hours(dc.orbitPeriodS()) + " period, "
                    + Units.minutes(dc.eclipseDurationS()) + " eclipse)") + "; array age "
                    + Units.number("%.1f years", dc.arrayAgeYears()) + "; " + dc.marginPolicy().label());
        }
        style.fact(facts, "Verdict", c.balance() == null ? "no analysis case: no energy balance"
                : c.balance().allChecksPass() ? "PASS: every check passes in every life case ("
                        + String.join(", ", c.balance().lifeCases().stream().map(BalanceReport.LifeCase::name).toList())
                        + ")"
                : "FAIL in " + String.join("; ", c.balance().failingCases()) + ": " + String.join(", ",
                        c.balance().failingChecks().stream().map(x -> x.caseName() + " " + x.name()).toList()));
        doc.add(facts);

        doc.add(style.heading("Authors", style.h2, 22));
        doc.add(PdfStyle.spaced(new Paragraph("The last editor of every load item, battery, solar array and the analysis case.",
                style.muted), 0, 4));
        PdfPTable authors = style.table(new float[] {2.6f, 1, 1, 1, 1, 1.2f});
        style.head(authors, "Author", "Team", "Load items", "Batteries", "Solar arrays", "Analysis case");
        for (ReportService.ReportContent.Author a : c.authors()) {
            style.text(authors, a.person().displayName() + " (" + a.person().username() + ")");
            style.text(authors, a.person().teamCode() == null ? "—" : a.person().teamCode());
            style.num(authors, String.valueOf(a.loads()));
            style.num(authors, String.valueOf(a.batteries()));
            style.num(authors, String.valueOf(a.arrays()));
            style.num(authors, a.designCases() == 0 ? "—" : "yes");
        }
        doc.add(authors);

        doc.add(style.heading("Contents", style.h2, 22));
        List<String> sections = List.of("1  Summary and checks (end of life), beginning and end of life",
                "2  State of charge and power over the run", "3  Eclipses",
                "4  Operating modes and elements: loads, batteries and solar arrays",
                "5  Assumptions and limits of the models");
        for (String s : sections) {
            doc.add(new Paragraph(s, style.body));
        }
    }

    private void summary(Document doc) {
        doc.add(style.heading("1  Summary and checks", style.h1, 0));
        BalanceReport r = c.balance();
        if (r == null) {
            doc.add(new Paragraph("This workspace has no analysis case, so there is no energy balance to report.", style.body));
            return;
        }
        doc.add(PdfStyle.spaced(new Paragraph("Standard analysis at end of life: energy balance on the " + r.illumination()
                + " · " + r.eclipseCount() + (r.eclipseCount() == 1 ? " eclipse" : " eclipses") + ", longest "
                + Units.minutes(r.longestEclipseS()) + " · span " + Units.hours(r.spanS()) + " · mode "
                + r.modeName() + " · array age " + Units.number("%.1f years", r.arrayAgeYears()), style.muted), 0, 6));

        PdfPTable figures = style.table(new float[] {1.6f, 1.1f, 4.2f});
        style.head(figures, "Figure", "Value", "Detail");
        BalanceReport.BatteryResult b = r.battery();
        if (b != null) {
            style.figure(figures, "Minimum state of charge", Units.percent(b.minStateOfCharge()), "MEV loads · CBE "
                    + Units.percent(b.minStateOfChargeCbe()) + " · floor " + Units.percent(b.minStateOfChargeLimit())
                    + " · " + r.whereMinimum());
            style.figure(figures, "Max depth of discharge", Units.percent(b.maxDepthOfDischarge()),
                    "limit " + Units.percent(b.maxDepthOfDischargeLimit()));
            style.figure(figures, "Energy drawn in eclipse", Units.kwh(b.eclipseEnergyDrawnJ()), "of "
                    + Units.kwh(b.capacityJ()) + " · recharge "
                    + (b.rechargeTimeS() == null ? "not within orbit" : Units.hours(b.rechargeTimeS())));
            style.figure(figures, "Unserved energy", Units.kwh(b.ledger().unservedJ()),
                    "shed " + Units.kwh(b.ledger().shedJ()) + " · off in eclipse by policy "
                            + Units.kwh(b.ledger().offInEclipseJ()) + " · curtailed "
                            + Units.kwh(b.ledger().curtailedJ()));
            style.figure(figures, "Battery bank", Units.kwh(b.capacityJ()), "state of charge window "
                    + Units.percent(b.minStateOfChargeLimit()) + " – " + Units.percent(b.maxStateOfChargeLimit())
                    + " · start " + Units.percent(b.initialStateOfCharge()) + " · end "
                    + Units.percent(b.finalStateOfCharge()) + " · orbits not closing " + b.orbitsNotClosing());
        } else {
            style.figure(figures, "Minimum state of charge", "—", "no battery in this workspace");
        }
        style.figure(figures, "Orbit-average load", Units.kw(r.mevAverageLoadW()), "MEV · CBE " + Units.kw(r.cbeAverageLoadW()));
        style.figure(figures, "Peak load", Units.kw(r.mevPeakLoadW()), "MEV · CBE " + Units.kw(r.cbePeakLoadW()));
        style.figure(figures, "Array power at bus", Units.kw(r.sunlitGenerationW()), "sunlit · orbit average "
                + Units.kw(r.orbitAverageGenerationW()) + " · rated at 1 AU, BOL " + Units.kw(r.arrayRatedPowerW()));
        style.figure(figures, "Sustainable load", Units.kw(r.sustainableLoadW()),
                "largest constant load the arrays sustain over the orbit");
        style.figure(figures, "Power margin", Units.percent(r.powerMargin()), "sustainable " + Units.kw(r.sustainableLoadW())
                + " · need ≥ " + Units.percent(r.requiredMargin()) + " (" + r.marginPolicy() + ") · allocation "
                + Units.kw(r.allocationW()));
        style.figure(figures, "Power transfer", Units.kw(r.transferDemandW()), "coincident MEV peak of the elements"
                + " without arrays (orbit average " + Units.kw(r.transferAverageW()) + ") · the power element"
                + " passes on up to " + Units.kw(r.transferLimitW()));
        BalanceReport.Mission m = r.mission();
        if (m != null) {
            BalanceReport.Pass p = m.designPass();
            style.figure(figures, "Design eclipse", Units.minutes(m.designEclipseS()), m.source()
                    + (p == null ? "" : " (" + p.body() + " pass of " + PdfStyle.STAMP.format(p.start()) + ")")
                    + " · mission " + PdfStyle.STAMP.format(m.from()) + " – " + PdfStyle.STAMP.format(m.to()) + " · eclipse coverage: "
                    + m.passesJudged() + " complete passes, " + m.failingPasses().size() + " breaking a rule"
                    + (m.notes().isEmpty() ? "" : " · " + String.join(" ", m.notes())));
        }
        doc.add(figures);

        Paragraph checksHeading = style.heading("Checks", style.h2, 12);
        PdfPTable checks = style.table(new float[] {0.7f, 1.5f, 2.6f, 3.4f});
        style.head(checks, "Result", "Check", "Figures", "Rule");
        // The failing checks of every life case first (each naming its case), then the passing ones shown.
        List<BalanceReport.Check> rows = new java.util.ArrayList<>(r.failingChecks());
        r.checks().stream().filter(BalanceReport.Check::passed).forEach(rows::add);
        for (BalanceReport.Check k : rows) {
            PdfPCell verdict = style.cell(k.passed() ? "PASS" : "FAIL",
                    new Font(style.cellBold.getBaseFont(), style.cellBold.getSize(), Font.NORMAL, Color.WHITE));
            verdict.setBackgroundColor(k.passed() ? PdfStyle.PASS : PdfStyle.FAIL);
            verdict.setHorizontalAlignment(Element.ALIGN_CENTER);
            checks.addCell(verdict);
            checks.addCell(style.cell(k.name() + " (" + k.caseName() + ")", style.cellBold));
            style.text(checks, k.figures());
            style.text(checks, k.rule());
        }
        PdfStyle.together(doc, checksHeading, checks);

        Paragraph lifeHeading = style.heading("Beginning and end of life", style.h2, 12);
        PdfPTable life = style.table(new float[] {1.3f, 0.9f, 1, 1, 0.9f, 0.9f, 1.1f, 0.8f});
        style.head(life, "Life", "Array age (y)", "Array at bus", "Sustainable", "Margin", "Min SOC", "Shed + unserved",
                "Checks");
        for (BalanceReport.LifeCase l : r.lifeCases()) {
            style.text(life, l.name());
            style.num(life, Units.number("%.1f", l.arrayAgeYears()));
            style.num(life, Units.kw(l.sunlitGenerationW()));
            style.num(life, Units.kw(l.sustainableLoadW()));
            style.num(life, Units.percent(l.powerMargin()));
            style.num(life, Units.percent(l.minStateOfCharge()));
            style.num(life, Units.kwh(l.shedJ() + l.unservedJ()));
            style.text(life, l.allChecksPass() ? "all pass" : "fails: " + String.join(", ", l.checks().stream()
                    .filter(x -> !x.passed()).map(BalanceReport.Check::name).toList()));
        }
        PdfStyle.together(doc, lifeHeading, life);
        if (m != null && !m.failingPasses().isEmpty()) {
            Paragraph passesHeading = style.heading("Eclipses of the mission that break a rule", style.h2, 12);
            PdfPTable passes = style.table(new float[] {1.6f, 0.7f, 0.8f, 0.8f, 3.2f});
            style.head(passes, "Start (UTC)", "Shadow of", "Duration", "Min SOC", "Broken");
            for (BalanceReport.CoveredPass f : m.failingPasses()) {
                style.text(passes, PdfStyle.STAMP.format(f.pass().start()));
                style.text(passes, f.pass().body());
                style.num(passes, Units.minutes(f.pass().durationS()));
                style.num(passes, Units.percent(f.minStateOfCharge()));
                style.text(passes, String.join(", ", f.broken()));
            }
            PdfStyle.together(doc, passesHeading, passes);
        }

        Paragraph sizingHeading = style.heading("Source-driven sizing at end of life", style.h2, 12);
        PdfPTable sizing = style.table(new float[] {2, 1.2f, 2.4f});
        style.head(sizing, "Operating mode", "MEV load", "Room for extra load (all checks pass)");
        for (ModeSizing ms : r.sizing()) {
            style.text(sizing, ms.modeName());
            style.num(sizing, Units.kw(ms.mevAverageW()));
            style.num(sizing, Units.kw(ms.maxExtraLoadW()));
        }
        if (b == null) {
            PdfStyle.together(doc, sizingHeading, sizing);
        } else {
            // The two closing notes go with the sizing table: alone they would be a page of two lines.
            PdfStyle.together(doc, sizingHeading, sizing, shedding(b), ledger(b.ledger()));
        }
    }

    /** The loads shed in the MEV run, in one paragraph of style.small print. */
    private Paragraph shedding(BalanceReport.BatteryResult b) {
        return PdfStyle.spaced(new Paragraph(b.shedding().isEmpty() ? "No load shed." : "Shed loads: "
                + String.join("; ", b.shedding().stream().map(x -> String.format(Locale.US,
                "%s %s %.2f–%.2f h, %s (up to %s)", x.priority().label().toLowerCase(Locale.ROOT),
                x.cause().label(), x.startS() / 3600,
                x.endS() / 3600, Units.kwh(x.energyJ()), Units.kw(x.maxPowerW()))).toList()), style.small), 8, 0);
    }

    /** Where every joule of the MEV run went, in one paragraph of style.small print. */
    private Paragraph ledger(EnergyLedger l) {
        return PdfStyle.spaced(new Paragraph("Energy ledger over the run (MEV): arrays available " + Units.kwh(l.availableJ())
                + " = delivered to loads " + Units.kwh(l.deliveredJ()) + " + stored change "
                + Units.kwh(l.storedChangeJ()) + " + losses " + Units.kwh(l.lossesJ()) + " (path "
                + Units.kwh(l.pathLossJ()) + ", battery " + Units.kwh(l.chargeLossJ() + l.dischargeLossJ())
                + ") + curtailed " + Units.kwh(l.curtailedJ()) + "; unserved " + Units.kwh(l.unservedJ())
                + "; closure error " + String.format(Locale.US, "%.1e", l.relativeClosureError()), style.muted), 4, 0);
    }

    private void assumptions(Document doc) {
        doc.add(style.heading("5  Assumptions and limits of the models", style.h1, 0));
        doc.add(PdfStyle.spaced(new Paragraph("What each model behind the figures assumes, and where it stops. Wording from "
                + "the documentation of the named classes.", style.muted), 0, 4));
        for (Assumptions.Model m : Assumptions.MODELS) {
            Paragraph p = new Paragraph();
            p.add(new Chunk(m.title(), style.h2));
            p.add(new Chunk("   " + m.source(), style.muted));
            doc.add(PdfStyle.spaced(p, 10, 2));
            com.lowagie.text.List list = new com.lowagie.text.List(false, 10);
            list.setListSymbol(new Chunk("•", style.body));
            for (String item : m.items()) {
                com.lowagie.text.ListItem li = new com.lowagie.text.ListItem(item, style.body);
                li.setSpacingAfter(2);
                list.add(li);
            }
            doc.add(list);
        }
    }
}
