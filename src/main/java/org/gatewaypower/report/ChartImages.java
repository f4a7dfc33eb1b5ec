package org.gatewaypower.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

import javax.imageio.ImageIO;

import org.gatewaypower.analysis.BalanceReport;
import org.gatewaypower.physics.energy.PowerState;
import org.gatewaypower.physics.energy.SunlightTimeline;

/**
 * The report's two charts as PNG images, drawn with Java2D on the server: the state of charge over the
 * run with the eclipses shaded and the floor dashed, and generation, MEV load and battery power. Both
 * come from the exact event states of the run ({@link BalanceReport#timeline()}): the state of charge is
 * linear between events, powers hold from one event to the next.
 */
final class ChartImages {

    /** Image size (px): drawn large and placed at about a third of that in points, so it prints sharp. */
    static final int WIDTH = 1800;
    static final int HEIGHT = 720;

    private static final int LEFT = 150;
    private static final int RIGHT = 50;
    private static final int TOP = 90;
    private static final int BOTTOM = 110;
    private static final double DAYS_ABOVE_S = 10 * 86_400.0;

    private static final Color ECLIPSE = new Color(0x1F, 0x2A, 0x44, 40);
    private static final Color GRID = new Color(0xDD, 0xDD, 0xDD);
    private static final Color AXIS = new Color(0x44, 0x44, 0x44);
    private static final Color SOC = new Color(0x1F, 0x5F, 0xBF);
    private static final Color FLOOR = new Color(0xC6, 0x28, 0x28);
    private static final Color GENERATION = new Color(0xE0, 0x8E, 0x00);
    private static final Color LOAD = new Color(0x6A, 0x1B, 0x9A);
    private static final Color BATTERY = new Color(0x2E, 0x7D, 0x32);

    static {
        // Rendering on a server: no display is needed or wanted.
        System.setProperty("java.awt.headless", "true");
    }

    private ChartImages() {
    }

    /** One line of a chart. */
    private record Series(String label, Color color, ToDoubleFunction<PowerState> value, boolean steps,
                          double scale) {
    }

    /** State of charge (%) over the run, eclipses shaded, floor dashed. */
    static byte[] stateOfCharge(BalanceReport r, Font font) {
        return stateOfCharge(r, font, 0, r.spanS());
    }

    /** State of charge (%) from {@code fromS} to {@code toS} (s from the start of the run). */
    static byte[] stateOfCharge(BalanceReport r, Font font, double fromS, double toS) {
        Canvas c = new Canvas(font, fromS, toS);
        if (r.timeline().isEmpty()) {
            return c.message("No battery in this workspace: no state of charge to show.");
        }
        double floor = r.battery() == null ? Double.NaN : 100 * r.battery().minStateOfChargeLimit();
        c.frame(r, 0, 100, "State of charge (%)");
        c.series(r, new Series("State of charge, MEV loads (%)", SOC, PowerState::stateOfCharge, false, 100));
        List<Legend> legend = new ArrayList<>(List.of(new Legend("State of charge, MEV loads", SOC, false, false),
                new Legend("Eclipse", ECLIPSE, false, true)));
        if (Double.isFinite(floor)) {
            c.horizontal(floor, FLOOR);
            legend.add(1, new Legend(String.format(Locale.US, "State-of-charge floor (%.0f %%)", floor), FLOOR, true,
                    false));
        }
        c.legend(legend);
        return c.png();
    }

    /** Array generation at the bus, MEV load and battery power (kW, charging positive) over the run. */
    static byte[] power(BalanceReport r, Font font) {
        return power(r, font, 0, r.spanS());
    }

    /** As {@link #power(BalanceReport, Font)} from {@code fromS} to {@code toS} (s from the start of the run). */
    static byte[] power(BalanceReport r, Font font, double fromS, double toS) {
        Canvas c = new Canvas(font, fromS, toS);
        if (r.timeline().isEmpty()) {
            return c.message("No battery in this workspace: the run has no timeline to show.");
        }
        double lo = 0;
        double hi = 0;
        List<PowerState> states = r.timeline();
        for (int i = 0; i < states.size(); i++) {
            PowerState s = states.get(i);
            double end = i + 1 < states.size() ? states.get(i + 1).timeS() : r.spanS();
            if (end < fromS || s.timeS() > toS) {
                continue;
            }
            lo = Math.min(lo, Math.min(s.batteryPowerW(), 0));
            hi = Math.max(hi, Math.max(s.generationW(), Math.max(s.loadW(), s.batteryPowerW())));
        }
        c.frame(r, lo / 1000, Math.max(hi / 1000, 1e-3), "Power (kW)");
        c.zeroLine();
        List<Series> series = List.of(
                new Series("Array generation at the bus", GENERATION, PowerState::generationW, true, 1e-3),
                new Series("Load, MEV", LOAD, PowerState::loadW, true, 1e-3),
                new Series("Battery (+ charging, − discharging)", BATTERY, PowerState::batteryPowerW, true, 1e-3));
        List<Legend> legend = new ArrayList<>();
        for (Series s : series) {
            c.series(r, s);
            legend.add(new Legend(s.label(), s.color(), false, false));
        }
        legend.add(new Legend("Eclipse", ECLIPSE, false, true));
        c.legend(legend);
        return c.png();
    }

    private record Legend(String label, Color color, boolean dashed, boolean box) {
    }

    /** A chart being drawn: the plot area, its scales and the image. */
    private static final class Canvas {
        private final BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        private final Graphics2D g = image.createGraphics();
        private final Font font;
        private final Rectangle2D plot = new Rectangle2D.Double(LEFT, TOP, WIDTH - LEFT - RIGHT,
                HEIGHT - TOP - BOTTOM);
        private final double fromS;
        private final double toS;
        private double yLo;
        private double yHi;

        Canvas(Font font, double fromS, double toS) {
            this.fromS = fromS;
            this.toS = toS;
            this.font = font.deriveFont(Font.PLAIN, 26f);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setFont(this.font);
        }

        byte[] message(String text) {
            g.setColor(AXIS);
            g.drawString(text, LEFT, HEIGHT / 2);
            return png();
        }

        /** Axes, grid, ticks and the shaded eclipses; {@code yLo..yHi} in the plotted unit. */
        void frame(BalanceReport r, double lo, double hi, String yTitle) {
            double[] yTicks = ticks(lo, hi);
            yLo = yTicks[0];
            yHi = yTicks[yTicks.length - 1];
            g.setColor(ECLIPSE);
            g.setClip(plot);
            for (SunlightTimeline.Interval s : r.shadows()) {
                double x0 = x(s.startS());
                // A short pass would vanish at this scale: show it at least 2 px wide.
                g.fill(new Rectangle2D.Double(x0, plot.getY(), Math.max(2, x(s.endS()) - x0), plot.getHeight()));
            }
            g.setClip(null);
            FontMetrics fm = g.getFontMetrics();
            for (double v : yTicks) {
                double y = y(v);
                g.setColor(GRID);
                g.setStroke(new BasicStroke(1.5f));
                g.draw(new java.awt.geom.Line2D.Double(plot.getX(), y, plot.getMaxX(), y));
                g.setColor(AXIS);
                String label = label(v);
                g.drawString(label, (float) (plot.getX() - 14 - fm.stringWidth(label)), (float) (y + fm.getAscent() / 2.5));
            }
            boolean days = toS - fromS > DAYS_ABOVE_S;
            double unit = days ? 86_400 : 3_600;
            for (double v : ticks(fromS / unit, toS / unit, 10)) {
                if (v < fromS / unit - 1e-9 || v > toS / unit + 1e-9) {
                    continue;
                }
                double x = x(v * unit);
                g.setColor(GRID);
                g.draw(new java.awt.geom.Line2D.Double(x, plot.getY(), x, plot.getMaxY()));
                g.setColor(AXIS);
                g.draw(new java.awt.geom.Line2D.Double(x, plot.getMaxY(), x, plot.getMaxY() + 10));
                String label = label(v);
                g.drawString(label, (float) (x - fm.stringWidth(label) / 2.0), (float) (plot.getMaxY() + 14 + fm.getAscent()));
            }
            g.setColor(AXIS);
            g.setStroke(new BasicStroke(2f));
            g.draw(plot);
            String xTitle = days ? "Time from the start of the run (days)" : "Time from the start of the run (h)";
            g.drawString(xTitle, (float) (plot.getCenterX() - fm.stringWidth(xTitle) / 2.0), HEIGHT - 22);
            java.awt.geom.AffineTransform saved = g.getTransform();
            g.rotate(-Math.PI / 2);
            g.drawString(yTitle, (float) (-plot.getCenterY() - fm.stringWidth(yTitle) / 2.0), 40);
            g.setTransform(saved);
        }

        void horizontal(double v, Color color) {
            g.setColor(color);
            g.setStroke(new BasicStroke(3f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {18f, 12f}, 0f));
            g.draw(new java.awt.geom.Line2D.Double(plot.getX(), y(v), plot.getMaxX(), y(v)));
        }

        void zeroLine() {
            g.setColor(AXIS);
            g.setStroke(new BasicStroke(1.5f));
            g.draw(new java.awt.geom.Line2D.Double(plot.getX(), y(0), plot.getMaxX(), y(0)));
        }

        void series(BalanceReport r, Series s) {
            Path2D.Double path = new Path2D.Double();
            List<PowerState> states = r.timeline();
            for (int i = 0; i < states.size(); i++) {
                PowerState p = states.get(i);
                double v = y(s.value().applyAsDouble(p) * s.scale());
                if (i == 0) {
                    path.moveTo(x(p.timeS()), v);
                } else {
                    path.lineTo(x(p.timeS()), v);
                }
                if (s.steps()) {
                    double end = i + 1 < states.size() ? states.get(i + 1).timeS() : r.spanS();
                    path.lineTo(x(end), v);
                }
            }
            Shape clip = g.getClip();
            g.setClip(plot);
            g.setColor(s.color());
            g.setStroke(new BasicStroke(3.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(path);
            g.setClip(clip);
        }

        void legend(List<Legend> entries) {
            FontMetrics fm = g.getFontMetrics();
            float x = (float) plot.getX();
            float y = 50;
            for (Legend e : entries) {
                g.setColor(e.color());
                if (e.box()) {
                    g.fill(new Rectangle2D.Double(x, y - 22, 44, 28));
                    g.setColor(AXIS);
                    g.setStroke(new BasicStroke(1f));
                    g.draw(new Rectangle2D.Double(x, y - 22, 44, 28));
                } else {
                    g.setStroke(e.dashed()
                            ? new BasicStroke(4f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {12f, 8f}, 0f)
                            : new BasicStroke(5f));
                    g.draw(new java.awt.geom.Line2D.Double(x, y - 8, x + 44, y - 8));
                }
                g.setColor(AXIS);
                g.drawString(e.label(), x + 56, y);
                x += 56 + fm.stringWidth(e.label()) + 48;
            }
        }

        byte[] png() {
            g.dispose();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                ImageIO.write(image, "png", out);
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            return out.toByteArray();
        }

        private double x(double tS) {
            return plot.getX() + plot.getWidth() * (toS <= fromS ? 0 : (tS - fromS) / (toS - fromS));
        }

        private double y(double v) {
            return plot.getMaxY() - plot.getHeight() * (v - yLo) / (yHi - yLo);
        }
    }

    /** Round tick values covering [lo, hi], about six of them (1, 2, 2.5 or 5 × 10ⁿ apart). */
    static double[] ticks(double lo, double hi) {
        return ticks(lo, hi, 6);
    }

    /** Round tick values covering [lo, hi], about {@code count} of them. */
    static double[] ticks(double lo, double hi, int count) {
        if (!(hi > lo)) {
            hi = lo + 1;
        }
        double raw = (hi - lo) / count;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = magnitude;
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * magnitude >= raw) {
                step = m * magnitude;
                break;
            }
        }
        double first = Math.floor(lo / step + 1e-9) * step;
        double last = Math.ceil(hi / step - 1e-9) * step;
        int n = (int) Math.round((last - first) / step) + 1;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = first + i * step;
        }
        return out;
    }

    private static String label(double v) {
        double rounded = Math.abs(v) < 1e-9 ? 0 : v;
        return String.format(Locale.US, "%.2f", rounded).replaceAll("\\.?0+$", "");
    }
}
