package org.cryoetgan.gan.metrics;

/**
 * Checks and conversions for feature sets: one sample per row (for example classifier activations, or a
 * flattened volume per row for metrics on raw voxels), all rows of one length.
 */
public final class Features {

    private Features() {
    }

    /** The common row length of two non-empty feature sets; throws if rows differ in length. */
    static int dimension(double[][] a, double[][] b) {
        int dim = rowLength(a.length, a.length == 0 ? -1 : a[0].length);
        for (double[][] set : new double[][][] {a, b}) {
            for (double[] row : set) {
                requireLength(row.length, dim);
            }
        }
        return dim;
    }

    /** The common row length of two non-empty single-precision feature sets. */
    static int dimension(float[][] a, float[][] b) {
        int dim = rowLength(a.length, a.length == 0 ? -1 : a[0].length);
        for (float[][] set : new float[][][] {a, b}) {
            for (float[] row : set) {
                requireLength(row.length, dim);
            }
        }
        return dim;
    }

    /** A double-precision copy of single-precision rows. */
    public static double[][] toDouble(float[][] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = new double[rows[i].length];
            for (int j = 0; j < rows[i].length; j++) {
                out[i][j] = rows[i][j];
            }
        }
        return out;
    }

    private static int rowLength(int rows, int firstLength) {
        if (rows == 0 || firstLength == 0) {
            throw new IllegalArgumentException("feature set is empty");
        }
        return firstLength;
    }

    private static void requireLength(int length, int dim) {
        if (length != dim) {
            throw new IllegalArgumentException("feature rows differ in length: " + length + " vs " + dim);
        }
    }
}
