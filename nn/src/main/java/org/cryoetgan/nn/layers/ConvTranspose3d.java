package org.cryoetgan.nn.layers;

import org.cryoetgan.engine.RandomGenerator;
import org.cryoetgan.engine.Scope;
import org.cryoetgan.engine.Tensor;
import org.cryoetgan.engine.ops.Convolution;
import org.cryoetgan.nn.init.Init;

/**
 * 3-D transposed convolution with a cubic kernel: weight [C_in, C_out, k, k, k] (PyTorch's layout), optional
 * bias [C_out]; output size {@code (in−1)·stride − 2·padding + k + outputPadding}.
 */
public final class ConvTranspose3d extends WeightedLayer {
    private final int stride;
    private final int padding;
    private final int outputPadding;

    public ConvTranspose3d(int inChannels, int outChannels, int kernel, int stride, int padding, int outputPadding,
                           boolean bias, RandomGenerator rng) {
        super(Scope.unscoped(() -> Tensor.zeros(inChannels, outChannels, kernel, kernel, kernel)),
                bias ? Scope.unscoped(() -> Tensor.zeros(outChannels)) : null);
        if (stride < 1 || padding < 0 || outputPadding < 0 || outputPadding >= stride) {
            throw new IllegalArgumentException("need stride >= 1, padding >= 0 and 0 <= outputPadding < stride");
        }
        this.stride = stride;
        this.padding = padding;
        this.outputPadding = outputPadding;
        Init.torchDefault(weight(), bias(), rng);
    }

    @Override
    public int outputAxis() {
        return 1;
    }

    @Override
    public Tensor forwardWith(Tensor input, Tensor w) {
        return Convolution.convTranspose3d(input, w, bias(), stride, padding, outputPadding);
    }

    @Override
    public String toString() {
        int[] s = weight().shape();
        return "ConvTranspose3d(" + s[0] + "->" + s[1] + ", k" + s[2] + ", s" + stride + ", p" + padding + ", op"
                + outputPadding + ")";
    }
}
