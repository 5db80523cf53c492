package org.cryoetgan.engine.cpu.tile;

/**
 * Plain-Java tile kernels with the {@link TileKernels} contract: small tiles whose innermost loop runs over a
 * contiguous row of B so that the JIT can auto-vectorise it. Used when the Vector API is absent.
 */
final class ScalarTileKernels implements TileKernels {
    static final ScalarTileKernels INSTANCE = new ScalarTileKernels();
    private static final int MR = 4;
    private static final int NR = 16;
    private static final int DOT_ROWS = 2;
    private static final int DOT_COLS = 4;

    private ScalarTileKernels() {
    }

    @Override
    public int mr() {
        return MR;
    }

    @Override
    public int nr() {
        return NR;
    }

    @Override
    public int rowWidth() {
        return NR;
    }

    @Override
    public int lanes() {
        return 1;
    }

    @Override
    public int dotRows() {
        return DOT_ROWS;
    }

    @Override
    public int dotCols() {
        return DOT_COLS;
    }

    @Override
    public int dotRowCols() {
        return DOT_COLS;
    }

    @Override
    public void tile(int kc, float[] a, int aOff, float[] b, int bBase, int[] off, int offPos, float[] c, int cOff,
                     int ldc) {
        float[] acc = new float[MR * NR];
        for (int kk = 0; kk < kc; kk++) {
            int bi = bBase + off[offPos + kk];
            int ai = aOff + kk * MR;
            for (int i = 0; i < MR; i++) {
                float av = a[ai + i];
                for (int j = 0; j < NR; j++) {
                    acc[i * NR + j] += av * b[bi + j];
                }
            }
        }
        for (int i = 0; i < MR; i++) {
            storeRow(acc, i * NR, NR, c, cOff + i * ldc);
        }
    }

    @Override
    public void rowTile(int kc, float[] a, int aOff, float[] b, int bBase, int[] off, int offPos, float[] c, int cOff) {
        float[] acc = new float[NR];
        for (int kk = 0; kk < kc; kk++) {
            int bi = bBase + off[offPos + kk];
            float av = a[aOff + kk];
            for (int j = 0; j < NR; j++) {
                acc[j] += av * b[bi + j];
            }
        }
        storeRow(acc, 0, NR, c, cOff);
    }

    private static void storeRow(float[] acc, int from, int n, float[] c, int o) {
        System.arraycopy(acc, from, c, o, n);
    }

    @Override
    public void dotTile(int len, float[] p, int pBase, int ldp, float[] q, int qBase, int[] qOff, int qPos, float[] out,
                        int outOff, int ldo) {
        for (int i = 0; i < DOT_ROWS; i++) {
            dotRow(len, p, pBase + i * ldp, q, qBase, qOff, qPos, out, outOff + i * ldo);
        }
    }

    @Override
    public void dotRow(int len, float[] p, int pBase, float[] q, int qBase, int[] qOff, int qPos, float[] out,
                       int outOff) {
        for (int j = 0; j < DOT_COLS; j++) {
            int qi = qBase + qOff[qPos + j];
            float s = 0f;
            for (int v = 0; v < len; v++) {
                s += p[pBase + v] * q[qi + v];
            }
            out[outOff + j] += s;
        }
    }

    @Override
    public void gatherRows(float[] src, int srcBase, int strideI, int strideJ, int n1, int n2, int len, float[] dst,
                           int dstOff) {
        int d = dstOff;
        for (int i = 0; i < n1; i++) {
            for (int j = 0; j < n2; j++) {
                System.arraycopy(src, srcBase + i * strideI + j * strideJ, dst, d, len);
                d += len;
            }
        }
    }

    @Override
    public void gatherSegments(float[] src, int[] off, int rows, int[] segSrc, int[] segDst, int[] segLen, int nseg,
                               float[] dst, int dstOff, int ldd) {
        for (int q = 0; q < rows; q++) {
            for (int sg = 0; sg < nseg; sg++) {
                System.arraycopy(src, off[q] + segSrc[sg], dst, dstOff + q * ldd + segDst[sg], segLen[sg]);
            }
        }
    }

    @Override
    public int gatherRows() {
        return MR;
    }

    @Override
    public int gatherCols() {
        return NR;
    }

    @Override
    public void gatherTile(int kc, float[] a, int aBase, int[] aRow, int aRowPos, float[] b, int bBase, int ldb,
                           float[] c, int cOff, int ldc) {
        for (int i = 0; i < MR; i++) {
            int r = aBase + aRow[aRowPos + i];
            float[] acc = new float[NR];
            for (int kk = 0; kk < kc; kk++) {
                float av = a[r + kk];
                int bi = bBase + kk * ldb;
                for (int j = 0; j < NR; j++) {
                    acc[j] += av * b[bi + j];
                }
            }
            System.arraycopy(acc, 0, c, cOff + i * ldc, NR);
        }
    }
}
