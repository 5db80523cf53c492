package org.cryoetgan.engine.cpu;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.cryoetgan.engine.cpu.tile.TileKernels;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The packed sgemm against a naive triple loop, for both kernel sets and many edge shapes. */
class CpuSgemmTest {
    private static final Parallel PAR = new Parallel(2);

    static Stream<Arguments> cases() {
        int[][] sizes = {{1, 1, 1}, {1, 37, 300}, {37, 1, 300}, {8, 48, 256}, {9, 49, 257}, {17, 95, 513},
            {64, 64, 64}, {100, 3, 1000}, {3, 130, 70}, {33, 200, 31}, {129, 97, 260}};
        List<Arguments> out = new ArrayList<>();
        int i = 0;
        for (TileKernels kern : CpuKernelSource.kernels()) {
            for (int[] s : sizes) {
                for (int t = 0; t < 4; t++) {
                    float beta = new float[] {0f, 1f, 0.5f}[i % 3];
                    float alpha = i % 4 == 3 ? -0.75f : 1f;
                    int pad = i % 2 == 0 ? 0 : 3;
                    out.add(Arguments.of(kern, s[0], s[1], s[2], (t & 1) != 0, (t & 2) != 0, alpha, beta, pad));
                    i++;
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} m={1} n={2} k={3} tA={4} tB={5} alpha={6} beta={7} pad={8}")
    @MethodSource("cases")
    void matchesNaive(TileKernels kern, int m, int n, int k, boolean ta, boolean tb, float alpha, float beta, int pad) {
        SplittableRandom r = new SplittableRandom(m * 1000003L + n * 1009L + k);
        int lda = (ta ? m : k) + pad;
        int ldb = (tb ? k : n) + pad;
        int ldc = n + pad;
        int aOff = pad * 2;
        int bOff = pad;
        int cOff = pad * 5;
        float[] a = CpuKernelSource.random(r, aOff + (ta ? k : m) * lda);
        float[] b = CpuKernelSource.random(r, bOff + (tb ? n : k) * ldb);
        float[] c = CpuKernelSource.random(r, cOff + m * ldc);
        if (beta == 0f) {
            for (int i = 0; i < m; i++) {
                java.util.Arrays.fill(c, cOff + i * ldc, cOff + i * ldc + n, Float.NaN);
            }
        }
        float[] want = c.clone();
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    s += (double) (ta ? a[aOff + p * lda + i] : a[aOff + i * lda + p])
                            * (tb ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j]);
                }
                int ci = cOff + i * ldc + j;
                want[ci] = (float) (alpha * s + (beta == 0f ? 0 : beta * want[ci]));
            }
        }
        Sgemm.gemm(kern, PAR, ta, tb, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
        CpuKernelSource.assertClose(want, c, 0, c.length, 1e-4 * Math.sqrt(k), "sgemm");
    }
}
