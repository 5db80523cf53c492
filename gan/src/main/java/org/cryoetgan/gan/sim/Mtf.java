package org.cryoetgan.gan.sim;

/**
 * Detector modulation transfer function, as a function of spatial frequency f in cycles per pixel (Nyquist = 0.5):
 * MTF(f) = sinc(π f)^p · exp(−f² / (2 w²)), the square-pixel sinc (p = 1) times an optional Gaussian point-spread
 * term of width w (w = 0 turns it off). {@link #none()} is a perfect detector.
 *
 * @param sincPower p: 0 for no pixel sinc, 1 for an integrating pixel
 * @param gaussianWidth w in cycles per pixel, 0 for none
 */
public record Mtf(double sincPower, double gaussianWidth) {

    /** A perfect detector: MTF = 1. */
    public static Mtf none() {
        return new Mtf(0, 0);
    }

    /** An integrating square pixel with a mild Gaussian fall-off (MTF ≈ 0.48 at Nyquist), like a counting camera. */
    public static Mtf typicalDetector() {
        return new Mtf(1, 0.5);
    }

    public double value(double f) {
        double v = 1;
        if (sincPower != 0 && f != 0) {
            double x = Math.PI * f;
            v *= Math.pow(Math.abs(Math.sin(x) / x), sincPower);
        }
        if (gaussianWidth > 0) {
            v *= Math.exp(-f * f / (2 * gaussianWidth * gaussianWidth));
        }
        return v;
    }
}
