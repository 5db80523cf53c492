package org.cryoetgan.gan.sim;

/**
 * Tilt angles of a tilt series about the y axis, in degrees: from {@code min} to {@code max} in steps of {@code step}
 * (the paper and the default: −60° to +60° every 3°, 41 images, leaving a missing wedge of half-angle 30°).
 */
public record TiltScheme(double min, double max, double step) {

    public TiltScheme {
        if (!(step > 0) || max < min || min < -90 || max > 90) {
            throw new IllegalArgumentException("tilt range " + min + ".." + max + " step " + step + " is invalid");
        }
    }

    /** −60° to +60° every 3°. */
    public static TiltScheme standard() {
        return new TiltScheme(-60, 60, 3);
    }

    /** The angles, in degrees, including both ends when the step divides the range. */
    public double[] angles() {
        int n = (int) Math.floor((max - min) / step + 1e-9) + 1;
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = min + i * step;
        }
        return a;
    }
}
