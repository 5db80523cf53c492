package org.cryoetgan.engine.ops;

import static org.cryoetgan.engine.testing.GradCheck.randn;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.cryoetgan.engine.Scope;
import org.cryoetgan.engine.Tensor;
import org.cryoetgan.engine.testing.GradCheck;
import org.cryoetgan.engine.testing.TensorAsserts;
import org.junit.jupiter.api.Test;

/** Sum and mean over all and given axes: values, shapes and gradients. */
class ReductionsGradTest {
    private static final int[] SHAPE = {2, 3, 4, 2};

    @Test
    void sumAndMeanOverAll() {
        GradCheck.of(in -> in[0].sum()).check(randn(1, SHAPE));
        GradCheck.of(in -> in[0].mean()).check(randn(2, SHAPE));
    }

    @Test
    void sumAndMeanOverAxesBothKeepDimsModes() {
        int[][] axesSets = {{0}, {1}, {3}, {-1}, {1, 2}, {0, 3}, {0, 1, 2, 3}, {0, 2}};
        for (int[] axes : axesSets) {
            for (boolean keep : new boolean[] {true, false}) {
                GradCheck.of(in -> in[0].sum(keep, axes)).check(randn(3, SHAPE));
                GradCheck.of(in -> in[0].mean(keep, axes)).check(randn(4, SHAPE));
            }
        }
    }

    @Test
    void sumOfANonContiguousView() {
        GradCheck.of(in -> in[0].transpose(0, 2).sum(false, 1)).check(randn(5, SHAPE));
    }

    @Test
    void valuesAndShapes() {
        try (Scope s = Scope.open()) {
            float[] data = new float[24];
            for (int i = 0; i < data.length; i++) {
                data[i] = i;
            }
            Tensor x = Tensor.of(data, 2, 3, 4);
            assertEquals(276f, x.sum().item(), 0f);
            assertEquals(11.5f, x.mean().item(), 1e-6f);
            Tensor s1 = x.sum(false, 1);
            TensorAsserts.assertClose(new float[] {12, 15, 18, 21, 48, 51, 54, 57}, s1, new int[] {2, 4}, 0);
            Tensor m02 = x.mean(true, 0, 2);
            TensorAsserts.assertClose(new float[] {7.5f, 11.5f, 15.5f}, m02, new int[] {1, 3, 1}, 1e-6);
            assertArrayEquals(new int[] {1}, x.sum(false, 0, 1, 2).shape());
            assertArrayEquals(new int[] {1, 1, 1}, x.sum(true, 0, 1, 2).shape());
            TensorAsserts.assertClose(new float[] {3, 7, 11, 15, 19, 23}, Reductions.max(x, 2), new int[] {2, 3, 1}, 0);
            TensorAsserts.assertClose(new float[] {0, 1, 2, 3}, Reductions.min(x, 0, 1), new int[] {1, 1, 4}, 0);
        }
    }
}
