package org.cryoetgan.gan.metrics;

import java.util.stream.IntStream;

/**
 * Euclidean distances between the rows of two feature sets, computed from differences (not the
 * {@code |a|^2 + |b|^2 - 2 a.b} expansion, which loses precision for nearby points), in double precision,
 * rows in parallel when the work is large enough to pay for it.
 */
final class PairwiseDistances {

    /** Below this many multiply-adds the distances are computed on the calling thread. */
    private static final long PARALLEL_THRESHOLD = 1L << 22;

    @FunctionalInterface
    private interface SquaredDistance {
        double between(int i, int j);
    }

    private PairwiseDistances() {
    }

    /** {@code d[i][j] = |a_i - b_j|}. */
    static double[][] between(double[][] a, double[][] b) {
        int dim = Features.dimension(a, b);
        return compute(a.length, b.length, dim, false, (i, j) -> squared(a[i], b[j]));
    }

    /** {@code d[i][j] = |a_i - b_j|} for single-precision rows (for example flattened volumes). */
    static double[][] between(float[][] a, float[][] b) {
        int dim = Features.dimension(a, b);
        return compute(a.length, b.length, dim, false, (i, j) -> squared(a[i], b[j]));
    }

    /** {@code d[i][j] = |a_i - a_j|}, exactly symmetric with a zero diagonal. */
    static double[][] within(double[][] a) {
        int dim = Features.dimension(a, a);
        return compute(a.length, a.length, dim, true, (i, j) -> squared(a[i], a[j]));
    }

    /** {@code d[i][j] = |a_i - a_j|} for single-precision rows. */
    static double[][] within(float[][] a) {
        int dim = Features.dimension(a, a);
        return compute(a.length, a.length, dim, true, (i, j) -> squared(a[i], a[j]));
    }

    private static double[][] compute(int na, int nb, int dim, boolean symmetric, SquaredDistance fn) {
        double[][] d = new double[na][nb];
        IntStream rows = IntStream.range(0, na);
        if ((long) na * nb * dim > PARALLEL_THRESHOLD) {
            rows = rows.parallel();
        }
        rows.forEach(i -> {
            for (int j = symmetric ? i + 1 : 0; j < nb; j++) {
                d[i][j] = Math.sqrt(fn.between(i, j));
            }
        });
        if (symmetric) {
            for (int i = 0; i < na; i++) {
                for (int j = 0; j < i; j++) {
                    d[i][j] = d[j][i];
                }
            }
        }
        return d;
    }

    private static double squared(double[] x, double[] y) {
        double s = 0;
        for (int k = 0; k < x.length; k++) {
            double t = x[k] - y[k];
            s += t * t;
        }
        return s;
    }

    private static double squared(float[] x, float[] y) {
        double s = 0;
        for (int k = 0; k < x.length; k++) {
            double t = (double) x[k] - (double) y[k];
            s += t * t;
        }
        return s;
    }
}
