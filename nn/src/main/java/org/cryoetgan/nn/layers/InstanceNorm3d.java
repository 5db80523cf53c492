package org.cryoetgan.nn.layers;

import org.cryoetgan.engine.Scope;
import org.cryoetgan.engine.Tensor;
import org.cryoetgan.engine.ops.Normalization;
import org.cryoetgan.nn.Module;

/**
 * Instance normalisation per sample and channel (no running statistics, as PyTorch's default); with
 * {@code affine} a per-channel scale {@code weight} (ones) and shift {@code bias} (zeros) are learned.
 */
public final class InstanceNorm3d extends Module {
    private final int channels;
    private final float eps;
    private final Tensor weight;
    private final Tensor bias;

    public InstanceNorm3d(int channels, float eps, boolean affine) {
        this.channels = channels;
        this.eps = eps;
        if (affine) {
            weight = registerParameter("weight", Scope.unscoped(() -> Tensor.ones(channels)));
            bias = registerParameter("bias", Scope.unscoped(() -> Tensor.zeros(channels)));
        } else {
            weight = null;
            bias = null;
        }
    }

    /** eps 1e-5, no affine transform (CycleGAN's instance norm). */
    public InstanceNorm3d(int channels) {
        this(channels, 1e-5f, false);
    }

    @Override
    public Tensor forward(Tensor input) {
        if (input.rank() != 5 || input.size(1) != channels) {
            throw new IllegalArgumentException("InstanceNorm3d(" + channels + ") got input "
                    + java.util.Arrays.toString(input.shape()));
        }
        return Normalization.instanceNorm3d(input, weight, bias, eps);
    }

    @Override
    public String toString() {
        return "InstanceNorm3d(" + channels + (weight != null ? ", affine" : "") + ")";
    }
}
