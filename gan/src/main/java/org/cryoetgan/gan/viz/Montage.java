package org.cryoetgan.gan.viz;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.cryoetgan.gan.volume.Volume;

/**
 * A PNG montage in the style of the paper's Figures 2 and 3: one row per volume with its central XY, XZ and YZ
 * sections, a label on the left and column titles on top. Each volume gets its own grey window from percentiles
 * (default 1% and 99%) of all its voxels; slices are enlarged by a whole factor (nearest neighbour) so that a 40³
 * subtomogram is legible. Runs headless.
 */
public final class Montage {

    /** A volume and the text shown next to it. */
    public record Entry(String label, Volume volume) {
    }

    private static final int GAP = 6;
    private static final int HEADER = 22;

    private final double lowPercent;
    private final double highPercent;
    private final int minPanel;

    /** Percentile window 1–99% and panels at least 120 pixels wide. */
    public Montage() {
        this(1, 99, 120);
    }

    public Montage(double lowPercent, double highPercent, int minPanel) {
        this.lowPercent = lowPercent;
        this.highPercent = highPercent;
        this.minPanel = minPanel;
    }

    /** Render the montage. */
    public BufferedImage render(List<Entry> entries) {
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("nothing to show");
        }
        System.setProperty("java.awt.headless", "true");
        int maxDim = 1;
        for (Entry e : entries) {
            Volume v = e.volume();
            maxDim = Math.max(maxDim, Math.max(v.nx(), Math.max(v.ny(), v.nz())));
        }
        int scale = Math.max(1, (int) Math.ceil(minPanel / (double) maxDim));
        int panel = maxDim * scale;
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
        int labelWidth = labelWidth(entries, font);
        int width = labelWidth + 3 * (panel + GAP) + GAP;
        int height = HEADER + entries.size() * (panel + GAP) + GAP;
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setFont(font);
        g.setColor(Color.BLACK);
        String[] titles = {"XY (z = nz/2)", "XZ (y = ny/2)", "YZ (x = nx/2)"};
        for (int c = 0; c < 3; c++) {
            g.drawString(titles[c], labelWidth + c * (panel + GAP) + GAP, HEADER - 6);
        }
        for (int r = 0; r < entries.size(); r++) {
            Volume v = entries.get(r).volume();
            Contrast contrast = Contrast.fromPercentiles(v.data(), lowPercent, highPercent);
            Slice[] slices = {Slice.centralXY(v), Slice.centralXZ(v), Slice.centralYZ(v)};
            int top = HEADER + r * (panel + GAP);
            g.setColor(Color.BLACK);
            drawLabel(g, entries.get(r).label(), v, GAP, top + panel / 2);
            for (int c = 0; c < 3; c++) {
                int left = labelWidth + c * (panel + GAP) + GAP;
                draw(img, slices[c], contrast, scale, left, top);
            }
        }
        g.dispose();
        return img;
    }

    /** Render and write a PNG. */
    public void write(Path png, List<Entry> entries) throws IOException {
        BufferedImage img = render(entries);
        PngFiles.write(png, img);
    }

    private static int labelWidth(List<Entry> entries, Font font) {
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = probe.createGraphics();
        FontMetrics fm = g.getFontMetrics(font);
        int w = 60;
        for (Entry e : entries) {
            w = Math.max(w, fm.stringWidth(e.label()));
            w = Math.max(w, fm.stringWidth(dims(e.volume())));
        }
        g.dispose();
        return Math.min(w, 360) + 2 * GAP;
    }

    private static void drawLabel(Graphics2D g, String label, Volume v, int x, int y) {
        g.drawString(label, x, y);
        g.setColor(Color.DARK_GRAY);
        g.drawString(dims(v), x, y + 16);
    }

    private static String dims(Volume v) {
        return v.nx() + "×" + v.ny() + "×" + v.nz() + String.format(", %.3g Å", v.voxelSize().x());
    }

    private static void draw(BufferedImage img, Slice s, Contrast c, int scale, int left, int top) {
        for (int y = 0; y < s.height(); y++) {
            for (int x = 0; x < s.width(); x++) {
                int grey = c.grey(s.values()[y * s.width() + x]);
                int rgb = (grey << 16) | (grey << 8) | grey;
                for (int dy = 0; dy < scale; dy++) {
                    for (int dx = 0; dx < scale; dx++) {
                        img.setRGB(left + x * scale + dx, top + y * scale + dy, rgb);
                    }
                }
            }
        }
    }
}
