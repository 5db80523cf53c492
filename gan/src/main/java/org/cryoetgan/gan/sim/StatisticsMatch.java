package org.cryoetgan.gan.sim;

import java.util.Arrays;
import java.util.List;
import org.cryoetgan.gan.volume.VolumeStats;

/**
 * A label-free correction of simulated subtomograms towards the statistics of a target set (the training
 * subtomograms), fitted on the two unpaired sets: first a radial filter that gives the source set the target's mean
 * power in each frequency shell, then a monotone map of voxel values that gives the pooled filtered source the
 * target's pooled value distribution (quantile matching). Everything is done on per-volume z-scored values, and the
 * output is z-scored again, so only the shape of the spectrum and of the histogram change.
 *
 * <p>It corrects what the simulator gets wrong in aggregate (the noise spectrum, the imaging envelope, the heavy
 * tail of the voxel values) without reading a label; what differs per particle is left to the generator.
 *
 * @param box             the cubic edge the filter is defined for
 * @param shellGains      amplitude gain per frequency shell (shell = round(|f| · box), f in cycles per voxel)
 * @param sourceQuantiles quantiles of the pooled filtered source values, at evenly spaced levels from 0 to 1
 * @param targetQuantiles the target's quantiles at the same levels
 */
public record StatisticsMatch(int box, double[] shellGains, double[] sourceQuantiles, double[] targetQuantiles) {

    /** Quantile levels of a fitted match. */
    public static final int LEVELS = 1001;

    /** Checks the stored form. */
    public StatisticsMatch {
        if (box < 2 || shellGains == null || shellGains.length != shells(box)) {
            throw new IllegalArgumentException("a statistics match needs one gain per frequency shell of its box");
        }
        if (sourceQuantiles == null || targetQuantiles == null || sourceQuantiles.length < 2
                || sourceQuantiles.length != targetQuantiles.length) {
            throw new IllegalArgumentException("a statistics match needs two quantile tables of one length >= 2");
        }
        for (int i = 1; i < sourceQuantiles.length; i++) {
            if (sourceQuantiles[i] < sourceQuantiles[i - 1] || targetQuantiles[i] < targetQuantiles[i - 1]) {
                throw new IllegalArgumentException("the quantile tables of a statistics match must be non-decreasing");
            }
        }
    }

    /** Fits the match of {@code source} onto {@code target}, both lists of box³ volumes (x fastest). */
    public static StatisticsMatch fit(List<float[]> source, List<float[]> target, int box) {
        if (source.isEmpty() || target.isEmpty()) {
            throw new IllegalArgumentException("a statistics match needs volumes in both sets");
        }
        double[] ps = meanShellPower(source, box);
        double[] pt = meanShellPower(target, box);
        double[] gains = new double[ps.length];
        for (int k = 0; k < gains.length; k++) {
            gains[k] = ps[k] > 0 && pt[k] > 0 ? Math.sqrt(pt[k] / ps[k]) : 1.0;
        }
        float[][] filtered = new float[source.size()][];
        for (int i = 0; i < filtered.length; i++) {
            filtered[i] = filter(source.get(i), gains, box);
        }
        float[][] zTarget = new float[target.size()][];
        for (int i = 0; i < zTarget.length; i++) {
            zTarget[i] = zscore(target.get(i));
        }
        return new StatisticsMatch(box, gains, quantiles(filtered), quantiles(zTarget));
    }

    /** The corrected volume: z-scored, filtered, value-mapped, z-scored. */
    public float[] apply(float[] volume) {
        checkSize(volume);
        float[] v = filter(volume, shellGains, box);
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) interpolate(v[i]);
        }
        return zscore(v);
    }

    /** The z-scored volume with its spectrum multiplied by the shell gains, z-scored again. */
    private static float[] filter(float[] volume, double[] gains, int box) {
        float[] f = Fft.filter3(zscore(volume), box, box, box, (fx, fy, fz) -> gains[shell(fx, fy, fz, box)]);
        return zscore(f);
    }

    /** Piecewise-linear map from the source quantiles to the target's, constant beyond the ends. */
    private double interpolate(double x) {
        double[] s = sourceQuantiles;
        if (x <= s[0]) {
            return targetQuantiles[0];
        }
        if (x >= s[s.length - 1]) {
            return targetQuantiles[s.length - 1];
        }
        int hi = Arrays.binarySearch(s, x);
        if (hi >= 0) {
            while (hi + 1 < s.length && s[hi + 1] == x) {
                hi++;
            }
            return targetQuantiles[hi];
        }
        hi = -hi - 1;
        int lo = hi - 1;
        double t = (x - s[lo]) / (s[hi] - s[lo]);
        return targetQuantiles[lo] + t * (targetQuantiles[hi] - targetQuantiles[lo]);
    }

    private void checkSize(float[] volume) {
        if (volume.length != box * box * box) {
            throw new IllegalArgumentException("the statistics match was fitted on " + box + "³ volumes, got "
                    + volume.length + " voxels");
        }
    }

    /** Number of frequency shells of a cubic box (the corner included). */
    static int shells(int box) {
        return (int) Math.round(Math.sqrt(3) * (box / 2)) + 1;
    }

    private static int shell(double fx, double fy, double fz, int box) {
        return (int) Math.round(Math.sqrt(fx * fx + fy * fy + fz * fz) * box);
    }

    /** Mean power per frequency shell of the z-scored volumes. */
    static double[] meanShellPower(List<float[]> volumes, int box) {
        double[] sum = new double[shells(box)];
        long[] count = new long[sum.length];
        for (float[] v : volumes) {
            if (v.length != box * box * box) {
                throw new IllegalArgumentException("expected " + box + "³ volumes, got " + v.length + " voxels");
            }
            double[] c = Fft.toComplex(zscore(v));
            Fft.forward3(c, box, box, box);
            int i = 0;
            for (int z = 0; z < box; z++) {
                double fz = Fft.freq(z, box);
                for (int y = 0; y < box; y++) {
                    double fy = Fft.freq(y, box);
                    for (int x = 0; x < box; x++, i++) {
                        int k = shell(Fft.freq(x, box), fy, fz, box);
                        sum[k] += c[2 * i] * c[2 * i] + c[2 * i + 1] * c[2 * i + 1];
                        count[k]++;
                    }
                }
            }
        }
        for (int k = 0; k < sum.length; k++) {
            sum[k] = count[k] == 0 ? 0 : sum[k] / count[k];
        }
        return sum;
    }

    /** Quantiles of all values pooled, at {@link #LEVELS} levels, interpolated linearly between order statistics. */
    private static double[] quantiles(float[][] volumes) {
        int n = 0;
        for (float[] v : volumes) {
            n += v.length;
        }
        float[] all = new float[n];
        int at = 0;
        for (float[] v : volumes) {
            System.arraycopy(v, 0, all, at, v.length);
            at += v.length;
        }
        Arrays.sort(all);
        double[] q = new double[LEVELS];
        for (int j = 0; j < LEVELS; j++) {
            double pos = (double) j / (LEVELS - 1) * (n - 1);
            int lo = (int) Math.floor(pos);
            int hi = Math.min(lo + 1, n - 1);
            q[j] = all[lo] + (pos - lo) * (all[hi] - all[lo]);
        }
        return q;
    }

    /** The volume minus its mean, over its standard deviation (a constant volume becomes zeros). */
    static float[] zscore(float[] v) {
        VolumeStats st = VolumeStats.of(v);
        float[] out = new float[v.length];
        if (st.rms() == 0) {
            return out;
        }
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) ((v[i] - st.mean()) / st.rms());
        }
        return out;
    }
}
