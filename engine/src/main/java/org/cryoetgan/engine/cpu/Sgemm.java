package org.cryoetgan.engine.cpu;

import org.cryoetgan.engine.cpu.gemm.PackedGemm;
import org.cryoetgan.engine.cpu.tile.TileKernels;

/**
 * The CPU backend's sgemm entry point: tiny products go to the simple loop ({@link PlainGemm}), everything else
 * to the packed, cache-blocked {@link PackedGemm} on the best available tile kernels.
 */
final class Sgemm {
    /** Below this many multiply-adds, packing costs more than it saves. */
    private static final long SMALL = 32L * 32 * 32;

    private Sgemm() {
    }

    static void gemm(Parallel par, boolean ta, boolean tb, int m, int n, int k, float alpha, float[] a, int aOff,
                     int lda, float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc) {
        gemm(TileKernels.best(), par, ta, tb, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
    }

    /** As above with explicit kernels (tests run both the Vector API and the plain-Java ones). */
    static void gemm(TileKernels kern, Parallel par, boolean ta, boolean tb, int m, int n, int k, float alpha,
                     float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float beta, float[] c, int cOff,
                     int ldc) {
        if ((long) m * n * k < SMALL) {
            PlainGemm.gemm(par, ta, tb, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
        } else {
            PackedGemm.gemm(kern, par, ta, tb, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
        }
    }
}
