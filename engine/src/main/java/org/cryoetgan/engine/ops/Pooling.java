package org.cryoetgan.engine.ops;

import org.cryoetgan.engine.Tensor;
import org.cryoetgan.engine.autograd.GradMode;
import org.cryoetgan.engine.autograd.Node;
import org.cryoetgan.engine.backend.PoolGeometry;

/** Max and average pooling over the spatial axes of N×C×D×H×W tensors. */
public final class Pooling {
    private Pooling() {
    }

    public static Tensor maxPool3d(Tensor x, int kernel, int stride) {
        return maxPool3d(x, Convolution.triple(kernel), Convolution.triple(stride), Convolution.triple(0));
    }

    /** Max over each window; padding positions never win. */
    public static Tensor maxPool3d(Tensor x, int[] kernel, int[] stride, int[] padding) {
        PoolGeometry g = geometry(x, kernel, stride, padding);
        Tensor xd = Kernels.dense(x);
        Tensor y = Tensor.empty(x.backend(), x.size(0), x.size(1), g.out[0], g.out[1], g.out[2]);
        x.backend().maxPool3d(g, xd.buffer(), y.buffer());
        return Node.record(y, "maxPool3d", gy -> {
            if (GradMode.isEnabled() && (gy.requiresGrad() || x.requiresGrad())) {
                throw new UnsupportedOperationException("maxPool3d has no second derivative here: a backward pass"
                        + " with createGraph cannot go through it (use avgPool3d or a strided convolution)");
            }
            Tensor dx = Tensor.empty(x.backend(), x.shape());
            x.backend().maxPool3dBackward(g, xd.buffer(), Kernels.dense(gy).buffer(), dx.buffer());
            return new Tensor[] {dx};
        }, x);
    }

    public static Tensor avgPool3d(Tensor x, int kernel, int stride) {
        return avgPool3d(x, Convolution.triple(kernel), Convolution.triple(stride), Convolution.triple(0));
    }

    /** Mean over each window, padding counted as zeros in the divisor. */
    public static Tensor avgPool3d(Tensor x, int[] kernel, int[] stride, int[] padding) {
        PoolGeometry g = geometry(x, kernel, stride, padding);
        Tensor xd = Kernels.dense(x);
        Tensor y = Tensor.empty(x.backend(), x.size(0), x.size(1), g.out[0], g.out[1], g.out[2]);
        x.backend().avgPool3d(g, xd.buffer(), y.buffer());
        return Node.record(y, "avgPool3d", gy -> new Tensor[] {avgPoolAdjoint(gy, g, x.shape(), kernel, stride,
                padding)}, x);
    }

    /** The gradient of average pooling: linear in gy, and its own gradient is the average pooling again. */
    private static Tensor avgPoolAdjoint(Tensor gy, PoolGeometry g, int[] inputShape, int[] kernel, int[] stride,
                                         int[] padding) {
        Tensor dx = Tensor.empty(gy.backend(), inputShape);
        gy.backend().avgPool3dBackward(g, Kernels.dense(gy).buffer(), dx.buffer());
        return Node.record(dx, "avgPool3dBackward", gg -> new Tensor[] {avgPool3d(gg, kernel, stride, padding)}, gy);
    }

    private static PoolGeometry geometry(Tensor x, int[] kernel, int[] stride, int[] padding) {
        Convolution.checkRank5(x, "pooling input");
        return new PoolGeometry(x.size(0) * x.size(1), Convolution.spatial(x), kernel, stride, padding);
    }
}
