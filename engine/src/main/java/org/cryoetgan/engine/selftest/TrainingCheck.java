package org.cryoetgan.engine.selftest;

import java.util.ArrayList;
import java.util.List;
import org.cryoetgan.engine.Scope;
import org.cryoetgan.engine.Tensor;
import org.cryoetgan.engine.ops.Activations;
import org.cryoetgan.engine.ops.Convolution;
import org.cryoetgan.engine.ops.Elementwise;
import org.cryoetgan.engine.ops.Normalization;

/**
 * A few SGD steps of a small conv net (conv → instance norm → leaky ReLU → conv, mean squared error to a target)
 * from fixed initial weights: the losses of every step and the final weights are compared between backends, so
 * the ops compose on a device as they do on the CPU.
 */
final class TrainingCheck {
    private TrainingCheck() {
    }

    static OpCheck smallConvNet(int steps) {
        String name = "training: " + steps + " SGD steps of a small conv net";
        return new OpCheck(name, backend -> {
            List<float[]> result = new ArrayList<>();
            try (Scope outer = Scope.open()) {
                Inputs in = new Inputs(backend, 2024);
                Tensor x = in.uniform(-1f, 1f, 2, 1, 8, 8, 8);
                Tensor target = in.uniform(-0.5f, 0.5f, 2, 1, 8, 8, 8);
                Tensor w1 = in.param(-0.3f, 0.3f, 4, 1, 3, 3, 3);
                Tensor b1 = in.param(-0.1f, 0.1f, 4);
                Tensor gamma = in.param(0.8f, 1.2f, 4);
                Tensor beta = in.param(-0.1f, 0.1f, 4);
                Tensor w2 = in.param(-0.3f, 0.3f, 1, 4, 3, 3, 3);
                Tensor b2 = in.param(-0.1f, 0.1f, 1);
                Tensor[] params = {w1, b1, gamma, beta, w2, b2};
                float[] losses = new float[steps];
                for (int s = 0; s < steps; s++) {
                    try (Scope step = Scope.open()) {
                        Tensor h = Convolution.conv3d(x, w1, b1, 1, 1);
                        h = Activations.leakyRelu(Normalization.instanceNorm3d(h, gamma, beta, 1e-5f), 0.2f);
                        Tensor y = Convolution.conv3d(h, w2, b2, 1, 1);
                        Tensor loss = y.sub(target).pow(2f).mean();
                        loss.backward();
                        losses[s] = loss.item();
                        for (Tensor p : params) {
                            Elementwise.axpyInPlace(-0.1f, p.grad(), p);
                            p.zeroGrad();
                        }
                    }
                }
                result.add(losses);
                for (Tensor p : params) {
                    result.add(p.toArray());
                }
            }
            return result;
        });
    }
}
