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
 * complex root. On well-conditioned inputs both agree to round-off. With singular covariances (fewer samples
 * than features) both square roots pick up round-off (sqrt of ~1e-15 eigenvalues), so {@link #compute} then
 * uses the exact sample-space form {@link #fromSamples} instead, which needs neither the retry nor the check.
 */
public final class Fid {

    /** Added to the covariance diagonals when the first root is not finite (pytorch-fid's eps). */
    public static final double EPS = 1e-6;
    /** Largest imaginary part of the root that is treated as round-off. */
    public static final double MAX_IMAGINARY = 1e-3;

    private Fid() {
    }

    /**
     * The FID between two double-precision feature sets (one sample per row, at least two rows each). With fewer
     * samples than features (typical for 4096-d classifier features) it is computed in sample space, see
     * {@link #fromSamples}; otherwise from the covariances ({@link #between}).
     */
    public static double compute(double[][] a, double[][] b) {
        int d = Features.dimension(a, b);
        if (Math.max(a.length, b.length) < d) {
            return fromSamples(a, b);
        }
        return between(GaussianStatistics.of(a), GaussianStatistics.of(b));
    }

    /**
     * The FID computed without forming the d x d covariances: with centred samples X (n x d) and Y (m x d),
     * {@code Tr S1 = |X|_F^2 / (n - 1)}, likewise for S2, and
     * {@code Tr sqrtm(S1 S2) = |X Y^T|_* / sqrt((n - 1)(m - 1))} (nuclear norm; {@link MatrixSqrt}). Same value as
     * {@link #between} up to round-off, at O(n m d) instead of O(d^3), and with no imaginary part to check.
     */
    public static double fromSamples(double[][] a, double[][] b) {
        Features.dimension(a, b);
        double[] mu1 = GaussianStatistics.mean(a);
        double[] mu2 = GaussianStatistics.mean(b);
        DMatrixRMaj x = GaussianStatistics.centred(a, mu1);
        DMatrixRMaj y = GaussianStatistics.centred(b, mu2);
        double n1 = a.length - 1;
        double n2 = b.length - 1;
        double traces = squaredNorm(x) / n1 + squaredNorm(y) / n2;
        double root = MatrixSqrt.traceOfGramProductRoot(x, y) / Math.sqrt(n1 * n2);
        if (!Double.isFinite(root) || !Double.isFinite(traces)) {
            throw new ArithmeticException("the features contain non-finite values");
        }
        return squaredDistance(mu1, mu2) + traces - 2 * root;
    }

    /** The FID between two single-precision feature sets. */
    public static double compute(float[][] a, float[][] b) {
        return compute(Features.toDouble(a), Features.toDouble(b));
    }

    /**
     * The Fréchet distance between two Gaussians, with {@code Tr sqrtm(S1 S2)} from the symmetric form and
     * pytorch-fid's eps retry and imaginary-part check (see the class comment).
     */
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
        return squaredDistance(p.mean(), q.mean()) + CommonOps_DDRM.trace(s1) + CommonOps_DDRM.trace(s2)
                - 2 * root.real();
    }

    private static double squaredDistance(double[] u, double[] v) {
        double s = 0;
        for (int i = 0; i < u.length; i++) {
            double d = u[i] - v[i];
            s += d * d;
        }
        return s;
    }

    private static double squaredNorm(DMatrixRMaj m) {
        double s = 0;
        for (int i = 0; i < m.getNumElements(); i++) {
            s += m.data[i] * m.data[i];
        }
        return s;
    }
}
