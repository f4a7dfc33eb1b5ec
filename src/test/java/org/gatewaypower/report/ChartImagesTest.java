package org.gatewaypower.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.gatewaypower.analysis.BalanceReport;
import org.gatewaypower.physics.energy.EnergyLedger;
import org.gatewaypower.physics.energy.PowerState;
import org.gatewaypower.physics.energy.SunlightTimeline;
import org.junit.jupiter.api.Test;

/** The chart images are PNGs of the promised size with the series, floor and eclipse actually drawn. */
class ChartImagesTest {

    private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final double HOUR = 3600;

    @Test
    void the_state_of_charge_chart_shows_the_curve_the_floor_and_the_eclipse() throws IOException {
        BufferedImage image = decode(ChartImages.stateOfCharge(report(sampleTimeline()), FONT));

        assertThat(image.getWidth()).isEqualTo(ChartImages.WIDTH);
        assertThat(image.getHeight()).isEqualTo(ChartImages.HEIGHT);
        assertThat(luminanceVariance(image)).isGreaterThan(200);
        assertThat(pixelsNear(image, new Color(0x1F, 0x5F, 0xBF))).as("state-of-charge line").isGreaterThan(2_000);
        assertThat(pixelsNear(image, new Color(0xC6, 0x28, 0x28))).as("dashed floor").isGreaterThan(1_000);
    }

    @Test
    void the_power_chart_shows_generation_load_and_battery() throws IOException {
        BufferedImage image = decode(ChartImages.power(report(sampleTimeline()), FONT));

        assertThat(luminanceVariance(image)).isGreaterThan(200);
        assertThat(pixelsNear(image, new Color(0xE0, 0x8E, 0x00))).as("generation").isGreaterThan(1_000);
        assertThat(pixelsNear(image, new Color(0x6A, 0x1B, 0x9A))).as("load").isGreaterThan(1_000);
        assertThat(pixelsNear(image, new Color(0x2E, 0x7D, 0x32))).as("battery").isGreaterThan(1_000);
    }

    @Test
    void without_a_timeline_the_charts_say_so_instead_of_drawing_empty_axes() throws IOException {
        BufferedImage image = decode(ChartImages.stateOfCharge(report(List.of()), FONT));

        assertThat(pixelsNear(image, new Color(0x1F, 0x5F, 0xBF))).isZero();
        assertThat(luminanceVariance(image)).as("the message is drawn").isGreaterThan(0);
    }

    @Test
    void ticks_are_round_and_cover_the_range() {
        assertThat(ChartImages.ticks(0, 100)).containsExactly(0, 20, 40, 60, 80, 100);
        assertThat(ChartImages.ticks(-12.3, 31)).startsWith(-20.0).endsWith(40.0);
        assertThat(ChartImages.ticks(0, 157.5)).containsExactly(0, 50, 100, 150, 200);
        assertThat(ChartImages.ticks(0, 157.5, 10)).startsWith(0.0, 20.0).endsWith(160.0);
    }

    /** Variance of the luminance (0–255 scale) over the image: 0 for a blank one. */
    static double luminanceVariance(BufferedImage image) {
        double sum = 0;
        double squares = 0;
        long n = (long) image.getWidth() * image.getHeight();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                double l = 0.299 * ((rgb >> 16) & 0xFF) + 0.587 * ((rgb >> 8) & 0xFF) + 0.114 * (rgb & 0xFF);
                sum += l;
                squares += l * l;
            }
        }
        double mean = sum / n;
        return squares / n - mean * mean;
    }

    private static long pixelsNear(BufferedImage image, Color c) {
        long count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                if (Math.abs(((rgb >> 16) & 0xFF) - c.getRed()) < 12 && Math.abs(((rgb >> 8) & 0xFF) - c.getGreen()) < 12
                        && Math.abs((rgb & 0xFF) - c.getBlue()) < 12) {
                    count++;
                }
            }
        }
        return count;
    }

    private static BufferedImage decode(byte[] png) throws IOException {
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    /** Eclipse for 1.5 h (battery discharging 10 kW), then sunlight: charging at 6 kW until full, then idle. */
    private static List<PowerState> sampleTimeline() {
        return List.of(
                new PowerState(0, 0, 0, 10_000, -10_000, 0, 0, 0, 0, 0, 100e6, 1.0),
                new PowerState(1.5 * HOUR, 1, 16_000, 10_000, 6_000, 0, 0, 0, 0, 0, 46e6, 0.46),
                new PowerState(4 * HOUR, 1, 16_000, 10_000, 0, 6_000, 0, 0, 0, 0, 100e6, 1.0));
    }

    private static BalanceReport report(List<PowerState> timeline) {
        EnergyLedger ledger = new EnergyLedger(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        BalanceReport.BatteryResult battery = new BalanceReport.BatteryResult(100e6, 0.3, 1, 1, 0.46, 0.5, 1.5 * HOUR,
                0.54, 0.7, 1, 54e6, 2.5 * HOUR, ledger, List.of(), 0);
        return BalanceReport.builder().workspaceId(1).modeId(1).modeName("Crewed").illumination("design orbit")
                .spanS(10 * HOUR).eclipseCount(1).longestEclipseS(1.5 * HOUR).arrayAgeYears(15)
                .cbeAverageLoadW(9_000).mevAverageLoadW(10_000).cbePeakLoadW(12_000).mevPeakLoadW(13_000)
                .arrayRatedPowerW(20_000).sunlitGenerationW(16_000).orbitAverageGenerationW(14_000)
                .sustainableLoadW(13_000).powerMargin(0.2).battery(battery).timeline(timeline)
                .shadows(List.of(new SunlightTimeline.Interval(0, 1.5 * HOUR))).marginPolicy("ESA").requiredMargin(0.2)
                .transferLimitW(24_000)
                .elementLoads(List.of(new BalanceReport.ElementLoad(1, "HALO", Map.of(1L, 10_000.0)))).build();
    }
}
