package org.cryoetgan.gan.metrics;

import java.util.List;

/**
 * How much a conditional generator's outputs depend on its input rather than on its noise: for outputs
 * {@code y[m][k]} (map m, noise draw k), the mean distance between outputs of different maps with the same draw
 * index, against the mean distance between draws of one map. Two distances: the correlation distance
 * {@code 1 − r} (Pearson r over voxels; 0 for identical patterns, 1 for unrelated ones, scale-free) and the RMS
 * voxel difference (in the outputs' units). A generator that ignores its input (mode collapse) has a ratio of
 * correlation distances near 1, or near-zero distances everywhere when it also ignores the noise; a faithful one
 * has outputs of different maps far more different than draws of one map (ratio ≫ 1).
 */
public final class ModeCollapse {

    /**
     * @param acrossMaps     mean correlation distance between outputs of different maps (same draw index)
     * @param acrossNoise    mean correlation distance between draws of one map
     * @param ratio          acrossMaps / acrossNoise (infinite when the draws of each map are identical)
     * @param rmsAcrossMaps  mean RMS voxel difference between outputs of different maps
     * @param rmsAcrossNoise mean RMS voxel difference between draws of one map
     * @param maps           maps compared
     * @param draws          draws per map used
     */
    public record Result(double acrossMaps, double acrossNoise, double ratio, double rmsAcrossMaps,
                         double rmsAcrossNoise, int maps, int draws) {
    }

    private ModeCollapse() {
    }

    /** The check over {@code outputs.get(m).get(k)}: at least two maps, each with the same number (≥ 2) of draws. */
    public static Result compute(List<List<float[]>> outputs) {
        int maps = outputs.size();
        if (maps < 2) {
            throw new IllegalArgumentException("the collapse check needs outputs of at least two maps, got " + maps);
        }
        int draws = outputs.get(0).size();
        for (List<float[]> m : outputs) {
            if (m.size() != draws || draws < 2) {
                throw new IllegalArgumentException("the collapse check needs the same number (at least 2) of noise"
                        + " draws for every map, got " + m.size() + " and " + draws);
            }
        }
        double corrMaps = 0;
        double rmsMaps = 0;
        long pairsMaps = 0;
        for (int k = 0; k < draws; k++) {
            for (int a = 0; a < maps; a++) {
                for (int b = a + 1; b < maps; b++) {
                    double[] d = distances(outputs.get(a).get(k), outputs.get(b).get(k));
                    corrMaps += d[0];
                    rmsMaps += d[1];
                    pairsMaps++;
                }
            }
        }
        double corrNoise = 0;
        double rmsNoise = 0;
        long pairsNoise = 0;
        for (List<float[]> m : outputs) {
            for (int a = 0; a < draws; a++) {
                for (int b = a + 1; b < draws; b++) {
                    double[] d = distances(m.get(a), m.get(b));
                    corrNoise += d[0];
                    rmsNoise += d[1];
                    pairsNoise++;
                }
            }
        }
        double across = corrMaps / pairsMaps;
        double noise = corrNoise / pairsNoise;
        return new Result(across, noise, noise > 0 ? across / noise : Double.POSITIVE_INFINITY, rmsMaps / pairsMaps,
                rmsNoise / pairsNoise, maps, draws);
    }

    /** Mean correlation distance over all pairs of {@code volumes} (e.g. the input maps, for reference). */
    public static double meanCorrelationDistance(List<float[]> volumes) {
        double sum = 0;
        long pairs = 0;
        for (int a = 0; a < volumes.size(); a++) {
            for (int b = a + 1; b < volumes.size(); b++) {
                sum += distances(volumes.get(a), volumes.get(b))[0];
                pairs++;
            }
        }
        if (pairs == 0) {
            throw new IllegalArgumentException("a mean pairwise distance needs at least two volumes");
        }
        return sum / pairs;
    }

    /** {1 − Pearson r, RMS difference}; r is taken as 0 when either volume is constant. */
    static double[] distances(float[] x, float[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("volumes of " + x.length + " and " + y.length + " voxels");
        }
        int n = x.length;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        double sq = 0;
        for (int i = 0; i < n; i++) {
            double a = x[i] - mx;
            double b = y[i] - my;
            sxy += a * b;
            sxx += a * a;
            syy += b * b;
            double d = x[i] - y[i];
            sq += d * d;
        }
        double r = sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : 0;
        return new double[] {1 - r, Math.sqrt(sq / n)};
    }
}
