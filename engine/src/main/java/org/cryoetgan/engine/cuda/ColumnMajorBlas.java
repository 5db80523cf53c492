package org.cryoetgan.engine.cuda;

/**
 * The one BLAS routine the engine uses, with cuBLAS's column-major conventions ({@code cublasSgemm}): C (m×n) =
 * alpha·op(A)·op(B) + beta·C with op(A) m×k, op(B) k×n, each matrix stored column by column with its leading
 * dimension (rows of storage, ≥ max(1, stored rows)). Implemented by JCublas2 ({@link JCublasBlas}) and, in tests,
 * by fakes that record calls.
 */
public interface ColumnMajorBlas extends AutoCloseable {

    /** Library name and version for messages, e.g. {@code cuBLAS 12.6.4}. */
    String label();

    void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha, long a, int lda, long b, int ldb,
               float beta, long c, int ldc);

    @Override
    void close();
}
