package org.cryoetgan.engine.ops;

import org.cryoetgan.engine.Tensor;
import org.cryoetgan.engine.autograd.Autograd;
import org.cryoetgan.engine.autograd.Node;
import org.cryoetgan.engine.backend.ConvGeometry;

/**
 * The three passes of a 3-D convolution on one geometry as ops of the graph: forward {@code y = x ⋆ w}, data
 * {@code dx = D(gy, w)} (the adjoint of the forward in x, i.e. a transposed convolution) and weight
 * {@code dw = W(x, gy)} (its adjoint in w). All three are bilinear, and the gradient of each is expressed
 * through the other two, so a convolution can be differentiated to any order.
 */
final class ConvPasses {
    private ConvPasses() {
    }

    /** {@code y = x ⋆ w} (no bias), y of the geometry's output shape. */
    static Tensor forward(ConvGeometry g, Tensor x, Tensor w) {
        Tensor xd = Kernels.dense(x);
        Tensor wd = Kernels.dense(w);
        Tensor y = Tensor.empty(x.backend(), g.batch, g.outChannels, g.out[0], g.out[1], g.out[2]);
        x.backend().conv3d(g, xd.buffer(), wd.buffer(), null, y.buffer());
        return Node.record(y, "conv3dForward", gy -> new Tensor[] {
                Autograd.needsGrad(x) ? data(g, gy, w) : null,
                Autograd.needsGrad(w) ? weight(g, x, gy) : null}, x, w);
    }

    /** {@code dx = D(gy, w)}, of the geometry's input shape. */
    static Tensor data(ConvGeometry g, Tensor gy, Tensor w) {
        Tensor gyd = Kernels.dense(gy);
        Tensor wd = Kernels.dense(w);
        Tensor dx = Tensor.empty(gy.backend(), g.batch, g.inChannels, g.in[0], g.in[1], g.in[2]);
        gy.backend().conv3dBackwardData(g, gyd.buffer(), wd.buffer(), dx.buffer());
        return Node.record(dx, "conv3dData", gdx -> new Tensor[] {
                Autograd.needsGrad(gy) ? forward(g, gdx, w) : null,
                Autograd.needsGrad(w) ? weight(g, gdx, gy) : null}, gy, w);
    }

    /** {@code dw = W(x, gy)}, of the weight's shape C_out×C_in×kD×kH×kW. */
    static Tensor weight(ConvGeometry g, Tensor x, Tensor gy) {
        Tensor xd = Kernels.dense(x);
        Tensor gyd = Kernels.dense(gy);
        Tensor dw = Tensor.empty(x.backend(), g.outChannels, g.inChannels, g.kernel[0], g.kernel[1], g.kernel[2]);
        x.backend().conv3dBackwardWeight(g, xd.buffer(), gyd.buffer(), dw.buffer(), null);
        return Node.record(dw, "conv3dWeight", gdw -> new Tensor[] {
                Autograd.needsGrad(x) ? data(g, gy, gdw) : null,
                Autograd.needsGrad(gy) ? forward(g, x, gdw) : null}, x, gy);
    }
}
