package org.cryoetgan.engine.ops;

import static org.cryoetgan.engine.testing.GradCheck.randn;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.cryoetgan.engine.Scope;
import org.cryoetgan.engine.Tensor;
import org.cryoetgan.engine.backend.PadMode;
import org.cryoetgan.engine.testing.GradCheck;
import org.cryoetgan.engine.testing.TensorAsserts;
import org.junit.jupiter.api.Test;

/** pad3d in zero, reflect and replicate modes: values along one axis and gradients over all three. */
class PaddingGradTest {
    @Test
    void gradientsInEveryMode() {
        for (PadMode mode : PadMode.values()) {
            GradCheck.of(in -> Padding.pad3d(in[0], mode, 2)).check(randn(1, 1, 2, 3, 4, 3));
            GradCheck.of(in -> Padding.pad3d(in[0], mode, new int[] {0, 1, 2, 1, 1, 0})).check(randn(2, 2, 1, 3, 3, 2));
        }
    }

    @Test
    void valuesAlongW() {
        try (Scope s = Scope.open()) {
            Tensor x = Tensor.of(new float[] {1, 2, 3, 4}, 1, 1, 1, 1, 4);
            int[] pad = {0, 0, 0, 0, 2, 3};
            int[] shape = {1, 1, 1, 1, 9};
            TensorAsserts.assertClose(new float[] {0, 0, 1, 2, 3, 4, 0, 0, 0}, Padding.pad3d(x, PadMode.ZERO, pad),
                    shape, 0);
            TensorAsserts.assertClose(new float[] {3, 2, 1, 2, 3, 4, 3, 2, 1}, Padding.pad3d(x, PadMode.REFLECT, pad),
                    shape, 0);
            TensorAsserts.assertClose(new float[] {1, 1, 1, 2, 3, 4, 4, 4, 4},
                    Padding.pad3d(x, PadMode.REPLICATE, pad), shape, 0);
            assertThrows(IllegalArgumentException.class, () -> Padding.pad3d(x, PadMode.REFLECT, 1));
        }
    }

    @Test
    void valuesAlongDandH() {
        try (Scope s = Scope.open()) {
            Tensor x = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 1, 1, 3, 2, 1);
            // reflect by 1 before/after along D, replicate-free along H
            TensorAsserts.assertClose(new float[] {3, 4, 1, 2, 3, 4, 5, 6, 3, 4},
                    Padding.pad3d(x, PadMode.REFLECT, new int[] {1, 1, 0, 0, 0, 0}), new int[] {1, 1, 5, 2, 1}, 0);
            TensorAsserts.assertClose(new float[] {1, 1, 2, 3, 3, 4, 5, 5, 6},
                    Padding.pad3d(x, PadMode.REPLICATE, new int[] {0, 0, 1, 0, 0, 0}), new int[] {1, 1, 3, 3, 1}, 0);
        }
    }
}
