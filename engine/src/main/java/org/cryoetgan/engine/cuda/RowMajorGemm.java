package org.cryoetgan.engine.cuda;

/**
 * The engine's row-major gemm on a column-major BLAS. A row-major matrix with leading dimension ld is, read column
 * by column, its transpose with the same ld, so row-major {@code C = op(A)·op(B)} is column-major
 * {@code Cᵀ = op(B)ᵀ·op(A)ᵀ}: the operands swap places, m and n swap, and each keeps its transpose flag and leading
 * dimension. Leading dimensions of matrices with no elements are raised to 1 (BLAS rejects 0 even then).
 */
public final class RowMajorGemm implements DeviceGemm {
    private final ColumnMajorBlas blas;

    public RowMajorGemm(ColumnMajorBlas blas) {
        this.blas = blas;
    }

    @Override
    public String label() {
        return blas.label();
    }

    @Override
    public void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha, long a, int lda, long b,
                      int ldb, float beta, long c, int ldc) {
        if (m == 0 || n == 0) {
            return;
        }
        blas.sgemm(transB, transA, n, m, k, alpha, b, Math.max(1, ldb), a, Math.max(1, lda), beta, c,
                Math.max(1, ldc));
    }
}
