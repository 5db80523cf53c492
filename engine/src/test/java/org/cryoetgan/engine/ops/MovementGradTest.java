package org.cryoetgan.engine.ops;

import static org.cryoetgan.engine.testing.GradCheck.randn;

import org.cryoetgan.engine.Scope;
import org.cryoetgan.engine.Tensor;
import org.cryoetgan.engine.testing.GradCheck;
import org.cryoetgan.engine.testing.TensorAsserts;
import org.junit.jupiter.api.Test;

/** reshape, narrow, transpose, permute, contiguous and concat: values and gradients, including ops on views. */
class MovementGradTest {
    @Test
    void reshape() {
        GradCheck.of(in -> in[0].reshape(4, -1)).check(randn(1, 2, 3, 4));
        GradCheck.of(in -> in[0].transpose(0, 2).reshape(24)).check(randn(2, 2, 3, 4));
    }

    @Test
    void narrowAlongEachAxis() {
        GradCheck.of(in -> in[0].narrow(0, 1, 1)).check(randn(1, 2, 3, 4));
        GradCheck.of(in -> in[0].narrow(1, 1, 2)).check(randn(2, 2, 3, 4));
        GradCheck.of(in -> in[0].narrow(-1, 0, 3)).check(randn(3, 2, 3, 4));
    }

    @Test
    void transposeAndPermute() {
        GradCheck.of(in -> in[0].transpose(0, 2)).check(randn(1, 2, 3, 4));
        GradCheck.of(in -> in[0].permute(2, 0, 1)).check(randn(2, 2, 3, 4));
        GradCheck.of(in -> in[0].permute(4, 2, 0, 1, 3).contiguous()).check(randn(3, 2, 1, 3, 2, 2));
    }

    @Test
    void elementwiseOpsOnViewsWithAnOffset() {
        // a narrow along the first axis is contiguous but starts at a non-zero offset
        GradCheck.of(in -> in[0].narrow(0, 1, 2).mul(3f)).check(randn(1, 4, 3));
        GradCheck.of(in -> in[0].narrow(0, 1, 2).neg()).check(randn(2, 4, 3));
        GradCheck.of(in -> in[0].narrow(0, 2, 2).exp()).eps(3e-3).check(randn(3, 4, 3));
        GradCheck.of(in -> in[0].narrow(1, 1, 2).tanh()).eps(3e-3).check(randn(4, 4, 3));
    }

    @Test
    void scalarOpsUpstreamOfAConcat() {
        GradCheck.of(in -> Movement.concat(1, in[0].mul(2f), in[1].neg().add(1f))).check(randn(1, 2, 3),
                randn(2, 2, 2));
    }

    @Test
    void concatAlongEachAxis() {
        GradCheck.of(in -> Movement.concat(0, in[0], in[1])).check(randn(1, 2, 3), randn(2, 1, 3));
        GradCheck.of(in -> Movement.concat(1, in[0], in[1], in[2])).check(randn(3, 2, 3, 2), randn(4, 2, 1, 2),
                randn(5, 2, 2, 2));
        GradCheck.of(in -> Movement.concat(-1, in[0], in[1])).check(randn(6, 2, 3), randn(7, 2, 2).constant());
        GradCheck.of(in -> Movement.concat(1, in[0].transpose(0, 1), in[1])).check(randn(8, 3, 2), randn(9, 2, 2));
    }

    @Test
    void concatOfVolumesAlongChannelsWithAConstantNoiseChannel() {
        GradCheck.of(in -> Movement.concat(1, in[0].tanh(), in[1]).mul(in[0].narrow(1, 0, 1).add(1f)))
                .eps(3e-3).check(randn(1, 2, 3, 3, 2, 2), randn(2, 2, 1, 3, 2, 2).constant());
    }

    @Test
    void values() {
        try (Scope s = Scope.open()) {
            Tensor x = Tensor.of(new float[] {0, 1, 2, 3, 4, 5}, 2, 3);
            TensorAsserts.assertClose(new float[] {0, 3, 1, 4, 2, 5}, x.transpose(0, 1), new int[] {3, 2}, 0);
            TensorAsserts.assertClose(new float[] {1, 2, 4, 5}, x.narrow(1, 1, 2), new int[] {2, 2}, 0);
            TensorAsserts.assertClose(new float[] {3, 4, 5}, x.narrow(0, 1, 1).reshape(3), new int[] {3}, 0);
            TensorAsserts.assertClose(new float[] {0, 3, 1, 4, 2, 5}, x.transpose(0, 1).reshape(6), new int[] {6}, 0);
            Tensor y = Tensor.of(new float[] {9, 8}, 2, 1);
            TensorAsserts.assertClose(new float[] {0, 1, 2, 9, 3, 4, 5, 8}, Movement.concat(1, x, y),
                    new int[] {2, 4}, 0);
            Tensor p = Tensor.of(new float[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, 2, 3, 2).permute(2, 0, 1);
            TensorAsserts.assertClose(new float[] {0, 2, 4, 6, 8, 10, 1, 3, 5, 7, 9, 11}, p, new int[] {2, 2, 3}, 0);
        }
    }
}
