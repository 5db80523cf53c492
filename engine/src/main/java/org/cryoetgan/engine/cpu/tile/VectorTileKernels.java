package org.cryoetgan.engine.cpu.tile;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API tile kernels: 8×3 vectors broadcast tile (8×48 with 512-bit vectors), a one-row tile of 4 vectors,
 * 4×6 and 1×12 dot tiles. Accumulators are spelled out one by one so that C2 keeps them in registers. Only
 * loaded (reflectively, by {@link TileKernels#best()}) when {@code jdk.incubator.vector} is present.
 */
final class VectorTileKernels implements TileKernels {
    /** 512-bit vectors where the CPU has them (AVX-512), else the preferred width. */
    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED.length() >= 16
            ? FloatVector.SPECIES_512 : FloatVector.SPECIES_PREFERRED;
    private static final int V = S.length();

    @Override
    public int mr() {
        return 8;
    }

    @Override
    public int nr() {
        return 3 * V;
    }

    @Override
    public int rowWidth() {
        return 4 * V;
    }

    @Override
    public int lanes() {
        return V;
    }

    @Override
    public int dotRows() {
        return 4;
    }

    @Override
    public int dotCols() {
        return 6;
    }

    @Override
    public int dotRowCols() {
        return 12;
    }

    @Override
    public void tile(int kc, float[] a, int aOff, float[] b, int bBase, int[] off, int offPos, float[] c, int cOff,
                     int ldc) {
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S), c02 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S), c12 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S), c22 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S), c31 = FloatVector.zero(S), c32 = FloatVector.zero(S);
        FloatVector c40 = FloatVector.zero(S), c41 = FloatVector.zero(S), c42 = FloatVector.zero(S);
        FloatVector c50 = FloatVector.zero(S), c51 = FloatVector.zero(S), c52 = FloatVector.zero(S);
        FloatVector c60 = FloatVector.zero(S), c61 = FloatVector.zero(S), c62 = FloatVector.zero(S);
        FloatVector c70 = FloatVector.zero(S), c71 = FloatVector.zero(S), c72 = FloatVector.zero(S);
        for (int kk = 0, ai = aOff; kk < kc; kk++, ai += 8) {
            int bi = bBase + off[offPos + kk];
            FloatVector b0 = FloatVector.fromArray(S, b, bi);
            FloatVector b1 = FloatVector.fromArray(S, b, bi + 1 * V);
            FloatVector b2 = FloatVector.fromArray(S, b, bi + 2 * V);
            FloatVector a0 = FloatVector.broadcast(S, a[ai]);
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            c02 = a0.fma(b2, c02);
            FloatVector a1 = FloatVector.broadcast(S, a[ai + 1]);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            c12 = a1.fma(b2, c12);
            FloatVector a2 = FloatVector.broadcast(S, a[ai + 2]);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            c22 = a2.fma(b2, c22);
            FloatVector a3 = FloatVector.broadcast(S, a[ai + 3]);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
            c32 = a3.fma(b2, c32);
            FloatVector a4 = FloatVector.broadcast(S, a[ai + 4]);
            c40 = a4.fma(b0, c40);
            c41 = a4.fma(b1, c41);
            c42 = a4.fma(b2, c42);
            FloatVector a5 = FloatVector.broadcast(S, a[ai + 5]);
            c50 = a5.fma(b0, c50);
            c51 = a5.fma(b1, c51);
            c52 = a5.fma(b2, c52);
            FloatVector a6 = FloatVector.broadcast(S, a[ai + 6]);
            c60 = a6.fma(b0, c60);
            c61 = a6.fma(b1, c61);
            c62 = a6.fma(b2, c62);
            FloatVector a7 = FloatVector.broadcast(S, a[ai + 7]);
            c70 = a7.fma(b0, c70);
            c71 = a7.fma(b1, c71);
            c72 = a7.fma(b2, c72);
        }
        c00.intoArray(c, cOff);
        c01.intoArray(c, cOff + 1 * V);
        c02.intoArray(c, cOff + 2 * V);
        c10.intoArray(c, cOff + 1 * ldc);
        c11.intoArray(c, cOff + 1 * ldc + 1 * V);
        c12.intoArray(c, cOff + 1 * ldc + 2 * V);
        c20.intoArray(c, cOff + 2 * ldc);
        c21.intoArray(c, cOff + 2 * ldc + 1 * V);
        c22.intoArray(c, cOff + 2 * ldc + 2 * V);
        c30.intoArray(c, cOff + 3 * ldc);
        c31.intoArray(c, cOff + 3 * ldc + 1 * V);
        c32.intoArray(c, cOff + 3 * ldc + 2 * V);
        c40.intoArray(c, cOff + 4 * ldc);
        c41.intoArray(c, cOff + 4 * ldc + 1 * V);
        c42.intoArray(c, cOff + 4 * ldc + 2 * V);
        c50.intoArray(c, cOff + 5 * ldc);
        c51.intoArray(c, cOff + 5 * ldc + 1 * V);
        c52.intoArray(c, cOff + 5 * ldc + 2 * V);
        c60.intoArray(c, cOff + 6 * ldc);
        c61.intoArray(c, cOff + 6 * ldc + 1 * V);
        c62.intoArray(c, cOff + 6 * ldc + 2 * V);
        c70.intoArray(c, cOff + 7 * ldc);
        c71.intoArray(c, cOff + 7 * ldc + 1 * V);
        c72.intoArray(c, cOff + 7 * ldc + 2 * V);
    }

    @Override
    public void rowTile(int kc, float[] a, int aOff, float[] b, int bBase, int[] off, int offPos, float[] c, int cOff) {
        FloatVector c0 = FloatVector.zero(S), c1 = FloatVector.zero(S), c2 = FloatVector.zero(S), c3 = FloatVector.zero(S);
        for (int kk = 0; kk < kc; kk++) {
            int bi = bBase + off[offPos + kk];
            FloatVector a0 = FloatVector.broadcast(S, a[aOff + kk]);
            c0 = a0.fma(FloatVector.fromArray(S, b, bi), c0);
            c1 = a0.fma(FloatVector.fromArray(S, b, bi + 1 * V), c1);
            c2 = a0.fma(FloatVector.fromArray(S, b, bi + 2 * V), c2);
            c3 = a0.fma(FloatVector.fromArray(S, b, bi + 3 * V), c3);
        }
        c0.intoArray(c, cOff);
        c1.intoArray(c, cOff + V);
        c2.intoArray(c, cOff + 2 * V);
        c3.intoArray(c, cOff + 3 * V);
    }

    @Override
    public void dotTile(int len, float[] p, int pBase, int ldp, float[] q, int qBase, int[] qOff, int qPos, float[] out,
                        int outOff, int ldo) {
        int q0 = qBase + qOff[qPos + 0];
        int q1 = qBase + qOff[qPos + 1];
        int q2 = qBase + qOff[qPos + 2];
        int q3 = qBase + qOff[qPos + 3];
        int q4 = qBase + qOff[qPos + 4];
        int q5 = qBase + qOff[qPos + 5];
        int p0 = pBase;
        int p1 = pBase + 1 * ldp;
        int p2 = pBase + 2 * ldp;
        int p3 = pBase + 3 * ldp;
        FloatVector s00 = FloatVector.zero(S), s01 = FloatVector.zero(S), s02 = FloatVector.zero(S), s03 = FloatVector.zero(S), s04 = FloatVector.zero(S), s05 = FloatVector.zero(S);
        FloatVector s10 = FloatVector.zero(S), s11 = FloatVector.zero(S), s12 = FloatVector.zero(S), s13 = FloatVector.zero(S), s14 = FloatVector.zero(S), s15 = FloatVector.zero(S);
        FloatVector s20 = FloatVector.zero(S), s21 = FloatVector.zero(S), s22 = FloatVector.zero(S), s23 = FloatVector.zero(S), s24 = FloatVector.zero(S), s25 = FloatVector.zero(S);
        FloatVector s30 = FloatVector.zero(S), s31 = FloatVector.zero(S), s32 = FloatVector.zero(S), s33 = FloatVector.zero(S), s34 = FloatVector.zero(S), s35 = FloatVector.zero(S);
        for (int v = 0; v < len; v += V) {
            FloatVector y0 = FloatVector.fromArray(S, q, q0 + v);
            FloatVector y1 = FloatVector.fromArray(S, q, q1 + v);
            FloatVector y2 = FloatVector.fromArray(S, q, q2 + v);
            FloatVector y3 = FloatVector.fromArray(S, q, q3 + v);
            FloatVector y4 = FloatVector.fromArray(S, q, q4 + v);
            FloatVector y5 = FloatVector.fromArray(S, q, q5 + v);
            FloatVector x0 = FloatVector.fromArray(S, p, p0 + v);
            s00 = x0.fma(y0, s00);
            s01 = x0.fma(y1, s01);
            s02 = x0.fma(y2, s02);
            s03 = x0.fma(y3, s03);
            s04 = x0.fma(y4, s04);
            s05 = x0.fma(y5, s05);
            FloatVector x1 = FloatVector.fromArray(S, p, p1 + v);
            s10 = x1.fma(y0, s10);
            s11 = x1.fma(y1, s11);
            s12 = x1.fma(y2, s12);
            s13 = x1.fma(y3, s13);
            s14 = x1.fma(y4, s14);
            s15 = x1.fma(y5, s15);
            FloatVector x2 = FloatVector.fromArray(S, p, p2 + v);
            s20 = x2.fma(y0, s20);
            s21 = x2.fma(y1, s21);
            s22 = x2.fma(y2, s22);
            s23 = x2.fma(y3, s23);
            s24 = x2.fma(y4, s24);
            s25 = x2.fma(y5, s25);
            FloatVector x3 = FloatVector.fromArray(S, p, p3 + v);
            s30 = x3.fma(y0, s30);
            s31 = x3.fma(y1, s31);
            s32 = x3.fma(y2, s32);
            s33 = x3.fma(y3, s33);
            s34 = x3.fma(y4, s34);
            s35 = x3.fma(y5, s35);
        }
        out[outOff + 0] += s00.reduceLanes(VectorOperators.ADD);
        out[outOff + 1] += s01.reduceLanes(VectorOperators.ADD);
        out[outOff + 2] += s02.reduceLanes(VectorOperators.ADD);
        out[outOff + 3] += s03.reduceLanes(VectorOperators.ADD);
        out[outOff + 4] += s04.reduceLanes(VectorOperators.ADD);
        out[outOff + 5] += s05.reduceLanes(VectorOperators.ADD);
        out[outOff + 1 * ldo + 0] += s10.reduceLanes(VectorOperators.ADD);
        out[outOff + 1 * ldo + 1] += s11.reduceLanes(VectorOperators.ADD);
        out[outOff + 1 * ldo + 2] += s12.reduceLanes(VectorOperators.ADD);
        out[outOff + 1 * ldo + 3] += s13.reduceLanes(VectorOperators.ADD);
        out[outOff + 1 * ldo + 4] += s14.reduceLanes(VectorOperators.ADD);
        out[outOff + 1 * ldo + 5] += s15.reduceLanes(VectorOperators.ADD);
        out[outOff + 2 * ldo + 0] += s20.reduceLanes(VectorOperators.ADD);
        out[outOff + 2 * ldo + 1] += s21.reduceLanes(VectorOperators.ADD);
        out[outOff + 2 * ldo + 2] += s22.reduceLanes(VectorOperators.ADD);
        out[outOff + 2 * ldo + 3] += s23.reduceLanes(VectorOperators.ADD);
        out[outOff + 2 * ldo + 4] += s24.reduceLanes(VectorOperators.ADD);
        out[outOff + 2 * ldo + 5] += s25.reduceLanes(VectorOperators.ADD);
        out[outOff + 3 * ldo + 0] += s30.reduceLanes(VectorOperators.ADD);
        out[outOff + 3 * ldo + 1] += s31.reduceLanes(VectorOperators.ADD);
        out[outOff + 3 * ldo + 2] += s32.reduceLanes(VectorOperators.ADD);
        out[outOff + 3 * ldo + 3] += s33.reduceLanes(VectorOperators.ADD);
        out[outOff + 3 * ldo + 4] += s34.reduceLanes(VectorOperators.ADD);
        out[outOff + 3 * ldo + 5] += s35.reduceLanes(VectorOperators.ADD);
    }

    @Override
    public void dotRow(int len, float[] p, int pBase, float[] q, int qBase, int[] qOff, int qPos, float[] out,
                       int outOff) {
        int q0 = qBase + qOff[qPos + 0];
        int q1 = qBase + qOff[qPos + 1];
        int q2 = qBase + qOff[qPos + 2];
        int q3 = qBase + qOff[qPos + 3];
        int q4 = qBase + qOff[qPos + 4];
        int q5 = qBase + qOff[qPos + 5];
        int q6 = qBase + qOff[qPos + 6];
        int q7 = qBase + qOff[qPos + 7];
        int q8 = qBase + qOff[qPos + 8];
        int q9 = qBase + qOff[qPos + 9];
        int q10 = qBase + qOff[qPos + 10];
        int q11 = qBase + qOff[qPos + 11];
        FloatVector s0 = FloatVector.zero(S), s1 = FloatVector.zero(S), s2 = FloatVector.zero(S), s3 = FloatVector.zero(S), s4 = FloatVector.zero(S), s5 = FloatVector.zero(S), s6 = FloatVector.zero(S), s7 = FloatVector.zero(S), s8 = FloatVector.zero(S), s9 = FloatVector.zero(S), s10 = FloatVector.zero(S), s11 = FloatVector.zero(S);
        for (int v = 0; v < len; v += V) {
            FloatVector x = FloatVector.fromArray(S, p, pBase + v);
            s0 = x.fma(FloatVector.fromArray(S, q, q0 + v), s0);
            s1 = x.fma(FloatVector.fromArray(S, q, q1 + v), s1);
            s2 = x.fma(FloatVector.fromArray(S, q, q2 + v), s2);
            s3 = x.fma(FloatVector.fromArray(S, q, q3 + v), s3);
            s4 = x.fma(FloatVector.fromArray(S, q, q4 + v), s4);
            s5 = x.fma(FloatVector.fromArray(S, q, q5 + v), s5);
            s6 = x.fma(FloatVector.fromArray(S, q, q6 + v), s6);
            s7 = x.fma(FloatVector.fromArray(S, q, q7 + v), s7);
            s8 = x.fma(FloatVector.fromArray(S, q, q8 + v), s8);
            s9 = x.fma(FloatVector.fromArray(S, q, q9 + v), s9);
            s10 = x.fma(FloatVector.fromArray(S, q, q10 + v), s10);
            s11 = x.fma(FloatVector.fromArray(S, q, q11 + v), s11);
        }
        out[outOff + 0] += s0.reduceLanes(VectorOperators.ADD);
        out[outOff + 1] += s1.reduceLanes(VectorOperators.ADD);
        out[outOff + 2] += s2.reduceLanes(VectorOperators.ADD);
        out[outOff + 3] += s3.reduceLanes(VectorOperators.ADD);
        out[outOff + 4] += s4.reduceLanes(VectorOperators.ADD);
        out[outOff + 5] += s5.reduceLanes(VectorOperators.ADD);
        out[outOff + 6] += s6.reduceLanes(VectorOperators.ADD);
        out[outOff + 7] += s7.reduceLanes(VectorOperators.ADD);
        out[outOff + 8] += s8.reduceLanes(VectorOperators.ADD);
        out[outOff + 9] += s9.reduceLanes(VectorOperators.ADD);
        out[outOff + 10] += s10.reduceLanes(VectorOperators.ADD);
        out[outOff + 11] += s11.reduceLanes(VectorOperators.ADD);
    }

    @Override
    public void gatherRows(float[] src, int srcBase, int strideI, int strideJ, int n1, int n2, int len, float[] dst,
                           int dstOff) {
        int d = dstOff;
        for (int i = 0; i < n1; i++) {
            for (int j = 0; j < n2; j++) {
                int s0 = srcBase + i * strideI + j * strideJ;
                for (int x = 0; x < len; x += V) {
                    FloatVector.fromArray(S, src, s0 + x).intoArray(dst, d + x);
                }
                d += len;
            }
        }
    }

    @Override
    public void gatherSegments(float[] src, int[] off, int rows, int[] segSrc, int[] segDst, int[] segLen, int nseg,
                               float[] dst, int dstOff, int ldd) {
        for (int q = 0; q < rows; q++) {
            int o = off[q];
            int d = dstOff + q * ldd;
            for (int sg = 0; sg < nseg; sg++) {
                int s0 = o + segSrc[sg];
                int d0 = d + segDst[sg];
                int len = segLen[sg];
                for (int x = 0; x < len; x += V) {
                    FloatVector.fromArray(S, src, s0 + x).intoArray(dst, d0 + x);
                }
            }
        }
    }

    @Override
    public int gatherRows() {
        return 6;
    }

    @Override
    public int gatherCols() {
        return 4 * V;
    }

    @Override
    public void gatherTile(int kc, float[] a, int aBase, int[] aRow, int aRowPos, float[] b, int bBase, int ldb,
                           float[] c, int cOff, int ldc) {
        int r0 = aBase + aRow[aRowPos + 0];
        int r1 = aBase + aRow[aRowPos + 1];
        int r2 = aBase + aRow[aRowPos + 2];
        int r3 = aBase + aRow[aRowPos + 3];
        int r4 = aBase + aRow[aRowPos + 4];
        int r5 = aBase + aRow[aRowPos + 5];
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S), c02 = FloatVector.zero(S), c03 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S), c12 = FloatVector.zero(S), c13 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S), c22 = FloatVector.zero(S), c23 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S), c31 = FloatVector.zero(S), c32 = FloatVector.zero(S), c33 = FloatVector.zero(S);
        FloatVector c40 = FloatVector.zero(S), c41 = FloatVector.zero(S), c42 = FloatVector.zero(S), c43 = FloatVector.zero(S);
        FloatVector c50 = FloatVector.zero(S), c51 = FloatVector.zero(S), c52 = FloatVector.zero(S), c53 = FloatVector.zero(S);
        for (int kk = 0, bi = bBase; kk < kc; kk++, bi += ldb) {
            FloatVector b0 = FloatVector.fromArray(S, b, bi);
            FloatVector b1 = FloatVector.fromArray(S, b, bi + 1 * V);
            FloatVector b2 = FloatVector.fromArray(S, b, bi + 2 * V);
            FloatVector b3 = FloatVector.fromArray(S, b, bi + 3 * V);
            FloatVector a0 = FloatVector.broadcast(S, a[r0 + kk]);
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            c02 = a0.fma(b2, c02);
            c03 = a0.fma(b3, c03);
            FloatVector a1 = FloatVector.broadcast(S, a[r1 + kk]);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            c12 = a1.fma(b2, c12);
            c13 = a1.fma(b3, c13);
            FloatVector a2 = FloatVector.broadcast(S, a[r2 + kk]);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            c22 = a2.fma(b2, c22);
            c23 = a2.fma(b3, c23);
            FloatVector a3 = FloatVector.broadcast(S, a[r3 + kk]);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
            c32 = a3.fma(b2, c32);
            c33 = a3.fma(b3, c33);
            FloatVector a4 = FloatVector.broadcast(S, a[r4 + kk]);
            c40 = a4.fma(b0, c40);
            c41 = a4.fma(b1, c41);
            c42 = a4.fma(b2, c42);
            c43 = a4.fma(b3, c43);
            FloatVector a5 = FloatVector.broadcast(S, a[r5 + kk]);
            c50 = a5.fma(b0, c50);
            c51 = a5.fma(b1, c51);
            c52 = a5.fma(b2, c52);
            c53 = a5.fma(b3, c53);
        }
        c00.intoArray(c, cOff);
        c01.intoArray(c, cOff + 1 * V);
        c02.intoArray(c, cOff + 2 * V);
        c03.intoArray(c, cOff + 3 * V);
        c10.intoArray(c, cOff + 1 * ldc);
        c11.intoArray(c, cOff + 1 * ldc + 1 * V);
        c12.intoArray(c, cOff + 1 * ldc + 2 * V);
        c13.intoArray(c, cOff + 1 * ldc + 3 * V);
        c20.intoArray(c, cOff + 2 * ldc);
        c21.intoArray(c, cOff + 2 * ldc + 1 * V);
        c22.intoArray(c, cOff + 2 * ldc + 2 * V);
        c23.intoArray(c, cOff + 2 * ldc + 3 * V);
        c30.intoArray(c, cOff + 3 * ldc);
        c31.intoArray(c, cOff + 3 * ldc + 1 * V);
        c32.intoArray(c, cOff + 3 * ldc + 2 * V);
        c33.intoArray(c, cOff + 3 * ldc + 3 * V);
        c40.intoArray(c, cOff + 4 * ldc);
        c41.intoArray(c, cOff + 4 * ldc + 1 * V);
        c42.intoArray(c, cOff + 4 * ldc + 2 * V);
        c43.intoArray(c, cOff + 4 * ldc + 3 * V);
        c50.intoArray(c, cOff + 5 * ldc);
        c51.intoArray(c, cOff + 5 * ldc + 1 * V);
        c52.intoArray(c, cOff + 5 * ldc + 2 * V);
        c53.intoArray(c, cOff + 5 * ldc + 3 * V);
    }
}
