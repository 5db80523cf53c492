package org.cryoetgan.engine.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.function.Function;
import org.cryoetgan.engine.Scope;
import org.cryoetgan.engine.Tensor;
import org.cryoetgan.engine.backend.PadMode;
import org.cryoetgan.engine.ops.Normalization;
import org.cryoetgan.engine.ops.Padding;
import org.cryoetgan.engine.ops.Pooling;
import org.cryoetgan.engine.testing.GradCheck;
import org.cryoetgan.engine.testing.TensorAsserts;
import org.junit.jupiter.api.Test;

/**
 * Kernels on tensors large enough to be split across threads (chunks that start mid-row, broadcast and strided
 * operands) give the same bits on 1 and 3 threads, and match a host loop.
 */
class ThreadCountConsistencyTest {
    private static final CpuBackend ONE = new CpuBackend(1);
    private static final CpuBackend THREE = new CpuBackend(3);

    private static float[] run(CpuBackend b, Function<CpuBackend, Tensor> f) {
        try (Scope s = Scope.open()) {
            return f.apply(b).toArray();
        }
    }

    private static void same(Function<CpuBackend, Tensor> f) {
        assertArrayEquals(run(ONE, f), run(THREE, f));
    }

    private static Tensor t(CpuBackend b, long seed, int... shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return Tensor.of(b, GradCheck.normal(seed, n, 0, 1), shape);
    }

    @Test
    void broadcastBinaryOnLongRows() {
        same(b -> t(b, 1, 3, 70001).mul(t(b, 2, 1, 70001)).add(t(b, 3, 3, 1)));
        same(b -> t(b, 4, 2, 3, 20, 30, 40).sub(t(b, 5, 1, 3, 1, 1, 1)).div(t(b, 6, 40).abs().add(0.5f)));
    }

    @Test
    void stridedCopiesAndUnaryOps() {
        same(b -> t(b, 7, 40, 50, 60).permute(2, 0, 1).contiguous());
        same(b -> t(b, 8, 40, 50, 60).transpose(0, 2).tanh());
        same(b -> t(b, 9, 40, 50, 60).narrow(1, 3, 40).exp());
    }

    @Test
    void reductions() {
        same(b -> t(b, 10, 30, 40, 50).sum(false, 1));
        same(b -> t(b, 11, 30, 40, 50).sum(true, 0, 2));
        same(b -> t(b, 12, 300, 400).mean(false, 1));
        same(b -> t(b, 13, 2, 70000).sum());
    }

    @Test
    void volumeKernels() {
        same(b -> Normalization.instanceNorm3d(t(b, 14, 2, 8, 10, 10, 10), null, null, 1e-5f));
        same(b -> Padding.pad3d(t(b, 15, 2, 4, 9, 9, 9), PadMode.REFLECT, 3));
        same(b -> Pooling.maxPool3d(t(b, 16, 2, 4, 10, 10, 10), 2, 2));
    }

    @Test
    void largeBroadcastMatchesAHostLoop() {
        int rows = 3;
        int cols = 70001;
        float[] a = GradCheck.normal(1, rows * cols, 0, 1);
        float[] r = GradCheck.normal(2, cols, 0, 1);
        float[] c = GradCheck.normal(3, rows, 0, 1);
        float[] expected = new float[rows * cols];
        double[] colSums = new double[cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                expected[i * cols + j] = a[i * cols + j] * r[j] + c[i];
                colSums[j] += expected[i * cols + j];
            }
        }
        float[] sums = new float[cols];
        for (int j = 0; j < cols; j++) {
            sums[j] = (float) colSums[j];
        }
        try (Scope s = Scope.open()) {
            Tensor y = Tensor.of(THREE, a, rows, cols).mul(Tensor.of(THREE, r, cols))
                    .add(Tensor.of(THREE, c, rows, 1));
            TensorAsserts.assertClose(expected, y, new int[] {rows, cols}, 0);
            TensorAsserts.assertClose(sums, y.sum(false, 0), new int[] {cols}, 1e-6);
        }
    }
}
