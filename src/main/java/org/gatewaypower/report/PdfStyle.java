package org.gatewaypower.report;

import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
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

/**
 * The report's typography and building blocks: fonts (DejaVu, embedded once per document), colours, headings
 * that become bookmarks, tables and their cells, and the page footer. One instance per document, shared by its
 * sections ({@link ReportDocument}, {@link RunSections}, {@link ElementTables}).
 */
final class PdfStyle {

    private static final String FONT = "DejaVuSansCondensed.ttf";
    private static final String FONT_BOLD = "DejaVuSansCondensed-Bold.ttf";
    private static final byte[] REGULAR = resource(FONT);
    private static final byte[] BOLD = resource(FONT_BOLD);

    static final float MARGIN = 42;
    static final float FOOTER_SPACE = 60;
    private static final Color INK = new Color(0x21, 0x21, 0x21);
    private static final Color MUTED = new Color(0x61, 0x61, 0x61);
    private static final Color RULE = new Color(0xBD, 0xBD, 0xBD);
    private static final Color HEADER_FILL = new Color(0xEC, 0xEF, 0xF1);
    static final Color TOTAL_FILL = new Color(0xF5, 0xF5, 0xF5);
    static final Color PASS = new Color(0x1B, 0x5E, 0x20);
    static final Color FAIL = new Color(0xB7, 0x1C, 0x1C);
    static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    final Font title;
    final Font h1;
    final Font h2;
    final Font body;
    final Font small;
    final Font smallBold;
    final Font muted;
    final Font cell;
    final Font cellBold;
    final Font cellHead;
    final java.awt.Font chartFont;
    private final BaseFont regular;
    private PdfWriter writer;

    PdfStyle() {
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
        try (InputStream in = PdfStyle.class.getResourceAsStream(name)) {
            return Objects.requireNonNull(in, name).readAllBytes();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The writer whose outline the numbered headings add to; set once the document opens its writer. */
    void attach(PdfWriter w) {
        this.writer = w;
    }

    /** The page event that draws every page's footer for {@code content}. */
    PdfPageEventHelper footer(ReportService.ReportContent content) {
        return new Footer(content);
    }

    /**
     * Adds a heading with what follows it (a table, its notes) as one block, which moves whole to the next
     * page when it does not fit on this one: no page ends with a lone heading or holds a table's last row.
     * A block taller than a page splits between its parts, as the parts alone would.
     */
    static void together(Document doc, Element... parts) {
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

    static Paragraph spaced(Paragraph p, float before, float after) {
        p.setSpacingBefore(before);
        p.setSpacingAfter(after);
        return p;
    }

    static PdfPTable spaced(PdfPTable t, float before, float after) {
        t.setSpacingBefore(before);
        t.setSpacingAfter(after);
        return t;
    }

    Paragraph heading(String text, Font font, float before) {
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

    PdfPTable table(float[] widths) {
        PdfPTable t = new PdfPTable(widths);
        t.setWidthPercentage(100);
        t.setHeaderRows(0);
        // Without it a table starts on the baseline of the heading above and cuts its descenders.
        t.setSpacingBefore(4);
        t.setSpacingAfter(4);
        return t;
    }

    void head(PdfPTable t, String... heads) {
        for (String h : heads) {
            PdfPCell cell = cell(h, cellHead);
            cell.setBackgroundColor(HEADER_FILL);
            t.addCell(cell);
        }
        t.setHeaderRows(1);
    }

    PdfPCell cell(String text, Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(text == null ? "" : text, font));
        cell.setBorderColor(RULE);
        cell.setBorderWidth(0.5f);
        cell.setPaddingTop(2.5f);
        cell.setPaddingBottom(3.5f);
        cell.setPaddingLeft(3);
        cell.setPaddingRight(3);
        return cell;
    }

    void text(PdfPTable t, String text) {
        t.addCell(cell(text, cell));
    }

    void num(PdfPTable t, String text) {
        PdfPCell cell = cell(text, this.cell);
        cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
        t.addCell(cell);
    }

    void total(PdfPTable t, String text) {
        PdfPCell cell = cell(text, cellBold);
        cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
        cell.setBackgroundColor(TOTAL_FILL);
        t.addCell(cell);
    }

    void fact(PdfPTable t, String name, String value) {
        PdfPCell n = cell(name, smallBold);
        n.setBorder(Rectangle.BOTTOM);
        PdfPCell v = cell(value, small);
        v.setBorder(Rectangle.BOTTOM);
        t.addCell(n);
        t.addCell(v);
    }

    void figure(PdfPTable t, String name, String value, String detail) {
        t.addCell(cell(name, cell));
        PdfPCell v = cell(value, cellBold);
        v.setHorizontalAlignment(Element.ALIGN_RIGHT);
        t.addCell(v);
        t.addCell(cell(detail, cell));
    }

    /** Footer of every page: who generated the report and when, the workspace, page n of m. */
    private final class Footer extends PdfPageEventHelper {
        private final ReportService.ReportContent c;

        Footer(ReportService.ReportContent c) {
            this.c = c;
        }

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
