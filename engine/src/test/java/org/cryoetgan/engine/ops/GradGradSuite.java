package org.cryoetgan.engine.ops;

import static org.cryoetgan.engine.testing.GradCheck.awayFrom;
import static org.cryoetgan.engine.testing.GradCheck.randn;
import static org.cryoetgan.engine.testing.GradCheck.uniform;

import org.cryoetgan.engine.backend.PadMode;
import org.cryoetgan.engine.testing.BackendSuite;
import org.cryoetgan.engine.testing.GradCheck;
import org.cryoetgan.engine.testing.GradGradCheck;
import org.junit.jupiter.api.Test;

/**
 * Second-order finite-difference checks (see {@link GradGradCheck}) of every op whose backward pass can be
 * recorded with createGraph: the critics' ops first (conv3d with stride 2 and padding, leakyRelu, instance norm,
 * padding), then the rest of the list.
 *
 * <p>Subclasses choose the backend ({@link BackendSuite}), on which every tensor of the checks lives (inputs,
 * projections, finite-difference evaluations): {@link GradGradTest} runs the suite on the CPU,
 * {@code CudaEmulationGradGradTest} on the CUDA kernel emulator and {@code CudaGpuGradGradTest} on a real GPU where
 * one works.
 */
public abstract class GradGradSuite extends BackendSuite {
    private static void gradgrad(GradCheck.Op op, GradCheck.Input... inputs) {
        GradGradCheck.of(op, inputs).maxChecks(120).check(inputs);
    }

    // ---- convolutions -----------------------------------------------------------------------------------

    @Test
    void conv3dStrideOnePaddingOneWithBias() {
        gradgrad(in -> Convolution.conv3d(in[0], in[1], in[2], 1, 1),
                randn(1, 2, 2, 5, 4, 3), randn(2, 3, 2, 3, 3, 3), randn(3, 3));
    }

    @Test
    void conv3dStrideTwoPaddingOneOddSize() {
        gradgrad(in -> Convolution.conv3d(in[0], in[1], in[2], 2, 1),
                randn(4, 2, 1, 5, 5, 5), randn(5, 2, 1, 3, 3, 3), randn(6, 2));
    }

    @Test
    void conv3dStrideTwoKernelFourLikeTheCritic() {
        gradgrad(in -> Convolution.conv3d(in[0], in[1], null, 2, 1),
                randn(7, 1, 2, 6, 6, 5), randn(8, 2, 2, 4, 4, 4));
    }

    @Test
    void convTranspose3dStrideTwoWithBias() {
        gradgrad(in -> Convolution.convTranspose3d(in[0], in[1], in[2], 2, 1, 1),
                randn(9, 1, 2, 3, 2, 3), randn(10, 2, 2, 3, 3, 3), randn(11, 2));
    }

    // ---- activations ------------------------------------------------------------------------------------

    @Test
    void leakyRelu() {
        gradgrad(in -> Activations.leakyRelu(in[0], 0.2f), awayFrom(randn(12, 3, 4, 5), 0.05f, 0f));
    }

    @Test
    void leakyReluAfterAConvolution() {
        // the slope mask moves with x, so keep the check away from it: the pre-activations are probed below
        gradgrad(in -> Activations.leakyRelu(Convolution.conv3d(in[0], in[1], null, 1, 0), 0.2f).mul(in[0]
                .narrow(2, 0, 2).narrow(3, 0, 2).narrow(4, 0, 2)), randn(13, 1, 1, 3, 3, 3),
                randn(14, 1, 1, 2, 2, 2).constant());
    }

    @Test
    void relu() {
        gradgrad(in -> Activations.relu(in[0]), awayFrom(randn(15, 2, 7), 0.05f, 0f));
    }

    @Test
    void tanh() {
        gradgrad(in -> Activations.tanh(in[0]), randn(16, 3, 5));
    }

    @Test
    void sigmoid() {
        gradgrad(in -> Activations.sigmoid(in[0]), randn(17, 3, 5));
    }

    @Test
    void softplus() {
        gradgrad(in -> Activations.softplus(in[0]), randn(18, 3, 5));
    }

    // ---- normalisation and padding ----------------------------------------------------------------------

    @Test
    void instanceNormWithoutAffine() {
        GradGradCheck.of(in -> Normalization.instanceNorm3d(in[0], null, null, 1e-5f), randn(19, 2, 2, 3, 2, 3))
                .eps(3e-3).tol(1e-2).maxChecks(80).check(randn(19, 2, 2, 3, 2, 3));
    }

    @Test
    void instanceNormAffine() {
        GradCheck.Input[] in = {randn(20, 2, 3, 2, 3, 2), randn(21, 3), randn(22, 3)};
        GradGradCheck.of(t -> Normalization.instanceNorm3d(t[0], t[1], t[2], 1e-5f), in).eps(3e-3).tol(1e-2)
                .maxChecks(80).check(in);
    }

    @Test
    void pad3dZero() {
        gradgrad(in -> Padding.pad3d(in[0], PadMode.ZERO, new int[] {1, 0, 2, 1, 0, 1}).mul(3f),
                randn(23, 1, 2, 2, 3, 2));
    }

    @Test
    void pad3dReflect() {
        gradgrad(in -> Padding.pad3d(in[0], PadMode.REFLECT, 1), randn(24, 1, 2, 3, 3, 2));
    }

    @Test
    void pad3dReplicate() {
        gradgrad(in -> Padding.pad3d(in[0], PadMode.REPLICATE, new int[] {2, 1, 0, 1, 1, 2}),
                randn(25, 2, 1, 2, 3, 2));
    }

    // ---- elementwise and reductions ---------------------------------------------------------------------

    @Test
    void broadcastArithmetic() {
        gradgrad(in -> in[0].add(in[1]).mul(in[0].sub(in[1])).div(in[2]),
                randn(26, 2, 3), randn(27, 1, 3), uniform(28, 1f, 2f, 2, 1));
    }

    @Test
    void expLogSqrtPow() {
        gradgrad(in -> in[0].exp().add(in[0].log()).add(in[0].sqrt()).add(in[0].pow(3f)).add(in[0].pow(-0.5f)),
                uniform(29, 0.5f, 2f, 3, 4));
    }

    @Test
    void affineNegAbsClamp() {
        gradgrad(in -> in[0].mul(2f).add(1f).neg().abs().add(in[0].clamp(-0.5f, 0.5f)),
                awayFrom(randn(30, 4, 5), 0.05f, -0.5f, 0f, 0.5f));
    }

    @Test
    void sumAndMeanOverAxes() {
        gradgrad(in -> Reductions.sum(in[0], true, 1).add(Reductions.mean(in[0], false, 0, 2).reshape(1, 3, 1)),
                randn(31, 2, 3, 4));
    }

    @Test
    void maxAndMinOverAxes() {
        gradgrad(in -> Reductions.max(in[0], 1).add(Reductions.min(in[0], 1)),
                GradCheck.distinct(32, 0.1f, 3, 5));
    }

    @Test
    void maximum() {
        // b sits half-way between a's values, so no finite-difference step crosses a tie
        float[] b = GradCheck.distinct(34, 0.1f, 1, 4).data();
        for (int i = 0; i < b.length; i++) {
            b[i] += 0.05f;
        }
        gradgrad(in -> Elementwise.maximum(in[0], in[1]), GradCheck.distinct(33, 0.1f, 3, 4),
                GradCheck.input(b, 1, 4).constant());
    }

    // ---- movement and matmul ----------------------------------------------------------------------------

    @Test
    void reshapeNarrowPermuteConcat() {
        gradgrad(in -> Movement.concat(1, in[0].narrow(1, 1, 2).permute(0, 2, 1).reshape(2, 2, 2), in[1]),
                randn(35, 2, 3, 2), randn(36, 2, 1, 2));
    }

    @Test
    void matmul() {
        gradgrad(in -> in[0].matmul(in[1]), randn(37, 3, 4), randn(38, 4, 2));
    }

    @Test
    void batchedMatmul() {
        gradgrad(in -> LinearAlgebra.matmul(in[0], in[1]), randn(39, 2, 3, 2), randn(40, 2, 2, 3));
    }

    @Test
    void spectralNormSigmaPath() {
        // W / σ with σ = uᵀ·mat(W)·v for constant u, v, as nn's SpectralNorm builds it (transposed-conv layout)
        gradgrad(in -> {
            org.cryoetgan.engine.Tensor mat = in[0].transpose(0, 1).reshape(3, 4);
            org.cryoetgan.engine.Tensor sigma = in[1].reshape(3, 1).mul(mat.matmul(in[2].reshape(4, 1))).sum();
            return in[0].div(sigma);
        }, randn(42, 2, 3, 2), randn(43, 3).constant(), randn(44, 4).constant());
    }

    @Test
    void avgPool() {
        gradgrad(in -> Pooling.avgPool3d(in[0], 2, 2), randn(41, 1, 2, 4, 4, 2));
    }
}
