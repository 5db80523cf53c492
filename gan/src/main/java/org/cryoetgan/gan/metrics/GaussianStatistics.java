package org.cryoetgan.gan.metrics;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The mean and the unbiased covariance ({@code 1 / (n - 1)}, NumPy's {@code np.cov(x, rowvar=False)}) of a
 * feature set with one sample per row: the Gaussian that the Fréchet distance compares.
 */
public final class GaussianStatistics {

    private final double[] mean;
    private final DMatrixRMaj covariance;

    /**
     * Statistics given directly (for example a known distribution).
     *
     * @param mean       the mean vector
     * @param covariance a symmetric positive semi-definite matrix, {@code covariance[i][j]}
     */
    public GaussianStatistics(double[] mean, double[][] covariance) {
        this(mean.clone(), new DMatrixRMaj(covariance));
    }

    private GaussianStatistics(double[] mean, DMatrixRMaj covariance) {
        if (covariance.numRows != mean.length || covariance.numCols != mean.length) {
            throw new IllegalArgumentException("covariance is " + covariance.numRows + "x" + covariance.numCols
                    + " for a mean of length " + mean.length);
        }
        this.mean = mean;
        this.covariance = covariance;
    }

    /** The sample mean and unbiased sample covariance of the rows (at least two). */
    public static GaussianStatistics of(double[][] rows) {
        double[] mean = mean(rows);
        DMatrixRMaj centred = centred(rows, mean);
        DMatrixRMaj cov = new DMatrixRMaj(mean.length, mean.length);
        Linalg.multTransA(centred, centred, cov);
        CommonOps_DDRM.scale(1.0 / (rows.length - 1), cov);
        return new GaussianStatistics(mean, cov);
    }

    /** The column means of at least two rows of equal length. */
    static double[] mean(double[][] rows) {
        int d = Features.dimension(rows, rows);
        int n = rows.length;
        if (n < 2) {
            throw new IllegalArgumentException("a covariance needs at least two samples, got " + n);
        }
        double[] mean = new double[d];
        for (double[] row : rows) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        return mean;
    }

    /** The rows minus {@code mean}, as an n x d matrix. */
    static DMatrixRMaj centred(double[][] rows, double[] mean) {
        DMatrixRMaj centred = new DMatrixRMaj(rows.length, mean.length);
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < mean.length; j++) {
                centred.set(i, j, rows[i][j] - mean[j]);
            }
        }
        return centred;
    }

    /** Number of features. */
    public int dimension() {
        return mean.length;
    }

    /** The mean vector (a copy). */
    public double[] mean() {
        return mean.clone();
    }

    /** The covariance matrix (a copy). */
    public DMatrixRMaj covariance() {
        return covariance.copy();
    }

    /** These statistics with {@code eps} added to the covariance's diagonal. */
    public GaussianStatistics withDiagonalOffset(double eps) {
        DMatrixRMaj c = covariance.copy();
        for (int i = 0; i < c.numRows; i++) {
            c.add(i, i, eps);
        }
        return new GaussianStatistics(mean.clone(), c);
    }
}
