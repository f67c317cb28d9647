package io.github.wcf4j.benchmarks;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * {@code results.png}: scenario 2's calls per second (median bar, min–max whisker) per system, grouped by sessions,
 * drawn headless with java.awt.
 */
final class Chart {
    private static final Color[] COLORS = {new Color(0x888888), new Color(0x1f77b4), new Color(0x0b3d91),
        new Color(0xff9f40), new Color(0xd35400), new Color(0x7fc97f), new Color(0x1b7837)};
    private static final int WIDTH = 1000;
    private static final int HEIGHT = 560;
    private static final int LEFT = 90;
    private static final int TOP = 60;
    private static final int BOTTOM = 120;
    private static final int RIGHT = 30;

    private Chart() {
    }

    /** Draws the chart to {@code file}; what was written (or why not). */
    static String write(Results results, Benchmarks.Plan plan, RunInfo run, Path file) {
        System.setProperty("java.awt.headless", "true");
        try {
            BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            draw(g, results, plan, run);
            g.dispose();
            ImageIO.write(image, "png", file.toFile());
            return "wrote " + file;
        } catch (IOException | RuntimeException | Error e) {
            return "chart not drawn: " + e;
        }
    }

    private static void draw(Graphics2D g, Results results, Benchmarks.Plan plan, RunInfo run) {
        List<Integer> groups = plan.sessions().stream().sorted().toList();
        List<Contender> systems = Contender.ALL;
        double top = 0;
        for (int n : groups) {
            for (Contender c : systems) {
                top = Math.max(top, calls(results, c, n).map(Measurement::max).orElse(0.0));
            }
        }
        top = niceCeiling(Math.max(top, 1));
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString("Calculator Add calls per second by concurrent sessions (median; whiskers: min–max of rounds)",
                LEFT, 30);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawString(run.row() + " · loopback · each system in its own JVM", LEFT, 48);
        for (int i = 0; i <= 5; i++) {
            double v = top * i / 5;
            int y = TOP + plotH - (int) (plotH * i / 5.0);
            g.setColor(new Color(0xdddddd));
            g.drawLine(LEFT, y, LEFT + plotW, y);
            g.setColor(Color.DARK_GRAY);
            g.drawString(String.format(Locale.ROOT, "%,.0f", v), 10, y + 4);
        }
        int groupW = plotW / groups.size();
        int barW = Math.max(4, (groupW - 30) / systems.size());
        for (int gi = 0; gi < groups.size(); gi++) {
            int x0 = LEFT + gi * groupW + 15;
            for (int si = 0; si < systems.size(); si++) {
                Optional<Measurement> m = calls(results, systems.get(si), groups.get(gi));
                if (m.isEmpty()) {
                    continue;
                }
                int x = x0 + si * barW;
                int h = (int) (plotH * m.get().median() / top);
                g.setColor(COLORS[si % COLORS.length]);
                g.fillRect(x, TOP + plotH - h, barW - 3, h);
                int yMin = TOP + plotH - (int) (plotH * m.get().min() / top);
                int yMax = TOP + plotH - (int) (plotH * m.get().max() / top);
                g.setColor(Color.BLACK);
                g.setStroke(new BasicStroke(1.2f));
                int cx = x + (barW - 3) / 2;
                g.drawLine(cx, yMin, cx, yMax);
                g.drawLine(cx - 3, yMin, cx + 3, yMin);
                g.drawLine(cx - 3, yMax, cx + 3, yMax);
            }
            g.setColor(Color.BLACK);
            g.drawString(groups.get(gi) + (groups.get(gi) == 1 ? " session" : " sessions"), x0 + groupW / 2 - 40,
                    TOP + plotH + 18);
        }
        int lx = LEFT;
        int ly = HEIGHT - BOTTOM + 50;
        for (int si = 0; si < systems.size(); si++) {
            g.setColor(COLORS[si % COLORS.length]);
            int col = si % 4;
            int row = si / 4;
            g.fillRect(lx + col * 220, ly + row * 22 - 10, 14, 14);
            g.setColor(Color.BLACK);
            g.drawString(systems.get(si).name(), lx + col * 220 + 20, ly + row * 22 + 2);
        }
    }

    private static Optional<Measurement> calls(Results results, Contender c, int n) {
        return results.load("calls", c, n, "");
    }

    private static double niceCeiling(double v) {
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * p >= v) {
                return m * p;
            }
        }
        return 10 * p;
    }
}
