package org.cryoetgan.engine.cpu;

/** The CPU backend's sgemm entry point: picks the fastest available implementation. */
final class Sgemm {
    private Sgemm() {
    }

    static void gemm(Parallel par, boolean ta, boolean tb, int m, int n, int k, float alpha, float[] a, int aOff,
                     int lda, float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc) {
        PlainGemm.gemm(par, ta, tb, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
    }
}
