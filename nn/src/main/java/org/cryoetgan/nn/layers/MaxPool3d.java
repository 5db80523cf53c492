package org.cryoetgan.nn.layers;

import org.cryoetgan.engine.Tensor;
import org.cryoetgan.engine.ops.Pooling;
import org.cryoetgan.nn.Module;

/** Max pooling over cubic windows. */
public final class MaxPool3d extends Module {
    private final int kernel;
    private final int stride;

    public MaxPool3d(int kernel, int stride) {
        this.kernel = kernel;
        this.stride = stride;
    }

    @Override
    public Tensor forward(Tensor input) {
        return Pooling.maxPool3d(input, kernel, stride);
    }

    @Override
    public String toString() {
        return "MaxPool3d(k" + kernel + ", s" + stride + ")";
    }
}
