package org.cryoetgan.gan.viz;

import java.util.Arrays;

/**
 * A grey-level window [low, high] taken from percentiles of the data, so that a few extreme voxels do not wash out
 * the image. Values map linearly to 0–255 and are clipped.
 */
public record Contrast(double low, double high) {

    /** The window from the {@code lowPercent} and {@code highPercent} percentiles (0–100) of {@code values}. */
    public static Contrast fromPercentiles(float[] values, double lowPercent, double highPercent) {
        float[] sorted = values.clone();
        Arrays.sort(sorted);
        double lo = percentile(sorted, lowPercent);
        double hi = percentile(sorted, highPercent);
        if (!(hi > lo)) {
            hi = lo + 1;
        }
        return new Contrast(lo, hi);
    }

    private static double percentile(float[] sorted, double p) {
        double pos = Math.max(0, Math.min(1, p / 100)) * (sorted.length - 1);
        int i = (int) Math.floor(pos);
        int j = Math.min(sorted.length - 1, i + 1);
        return sorted[i] + (pos - i) * (sorted[j] - sorted[i]);
    }

    /** The grey level (0–255) of a value. */
    public int grey(double v) {
        double g = (v - low) / (high - low) * 255;
        return (int) Math.round(Math.max(0, Math.min(255, g)));
    }
}
