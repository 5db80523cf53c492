package org.cryoetgan.engine.cuda;

/**
 * Row-major sgemm on device addresses, with the meaning of {@link org.cryoetgan.engine.backend.Backend#gemm}:
 * {@code C = alpha·op(A)·op(B) + beta·C}, {@code op(A)} M×K, {@code op(B)} K×N, leading dimensions in floats, and
 * {@code beta = 0} ignoring C's old contents. Implemented by the engine's own kernel and by cuBLAS
 * ({@link RowMajorGemm}).
 */
public interface DeviceGemm {

    /** Which implementation this is, for messages ("own CUDA kernels", "cuBLAS 12.6.4"). */
    String label();

    void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha, long a, int lda, long b, int ldb,
               float beta, long c, int ldc);
}
