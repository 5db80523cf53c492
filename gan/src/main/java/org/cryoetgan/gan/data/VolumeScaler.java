package org.cryoetgan.gan.data;

/**
 * Maps raw voxel values into the networks' range and records what it did, so that generation applies the same
 * transform. For {@code GLOBAL_ZSCORE} the mean and standard deviation are fitted once on a domain's training
 * volumes; the other modes are per volume and need no fitting.
 */
public final class VolumeScaler {
    /** Default clip range of the z-score modes, in standard deviations, mapped onto [−1, 1]. */
    public static final double ZSCORE_CLIP = 3.0;

    private final Normalization mode;
    private final double mean;
    private final double std;
    private final double clip;

    private VolumeScaler(Normalization mode, double mean, double std, double clip) {
        if (!(clip > 0) || !Double.isFinite(clip)) {
            throw new IllegalArgumentException("the z-score clip must be a finite number > 0, got " + clip);
        }
        this.mode = mode;
        this.mean = mean;
        this.std = std;
        this.clip = clip;
    }

    /** A per-volume scaler ({@code MINMAX} or {@code ZSCORE}, clipped at {@value #ZSCORE_CLIP} σ). */
    public static VolumeScaler perVolume(Normalization mode) {
        return perVolume(mode, ZSCORE_CLIP);
    }

    /** A per-volume scaler; {@code ZSCORE} maps ±{@code clip} standard deviations onto ±1 and clips beyond. */
    public static VolumeScaler perVolume(Normalization mode, double clip) {
        if (mode == Normalization.GLOBAL_ZSCORE) {
            throw new IllegalArgumentException("GLOBAL_ZSCORE needs statistics: use fitted(...)");
        }
        return new VolumeScaler(mode, 0, 1, clip);
    }

    /** A global z-score scaler with the given statistics, clipped at {@value #ZSCORE_CLIP} σ. */
    public static VolumeScaler global(double mean, double std) {
        return global(mean, std, ZSCORE_CLIP);
    }

    /** A global z-score scaler with the given statistics and clip range (in standard deviations). */
    public static VolumeScaler global(double mean, double std, double clip) {
        if (!(std > 0) || !Double.isFinite(mean)) {
            throw new IllegalArgumentException("global normalisation needs a finite mean and std > 0, got mean "
                    + mean + ", std " + std);
        }
        return new VolumeScaler(Normalization.GLOBAL_ZSCORE, mean, std, clip);
    }

    /** Fits the scaler for {@code mode} on the given volumes (only GLOBAL_ZSCORE uses them). */
    public static VolumeScaler fit(Normalization mode, Iterable<float[]> volumes) {
        return fit(mode, ZSCORE_CLIP, volumes);
    }

    /** Fits the scaler for {@code mode} with a z-score clip range of {@code clip} standard deviations. */
    public static VolumeScaler fit(Normalization mode, double clip, Iterable<float[]> volumes) {
        if (mode != Normalization.GLOBAL_ZSCORE) {
            return perVolume(mode, clip);
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
        return global(mean, Math.sqrt(Math.max(ss / n - mean * mean, 0)), clip);
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

    /** Standard deviations mapped onto ±1 by the z-score modes. */
    public double clip() {
        return clip;
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

    private float[] zscore(float[] v, float[] out, double m, double sd) {
        double scale = sd > 0 ? 1.0 / (sd * clip) : 0;
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) Math.max(-1, Math.min(1, (v[i] - m) * scale));
        }
        return out;
    }
}
