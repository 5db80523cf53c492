package org.cryoetgan.engine.ops;

import java.util.Arrays;
import org.cryoetgan.engine.Tensor;
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
}
