package org.cryoetgan.gan.metrics;

import java.util.Arrays;

/**
 * The sliding window of {@link Ssim}: a separable, normalised, odd-sized 1-D kernel applied along every axis.
 *
 * <p>Two kinds, as in scikit-image's {@code structural_similarity}:
 * <ul>
 *   <li>{@link #uniform(int)}: a box of {@code size} voxels per axis ({@code scipy.ndimage.uniform_filter});
 *       scikit-image's default is 7.</li>
 *   <li>{@link #gaussian(double)}: a Gaussian of standard deviation {@code sigma} truncated at
 *       {@code 3.5 sigma}, radius {@code (int) (3.5 sigma + 0.5)} ({@code scipy.ndimage.gaussian_filter} with
 *       {@code truncate = 3.5}); sigma 1.5 gives the 11-tap window of Wang et al. 2004.</li>
 * </ul>
 * Whatever the kind, {@link #size()} is the number of taps per axis, which scikit-image also uses for the
 * sample-covariance factor {@code N / (N - 1)} with {@code N = size^3} and for the border it crops.
 */
public final class SsimWindow {

    /** scikit-image's truncation of the Gaussian window, in standard deviations. */
    public static final double GAUSSIAN_TRUNCATE = 3.5;

    private final double[] kernel;
    private final boolean uniform;
    private final String description;

    private SsimWindow(double[] kernel, boolean uniform, String description) {
        this.kernel = kernel;
        this.uniform = uniform;
        this.description = description;
    }

    /** A box window of {@code size} (odd, at least 1) voxels per axis. */
    public static SsimWindow uniform(int size) {
        if (size < 1 || size % 2 == 0) {
            throw new IllegalArgumentException("SSIM window size must be odd and positive: " + size);
        }
        double[] k = new double[size];
        Arrays.fill(k, 1.0 / size);
        return new SsimWindow(k, true, "uniform " + size + "^3");
    }

    /** A Gaussian window of standard deviation {@code sigma}, truncated at {@link #GAUSSIAN_TRUNCATE} sigma. */
    public static SsimWindow gaussian(double sigma) {
        if (!(sigma > 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("Gaussian sigma must be positive and finite: " + sigma);
        }
        int radius = (int) (GAUSSIAN_TRUNCATE * sigma + 0.5);
        double[] k = new double[2 * radius + 1];
        double sum = 0;
        for (int i = -radius; i <= radius; i++) {
            k[i + radius] = Math.exp(-0.5 * i * i / (sigma * sigma));
            sum += k[i + radius];
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= sum;
        }
        return new SsimWindow(k, false, "gaussian " + k.length + "^3 sigma " + sigma);
    }

    /** Number of taps per axis (odd). */
    public int size() {
        return kernel.length;
    }

    /** Half-width {@code (size - 1) / 2}: the border that the mean SSIM leaves out on every side. */
    public int radius() {
        return kernel.length / 2;
    }

    /** Whether all taps are equal (which lets the filter use running sums). */
    public boolean isUniform() {
        return uniform;
    }

    /** The normalised 1-D kernel, centre at index {@link #radius()} (a copy). */
    public double[] kernel() {
        return kernel.clone();
    }

    /** Smooths {@code data} in place along x, y and z with this window and reflecting borders. */
    void smooth(double[] data, VolumeShape shape) {
        SeparableFilter.apply(data, shape, kernel, uniform);
    }

    @Override
    public String toString() {
        return description;
    }
}
