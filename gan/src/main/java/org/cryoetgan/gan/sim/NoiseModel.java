package org.cryoetgan.gan.sim;

import java.util.Random;

/**
 * Additive Gaussian noise at a target signal-to-noise ratio, and its measurement.
 *
 * <p>Definition used throughout: SNR = variance of the signal / variance of the noise, both over the voxels (or
 * pixels) where the noise is added. It is measured from two independent noisy realisations a = s + n₁, b = s + n₂ of
 * the same signal through their correlation ρ: SNR = ρ / (1 − ρ) (Frank and Al-Ali, 1975).
 */
public final class NoiseModel {

    private NoiseModel() {
    }

    /** Standard deviation of noise giving {@code snr} for a signal of variance {@code signalVariance}. */
    public static double noiseSigma(double signalVariance, double snr) {
        if (!(snr > 0)) {
            throw new IllegalArgumentException("SNR must be positive, got " + snr);
        }
        return Math.sqrt(signalVariance / snr);
    }

    /** Population variance of the values. */
    public static double variance(float[] v) {
        double sum = 0;
        for (float f : v) {
            sum += f;
        }
        double mean = sum / v.length;
        double ss = 0;
        for (float f : v) {
            ss += (f - mean) * (f - mean);
        }
        return ss / v.length;
    }

    /** White Gaussian noise of standard deviation {@code sigma}. */
    public static float[] gaussian(int n, double sigma, Random rng) {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) (sigma * rng.nextGaussian());
        }
        return out;
    }

    /** signal + white Gaussian noise at the given SNR (a new array). */
    public static float[] addAtSnr(float[] signal, double snr, Random rng) {
        float[] noise = gaussian(signal.length, noiseSigma(variance(signal), snr), rng);
        for (int i = 0; i < noise.length; i++) {
            noise[i] += signal[i];
        }
        return noise;
    }

    /** Pearson correlation of two equally long arrays. */
    public static double correlation(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("lengths differ: " + a.length + " and " + b.length);
        }
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < a.length; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= a.length;
        mb /= b.length;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            double da = a[i] - ma;
            double db = b[i] - mb;
            sab += da * db;
            saa += da * da;
            sbb += db * db;
        }
        return sab / Math.sqrt(saa * sbb);
    }

    /** The SNR measured from two independent noisy realisations of one signal: ρ / (1 − ρ). */
    public static double measuredSnr(float[] a, float[] b) {
        double rho = correlation(a, b);
        return rho / (1 - rho);
    }
}
