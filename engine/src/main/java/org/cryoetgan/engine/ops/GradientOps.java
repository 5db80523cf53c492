package org.cryoetgan.engine.ops;

import org.cryoetgan.engine.Tensor;
import org.cryoetgan.engine.autograd.GradMode;
import org.cryoetgan.engine.autograd.Node;
import org.cryoetgan.engine.backend.BinaryOp;

/**
 * Gradients of the activations as ops of the graph, so that a backward pass recorded with {@code createGraph}
 * can be differentiated again. Without grad mode each is the fused backend kernel it replaces, unchanged.
 */
final class GradientOps {
    private GradientOps() {
    }

    /**
     * {@code op(x, g)} for a gradient kernel that multiplies g by a piecewise-constant factor of x (relu,
     * leakyRelu, clamp): linear in g, with a zero derivative in x away from the kinks. Its own gradient with
     * respect to g is the same masked multiply, so it can be differentiated to any order.
     */
    static Tensor masked(BinaryOp op, float a, float b, Tensor x, Tensor g) {
        Tensor out = Kernels.binary(op, a, b, x, g);
        return Node.record(out, "maskedGrad", gg -> new Tensor[] {null, masked(op, a, b, x, gg)}, x, g);
    }

    /** {@code g·(1 − y²)} for {@code y = tanh(x)}. */
    static Tensor tanhGrad(Tensor y, Tensor g) {
        if (!GradMode.isEnabled()) {
            return Kernels.binary(BinaryOp.TANH_GRAD, 0, 0, y, g);
        }
        return Elementwise.mul(g, Elementwise.affine(Elementwise.mul(y, y), -1f, 1f));
    }

    /** {@code g·y·(1 − y)} for {@code y = sigmoid(x)}. */
    static Tensor sigmoidGrad(Tensor y, Tensor g) {
        if (!GradMode.isEnabled()) {
            return Kernels.binary(BinaryOp.SIGMOID_GRAD, 0, 0, y, g);
        }
        return Elementwise.mul(g, Elementwise.mul(y, Elementwise.affine(y, -1f, 1f)));
    }
}
