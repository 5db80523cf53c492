package org.cryoetgan.engine.ops;

import static org.cryoetgan.engine.testing.GradCheck.awayFrom;
import static org.cryoetgan.engine.testing.GradCheck.randn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.cryoetgan.engine.Scope;
import org.cryoetgan.engine.Tensor;
import org.cryoetgan.engine.testing.GradCheck;
import org.cryoetgan.engine.testing.TensorAsserts;
import org.junit.jupiter.api.Test;

/** L1, MSE, BCE with logits, log-softmax and cross-entropy: values and gradients. */
class LossesGradTest {
    private static final int[] VOL = {2, 1, 3, 3, 2};

    @Test
    void l1() {
        // a − b kept away from 0, the kink of |·|
        float[] a = GradCheck.normal(1, 36, 0, 1);
        float[] d = awayFrom(GradCheck.input(GradCheck.normal(2, 36, 0, 1), 36), 0.05f, 0f).constant().data();
        float[] b = new float[36];
        for (int i = 0; i < 36; i++) {
            b[i] = a[i] - d[i];
        }
        GradCheck.of(in -> Losses.l1(in[0], in[1])).check(GradCheck.input(a, VOL), GradCheck.input(b, VOL));
    }

    @Test
    void mse() {
        GradCheck.of(in -> Losses.mse(in[0], in[1])).check(randn(1, VOL), randn(2, VOL));
    }

    @Test
    void bceWithLogits() {
        GradCheck.of(in -> Losses.bceWithLogits(in[0], in[1])).eps(3e-3).check(randn(1, VOL),
                GradCheck.uniform(2, 0, 1, VOL).constant());
    }

    @Test
    void logSoftmaxAlongEachAxis() {
        GradCheck.of(in -> Losses.logSoftmax(in[0], 1)).eps(3e-3).check(randn(1, 3, 5));
        GradCheck.of(in -> Losses.logSoftmax(in[0], 0)).eps(3e-3).check(randn(2, 3, 5));
        GradCheck.of(in -> Losses.logSoftmax(in[0], -1)).eps(3e-3).check(randn(3, 2, 3, 4));
    }

    @Test
    void crossEntropy() {
        GradCheck.of(in -> Losses.crossEntropy(in[0], new int[] {2, 0, 4})).eps(3e-3).check(randn(1, 3, 5));
    }

    @Test
    void values() {
        try (Scope s = Scope.open()) {
            Tensor a = Tensor.of(new float[] {1, -2, 3, 0.5f}, 4);
            Tensor b = Tensor.of(new float[] {0, 1, 3, -0.5f}, 4);
            assertEquals((1 + 3 + 0 + 1) / 4f, Losses.l1(a, b).item(), 1e-6f);
            assertEquals((1 + 9 + 0 + 1) / 4f, Losses.mse(a, b).item(), 1e-6f);
            Tensor y = Tensor.of(new float[] {1, 0, 1, 0}, 4);
            double bce = 0;
            float[] xs = {1, -2, 3, 0.5f};
            float[] ys = {1, 0, 1, 0};
            for (int i = 0; i < 4; i++) {
                double p = 1 / (1 + Math.exp(-xs[i]));
                bce -= ys[i] * Math.log(p) + (1 - ys[i]) * Math.log(1 - p);
            }
            assertEquals(bce / 4, Losses.bceWithLogits(a, y).item(), 1e-6);
            // large logits must not overflow
            Tensor big = Tensor.of(new float[] {1000, -1000}, 2);
            assertEquals(0.0, Losses.bceWithLogits(big, Tensor.of(new float[] {1, 0}, 2)).item(), 1e-6);
            Tensor logits = Tensor.of(new float[] {1, 2, 3, 1000, 0, -1000}, 2, 3);
            double lse = Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3));
            TensorAsserts.assertClose(new float[] {(float) (1 - lse), (float) (2 - lse), (float) (3 - lse), 0, -1000,
                -2000}, Losses.logSoftmax(logits, 1), new int[] {2, 3}, 1e-6);
            assertEquals((lse - 3 + 1000) / 2, Losses.crossEntropy(logits, new int[] {2, 1}).item(), 1e-4);
            assertThrows(IllegalArgumentException.class, () -> Losses.crossEntropy(logits, new int[] {3, 0}));
        }
    }
}
