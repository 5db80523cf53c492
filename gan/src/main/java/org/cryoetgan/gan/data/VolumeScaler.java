package org.cryoetgan.gan.data;

import org.cryoetgan.gan.train.Normalization;

/**
 * Maps raw voxel values into the networks' range and records what it did, so that generation applies the same
 * transform. For {@code GLOBAL_ZSCORE} the mean and standard deviation are fitted once on a domain's training
 * volumes; the other modes are per volume and need no fitting.
 */
public final class VolumeScaler {
    /** Clip range of the z-score modes, in standard deviations, mapped onto [−1, 1]. */
    public static final double ZSCORE_CLIP = 3.0;

    private final Normalization mode;
    private final double mean;
    private final double std;

    private VolumeScaler(Normalization mode, double mean, double std) {
        this.mode = mode;
        this.mean = mean;
        this.std = std;
    }

    /** A per-volume scaler ({@code MINMAX} or {@code ZSCORE}). */
    public static VolumeScaler perVolume(Normalization mode) {
        if (mode == Normalization.GLOBAL_ZSCORE) {
            throw new IllegalArgumentException("GLOBAL_ZSCORE needs statistics: use fitted(...)");
        }
        return new VolumeScaler(mode, 0, 1);
    }

    /** A global z-score scaler with the given statistics. */
    public static VolumeScaler global(double mean, double std) {
        if (!(std > 0) || !Double.isFinite(mean)) {
            throw new IllegalArgumentException("global normalisation needs a finite mean and std > 0, got mean "
                    + mean + ", std " + std);
        }
        return new VolumeScaler(Normalization.GLOBAL_ZSCORE, mean, std);
    }

    /** Fits the scaler for {@code mode} on the given volumes (only GLOBAL_ZSCORE uses them). */
    public static VolumeScaler fit(Normalization mode, Iterable<float[]> volumes) {
        if (mode != Normalization.GLOBAL_ZSCORE) {
            return perVolume(mode);
        }
        double s = 0;
        double ss = 0;
        long n = 0;
        for (float[] v : volumes) {
            for (float x : v) {
                s += x;
                ss += (double) x * x;
            }
            n += v.length;
        }
        if (n == 0) {
            throw new IllegalArgumentException("cannot fit a global normalisation on no data");
        }
        double mean = s / n;
        return global(mean, Math.sqrt(Math.max(ss / n - mean * mean, 0)));
    }

    public Normalization mode() {
        return mode;
    }

    public double mean() {
        return mean;
    }

    public double std() {
        return std;
    }

    /** A scaled copy of {@code v} in [−1, 1]. */
    public float[] apply(float[] v) {
        float[] out = new float[v.length];
        switch (mode) {
            case MINMAX: {
                float lo = Float.POSITIVE_INFINITY;
                float hi = Float.NEGATIVE_INFINITY;
                for (float x : v) {
                    lo = Math.min(lo, x);
                    hi = Math.max(hi, x);
                }
                double span = hi - lo;
                for (int i = 0; i < v.length; i++) {
                    out[i] = span > 0 ? (float) (2 * (v[i] - lo) / span - 1) : 0f;
                }
                return out;
            }
            case ZSCORE: {
                double s = 0;
                double ss = 0;
                for (float x : v) {
                    s += x;
                    ss += (double) x * x;
                }
                double m = s / v.length;
                double sd = Math.sqrt(Math.max(ss / v.length - m * m, 0));
                return zscore(v, out, m, sd);
            }
            default:
                return zscore(v, out, mean, std);
        }
    }

    private static float[] zscore(float[] v, float[] out, double m, double sd) {
        double scale = sd > 0 ? 1.0 / (sd * ZSCORE_CLIP) : 0;
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) Math.max(-1, Math.min(1, (v[i] - m) * scale));
        }
        return out;
    }
}
