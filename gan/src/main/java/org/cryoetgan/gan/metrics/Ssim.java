package org.cryoetgan.gan.metrics;

import java.util.stream.Stream;

/**
 * Structural similarity (SSIM) of two 3-D volumes, defined exactly as scikit-image's
 * {@code skimage.metrics.structural_similarity} (0.19) computes it for a single-channel 3-D array with an explicit
 * {@code data_range}:
 *
 * <pre>
 *   ux, uy, uxx, uyy, uxy = window-filtered x, y, x*x, y*y, x*y        (reflecting borders)
 *   f                     = N / (N - 1) with N = size^3 if sampleCovariance, else 1
 *   vx = f (uxx - ux^2),  vy = f (uyy - uy^2),  vxy = f (uxy - ux uy)
 *   C1 = (K1 R)^2,  C2 = (K2 R)^2                                         (R = data range)
 *   S  = (2 ux uy + C1)(2 vxy + C2) / ((ux^2 + uy^2 + C1)(vx + vy + C2))  (the SSIM map)
 *   SSIM = mean of S over the voxels at least (size - 1) / 2 from every face
 * </pre>
 *
 * <p>{@link #scikitImageDefault()} is scikit-image's default (7^3 box, K1 0.01, K2 0.03, sample covariance).
 * {@link #gaussian()} is {@code gaussian_weights=True}: an 11^3 Gaussian window of sigma 1.5. Note that in
 * scikit-image {@code gaussian_weights=True} does <em>not</em> turn the sample covariance off (its docs say to
 * pass {@code use_sample_covariance=False} as well to match Wang et al. 2004); {@link #wang2004()} is that
 * combination. Everything is computed in double precision; an instance is immutable and thread-safe.
 */
public final class Ssim {

    /** scikit-image's default K1. */
    public static final double DEFAULT_K1 = 0.01;
    /** scikit-image's default K2. */
    public static final double DEFAULT_K2 = 0.03;
    /** The Gaussian window's standard deviation in scikit-image and in Wang et al. 2004. */
    public static final double DEFAULT_SIGMA = 1.5;

    /** From this many voxels on, the five smoothed fields are filtered in parallel. */
    private static final int PARALLEL_VOXELS = 32 * 32 * 32;

    private final SsimWindow window;
    private final double k1;
    private final double k2;
    private final boolean sampleCovariance;

    /**
     * @param window           the sliding window
     * @param k1               luminance constant factor (C1 = (k1 R)^2), non-negative
     * @param k2               contrast constant factor (C2 = (k2 R)^2), non-negative
     * @param sampleCovariance whether (co)variances are scaled by N / (N - 1), N = window size cubed
     */
    public Ssim(SsimWindow window, double k1, double k2, boolean sampleCovariance) {
        if (!(k1 >= 0) || !(k2 >= 0)) {
            throw new IllegalArgumentException("K1 and K2 must be non-negative: " + k1 + ", " + k2);
        }
        this.window = java.util.Objects.requireNonNull(window, "window");
        this.k1 = k1;
        this.k2 = k2;
        this.sampleCovariance = sampleCovariance;
    }

    /** scikit-image's default: 7^3 box window, K1 0.01, K2 0.03, sample covariance. */
    public static Ssim scikitImageDefault() {
        return new Ssim(SsimWindow.uniform(7), DEFAULT_K1, DEFAULT_K2, true);
    }

    /** scikit-image with {@code gaussian_weights=True}: 11^3 Gaussian window, sigma 1.5, sample covariance. */
    public static Ssim gaussian() {
        return new Ssim(SsimWindow.gaussian(DEFAULT_SIGMA), DEFAULT_K1, DEFAULT_K2, true);
    }

    /** Wang et al. 2004: 11^3 Gaussian window, sigma 1.5, population covariance. */
    public static Ssim wang2004() {
        return new Ssim(SsimWindow.gaussian(DEFAULT_SIGMA), DEFAULT_K1, DEFAULT_K2, false);
    }

    /** The same settings with the covariance normalisation changed. */
    public Ssim withSampleCovariance(boolean sample) {
        return new Ssim(window, k1, k2, sample);
    }

    /** The window. */
    public SsimWindow window() {
        return window;
    }

    /** Whether (co)variances carry the N / (N - 1) factor. */
    public boolean sampleCovariance() {
        return sampleCovariance;
    }

    /**
     * The mean SSIM of two volumes of the same shape, leaving out a border of {@code window().radius()} voxels
     * on every face (scikit-image's {@code crop(S, pad).mean()}).
     *
     * @param dataRange the intensity range R of the data (for example max - min of the reference); positive
     */
    public double mean(float[] a, float[] b, VolumeShape shape, double dataRange) {
        return croppedMean(map(a, b, shape, dataRange), shape, window.radius());
    }

    /**
     * The full SSIM map, one value per voxel including the border (scikit-image's {@code full=True} output),
     * laid out like the inputs.
     */
    public double[] map(float[] a, float[] b, VolumeShape shape, double dataRange) {
        shape.requireLength(a.length, "first volume");
        shape.requireLength(b.length, "second volume");
        if (!(dataRange > 0) || Double.isInfinite(dataRange)) {
            throw new IllegalArgumentException("data range must be positive and finite: " + dataRange);
        }
        for (int axis = 0; axis < 3; axis++) {
            if (shape.extent(axis) < window.size()) {
                throw new IllegalArgumentException("SSIM window " + window + " is larger than the volume " + shape);
            }
        }
        int n = a.length;
        double[] ux = new double[n];
        double[] uy = new double[n];
        double[] uxx = new double[n];
        double[] uyy = new double[n];
        double[] uxy = new double[n];
        for (int i = 0; i < n; i++) {
            double x = a[i];
            double y = b[i];
            ux[i] = x;
            uy[i] = y;
            uxx[i] = x * x;
            uyy[i] = y * y;
            uxy[i] = x * y;
        }
        Stream<double[]> fields = Stream.of(ux, uy, uxx, uyy, uxy);
        if (n >= PARALLEL_VOXELS) {
            fields = fields.parallel();
        }
        fields.forEach(field -> window.smooth(field, shape));
        double np = Math.pow(window.size(), 3);
        double f = sampleCovariance ? np / (np - 1) : 1.0;
        double c1 = (k1 * dataRange) * (k1 * dataRange);
        double c2 = (k2 * dataRange) * (k2 * dataRange);
        double[] s = ux; // reuse as output
        for (int i = 0; i < n; i++) {
            double mx = ux[i];
            double my = uy[i];
            double vx = f * (uxx[i] - mx * mx);
            double vy = f * (uyy[i] - my * my);
            double vxy = f * (uxy[i] - mx * my);
            s[i] = (2 * mx * my + c1) * (2 * vxy + c2) / ((mx * mx + my * my + c1) * (vx + vy + c2));
        }
        return s;
    }

    /** Mean of {@code map} over the voxels at least {@code border} voxels from every face. */
    public static double croppedMean(double[] map, VolumeShape shape, int border) {
        shape.requireLength(map.length, "map");
        int nx = shape.nx();
        int ny = shape.ny();
        int nz = shape.nz();
        if (2 * border >= Math.min(nx, Math.min(ny, nz))) {
            throw new IllegalArgumentException("border " + border + " leaves nothing of " + shape);
        }
        double sum = 0;
        long count = 0;
        for (int z = border; z < nz - border; z++) {
            for (int y = border; y < ny - border; y++) {
                int row = (z * ny + y) * nx;
                for (int x = border; x < nx - border; x++) {
                    sum += map[row + x];
                    count++;
                }
            }
        }
        return sum / count;
    }

    /** The joint intensity range {@code max(a, b) - min(a, b)} of two volumes, a common choice of data range. */
    public static double jointDataRange(float[] a, float[] b) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (float[] v : new float[][] {a, b}) {
            for (float x : v) {
                min = Math.min(min, x);
                max = Math.max(max, x);
            }
        }
        return max - min;
    }

    @Override
    public String toString() {
        return "SSIM(" + window + ", K1 " + k1 + ", K2 " + k2 + (sampleCovariance ? ", sample" : ", population")
                + " covariance)";
    }
}
