package org.cryoetgan.gan.invariant;

import org.cryoetgan.gan.metrics.RadialPowerSpectrum;
import org.cryoetgan.gan.metrics.VolumeShape;

/**
 * Rotation-invariant features of a cubic volume of side n, computed after z-scoring the volume on its own
 * (mean 0, population standard deviation 1; no clipping):
 *
 * <ol>
 *   <li>the radial profile: the mean z-scored value in each spherical shell about the box centre
 *       ((n − 1)/2 on every axis), shell {@code floor(r)} for radii r &lt; n/2, so n/2 values;</li>
 *   <li>the log radial power spectrum: {@code ln(P(s) + 1e-12)} of {@link RadialPowerSpectrum} for the shells
 *       s = 1 .. n/2 (shell 0 is the mean, 0 after z-scoring), so n/2 values;</li>
 *   <li>the skewness, mean(z³), and the excess kurtosis, mean(z⁴) − 3.</li>
 * </ol>
 *
 * A constant volume has no z-score; its z-scored values are taken as 0.
 */
public final class InvariantFeatures {
    /** Added to the power before the logarithm, so that an empty shell gives a finite value. */
    public static final double LOG_FLOOR = 1e-12;

    private InvariantFeatures() {
    }

    /** Number of features of a volume of side n: n/2 + n/2 + 2. */
    public static int count(int n) {
        return 2 * (n / 2) + 2;
    }

    /** The features of an n³ volume (x fastest). */
    public static double[] of(float[] volume, int n) {
        VolumeShape shape = VolumeShape.cube(n);
        shape.requireLength(volume.length, "volume");
        float[] z = zScored(volume);
        int half = n / 2;
        double[] out = new double[count(n)];
        double[] profile = radialProfile(z, n);
        System.arraycopy(profile, 0, out, 0, half);
        double[] power = RadialPowerSpectrum.of(z, shape).power();
        for (int s = 1; s <= half; s++) {
            out[half + s - 1] = Math.log(power[s] + LOG_FLOOR);
        }
        double m3 = 0;
        double m4 = 0;
        for (float v : z) {
            double v2 = (double) v * v;
            m3 += v2 * v;
            m4 += v2 * v2;
        }
        out[2 * half] = m3 / z.length;
        out[2 * half + 1] = m4 / z.length - 3;
        return out;
    }

    /** The volume minus its mean, divided by its population standard deviation (all 0 for a constant volume). */
    static float[] zScored(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += x;
        }
        double mean = sum / v.length;
        double ss = 0;
        for (float x : v) {
            ss += (x - mean) * (x - mean);
        }
        double std = Math.sqrt(ss / v.length);
        float[] out = new float[v.length];
        if (std > 0) {
            for (int i = 0; i < v.length; i++) {
                out[i] = (float) ((v[i] - mean) / std);
            }
        }
        return out;
    }

    private static double[] radialProfile(float[] z, int n) {
        int half = n / 2;
        double[] sum = new double[half];
        long[] count = new long[half];
        double c = (n - 1) / 2.0;
        for (int k = 0; k < n; k++) {
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < n; i++) {
                    double r = Math.sqrt((i - c) * (i - c) + (j - c) * (j - c) + (k - c) * (k - c));
                    int s = (int) Math.floor(r);
                    if (s < half) {
                        sum[s] += z[(k * n + j) * n + i];
                        count[s]++;
                    }
                }
            }
        }
        for (int s = 0; s < half; s++) {
            sum[s] = count[s] == 0 ? 0 : sum[s] / count[s];
        }
        return sum;
    }
}
