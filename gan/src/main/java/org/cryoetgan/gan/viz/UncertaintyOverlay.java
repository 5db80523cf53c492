package org.cryoetgan.gan.viz;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import org.cryoetgan.gan.volume.Volume;

/**
 * A PNG in the style of the paper's Figure 4: the central XY, XZ and YZ sections of the mean generation (grey),
 * of the per-voxel standard deviation ("hot" colours, 0 to its maximum) and of the standard deviation blended over
 * the mean, with a colour bar. Runs headless.
 */
public final class UncertaintyOverlay {
    private static final int GAP = 6;
    private static final int HEADER = 22;
    private static final int LABEL = 70;
    private static final int BAR = 28;
    private static final double ALPHA = 0.85;

    private final int minPanel;

    public UncertaintyOverlay() {
        this(120);
    }

    /** @param minPanel smallest panel edge in pixels (slices are enlarged by a whole factor) */
    public UncertaintyOverlay(int minPanel) {
        this.minPanel = minPanel;
    }

    /** Renders mean and std (same shape) with {@code title} on top. */
    public BufferedImage render(Volume mean, Volume std, String title) {
        if (mean.nx() != std.nx() || mean.ny() != std.ny() || mean.nz() != std.nz()) {
            throw new IllegalArgumentException("mean and std maps differ in shape");
        }
        System.setProperty("java.awt.headless", "true");
        int maxDim = Math.max(mean.nx(), Math.max(mean.ny(), mean.nz()));
        int scale = Math.max(1, (int) Math.ceil(minPanel / (double) maxDim));
        int panel = maxDim * scale;
        int width = LABEL + 3 * (panel + GAP) + GAP;
        int height = 2 * HEADER + 3 * (panel + GAP) + BAR + 2 * GAP;
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        g.drawString(title, GAP, HEADER - 6);
        String[] columns = {"XY (z = nz/2)", "XZ (y = ny/2)", "YZ (x = nx/2)"};
        for (int c = 0; c < 3; c++) {
            g.drawString(columns[c], LABEL + c * (panel + GAP) + GAP, 2 * HEADER - 6);
        }
        Contrast grey = Contrast.fromPercentiles(mean.data(), 1, 99);
        double maxStd = max(std.data());
        Slice[] m = {Slice.centralXY(mean), Slice.centralXZ(mean), Slice.centralYZ(mean)};
        Slice[] s = {Slice.centralXY(std), Slice.centralXZ(std), Slice.centralYZ(std)};
        String[] rows = {"mean", "std", "overlay"};
        for (int r = 0; r < 3; r++) {
            int top = 2 * HEADER + r * (panel + GAP);
            g.setColor(Color.BLACK);
            g.drawString(rows[r], GAP, top + panel / 2);
            for (int c = 0; c < 3; c++) {
                int left = LABEL + c * (panel + GAP) + GAP;
                for (int y = 0; y < m[c].height(); y++) {
                    for (int x = 0; x < m[c].width(); x++) {
                        int i = y * m[c].width() + x;
                        int level = grey.grey(m[c].values()[i]);
                        double t = maxStd > 0 ? s[c].values()[i] / maxStd : 0;
                        int rgb = r == 0 ? (level << 16) | (level << 8) | level
                                : r == 1 ? HeatColors.rgb(t) : HeatColors.over(level, t, ALPHA);
                        g.setColor(new Color(rgb));
                        g.fillRect(left + x * scale, top + y * scale, scale, scale);
                    }
                }
            }
        }
        drawBar(g, LABEL + GAP, 2 * HEADER + 3 * (panel + GAP) + GAP, 3 * panel + 2 * GAP, maxStd);
        g.dispose();
        return img;
    }

    /** Renders and writes the PNG. */
    public void write(Path png, Volume mean, Volume std, String title) throws IOException {
        BufferedImage img = render(mean, std, title);
        PngFiles.write(png, img);
    }

    private static void drawBar(Graphics2D g, int left, int top, int width, double maxStd) {
        int h = BAR / 2;
        for (int x = 0; x < width; x++) {
            g.setColor(new Color(HeatColors.rgb(x / (double) (width - 1))));
            g.drawLine(left + x, top, left + x, top + h);
        }
        g.setColor(Color.BLACK);
        g.drawString("std 0", left, top + h + 13);
        String hi = String.format("%.3g", maxStd);
        g.drawString(hi, left + width - g.getFontMetrics().stringWidth(hi), top + h + 13);
    }

    private static double max(float[] v) {
        double m = 0;
        for (float x : v) {
            m = Math.max(m, x);
        }
        return m;
    }
}
