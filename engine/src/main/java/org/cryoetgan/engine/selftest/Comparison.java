package org.cryoetgan.engine.selftest;

/**
 * The error measure of the selftest (the same as the GPU parity suite's): per element {@code |a − e| / (|e| + 1% of
 * the largest |e|)}, so that sums whose terms cancel are judged against the size of their terms. NaN or infinity
 * where the other side has a different value counts as an infinite error.
 */
public final class Comparison {
    private Comparison() {
    }

    /** The largest error over the elements; infinite for a length mismatch. */
    public static double maxRelativeError(float[] expected, float[] actual) {
        if (expected.length != actual.length) {
            return Double.POSITIVE_INFINITY;
        }
        double scale = 0;
        for (float v : expected) {
            if (Float.isFinite(v)) {
                scale = Math.max(scale, Math.abs(v));
            }
        }
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            float e = expected[i];
            float a = actual[i];
            if (!Float.isFinite(e) || !Float.isFinite(a)) {
                if (Float.compare(e, a) != 0) {
                    return Double.POSITIVE_INFINITY;
                }
                continue;
            }
            double denom = Math.abs(e) + 1e-2 * scale;
            double err = denom == 0 ? (a == 0 ? 0 : Double.POSITIVE_INFINITY) : Math.abs(e - a) / denom;
            worst = Math.max(worst, err);
        }
        return worst;
    }
}
