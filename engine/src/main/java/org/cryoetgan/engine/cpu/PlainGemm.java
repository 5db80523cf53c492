package org.cryoetgan.engine.cpu;

/**
 * Plain-Java sgemm: row-major {@code C = alpha·op(A)·op(B) + beta·C}, rows of C in parallel, inner loop over a
 * contiguous row of B so the JIT can auto-vectorise it. The fallback when the Vector API is absent.
 */
final class PlainGemm {
    private PlainGemm() {
    }

    static void gemm(Parallel par, boolean ta, boolean tb, int m, int n, int k, float alpha, float[] a, int aOff,
                     int lda, float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc) {
        float[] bRows;
        int bo;
        int ldbr;
        if (tb) {
            // make B row-major K×N once
            bRows = new float[k * n];
            for (int p = 0; p < k; p++) {
                for (int j = 0; j < n; j++) {
                    bRows[p * n + j] = b[bOff + j * ldb + p];
                }
            }
            bo = 0;
            ldbr = n;
        } else {
            bRows = b;
            bo = bOff;
            ldbr = ldb;
        }
        par.forRange(m, Math.max(1, 16384 / Math.max(1, n)), (from, to) -> {
            for (int i = from; i < to; i++) {
                int ci = cOff + i * ldc;
                if (beta == 0f) {
                    java.util.Arrays.fill(c, ci, ci + n, 0f);
                } else if (beta != 1f) {
                    for (int j = 0; j < n; j++) {
                        c[ci + j] *= beta;
                    }
                }
                for (int p = 0; p < k; p++) {
                    float av = alpha * (ta ? a[aOff + p * lda + i] : a[aOff + i * lda + p]);
                    if (av == 0f) {
                        continue;
                    }
                    int bi = bo + p * ldbr;
                    for (int j = 0; j < n; j++) {
                        c[ci + j] += av * bRows[bi + j];
                    }
                }
            }
        });
    }
}
