package org.cryoetgan.gan.metrics;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Principal square roots for the Fréchet distance, built on EJML's symmetric eigendecomposition.
 *
 * <p>The product {@code A B} of two symmetric positive semi-definite matrices is not symmetric, but with
 * {@code S = sqrt(A)} it is similar to the symmetric PSD matrix {@code M = S B S}: {@code A B = S (S B S) S^-1}
 * when A is invertible, and in every case {@code A B} and {@code M} share their non-zero eigenvalues. Hence
 * <ul>
 *   <li>{@code Tr sqrtm(A B) = Tr sqrtm(S B S) = sum of sqrt(eigenvalues of M)} ({@link #traceOfProductRoot}),
 *       which needs only symmetric eigendecompositions and also holds for singular A (fewer samples than
 *       features);</li>
 *   <li>{@code sqrtm(A B) = S sqrtm(M) S^-1} ({@link #ofProduct}) for invertible A: the principal root, since its
 *       eigenvalues are those of {@code sqrtm(M)}, all non-negative.</li>
 *   <li>when {@code A = X^T X} and {@code B = Y^T Y} are given by their factors (centred samples), the trace is
 *       the nuclear norm of {@code X Y^T} ({@link #traceOfGramProductRoot}).</li>
 * </ul>
 * Eigenvalues of A below zero (round-off) are clipped to zero before the root is taken. Eigenvalues of M below
 * zero are round-off too; their square roots are imaginary and are reported, not hidden, so that the caller can
 * decide whether they are negligible (as pytorch-fid does with the imaginary part of SciPy's {@code sqrtm}).
 */
public final class MatrixSqrt {

    /**
     * The trace of a principal square root, which may have an imaginary part from round-off.
     *
     * @param real          sum of the square roots of the non-negative eigenvalues
     * @param maxImaginary  largest imaginary part among the eigenvalues' roots ({@code sqrt(-lambda)} of the
     *                      most negative eigenvalue), 0 when none is negative
     * @param imaginary     sum of the imaginary parts of the eigenvalues' roots
     */
    public record ComplexTrace(double real, double maxImaginary, double imaginary) {

        /** Whether every part is a finite number. */
        public boolean isFinite() {
            return Double.isFinite(real) && Double.isFinite(maxImaginary) && Double.isFinite(imaginary);
        }
    }

    private MatrixSqrt() {
    }

    /** {@code V diag(sqrt(max(lambda, 0))) V^T}: the PSD square root of a symmetric matrix. */
    public static DMatrixRMaj symmetric(DMatrixRMaj a) {
        Eigen e = Eigen.of(a);
        double[] roots = new double[e.values.length];
        for (int i = 0; i < roots.length; i++) {
            roots[i] = Math.sqrt(Math.max(e.values[i], 0));
        }
        return e.recompose(roots);
    }

    /** {@code Tr sqrtm(A B)} for symmetric PSD A and B, via the eigenvalues of {@code sqrt(A) B sqrt(A)}. */
    public static ComplexTrace traceOfProductRoot(DMatrixRMaj a, DMatrixRMaj b) {
        Eigen e = Eigen.of(sandwich(symmetric(a), b));
        double real = 0;
        double imaginary = 0;
        double maxImaginary = 0;
        for (double lambda : e.values) {
            if (lambda >= 0) {
                real += Math.sqrt(lambda);
            } else {
                double im = Math.sqrt(-lambda);
                imaginary += im;
                maxImaginary = Math.max(maxImaginary, im);
            }
        }
        if (Double.isNaN(real + imaginary)) {
            return new ComplexTrace(Double.NaN, Double.NaN, Double.NaN);
        }
        return new ComplexTrace(real, maxImaginary, imaginary);
    }

    /**
     * {@code Tr sqrtm((X^T X)(Y^T Y))} for an n x d matrix X and an m x d matrix Y, as the nuclear norm (sum of the
     * singular values) of the n x m matrix {@code X Y^T}: {@code (X^T X)(Y^T Y)} has the same non-zero eigenvalues
     * as {@code (X Y^T)(X Y^T)^T}. Exact and free of imaginary round-off, and cheap when n, m are smaller than d.
     */
    public static double traceOfGramProductRoot(DMatrixRMaj x, DMatrixRMaj y) {
        if (x.numCols != y.numCols) {
            throw new IllegalArgumentException("column counts differ: " + x.numCols + " vs " + y.numCols);
        }
        DMatrixRMaj cross = new DMatrixRMaj(x.numRows, y.numRows);
        Linalg.multTransB(x, y, cross);
        double sum = 0;
        for (double sv : SingularOps_DDRM.singularValues(cross)) {
            sum += sv;
        }
        return sum;
    }

    /**
     * The principal square root of {@code A B} for symmetric positive definite A and symmetric PSD B, as
     * {@code sqrt(A) sqrtm(sqrt(A) B sqrt(A)) sqrt(A)^-1}; negative eigenvalues of the middle factor (round-off)
     * are clipped to zero.
     *
     * @throws ArithmeticException if A is singular
     */
    public static DMatrixRMaj ofProduct(DMatrixRMaj a, DMatrixRMaj b) {
        DMatrixRMaj s = symmetric(a);
        DMatrixRMaj sInv = new DMatrixRMaj(s.numRows, s.numCols);
        if (!CommonOps_DDRM.invert(s, sInv)) {
            throw new ArithmeticException("sqrtm(A B) by similarity needs an invertible A");
        }
        DMatrixRMaj root = symmetric(sandwich(s, b));
        DMatrixRMaj tmp = new DMatrixRMaj(s.numRows, s.numCols);
        DMatrixRMaj out = new DMatrixRMaj(s.numRows, s.numCols);
        Linalg.mult(s, root, tmp);
        Linalg.mult(tmp, sInv, out);
        return out;
    }

    /** {@code S B S}, symmetrised against round-off. */
    private static DMatrixRMaj sandwich(DMatrixRMaj s, DMatrixRMaj b) {
        requireSquare(b, s.numRows);
        DMatrixRMaj tmp = new DMatrixRMaj(s.numRows, s.numCols);
        DMatrixRMaj m = new DMatrixRMaj(s.numRows, s.numCols);
        Linalg.mult(s, b, tmp);
        Linalg.mult(tmp, s, m);
        symmetrise(m);
        return m;
    }

    private static void symmetrise(DMatrixRMaj m) {
        for (int i = 0; i < m.numRows; i++) {
            for (int j = i + 1; j < m.numCols; j++) {
                double v = 0.5 * (m.get(i, j) + m.get(j, i));
                m.set(i, j, v);
                m.set(j, i, v);
            }
        }
    }

    private static void requireSquare(DMatrixRMaj m, int n) {
        if (m.numRows != n || m.numCols != n) {
            throw new IllegalArgumentException("expected a " + n + "x" + n + " matrix, got " + m.numRows + "x" + m.numCols);
        }
    }

    /** Eigenvalues and orthonormal eigenvectors (as columns) of a symmetric matrix. */
    private static final class Eigen {
        final double[] values;
        final DMatrixRMaj vectors;

        private Eigen(double[] values, DMatrixRMaj vectors) {
            this.values = values;
            this.vectors = vectors;
        }

        static Eigen of(DMatrixRMaj a) {
            requireSquare(a, a.numRows);
            int n = a.numRows;
            if (allFinite(a)) {
                EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
                if (eig.decompose(a.copy())) {
                    double[] values = new double[n];
                    DMatrixRMaj vectors = new DMatrixRMaj(n, n);
                    for (int k = 0; k < n; k++) {
                        values[k] = eig.getEigenvalue(k).getReal();
                        CommonOps_DDRM.insert(eig.getEigenVector(k), vectors, 0, k);
                    }
                    return new Eigen(values, vectors);
                }
            }
            double[] nan = new double[n];
            java.util.Arrays.fill(nan, Double.NaN);
            DMatrixRMaj v = new DMatrixRMaj(n, n);
            CommonOps_DDRM.fill(v, Double.NaN);
            return new Eigen(nan, v);
        }

        /** {@code V diag(d) V^T}. */
        DMatrixRMaj recompose(double[] d) {
            int n = values.length;
            DMatrixRMaj scaled = vectors.copy();
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < n; k++) {
                    scaled.set(i, k, scaled.get(i, k) * d[k]);
                }
            }
            DMatrixRMaj out = new DMatrixRMaj(n, n);
            Linalg.multTransB(scaled, vectors, out);
            return out;
        }

        private static boolean allFinite(DMatrixRMaj a) {
            for (int i = 0; i < a.getNumElements(); i++) {
                if (!Double.isFinite(a.data[i])) {
                    return false;
                }
            }
            return true;
        }
    }
}
