package org.cryoetgan.gan.metrics;

import java.util.Arrays;

/**
 * Distances between the intensity distributions of two sets of voxels, ignoring where the voxels are: a quick
 * check that generated volumes have the grey-value statistics of real ones.
 */
public final class IntensityDistance {

    private IntensityDistance() {
    }

    /**
     * The Wasserstein-1 (earth mover's) distance between the empirical distributions of two samples, of any sizes:
     * {@code integral |F_u(t) - F_v(t)| dt} over the two empirical CDFs ({@code scipy.stats.wasserstein_distance}
     * with unit weights). It is 0 for identical samples and equals {@code |c|} when one sample is the other shifted
     * by c. Non-finite values are an error.
     */
    public static double wasserstein1(float[] u, float[] v) {
        double[] a = sortedCopy(u, "first");
        double[] b = sortedCopy(v, "second");
        int i = 0;
        int j = 0;
        double previous = Math.min(a[0], b[0]);
        double distance = 0;
        while (i < a.length || j < b.length) {
            double next = j >= b.length || (i < a.length && a[i] <= b[j]) ? a[i] : b[j];
            // On [previous, next) the CDFs are i / |a| and j / |b|.
            distance += Math.abs((double) i / a.length - (double) j / b.length) * (next - previous);
            while (i < a.length && a[i] == next) {
                i++;
            }
            while (j < b.length && b[j] == next) {
                j++;
            }
            previous = next;
        }
        return distance;
    }

    private static double[] sortedCopy(float[] x, String which) {
        if (x.length == 0) {
            throw new IllegalArgumentException(which + " sample is empty");
        }
        double[] d = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            if (!Float.isFinite(x[k])) {
                throw new IllegalArgumentException(which + " sample has a non-finite value at " + k);
            }
            d[k] = x[k];
        }
        Arrays.sort(d);
        return d;
    }
}
