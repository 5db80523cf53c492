package org.cryoetgan.engine.ops;

import org.cryoetgan.engine.Tensor;
import org.cryoetgan.engine.autograd.Node;
import org.cryoetgan.engine.backend.BinaryOp;
import org.cryoetgan.engine.backend.UnaryOp;

/** Nonlinearities with fused backward kernels: relu, leakyRelu, tanh, sigmoid, softplus. */
public final class Activations {
    private Activations() {
    }

    public static Tensor relu(Tensor x) {
        Tensor out = Kernels.unary(UnaryOp.RELU, 0, 0, x);
        return Node.record(out, "relu", g -> new Tensor[] {GradientOps.masked(BinaryOp.RELU_GRAD, 0, 0, x, g)}, x);
    }

    /** {@code x > 0 ? x : slope·x}. */
    public static Tensor leakyRelu(Tensor x, float slope) {
        Tensor out = Kernels.unary(UnaryOp.LEAKY_RELU, slope, 0, x);
        return Node.record(out, "leakyRelu",
                g -> new Tensor[] {GradientOps.masked(BinaryOp.LEAKY_RELU_GRAD, slope, 0, x, g)}, x);
    }

    public static Tensor tanh(Tensor x) {
        Tensor out = Kernels.unary(UnaryOp.TANH, 0, 0, x);
        return Node.record(out, "tanh", g -> new Tensor[] {GradientOps.tanhGrad(out, g)}, x);
    }

    public static Tensor sigmoid(Tensor x) {
        Tensor out = Kernels.unary(UnaryOp.SIGMOID, 0, 0, x);
        return Node.record(out, "sigmoid",
                g -> new Tensor[] {GradientOps.sigmoidGrad(out, g)}, x);
    }

    /** {@code log(1 + e^x)}, computed stably; its gradient is sigmoid(x). */
    public static Tensor softplus(Tensor x) {
        Tensor out = Kernels.unary(UnaryOp.SOFTPLUS, 0, 0, x);
        return Node.record(out, "softplus", g -> new Tensor[] {
                Elementwise.mul(g, sigmoid(x))}, x);
    }
}
