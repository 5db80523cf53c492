package org.cryoetgan.gan.metrics;

import java.util.stream.IntStream;

/**
 * Euclidean distances between the rows of two feature sets, computed from differences (not the
 * {@code |a|^2 + |b|^2 - 2 a.b} expansion, which loses precision for nearby points), in double precision,
 * rows in parallel when the work is large enough to pay for it. Each squared distance is summed in four
 * independent partial sums, so that the additions need not wait on each other.
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
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int k = 0;
        for (; k + 4 <= x.length; k += 4) {
            double t0 = x[k] - y[k];
            double t1 = x[k + 1] - y[k + 1];
            double t2 = x[k + 2] - y[k + 2];
            double t3 = x[k + 3] - y[k + 3];
            s0 += t0 * t0;
            s1 += t1 * t1;
            s2 += t2 * t2;
            s3 += t3 * t3;
        }
        for (; k < x.length; k++) {
            double t = x[k] - y[k];
            s0 += t * t;
        }
        return (s0 + s1) + (s2 + s3);
    }

    private static double squared(float[] x, float[] y) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int k = 0;
        for (; k + 4 <= x.length; k += 4) {
            double t0 = (double) x[k] - (double) y[k];
            double t1 = (double) x[k + 1] - (double) y[k + 1];
            double t2 = (double) x[k + 2] - (double) y[k + 2];
            double t3 = (double) x[k + 3] - (double) y[k + 3];
            s0 += t0 * t0;
            s1 += t1 * t1;
            s2 += t2 * t2;
            s3 += t3 * t3;
        }
        for (; k < x.length; k++) {
            double t = (double) x[k] - (double) y[k];
            s0 += t * t;
        }
        return (s0 + s1) + (s2 + s3);
    }
}
