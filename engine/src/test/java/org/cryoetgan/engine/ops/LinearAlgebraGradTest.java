package org.cryoetgan.engine.ops;

import static org.cryoetgan.engine.testing.GradCheck.randn;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.cryoetgan.engine.Scope;
import org.cryoetgan.engine.Tensor;
import org.cryoetgan.engine.autograd.GradMode;
import org.cryoetgan.engine.testing.GradCheck;
import org.cryoetgan.engine.testing.TensorAsserts;
import org.junit.jupiter.api.Test;

/** 2-D, transposed-view and batched matrix products: values against a double loop, and gradients. */
class LinearAlgebraGradTest {
    @Test
    void matmul2d() {
        GradCheck.of(in -> in[0].matmul(in[1])).check(randn(1, 3, 4), randn(2, 4, 5));
        GradCheck.of(in -> in[0].matmul(in[1])).check(randn(3, 1, 4), randn(4, 4, 1));
    }

    @Test
    void matmulOfTransposedAndNarrowedViews() {
        GradCheck.of(in -> in[0].transpose(0, 1).matmul(in[1])).check(randn(1, 4, 3), randn(2, 4, 5));
        GradCheck.of(in -> in[0].matmul(in[1].transpose(0, 1))).check(randn(3, 3, 4), randn(4, 5, 4));
        GradCheck.of(in -> in[0].transpose(0, 1).matmul(in[1].transpose(0, 1))).check(randn(5, 4, 3),
                randn(6, 5, 4));
        GradCheck.of(in -> in[0].narrow(1, 1, 4).matmul(in[1].narrow(0, 2, 4))).check(randn(7, 3, 6),
                randn(8, 7, 2));
    }

    @Test
    void batchedMatmul() {
        GradCheck.of(in -> in[0].matmul(in[1])).check(randn(1, 2, 3, 4), randn(2, 2, 4, 5));
        GradCheck.of(in -> in[0].matmul(in[1])).check(randn(3, 3, 2, 4), randn(4, 4, 3));
        GradCheck.of(in -> in[0].transpose(1, 2).matmul(in[1])).check(randn(5, 2, 4, 3), randn(6, 2, 4, 2));
    }

    @Test
    void valuesMatchADoubleLoop() {
        try (Scope s = Scope.open()) {
            float[] a = GradCheck.normal(1, 3 * 4, 0, 1);
            float[] b = GradCheck.normal(2, 4 * 5, 0, 1);
            float[] c = new float[15];
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 5; j++) {
                    double acc = 0;
                    for (int k = 0; k < 4; k++) {
                        acc += (double) a[i * 4 + k] * b[k * 5 + j];
                    }
                    c[i * 5 + j] = (float) acc;
                }
            }
            Tensor ta = Tensor.of(a, 3, 4);
            Tensor tb = Tensor.of(b, 4, 5);
            TensorAsserts.assertClose(c, ta.matmul(tb), new int[] {3, 5}, 1e-6);
            Tensor taT = Tensor.of(ta.transpose(0, 1).toArray(), 4, 3).transpose(0, 1);
            Tensor tbT = Tensor.of(tb.transpose(0, 1).toArray(), 5, 4).transpose(0, 1);
            TensorAsserts.assertClose(c, taT.matmul(tbT), new int[] {3, 5}, 1e-6);
            Tensor batch = Movement.concat(0, ta.reshape(1, 3, 4), ta.mul(2f).reshape(1, 3, 4));
            float[] c2 = new float[30];
            for (int i = 0; i < 15; i++) {
                c2[i] = c[i];
                c2[15 + i] = 2 * c[i];
            }
            TensorAsserts.assertClose(c2, batch.matmul(tb), new int[] {2, 3, 5}, 1e-6);
        }
    }

    @Test
    void batchedMatmulRecordsNothingUnderNoGrad() {
        try (Scope s = Scope.open(); GradMode g = GradMode.disable()) {
            Tensor a = Tensor.ones(2, 3, 4).requiresGrad(true);
            Tensor b = Tensor.ones(2, 4, 5).requiresGrad(true);
            assertFalse(a.matmul(b).requiresGrad(), "batched matmul under GradMode.disable() must not record");
        }
    }
}
