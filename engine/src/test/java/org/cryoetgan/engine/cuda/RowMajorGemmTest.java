package org.cryoetgan.engine.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The row-major → column-major mapping of gemm onto cuBLAS, with a fake cuBLAS on host memory: recorded
 * arguments (operands and sizes swapped, transposes and leading dimensions kept, alpha/beta passed through) and
 * results against a row-major reference, for every transpose combination and padded leading dimensions.
 */
class RowMajorGemmTest {
    /** Host "device memory": address = 4 × float index. */
    private final float[] heap = new float[1 << 16];
    private final HostBlas blas = new HostBlas(new HostBlas.Memory() {
        @Override
        public float[] read(long address, int count) {
            return java.util.Arrays.copyOfRange(heap, (int) (address / 4), (int) (address / 4) + count);
        }

        @Override
        public void write(long address, float[] data) {
            System.arraycopy(data, 0, heap, (int) (address / 4), data.length);
        }
    });
    private final RowMajorGemm gemm = new RowMajorGemm(blas);

    private static float rowMajor(float[] h, int base, int ld, int r, int c) {
        return h[base + r * ld + c];
    }

    @Test
    void everyTransposeMatchesTheRowMajorReference() {
        Random rnd = new Random(3);
        int m = 7;
        int n = 5;
        int k = 4;
        for (int t = 0; t < 4; t++) {
            boolean ta = (t & 1) != 0;
            boolean tb = (t & 2) != 0;
            int lda = (ta ? m : k) + 2;
            int ldb = (tb ? k : n) + 1;
            int ldc = n + 3;
            int a = 16;
            int b = 4096;
            int c = 8192;
            for (int i = 0; i < 4096; i++) {
                heap[a + i] = rnd.nextFloat() - 0.5f;
                heap[b + i] = rnd.nextFloat() - 0.5f;
                heap[c + i] = rnd.nextFloat() - 0.5f;
            }
            float[] before = heap.clone();
            gemm.sgemm(ta, tb, m, n, k, 1.5f, 4L * a, lda, 4L * b, ldb, 0.5f, 4L * c, ldc);
            HostBlas.Call call = blas.calls.get(blas.calls.size() - 1);
            assertEquals(new HostBlas.Call(tb, ta, n, m, k, 1.5f, 4L * b, ldb, 4L * a, lda, 0.5f, 4L * c, ldc), call);
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double s = 0;
                    for (int p = 0; p < k; p++) {
                        float x = ta ? rowMajor(before, a, lda, p, i) : rowMajor(before, a, lda, i, p);
                        float y = tb ? rowMajor(before, b, ldb, j, p) : rowMajor(before, b, ldb, p, j);
                        s += x * y;
                    }
                    float expected = (float) (1.5 * s + 0.5 * rowMajor(before, c, ldc, i, j));
                    assertEquals(expected, heap[c + i * ldc + j], 1e-5f, "ta=" + ta + " tb=" + tb + " " + i + "," + j);
                }
                for (int j = n; j < ldc; j++) {
                    assertEquals(before[c + i * ldc + j], heap[c + i * ldc + j], "padding untouched");
                }
            }
        }
    }

    @Test
    void emptyProductsAreSkippedAndZeroLeadingDimensionsRaised() {
        gemm.sgemm(false, false, 0, 4, 3, 1f, 0, 3, 0, 4, 0f, 0, 4);
        gemm.sgemm(false, false, 3, 0, 3, 1f, 0, 3, 0, 0, 0f, 0, 0);
        assertTrue(blas.calls.isEmpty(), "nothing to compute: no call");
        java.util.Arrays.fill(heap, 0, 16, Float.NaN);
        gemm.sgemm(false, false, 2, 3, 0, 1f, 0, 0, 64, 3, 0f, 0, 3);
        HostBlas.Call call = blas.calls.get(0);
        assertEquals(1, call.ldb(), "A of a K = 0 product has lda 0 in row-major; cuBLAS needs >= 1");
        for (int i = 0; i < 6; i++) {
            assertEquals(0f, heap[i], "beta = 0 ignores C's old NaN");
        }
    }
}
