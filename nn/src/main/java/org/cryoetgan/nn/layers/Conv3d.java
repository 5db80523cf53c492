package org.cryoetgan.nn.layers;

import org.cryoetgan.engine.RandomGenerator;
import org.cryoetgan.engine.Scope;
import org.cryoetgan.engine.Tensor;
import org.cryoetgan.engine.ops.Convolution;
import org.cryoetgan.nn.init.Init;

/**
 * 3-D convolution with a cubic kernel: weight [C_out, C_in, k, k, k], optional bias [C_out], zero padding.
 * Initialised as PyTorch does by default (U(±1/√fanIn)); models usually re-initialise.
 */
public final class Conv3d extends WeightedLayer {
    private final int stride;
    private final int padding;

    public Conv3d(int inChannels, int outChannels, int kernel, int stride, int padding, boolean bias,
                  RandomGenerator rng) {
        super(Scope.unscoped(() -> Tensor.zeros(outChannels, inChannels, kernel, kernel, kernel)),
                bias ? Scope.unscoped(() -> Tensor.zeros(outChannels)) : null);
        if (stride < 1 || padding < 0) {
            throw new IllegalArgumentException("stride must be >= 1 and padding >= 0");
        }
        this.stride = stride;
        this.padding = padding;
        Init.torchDefault(weight(), bias(), rng);
    }

    /** Stride 1, no padding, with bias. */
    public Conv3d(int inChannels, int outChannels, int kernel, RandomGenerator rng) {
        this(inChannels, outChannels, kernel, 1, 0, true, rng);
    }

    @Override
    public Tensor forwardWith(Tensor input, Tensor w) {
        return Convolution.conv3d(input, w, bias(), stride, padding);
    }

    @Override
    public String toString() {
        int[] s = weight().shape();
        return "Conv3d(" + s[1] + "->" + s[0] + ", k" + s[2] + ", s" + stride + ", p" + padding + ")";
    }
}
