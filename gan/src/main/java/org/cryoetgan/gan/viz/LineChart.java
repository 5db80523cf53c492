package org.cryoetgan.gan.viz;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A small line chart rendered to PNG: one panel per group of series, shared x axis, legend, tick labels. */
public final class LineChart {
    private static final Color[] PALETTE = {new Color(31, 119, 180), new Color(255, 127, 14),
        new Color(44, 160, 44), new Color(214, 39, 40), new Color(148, 103, 189), new Color(140, 86, 75),
        new Color(227, 119, 194), new Color(127, 127, 127)};

    /** One named series of (x, y) points. */
    public static final class Series {
        final String name;
        final List<double[]> points = new ArrayList<>();

        public Series(String name) {
            this.name = name;
        }

        public Series add(double x, double y) {
            if (Double.isFinite(x) && Double.isFinite(y)) {
                points.add(new double[] {x, y});
            }
            return this;
        }
    }

    private final String title;
    private final String xLabel;
    private final Map<String, List<Series>> panels = new LinkedHashMap<>();

    public LineChart(String title, String xLabel) {
        this.title = title;
        this.xLabel = xLabel;
    }

    /** Adds a series to the named panel (panels are stacked vertically in insertion order). */
    public LineChart add(String panel, Series s) {
        panels.computeIfAbsent(panel, k -> new ArrayList<>()).add(s);
        return this;
    }

    public BufferedImage render(int width, int panelHeight) {
        int n = Math.max(1, panels.size());
        int top = 30;
        int height = top + n * panelHeight + 30;
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(title, 10, 20);
        int i = 0;
        for (Map.Entry<String, List<Series>> e : panels.entrySet()) {
            drawPanel(g, e.getKey(), e.getValue(), 70, top + i * panelHeight + 10, width - 90, panelHeight - 40);
            i++;
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.setColor(Color.BLACK);
        g.drawString(xLabel, width / 2 - 20, height - 8);
        g.dispose();
        return img;
    }

    public void write(Path png, int width, int panelHeight) throws IOException {
        BufferedImage img = render(width, panelHeight);
        PngFiles.write(png, img);
    }

    private static void drawPanel(Graphics2D g, String name, List<Series> series, int x0, int y0, int w, int h) {
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (double[] p : s.points) {
                minX = Math.min(minX, p[0]);
                maxX = Math.max(maxX, p[0]);
                minY = Math.min(minY, p[1]);
                maxY = Math.max(maxY, p[1]);
            }
        }
        g.setColor(new Color(245, 245, 245));
        g.fillRect(x0, y0, w, h);
        g.setColor(Color.GRAY);
        g.drawRect(x0, y0, w, h);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.setColor(Color.BLACK);
        g.drawString(name, x0 + 5, y0 + 13);
        if (minX > maxX) {
            g.drawString("(no data)", x0 + w / 2 - 20, y0 + h / 2);
            return;
        }
        if (maxX == minX) {
            maxX = minX + 1;
        }
        if (maxY == minY) {
            maxY = minY + 1e-6 + Math.abs(minY) * 1e-3;
            minY = minY - 1e-6 - Math.abs(minY) * 1e-3;
        }
        double pad = (maxY - minY) * 0.05;
        minY -= pad;
        maxY += pad;
        for (int t = 0; t <= 4; t++) {
            double v = minY + (maxY - minY) * t / 4;
            int y = y0 + h - (int) Math.round(h * (v - minY) / (maxY - minY));
            g.setColor(new Color(220, 220, 220));
            g.drawLine(x0, y, x0 + w, y);
            g.setColor(Color.DARK_GRAY);
            g.drawString(String.format("%.3g", v), x0 - 62, y + 4);
        }
        for (int t = 0; t <= 4; t++) {
            double v = minX + (maxX - minX) * t / 4;
            int x = x0 + (int) Math.round(w * (v - minX) / (maxX - minX));
            g.drawString(String.format("%.0f", v), x - 10, y0 + h + 13);
        }
        int k = 0;
        for (Series s : series) {
            Color c = PALETTE[k % PALETTE.length];
            g.setColor(c);
            g.setStroke(new BasicStroke(1.5f));
            Path2D path = new Path2D.Double();
            boolean first = true;
            for (double[] p : s.points) {
                double x = x0 + w * (p[0] - minX) / (maxX - minX);
                double y = y0 + h - h * (p[1] - minY) / (maxY - minY);
                if (first) {
                    path.moveTo(x, y);
                    first = false;
                } else {
                    path.lineTo(x, y);
                }
            }
            g.draw(path);
            g.drawString(s.name, x0 + w - 150, y0 + 14 + 13 * k);
            k++;
        }
        g.setStroke(new BasicStroke(1f));
    }
}
