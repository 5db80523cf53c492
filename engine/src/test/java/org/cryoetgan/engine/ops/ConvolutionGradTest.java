package org.cryoetgan.engine.ops;

import static org.cryoetgan.engine.testing.GradCheck.randn;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.cryoetgan.engine.Scope;
import org.cryoetgan.engine.Tensor;
import org.cryoetgan.engine.testing.GradCheck;
import org.cryoetgan.engine.testing.TensorAsserts;
import org.junit.jupiter.api.Test;

/** conv3d and convTranspose3d: gradients of input, weight and bias over strides, padding and dilation. */
class ConvolutionGradTest {
    private static int[] t(int a, int b, int c) {
        return new int[] {a, b, c};
    }

    @Test
    void conv3dOddSizesBatchTwoWithBias() {
        GradCheck.of(in -> Convolution.conv3d(in[0], in[1], in[2], 1, 1)).maxChecks(150)
                .check(randn(1, 2, 2, 7, 5, 3), randn(2, 3, 2, 3, 3, 3), randn(3, 3));
    }

    @Test
    void conv3dStrideTwoNoBias() {
        GradCheck.of(in -> Convolution.conv3d(in[0], in[1], null, 2, 1)).maxChecks(150)
                .check(randn(4, 1, 2, 6, 5, 5), randn(5, 2, 2, 3, 3, 3));
    }

    @Test
    void conv3dAnisotropicStridePaddingDilation() {
        GradCheck.of(in -> Convolution.conv3d(in[0], in[1], in[2], t(1, 2, 1), t(2, 0, 1), t(2, 1, 2)))
                .maxChecks(150).check(randn(6, 2, 2, 6, 5, 4), randn(7, 2, 2, 3, 2, 3), randn(8, 2));
    }

    @Test
    void conv3dNonCubicKernelAndInputOnlyGradient() {
        GradCheck.of(in -> Convolution.conv3d(in[0], in[1], null, t(1, 1, 1), t(0, 0, 0), t(1, 1, 1)))
                .maxChecks(150).check(randn(9, 1, 3, 5, 4, 3), randn(10, 2, 3, 3, 1, 2).constant());
    }

    @Test
    void convTranspose3dWithOutputPaddingAndBias() {
        GradCheck.of(in -> Convolution.convTranspose3d(in[0], in[1], in[2], 2, 1, 1)).maxChecks(150)
                .check(randn(1, 2, 2, 3, 3, 2), randn(2, 2, 3, 3, 3, 3), randn(3, 3));
    }

    @Test
    void convTranspose3dStrideOneAndAnisotropic() {
        GradCheck.of(in -> Convolution.convTranspose3d(in[0], in[1], null, 1, 1, 0)).maxChecks(150)
                .check(randn(4, 1, 2, 3, 4, 2), randn(5, 2, 2, 3, 3, 3));
        GradCheck.of(in -> Convolution.convTranspose3d(in[0], in[1], in[2], t(2, 1, 3), t(0, 1, 1), t(1, 0, 2),
                t(1, 1, 1))).maxChecks(150).check(randn(6, 2, 2, 2, 3, 2), randn(7, 2, 1, 2, 3, 3), randn(8, 1));
    }

    @Test
    void shapes() {
        try (Scope s = Scope.open()) {
            Tensor x = Tensor.zeros(2, 3, 7, 5, 3);
            assertArrayEquals(new int[] {2, 4, 4, 3, 2},
                    Convolution.conv3d(x, Tensor.zeros(4, 3, 3, 3, 3), null, 2, 1).shape());
            assertArrayEquals(new int[] {2, 4, 14, 10, 6},
                    Convolution.convTranspose3d(x, Tensor.zeros(3, 4, 3, 3, 3), null, 2, 1, 1).shape());
            assertThrows(IllegalArgumentException.class,
                    () -> Convolution.conv3d(x, Tensor.zeros(4, 2, 3, 3, 3), null, 1, 1));
        }
    }

    @Test
    void oneByOneConvIsAChannelMix() {
        try (Scope s = Scope.open()) {
            Tensor x = Tensor.of(new float[] {1, 2, 3, 4}, 1, 2, 1, 1, 2);
            Tensor w = Tensor.of(new float[] {1, 10, -1, 0.5f}, 2, 2, 1, 1, 1);
            Tensor b = Tensor.of(new float[] {0.5f, -1}, 2);
            // out[co] = sum_ci w[co][ci]·x[ci] + b[co]
            TensorAsserts.assertClose(new float[] {31.5f, 42.5f, -0.5f, -1f},
                    Convolution.conv3d(x, w, b, 1, 0), new int[] {1, 2, 1, 1, 2}, 1e-6);
        }
    }
}
