package org.cryoetgan.engine.ops;

import java.util.Arrays;
import org.cryoetgan.engine.Tensor;
import org.cryoetgan.engine.autograd.Autograd;
import org.cryoetgan.engine.autograd.GradMode;
import org.cryoetgan.engine.autograd.Node;

/** Instance normalisation over each (sample, channel) volume, fused forward and backward. */
public final class Normalization {
    private Normalization() {
    }

    /**
     * {@code y = (x − mean)/sqrt(var + eps)·gamma + beta} with mean and biased variance over D·H·W of each
     * sample and channel; gamma and beta ([C]) may be null (no affine transform).
     */
    public static Tensor instanceNorm3d(Tensor x, Tensor gamma, Tensor beta, float eps) {
        Convolution.checkRank5(x, "instanceNorm3d input");
        int channels = x.size(1);
        if ((gamma == null) != (beta == null)) {
            throw new IllegalArgumentException("instanceNorm3d: give both gamma and beta, or neither");
        }
        if (gamma != null && (gamma.numel() != channels || beta.numel() != channels)) {
            throw new IllegalArgumentException("instanceNorm3d: gamma/beta need " + channels + " values, got "
                    + Arrays.toString(gamma.shape()) + "/" + Arrays.toString(beta.shape()));
        }
        int planes = x.size(0) * channels;
        int size = x.size(2) * x.size(3) * x.size(4);
        Tensor xd = Kernels.dense(x);
        Tensor gd = gamma == null ? null : Kernels.dense(gamma);
        Tensor bd = beta == null ? null : Kernels.dense(beta);
        Tensor y = Tensor.empty(x.backend(), x.shape());
        Tensor mean = Tensor.empty(x.backend(), planes);
        Tensor invstd = Tensor.empty(x.backend(), planes);
        x.backend().instanceNormForward(xd.buffer(), planes, channels, size, eps, gd == null ? null : gd.buffer(),
                bd == null ? null : bd.buffer(), y.buffer(), mean.buffer(), invstd.buffer());
        return Node.record(y, "instanceNorm3d", g -> {
            if (GradMode.isEnabled()) {
                return recordedBackward(x, gamma, beta, eps, g);
            }
            Tensor gdy = Kernels.dense(g);
            Tensor dx = Tensor.empty(x.backend(), x.shape());
            Tensor dgamma = gamma == null ? null : Tensor.empty(x.backend(), gamma.shape());
            Tensor dbeta = beta == null ? null : Tensor.empty(x.backend(), beta.shape());
            x.backend().instanceNormBackward(xd.buffer(), gdy.buffer(), mean.buffer(), invstd.buffer(), planes,
                    channels, size, gd == null ? null : gd.buffer(), dx.buffer(),
                    dgamma == null ? null : dgamma.buffer(), dbeta == null ? null : dbeta.buffer());
            return new Tensor[] {dx, dgamma, dbeta};
        }, x, gamma, beta);
    }

    /**
     * The gradients of instance norm written in ops of the graph (for a backward pass with createGraph), with
     * x̂ = (x − mean)·invstd recomputed from x: {@code dx = invstd·(ĝ − mean(ĝ) − x̂·mean(ĝ·x̂))} for
     * {@code ĝ = g·gamma}, {@code dgamma = Σ g·x̂}, {@code dbeta = Σ g}.
     */
    private static Tensor[] recordedBackward(Tensor x, Tensor gamma, Tensor beta, float eps, Tensor g) {
        Tensor centred = Elementwise.sub(x, Reductions.mean(x, true, 2, 3, 4));
        Tensor variance = Reductions.mean(Elementwise.mul(centred, centred), true, 2, 3, 4);
        Tensor invstd = Elementwise.pow(Elementwise.affine(variance, 1f, eps), -0.5f);
        Tensor xhat = Elementwise.mul(centred, invstd);
        Tensor dx = null;
        if (Autograd.needsGrad(x)) {
            Tensor ghat = gamma == null ? g : Elementwise.mul(g, Movement.reshape(gamma, 1, x.size(1), 1, 1, 1));
            Tensor inner = Elementwise.sub(Elementwise.sub(ghat, Reductions.mean(ghat, true, 2, 3, 4)),
                    Elementwise.mul(xhat, Reductions.mean(Elementwise.mul(ghat, xhat), true, 2, 3, 4)));
            dx = Elementwise.mul(invstd, inner);
        }
        Tensor dgamma = gamma != null && Autograd.needsGrad(gamma)
                ? Movement.reshape(Reductions.sum(Elementwise.mul(g, xhat), false, 0, 2, 3, 4), gamma.shape()) : null;
        Tensor dbeta = beta != null && Autograd.needsGrad(beta)
                ? Movement.reshape(Reductions.sum(g, false, 0, 2, 3, 4), beta.shape()) : null;
        return new Tensor[] {dx, dgamma, dbeta};
    }
}
