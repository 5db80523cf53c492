package org.cryoetgan.gan.metrics;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Fréchet distance between two feature sets modelled as Gaussians (the FID when the features come from a
 * classifier; here the 3-D CNN, as in the paper):
 * <pre>
 *   FID = |mu1 - mu2|^2 + Tr S1 + Tr S2 - 2 Tr sqrtm(S1 S2)
 * </pre>
 * with unbiased covariances. This follows pytorch-fid's {@code calculate_frechet_distance}: if the root is not
 * finite, {@value #EPS} is added to both covariances' diagonals and it is tried again; an imaginary part larger
 * than {@value #MAX_IMAGINARY} is an error, a smaller one is dropped.
 *
 * <p>Difference from pytorch-fid, documented: {@code Tr sqrtm(S1 S2)} is computed from the symmetric form
 * {@code Tr sqrtm(sqrt(S1) S2 sqrt(S1))} (same trace; see {@link MatrixSqrt}) rather than by SciPy's Schur-based
 * {@code sqrtm} of the non-symmetric product. Its imaginary parts are the roots of negative round-off
 * eigenvalues, and the error check is on the largest of them, where pytorch-fid checks the diagonal of the
 * complex root. On well-conditioned inputs both agree to round-off.
 */
public final class Fid {

    /** Added to the covariance diagonals when the first root is not finite (pytorch-fid's eps). */
    public static final double EPS = 1e-6;
    /** Largest imaginary part of the root that is treated as round-off. */
    public static final double MAX_IMAGINARY = 1e-3;

    private Fid() {
    }

    /** The FID between two double-precision feature sets (one sample per row, at least two rows each). */
    public static double compute(double[][] a, double[][] b) {
        Features.dimension(a, b);
        return between(GaussianStatistics.of(a), GaussianStatistics.of(b));
    }

    /** The FID between two single-precision feature sets. */
    public static double compute(float[][] a, float[][] b) {
        return compute(Features.toDouble(a), Features.toDouble(b));
    }

    /** The Fréchet distance between two Gaussians. */
    public static double between(GaussianStatistics p, GaussianStatistics q) {
        if (p.dimension() != q.dimension()) {
            throw new IllegalArgumentException("dimensions differ: " + p.dimension() + " vs " + q.dimension());
        }
        DMatrixRMaj s1 = p.covariance();
        DMatrixRMaj s2 = q.covariance();
        MatrixSqrt.ComplexTrace root = MatrixSqrt.traceOfProductRoot(s1, s2);
        if (!root.isFinite()) {
            root = MatrixSqrt.traceOfProductRoot(p.withDiagonalOffset(EPS).covariance(),
                    q.withDiagonalOffset(EPS).covariance());
        }
        if (!root.isFinite()) {
            throw new ArithmeticException("the square root of the covariance product is not finite");
        }
        if (root.maxImaginary() > MAX_IMAGINARY) {
            throw new ArithmeticException("imaginary component " + root.maxImaginary()
                    + " in the square root of the covariance product");
        }
        double[] mu1 = p.mean();
        double[] mu2 = q.mean();
        double meanTerm = 0;
        for (int i = 0; i < mu1.length; i++) {
            double d = mu1[i] - mu2[i];
            meanTerm += d * d;
        }
        return meanTerm + CommonOps_DDRM.trace(s1) + CommonOps_DDRM.trace(s2) - 2 * root.real();
    }
}
