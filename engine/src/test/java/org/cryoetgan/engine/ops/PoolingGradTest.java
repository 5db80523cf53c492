package org.cryoetgan.engine.ops;

import static org.cryoetgan.engine.testing.GradCheck.distinct;
import static org.cryoetgan.engine.testing.GradCheck.randn;

import org.cryoetgan.engine.Scope;
import org.cryoetgan.engine.Tensor;
import org.cryoetgan.engine.testing.GradCheck;
import org.cryoetgan.engine.testing.TensorAsserts;
import org.junit.jupiter.api.Test;

/** Max and average pooling: values and gradients, overlapping windows and padding included. */
class PoolingGradTest {
    private static int[] t(int v) {
        return new int[] {v, v, v};
    }

    @Test
    void maxPool() {
        // distinct values 0.05 apart: no ties within eps
        GradCheck.of(in -> Pooling.maxPool3d(in[0], 2, 2)).check(distinct(1, 0.05f, 2, 2, 4, 4, 4));
        GradCheck.of(in -> Pooling.maxPool3d(in[0], t(3), t(2), t(1))).check(distinct(2, 0.05f, 1, 2, 5, 4, 5));
        GradCheck.of(in -> Pooling.maxPool3d(in[0], t(2), t(1), t(0))).check(distinct(3, 0.05f, 1, 1, 3, 4, 3));
    }

    @Test
    void avgPool() {
        GradCheck.of(in -> Pooling.avgPool3d(in[0], 2, 2)).check(randn(1, 2, 2, 4, 4, 4));
        GradCheck.of(in -> Pooling.avgPool3d(in[0], t(3), t(2), t(1))).check(randn(2, 1, 2, 5, 4, 5));
    }

    @Test
    void values() {
        try (Scope s = Scope.open()) {
            float[] d = new float[8];
            for (int i = 0; i < 8; i++) {
                d[i] = i == 5 ? 20 : i;
            }
            Tensor x = Tensor.of(d, 1, 1, 2, 2, 2);
            TensorAsserts.assertClose(new float[] {20}, Pooling.maxPool3d(x, 2, 2), new int[] {1, 1, 1, 1, 1}, 0);
            TensorAsserts.assertClose(new float[] {(0 + 1 + 2 + 3 + 4 + 20 + 6 + 7) / 8f}, Pooling.avgPool3d(x, 2, 2),
                    new int[] {1, 1, 1, 1, 1}, 1e-6);
            // padding counts as zeros in the average (count_include_pad)
            Tensor one = Tensor.ones(1, 1, 2, 2, 2);
            TensorAsserts.assertClose(new float[] {1 / 8f, 1 / 8f, 1 / 8f, 1 / 8f, 1 / 8f, 1 / 8f, 1 / 8f, 1 / 8f},
                    Pooling.avgPool3d(one, t(2), t(2), t(1)), new int[] {1, 1, 2, 2, 2}, 1e-6);
        }
    }
}
