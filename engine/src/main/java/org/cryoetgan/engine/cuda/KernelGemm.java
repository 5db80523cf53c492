package org.cryoetgan.engine.cuda;

/** The engine's own sgemm kernel ({@code cg_sgemm} in conv.cu). */
final class KernelGemm implements DeviceGemm {
    private final CudaBackend backend;

    KernelGemm(CudaBackend backend) {
        this.backend = backend;
    }

    @Override
    public String label() {
        return "own CUDA kernels";
    }

    @Override
    public void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha, long a, int lda, long b,
                      int ldb, float beta, long c, int ldc) {
        if (m == 0 || n == 0) {
            return;
        }
        backend.launch("cg_sgemm", LaunchConfig.gemm(m, n), new KernelArgs().i(transA ? 1 : 0).i(transB ? 1 : 0)
                .ints(m, n, k).f(alpha).p(a).i(lda).p(b).i(ldb).f(beta).p(c).i(ldc));
    }
}
