package org.cryoetgan.engine.cpu.gemm;

import java.util.Arrays;
import org.cryoetgan.engine.cpu.Parallel;
import org.cryoetgan.engine.cpu.tile.TileKernels;

/**
 * Cache-blocked sgemm on packed panels: row-major {@code C = alpha·op(A)·op(B) + beta·C} (alpha is folded into
 * the packed A; C is scaled by beta up front unless beta is 0 or 1, and beta = 0 never reads C). The reduction is cut
 * into blocks of {@link #KC}; per block, op(A) is packed into {@code mr}-row panels and op(B) into {@code nr}-column
 * panels (both in parallel, edges zero-padded), then the tiles of C are computed in parallel, columns in blocks of
 * {@link #NC_TILES} panels so that the B block stays in L2 while each A micro-panel stays in L1.
 */
public final class PackedGemm {
    /** Reduction block length. */
    static final int KC = 256;
    /** B panels per column block. */
    static final int NC_TILES = 10;

    private PackedGemm() {
    }

    public static void gemm(TileKernels kern, Parallel par, boolean ta, boolean tb, int m, int n, int k, float alpha,
                            float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float beta, float[] c,
                            int cOff, int ldc) {
        if (m <= 0 || n <= 0) {
            return;
        }
        if (k <= 0 || alpha == 0f) {
            scale(c, cOff, ldc, m, n, beta);
            return;
        }
        int mr = kern.mr();
        int nr = kern.nr();
        int mTiles = (m + mr - 1) / mr;
        int nTiles = (n + nr - 1) / nr;
        int kcMax = Math.min(KC, k);
        float[] ap = new float[mTiles * mr * kcMax];
        float[] bp = new float[nTiles * nr * kcMax];
        int[] off = new int[kcMax];
        for (int kk = 0; kk < kcMax; kk++) {
            off[kk] = kk * nr;
        }
        if (beta != 0f && beta != 1f) {
            scale(c, cOff, ldc, m, n, beta);
        }
        for (int pc = 0; pc < k; pc += KC) {
            int kc = Math.min(KC, k - pc);
            int p0 = pc;
            par.forRange(mTiles, 4, (from, to) -> {
                for (int t = from; t < to; t++) {
                    packA(ta, a, aOff, lda, m, t * mr, mr, p0, kc, alpha, ap, t * mr * kc);
                }
            });
            par.forRange(nTiles, 4, (from, to) -> {
                for (int t = from; t < to; t++) {
                    packB(tb, b, bOff, ldb, n, t * nr, nr, p0, kc, bp, t * nr * kc);
                }
            });
            boolean accumulate = pc > 0 || beta != 0f;
            Block block = new Block(kern, m, n, kc, ap, bp, off, c, cOff, ldc, accumulate);
            if (mTiles >= nTiles) {
                par.forRange(mTiles, 1, (from, to) -> block.run(from, to, 0, nTiles));
            } else {
                par.forRange(nTiles, 1, (from, to) -> block.run(0, mTiles, from, to));
            }
        }
    }

    /** The tiles of C for one reduction block. */
    private record Block(TileKernels kern, int m, int n, int kc, float[] ap, float[] bp, int[] off, float[] c,
                         int cOff, int ldc, boolean accumulate) {
        void run(int itFrom, int itTo, int jtFrom, int jtTo) {
            float[] tmp = null;
            for (int jc = jtFrom; jc < jtTo; jc += NC_TILES) {
                int jcEnd = Math.min(jtTo, jc + NC_TILES);
                for (int it = itFrom; it < itTo; it++) {
                    for (int jt = jc; jt < jcEnd; jt++) {
                        tmp = tile(it, jt, tmp);
                    }
                }
            }
        }

        /** One tile of C (one kernel call site, so the JIT compiles this small method with the kernel inlined). */
        private float[] tile(int it, int jt, float[] tmp) {
            int mr = kern.mr();
            int nr = kern.nr();
            int row = it * mr;
            int col = jt * nr;
            boolean direct = !accumulate && row + mr <= m && col + nr <= n;
            float[] t = direct ? null : tmp != null ? tmp : new float[mr * nr];
            kern.tile(kc, ap, it * mr * kc, bp, jt * nr * kc, off, 0, direct ? c : t,
                    direct ? cOff + row * ldc + col : 0, direct ? ldc : nr);
            if (!direct) {
                mergeEdge(t, nr, Math.min(mr, m - row), Math.min(nr, n - col), c, cOff + row * ldc + col, ldc,
                        accumulate);
            }
            return t == null ? tmp : t;
        }
    }

    private static void mergeEdge(float[] tmp, int ldt, int rows, int cols, float[] c, int o, int ldc,
                                  boolean accumulate) {
        for (int i = 0; i < rows; i++) {
            int ci = o + i * ldc;
            for (int j = 0; j < cols; j++) {
                c[ci + j] = accumulate ? c[ci + j] + tmp[i * ldt + j] : tmp[i * ldt + j];
            }
        }
    }

    /** Packs alpha × rows {@code row0 ..} of op(A), columns {@code p0 .. p0+kc}, as kc groups of mr (zero past m). */
    static void packA(boolean ta, float[] a, int aOff, int lda, int m, int row0, int mr, int p0, int kc, float alpha,
                      float[] dst, int dOff) {
        int rows = Math.min(mr, m - row0);
        if (rows < mr) {
            Arrays.fill(dst, dOff, dOff + kc * mr, 0f);
        }
        if (ta) {
            for (int kk = 0; kk < kc; kk++) {
                int src = aOff + (p0 + kk) * lda + row0;
                for (int i = 0; i < rows; i++) {
                    dst[dOff + kk * mr + i] = alpha * a[src + i];
                }
            }
        } else {
            for (int i = 0; i < rows; i++) {
                int src = aOff + (row0 + i) * lda + p0;
                for (int kk = 0; kk < kc; kk++) {
                    dst[dOff + kk * mr + i] = alpha * a[src + kk];
                }
            }
        }
    }

    /** Packs columns {@code col0 ..} of op(B), rows {@code p0 .. p0+kc}, as kc rows of nr (zero past n). */
    static void packB(boolean tb, float[] b, int bOff, int ldb, int n, int col0, int nr, int p0, int kc, float[] dst,
                      int dOff) {
        int cols = Math.min(nr, n - col0);
        if (cols < nr) {
            Arrays.fill(dst, dOff, dOff + kc * nr, 0f);
        }
        if (tb) {
            for (int j = 0; j < cols; j++) {
                int src = bOff + (col0 + j) * ldb + p0;
                for (int kk = 0; kk < kc; kk++) {
                    dst[dOff + kk * nr + j] = b[src + kk];
                }
            }
        } else {
            for (int kk = 0; kk < kc; kk++) {
                System.arraycopy(b, bOff + (p0 + kk) * ldb + col0, dst, dOff + kk * nr, cols);
            }
        }
    }

    /** C = beta·C (beta = 0 clears, NaN included). */
    static void scale(float[] c, int cOff, int ldc, int m, int n, float beta) {
        for (int i = 0; i < m; i++) {
            int ci = cOff + i * ldc;
            if (beta == 0f) {
                Arrays.fill(c, ci, ci + n, 0f);
            } else if (beta != 1f) {
                for (int j = 0; j < n; j++) {
                    c[ci + j] *= beta;
                }
            }
        }
    }
}
