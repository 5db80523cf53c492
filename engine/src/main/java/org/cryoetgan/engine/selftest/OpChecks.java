package org.cryoetgan.engine.selftest;

import java.util.ArrayList;
import java.util.List;
import org.cryoetgan.engine.RandomGenerator;
import org.cryoetgan.engine.Scope;
import org.cryoetgan.engine.Tensor;
import org.cryoetgan.engine.backend.Backend;
import org.cryoetgan.engine.backend.PadMode;
import org.cryoetgan.engine.ops.Activations;
import org.cryoetgan.engine.ops.Convolution;
import org.cryoetgan.engine.ops.Dropout;
import org.cryoetgan.engine.ops.Elementwise;
import org.cryoetgan.engine.ops.Normalization;
import org.cryoetgan.engine.ops.Padding;
import org.cryoetgan.engine.ops.Pooling;
import org.cryoetgan.engine.ops.Reductions;

/**
 * The selftest's cases: every backend kernel reached through the engine's ops, forward and backward, on sizes
 * that are not multiples of GPU block sizes. Each case returns its outputs and the gradients of a weighted sum of
 * them (so backward kernels see a non-uniform upstream gradient).
 */
public final class OpChecks {
    private OpChecks() {
    }

    /** A case body: inputs come from {@code in}, outputs go to {@code out}. */
    private interface Body {
        void run(Inputs in, List<Tensor> out);
    }

    private static OpCheck check(String name, Body body) {
        return new OpCheck(name, backend -> {
            List<float[]> result = new ArrayList<>();
            try (Scope scope = Scope.open()) {
                List<Tensor> out = new ArrayList<>();
                body.run(new Inputs(backend, name.hashCode()), out);
                for (Tensor t : out) {
                    result.add(t.toArray());
                }
            }
            return result;
        });
    }

    /** Backpropagates sum(y · r) with r a fixed random tensor, and adds y and the gradients of {@code leaves}. */
    private static void backward(Inputs in, Tensor y, List<Tensor> out, Tensor... leaves) {
        Tensor r = in.uniform(-1f, 1f, y.shape());
        y.mul(r).sum().backward();
        out.add(y);
        for (Tensor l : leaves) {
            out.add(l.grad());
        }
    }

    public static List<OpCheck> all() {
        List<OpCheck> c = new ArrayList<>();
        c.add(check("elementwise (unary, binary, broadcast)", (in, out) -> {
            Tensor a = in.param(-2f, 2f, 3, 4, 37);
            Tensor b = in.param(0.5f, 2f, 1, 4, 1);
            Tensor y = a.mul(b).add(a.exp().div(b)).sub(a.abs().add(1f).log()).add(a.abs().sqrt().mul(0.5f))
                    .add(Activations.tanh(a)).add(Activations.sigmoid(a.mul(b))).add(Activations.leakyRelu(a, 0.2f))
                    .add(Elementwise.maximum(a, b)).add(a.clamp(-1f, 1f).pow(3f));
            backward(in, y, out, a, b);
        }));
        c.add(check("reductions (sum, mean, max, min)", (in, out) -> {
            Tensor x = in.param(-3f, 3f, 2, 5, 6, 7);
            Tensor y = Reductions.sum(x, true, 1, 3).add(Reductions.mean(x, true, 0, 2, 3).sum(true, 1))
                    .add(Reductions.max(x, 1, 3)).add(Reductions.min(x, 1, 3));
            backward(in, y, out, x);
            out.add(Reductions.sum(x).add(Reductions.mean(x)));
        }));
        c.add(check("matmul", (in, out) -> {
            Tensor a = in.param(-1f, 1f, 67, 45);
            Tensor b = in.param(-1f, 1f, 45, 39);
            backward(in, a.matmul(b), out, a, b);
        }));
        c.add(check("conv3d forward + backward", (in, out) -> {
            Tensor x = in.param(-1f, 1f, 2, 3, 9, 8, 7);
            Tensor w = in.param(-0.5f, 0.5f, 4, 3, 3, 3, 3);
            Tensor bias = in.param(-0.5f, 0.5f, 4);
            backward(in, Convolution.conv3d(x, w, bias, 2, 1), out, x, w, bias);
        }));
        c.add(check("convTranspose3d forward + backward", (in, out) -> {
            Tensor x = in.param(-1f, 1f, 2, 4, 5, 4, 6);
            Tensor w = in.param(-0.5f, 0.5f, 4, 3, 3, 3, 3);
            Tensor bias = in.param(-0.5f, 0.5f, 3);
            backward(in, Convolution.convTranspose3d(x, w, bias, 2, 1, 1), out, x, w, bias);
        }));
        c.add(check("instance norm forward + backward", (in, out) -> {
            Tensor x = in.param(-2f, 3f, 2, 3, 6, 5, 7);
            Tensor gamma = in.param(0.5f, 1.5f, 3);
            Tensor beta = in.param(-0.5f, 0.5f, 3);
            backward(in, Normalization.instanceNorm3d(x, gamma, beta, 1e-5f), out, x, gamma, beta);
        }));
        for (PadMode mode : PadMode.values()) {
            c.add(check("pad3d " + mode.name().toLowerCase() + " forward + backward", (in, out) -> {
                Tensor x = in.param(-1f, 1f, 2, 3, 5, 6, 4);
                backward(in, Padding.pad3d(x, mode, new int[] {1, 2, 2, 1, 0, 3}), out, x);
            }));
        }
        c.add(check("max/avg pooling forward + backward", (in, out) -> {
            Tensor x = in.param(-1f, 1f, 2, 3, 9, 8, 7);
            Tensor y = Pooling.maxPool3d(x, 2, 2).add(Pooling.avgPool3d(x, 2, 2));
            backward(in, y, out, x);
        }));
        c.add(check("random numbers and dropout", (in, out) -> {
            Tensor x = in.param(-1f, 1f, 3, 1000);
            backward(in, Dropout.dropout(x, 0.3f, new RandomGenerator(7), true), out, x);
            Backend b = x.backend();
            Tensor n = Tensor.empty(b, 4099);
            b.randomNormal(11, 5, 0.5f, 2f, n.buffer(), n.numel());
            Tensor u = Tensor.empty(b, 4099);
            b.randomUniform(11, 9, -1f, 3f, u.buffer(), u.numel());
            out.add(n);
            out.add(u);
        }));
        c.add(TrainingCheck.smallConvNet(3));
        return c;
    }
}
